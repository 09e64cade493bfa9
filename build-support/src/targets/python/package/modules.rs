//! The operation modules of the package style: `api/<tag>/<operation>.py`, each with `sync`,
//! `sync_detailed`, `asyncio` and `asyncio_detailed`.
//!
//! Written straight into strings rather than through a template: a big spec has thousands of
//! operations (see the Speed decision in the session notes). The parameters, the request and the
//! decoding come from [`operations::call`], the same code that writes the functions style: a
//! private `_parse(response)` reads the answer (raising on an undocumented status), `sync` and
//! `asyncio` return it, `sync_detailed` and `asyncio_detailed` wrap it in `Response`.

use std::collections::HashMap;

use super::super::escape;
use super::super::names::{self, Scope};
use super::super::operations::{
    self, BodyKind, Call, LINE_LENGTH, Naming, ParamView, call_expression,
};
use super::super::types::{self, Open, Uses};
use crate::ir::{Api, Operation};

/// The folder of operations that have no tag.
pub const UNTAGGED: &str = "default";

/// The naming of the package style: models in `models`, bodies named by their encoding.
const PACKAGE_NAMING: Naming = Naming {
    models: "models.",
    body: |kind| match kind {
        BodyKind::Json => "json_body",
        BodyKind::Multipart => "multipart_data",
        BodyKind::Form => "form_data",
        BodyKind::Raw => "body",
    },
};

/// The indentation of a module-level function's body.
const INDENT: &str = "    ";

/// One operation module.
#[derive(Debug)]
pub struct OperationModule {
    /// The tag folder's name under `api/`.
    pub folder: String,
    /// The module's name (the functions style's function name).
    pub name: String,
    /// The wire method, for the README.
    pub method: &'static str,
    /// The spec's path, for the README.
    pub path_text: String,
    /// The module's source.
    pub source: String,
}

/// One tag folder under `api/`.
#[derive(Debug)]
pub struct TagFolder {
    /// The folder's name.
    pub name: String,
    /// The tag as the spec writes it.
    pub tag: String,
}

/// The tag folders (in order of first use) and one module per operation, in spec order.
pub fn modules(
    api: &Api,
    class_names: &[String],
    open: &[Option<Open>],
    header: &str,
) -> (Vec<TagFolder>, Vec<OperationModule>) {
    let mut folders = Vec::new();
    let mut folder_of_tag: HashMap<&str, usize> = HashMap::new();
    let mut folder_scope = Scope::default();
    let mut functions = names::client_scope();
    let modules = api
        .operations
        .iter()
        .map(|operation| {
            let tag = operation
                .tags
                .first()
                .map(String::as_str)
                .unwrap_or(UNTAGGED);
            let index = *folder_of_tag.entry(tag).or_insert_with(|| {
                folders.push(TagFolder {
                    name: folder_scope.claim(names::snake_name(tag)),
                    tag: tag.to_string(),
                });
                folders.len() - 1
            });
            let name = functions.claim(names::snake_name(&operation.id));
            let source = module_source(operation, class_names, open, header);
            OperationModule {
                folder: folders[index].name.clone(),
                name,
                method: operation.method.as_str(),
                path_text: operation.path.clone(),
                source,
            }
        })
        .collect();
    (folders, modules)
}

/// The source of `operation`'s module.
fn module_source(
    operation: &Operation,
    class_names: &[String],
    open: &[Option<Open>],
    header: &str,
) -> String {
    let mut uses = Uses::default();
    let call = operations::call(
        operation,
        class_names,
        open,
        PACKAGE_NAMING,
        names::operation_module_scope(),
        INDENT,
        &mut uses,
    );
    let module_doc = module_doc(operation);
    let mut out = String::with_capacity(4096);
    out.push_str(header);
    out.push('\n');
    out.push_str(&format!(
        "\"\"\"{module_doc}\"\"\"\n\nfrom __future__ import annotations\n\n"
    ));
    write_imports(&mut out, uses);
    write_request_function(&mut out, &call);
    write_parse_function(&mut out, &call);
    let doc = call.doc.as_deref().unwrap_or(&module_doc);
    write_callers(&mut out, &call, doc);
    out
}

/// The module's docstring body: ``` ``GET /users/{id}``: summary ```, on one line.
fn module_doc(operation: &Operation) -> String {
    let mut text = format!("``{} {}``", operation.method.as_str(), operation.path);
    let summary = operation
        .summary
        .as_deref()
        .map(escape::comment)
        .unwrap_or_default();
    if !summary.is_empty() {
        text.push_str(": ");
        text.push_str(&summary);
    }
    escape::docstring(&escape::comment(&text), "").unwrap_or_default()
}

fn write_imports(out: &mut String, uses: Uses) {
    let standard = [
        (uses.datetime, "import datetime as _dt\n"),
        (uses.typing, "import typing as _t\n"),
        (uses.uuid, "import uuid as _uuid\n"),
    ];
    let mut any_standard = false;
    for (used, line) in standard {
        if used {
            out.push_str(line);
            any_standard = true;
        }
    }
    if any_standard {
        out.push('\n');
    }
    out.push_str("import httpx\n");
    if uses.pydantic {
        out.push_str("import pydantic as _pd\n");
    }
    out.push('\n');
    if uses.schemas {
        out.push_str("from ... import models\n");
    }
    out.push_str("from ... import transport as _http\n");
    out.push_str("from ...client import Client\n");
    out.push_str("from ...transport import Response\n");
}

/// `def _request(*, ...) -> _http.Request:` building the request from the arguments.
fn write_request_function(out: &mut String, call: &Call) {
    let signature = operations::signature("_request", false, &call.params, "_http.Request", INDENT);
    out.push_str(&format!("\n\ndef {signature}\n{INDENT}return "));
    call.write_request(out, INDENT);
}

/// `def _parse(response)`: the body decoded as its outcome documents, or the error it raises
/// (`UnexpectedStatus` for an undocumented status, whatever the client's settings).
fn write_parse_function(out: &mut String, call: &Call) {
    let one_line = format!("def _parse(response: httpx.Response) -> {}:", call.returns);
    if one_line.len() <= LINE_LENGTH {
        out.push_str(&format!("\n\n{one_line}\n"));
    } else {
        out.push_str(&format!(
            "\n\ndef _parse(\n{INDENT}response: httpx.Response,\n) -> {}:\n",
            call.returns
        ));
    }
    call.write_decoding(out, INDENT);
    out.push_str(&format!("{INDENT}return parsed\n"));
}

/// The `Raises:` section of the callers' docstrings: the errors `call` can raise, the
/// undocumented status described by `undocumented`.
fn raises_doc(call: &Call, undocumented: &str) -> String {
    let mut lines = Vec::new();
    if call.raises_api_error() {
        lines.push("ApiError: A documented error status without a body.");
    }
    if call.undocumented && !undocumented.is_empty() {
        lines.push(undocumented);
    }
    if call.reads_json() {
        lines.push("UnexpectedBody: The body is not what the spec documents for the status.");
    }
    if lines.is_empty() {
        return String::new();
    }
    let mut doc = format!("\n\n{INDENT}Raises:");
    for line in lines {
        doc.push_str(&format!("\n{INDENT}    {line}"));
    }
    doc
}

/// The four public functions, each documented with `doc` and what it returns. `sync` and
/// `asyncio` return the body, and raise on an undocumented status whatever the client's
/// `raise_on_unexpected_status`: they have nothing else to return. `sync_detailed` and
/// `asyncio_detailed` return the whole response, with `parsed=None` for such a status when the
/// client's `raise_on_unexpected_status` is false.
fn write_callers(out: &mut String, call: &Call, doc: &str) {
    let client = ParamView {
        name: "client".to_string(),
        annotation: "Client".to_string(),
        default: None,
    };
    let mut params = vec![client];
    params.extend(call.params.iter().map(|param| ParamView {
        name: param.name.clone(),
        annotation: param.annotation.clone(),
        default: param.default.clone(),
    }));
    let request_args: Vec<String> = call
        .params
        .iter()
        .map(|param| format!("{0}={0}", param.name))
        .collect();
    let returns_none = call.returns == "None";
    let (detailed, detailed_returns) = if call.undocumented {
        (
            format!("Response[{}]", types::with_none(&call.returns)),
            "The whole response; ``parsed`` holds the body decoded as documented, or\n        \
             ``None`` for an undocumented status when the client's\n        \
             ``raise_on_unexpected_status`` is false.",
        )
    } else {
        (
            format!("Response[{}]", call.returns),
            "The whole response; ``parsed`` holds the body decoded as documented.",
        )
    };
    let detailed_raises = raises_doc(
        call,
        "UnexpectedStatus: The status is not documented and the client's\n            \
         ``raise_on_unexpected_status`` is true.",
    );
    let body_raises = raises_doc(
        call,
        "UnexpectedStatus: The status is not documented (whatever the client's\n            \
         ``raise_on_unexpected_status``).",
    );
    let document = |out: &mut String, returns: &str, raises: &str| {
        out.push_str(&format!(
            "{INDENT}\"\"\"{doc}\n\n{INDENT}Returns:\n{INDENT}    {returns}{raises}\"\"\"\n"
        ));
    };
    for asyncio in [false, true] {
        let (keyword, prefix, send, http_client) = if asyncio {
            (
                "async def",
                "asyncio",
                "await _http.send_async",
                "get_async_httpx_client",
            )
        } else {
            ("def", "sync", "_http.send", "get_httpx_client")
        };
        let request = call_expression("_request", &request_args, "        ", 1);
        let send = format!(
            "{INDENT}response = {send}(\n        {request},\n        client.settings,\n        \
             client.{http_client}(),\n{INDENT})\n"
        );

        let detailed_name = format!("{prefix}_detailed");
        let signature = operations::signature(&detailed_name, false, &params, &detailed, INDENT);
        out.push_str(&format!("\n\n{keyword} {signature}\n"));
        document(out, detailed_returns, &detailed_raises);
        out.push_str(&send);
        if call.undocumented {
            out.push_str(&format!(
                "{INDENT}return _http.lenient_response(response, _parse, \
                 client.raise_on_unexpected_status)\n"
            ));
        } else if returns_none {
            // mypy refuses the value of a function that only returns None.
            out.push_str(&format!(
                "{INDENT}_parse(response)\n{INDENT}return Response.from_httpx(response, None)\n"
            ));
        } else {
            out.push_str(&format!(
                "{INDENT}return Response.from_httpx(response, _parse(response))\n"
            ));
        }

        let signature = operations::signature(prefix, false, &params, &call.returns, INDENT);
        out.push_str(&format!("\n\n{keyword} {signature}\n"));
        document(
            out,
            "The body of the response, decoded as documented.",
            &body_raises,
        );
        out.push_str(&send);
        if returns_none {
            out.push_str(&format!("{INDENT}_parse(response)\n"));
        } else {
            out.push_str(&format!("{INDENT}return _parse(response)\n"));
        }
    }
}
