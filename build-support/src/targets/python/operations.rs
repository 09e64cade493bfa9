//! The view of each operation in `client.py`: its signatures, how the request is built and how
//! the answer is read, outcome by outcome (see [`Operation::outcomes`]).
//!
//! Each operation is two calls: `get_item_detailed(...)` sends the request and returns
//! `http.Response[...]`, and `get_item(...)` returns its `parsed`.

use super::escape;
use super::names;
use super::types::{self, Context, Open, Uses};
use crate::ir::{
    Api, Content, MediaKind, Operation, Parameter, ParameterLocation, ParameterStyle, Response,
    Statuses, Type,
};
use crate::targets::constraints;
use crate::targets::text::push_all;

/// One operation, ready to be written (see [`OperationView::write`]).
#[derive(Debug)]
pub struct OperationView {
    /// The Python function or method name.
    pub name: String,
    /// The name of the call that returns the whole response (`get_item_detailed`).
    pub detailed_name: String,
    /// `name(...) -> returns:`, wrapped one parameter a line when long.
    signature: String,
    /// `detailed_name(...) -> _http.Response[returns]:`.
    detailed_signature: String,
    /// The wire method, for the README.
    pub method: &'static str,
    /// The spec's path, for the README.
    pub path_text: String,
    /// What the call sends and how its answer is decoded.
    call: Call,
}

/// What calling one operation takes, whatever the style that writes it: the keyword parameters,
/// the `_http.Request` it builds and the branches that read the answer.
#[derive(Debug)]
pub struct Call {
    /// The keyword parameters: path, query, header and cookie parameters, then the body.
    pub params: Vec<ParamView>,
    /// The docstring body, if there is anything to say.
    pub doc: Option<String>,
    /// The HTTP method as a string literal.
    pub method_literal: String,
    /// The expression of the request path.
    pub path: String,
    /// `name=value` arguments of `_http.Request` beyond method and path.
    pub request_args: Vec<String>,
    /// One branch per outcome, in the order [`Operation::outcomes`] tries them.
    branches: Vec<Branch>,
    /// Whether some status no outcome covers: it raises `UnexpectedStatus`.
    pub undocumented: bool,
    /// The annotation of the decoded value: the documented types by status, joined by `|`.
    pub returns: String,
}

/// How a style spells the names of an operation's call.
#[derive(Debug, Clone, Copy)]
pub struct Naming {
    /// The prefix of model classes: `schemas.` or `models.`.
    pub models: &'static str,
    /// The parameter that carries a request body of each kind.
    pub body: fn(BodyKind) -> &'static str,
}

/// The naming of the functions and class styles: models in `schemas`, every body is `data`.
const FUNCTIONS_NAMING: Naming = Naming {
    models: "schemas.",
    body: |_| "data",
};

/// How a request body is encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyKind {
    /// Sent as is: bytes, a binary file, or text.
    Raw,
    /// JSON.
    Json,
    /// `multipart/form-data`.
    Multipart,
    /// `application/x-www-form-urlencoded`.
    Form,
}

impl BodyKind {
    /// The encoding of `content`.
    pub fn of(content: &Content) -> BodyKind {
        match (content.kind, &content.ty) {
            (MediaKind::Binary | MediaKind::Text, _) | (_, Type::Binary) => BodyKind::Raw,
            (MediaKind::Json, _) => BodyKind::Json,
            (MediaKind::Multipart, _) => BodyKind::Multipart,
            (MediaKind::Form, _) => BodyKind::Form,
        }
    }
}

/// One keyword parameter.
#[derive(Debug)]
pub struct ParamView {
    /// The Python name.
    pub name: String,
    /// Its annotation.
    pub annotation: String,
    /// Its default, when it may be left out.
    pub default: Option<String>,
}

impl ParamView {
    /// `name: annotation[ = default]`.
    pub fn declaration(&self) -> String {
        match &self.default {
            Some(default) => [&self.name, ": ", &self.annotation, " = ", default].concat(),
            None => [&self.name, ": ", &self.annotation].concat(),
        }
    }
}

/// Lines longer than this are wrapped where they are written (what is still longer,
/// [`super::layout`] lays out afterwards).
pub const LINE_LENGTH: usize = super::layout::WIDTH;

/// `name(self, *, a: int) -> R:`, or one parameter a line when that is too long. `indent` is
/// the body's indentation.
pub fn signature(
    name: &str,
    method: bool,
    params: &[ParamView],
    returns: &str,
    indent: &str,
) -> String {
    let mut parts: Vec<String> = Vec::new();
    if method {
        parts.push("self".to_string());
    }
    if !params.is_empty() {
        parts.push("*".to_string());
        parts.extend(params.iter().map(ParamView::declaration));
    }
    let one_line = format!("{name}({}) -> {returns}:", parts.join(", "));
    let def_indent = &indent[..indent.len() - 4];
    // Without parameters the line stays whole: `layout` breaks a long return annotation.
    if parts.is_empty() || def_indent.len() + "async def ".len() + one_line.len() <= LINE_LENGTH {
        return one_line;
    }
    let mut wrapped = format!("{name}(\n");
    for part in parts {
        wrapped.push_str(&format!("{indent}{part},\n"));
    }
    wrapped.push_str(&format!("{def_indent}) -> {returns}:"));
    wrapped
}

/// `callee(a=a, b=b)`, or one argument a line (indented from `indent`) when the one-line form,
/// starting at `indent` with `extra` more characters on its line, would be too long.
pub fn call_expression(callee: &str, args: &[String], indent: &str, extra: usize) -> String {
    let one_line = format!("{callee}({})", args.join(", "));
    if args.is_empty() || indent.len() + extra + one_line.len() <= LINE_LENGTH {
        return one_line;
    }
    let mut wrapped = format!("{callee}(\n");
    for arg in args {
        wrapped.push_str(&format!("{indent}    {arg},\n"));
    }
    wrapped.push_str(&format!("{indent})"));
    wrapped
}

/// How the client reads the statuses of one outcome.
#[derive(Debug)]
struct Branch {
    /// The condition on `response.status_code`; `None` for the final `else`.
    condition: Option<String>,
    /// The expression of the decoded value; `None` for a documented error without a body,
    /// which raises `ApiError`.
    value: Option<String>,
    /// Whether the value is JSON decoded and validated (it raises `UnexpectedBody` when the body
    /// is not).
    json: bool,
}

/// How operations are called: as module functions or `Client` methods, sync or async.
#[derive(Debug, Clone, Copy)]
pub struct Flavor {
    /// Methods of `Client`.
    pub class_style: bool,
    /// `async def`.
    pub asyncio: bool,
}

impl Flavor {
    /// The indentation of a function body.
    pub fn indent(self) -> &'static str {
        if self.class_style { "        " } else { "    " }
    }

    /// The statement that sends `request` and binds `response`, at the body's indentation.
    fn send(self) -> String {
        let indent = self.indent();
        match (self.class_style, self.asyncio) {
            (true, true) => format!(
                "{indent}response = await _http.send_async(\n{indent}    request, self._settings, \
                 self._clients.async_client()\n{indent})\n"
            ),
            (true, false) => format!(
                "{indent}response = _http.send(request, self._settings, self._clients.client())\n"
            ),
            (false, true) => format!(
                "{indent}response = await _http.send_async(\n{indent}    request, \
                 _http.Settings.from_config(), _http.clients.async_client()\n{indent})\n"
            ),
            (false, false) => format!(
                "{indent}response = _http.send(request, _http.Settings.from_config(), \
                 _http.clients.client())\n"
            ),
        }
    }
}

/// Writes every operation as Python source: module functions two blank lines apart, or methods
/// one blank line apart.
///
/// Written straight into a string rather than through a template loop: a big spec has
/// thousands of operations, and the loop would cost more than the rest of generation.
pub fn write_all(operations: &[OperationView], flavor: Flavor) -> String {
    let mut out = String::with_capacity(1024 * operations.len());
    let send = flavor.send();
    for operation in operations {
        out.push_str(if flavor.class_style { "\n" } else { "\n\n" });
        operation.write(&mut out, flavor, &send);
    }
    out
}

impl OperationView {
    /// Writes the operation's two calls: the plain one, which returns the detailed one's
    /// `parsed`, then the detailed one, which sends the request and reads the answer.
    fn write(&self, out: &mut String, flavor: Flavor, send: &str) {
        let body = flavor.indent();
        let outer = &body[4..];
        let keyword = if flavor.asyncio { "async def" } else { "def" };
        push_all(out, &[outer, keyword, " ", &self.signature, "\n"]);
        if let Some(doc) = &self.call.doc {
            push_all(out, &[body, "\"\"\"", doc, "\"\"\"\n"]);
        }
        self.write_delegation(out, flavor);
        out.push_str(if flavor.class_style { "\n" } else { "\n\n" });
        push_all(out, &[outer, keyword, " ", &self.detailed_signature, "\n"]);
        push_all(
            out,
            &[
                body,
                "\"\"\"`",
                &self.name,
                "`, with the whole response: ``status_code``, ``headers``, ``content``\n",
                body,
                "(the raw body) and the decoded body as ``parsed``.\"\"\"\n",
            ],
        );
        push_all(out, &[body, "request = "]);
        self.call.write_request(out, body);
        out.push_str(send);
        self.call.write_decoding(out, body);
        push_all(
            out,
            &[body, "return _http.Response.from_httpx(response, parsed)\n"],
        );
    }

    /// `return get_item_detailed(item_id=item_id).parsed`, awaited for asyncio, a plain call
    /// when the operation returns nothing.
    fn write_delegation(&self, out: &mut String, flavor: Flavor) {
        let body = flavor.indent();
        let callee = if flavor.class_style {
            format!("self.{}", self.detailed_name)
        } else {
            self.detailed_name.clone()
        };
        let args: Vec<String> = self
            .call
            .params
            .iter()
            .map(|param| format!("{0}={0}", param.name))
            .collect();
        let returns_none = self.call.returns == "None";
        let line = match (flavor.asyncio, returns_none) {
            (false, true) => call_expression(&callee, &args, body, 0),
            (true, true) => format!(
                "await {}",
                call_expression(&callee, &args, body, "await ".len())
            ),
            (false, false) => format!(
                "return {}.parsed",
                call_expression(&callee, &args, body, "return .parsed".len())
            ),
            (true, false) => {
                let extra = "return (await ).parsed".len();
                let inner = call_expression(&callee, &args, body, extra);
                if inner.contains('\n') {
                    let inner = call_expression(&callee, &args, &format!("{body}    "), 6);
                    format!("return (\n{body}    await {inner}\n{body}).parsed")
                } else {
                    format!("return (await {inner}).parsed")
                }
            }
        };
        push_all(out, &[body, &line, "\n"]);
    }
}

impl Call {
    /// Writes the `_http.Request(...)` expression and a newline; its first line continues the
    /// current one, the others are indented from `indent`.
    pub fn write_request(&self, out: &mut String, indent: &str) {
        out.push_str("_http.Request(\n");
        push_all(out, &[indent, "    method=", &self.method_literal, ",\n"]);
        push_all(out, &[indent, "    path=", &self.path, ",\n"]);
        for argument in &self.request_args {
            push_all(out, &[indent, "    ", argument, ",\n"]);
        }
        push_all(out, &[indent, ")\n"]);
    }

    /// Writes, at `indent`, the declaration of `parsed` and the branches that bind it from
    /// `response` or raise: `ApiError` for a documented error without a body,
    /// `UnexpectedStatus` for a status no outcome covers.
    pub fn write_decoding(&self, out: &mut String, indent: &str) {
        if let [
            Branch {
                condition: None,
                value: Some(value),
                ..
            },
        ] = self.branches.as_slice()
        {
            push_all(
                out,
                &[indent, "parsed: ", &self.returns, " = ", value, "\n"],
            );
            return;
        }
        push_all(out, &[indent, "parsed: ", &self.returns, "\n"]);
        for (index, branch) in self.branches.iter().enumerate() {
            let inner = match (&branch.condition, index) {
                (Some(condition), 0) => {
                    push_all(out, &[indent, "if ", condition, ":\n"]);
                    "    "
                }
                (Some(condition), _) => {
                    push_all(out, &[indent, "elif ", condition, ":\n"]);
                    "    "
                }
                (None, 0) => "",
                (None, _) => {
                    push_all(out, &[indent, "else:\n"]);
                    "    "
                }
            };
            match &branch.value {
                Some(value) => push_all(out, &[indent, inner, "parsed = ", value, "\n"]),
                None => push_all(out, &[indent, inner, "raise _http.ApiError(response)\n"]),
            }
        }
        if self.undocumented {
            push_all(
                out,
                &[
                    indent,
                    "else:\n",
                    indent,
                    "    raise _http.UnexpectedStatus(response)\n",
                ],
            );
        }
    }

    /// Whether a documented error status without a body raises `ApiError`.
    pub fn raises_api_error(&self) -> bool {
        self.branches.iter().any(|branch| branch.value.is_none())
    }

    /// Whether a body is read as JSON, and raises `UnexpectedBody` when it is not what the spec
    /// documents.
    pub fn reads_json(&self) -> bool {
        self.branches.iter().any(|branch| branch.json)
    }
}

/// Builds the view of every operation; `indent` is the indentation of the function body
/// (four spaces for module functions, eight for methods).
pub fn views(
    api: &Api,
    class_names: &[String],
    open: &[Option<Open>],
    indent: &str,
    uses: &mut Uses,
) -> Vec<OperationView> {
    let names = names::operation_names(api.operations.iter().map(|op| op.id.as_str()));
    api.operations
        .iter()
        .zip(names)
        .map(|(operation, (name, detailed_name))| {
            view(
                operation,
                name,
                detailed_name,
                class_names,
                open,
                indent,
                uses,
            )
        })
        .collect()
}

fn view(
    operation: &Operation,
    name: String,
    detailed_name: String,
    class_names: &[String],
    open: &[Option<Open>],
    indent: &str,
    uses: &mut Uses,
) -> OperationView {
    // The plain call calls the detailed one by name: no parameter may shadow it.
    let mut scope = names::client_scope();
    scope.claim(detailed_name.clone());
    let call = call(
        operation,
        class_names,
        open,
        FUNCTIONS_NAMING,
        scope,
        indent,
        uses,
    );
    let method = indent.len() > 4;
    let detailed_returns = format!("_http.Response[{}]", call.returns);
    OperationView {
        signature: signature(&name, method, &call.params, &call.returns, indent),
        detailed_signature: signature(
            &detailed_name,
            method,
            &call.params,
            &detailed_returns,
            indent,
        ),
        name,
        detailed_name,
        method: operation.method.as_str(),
        path_text: operation.path.clone(),
        call,
    }
}

/// Builds what calling `operation` takes, with parameter names claimed in `scope` (the body's
/// first) and model classes spelled with `naming`; `indent` is the function body's
/// indentation. Enums in what the operation returns keep unlisted values (`open`, see
/// [`types::open_enums`]); those in what it sends do not.
pub fn call(
    operation: &Operation,
    class_names: &[String],
    open: &[Option<Open>],
    naming: Naming,
    mut scope: names::Scope,
    indent: &str,
    uses: &mut Uses,
) -> Call {
    let upload = Context {
        class_names,
        prefix: naming.models,
        binary_is_upload: true,
        pending: &[],
        open: &[],
        as_value: false,
    };
    let download = Context {
        binary_is_upload: false,
        open,
        ..upload
    };
    // The body's name is fixed by the style; a parameter of that name gives way.
    let body = operation
        .body
        .as_ref()
        .and_then(|body| Some((body, body.preferred()?)));
    let data =
        body.map(|(_, content)| scope.claim((naming.body)(BodyKind::of(content)).to_string()));
    let mut params = Vec::new();
    let mut args_doc = Vec::new();
    let mut path_values = Vec::new();
    let mut by_location: [Vec<String>; 3] = Default::default();
    for parameter in &operation.parameters {
        let python_name = scope.claim(names::snake_name(&parameter.name));
        let view = param_view(parameter, &python_name, upload, uses);
        if let Some(text) = param_doc(parameter, view.spec_default.is_some()) {
            args_doc.push((python_name.clone(), text));
        }
        let wire = escape::string_literal(&parameter.name);
        // Left at its default, a parameter is not sent: the server applies its own default.
        let sent = match &view.spec_default {
            Some(default) => {
                let equals = if default == "True" || default == "False" {
                    "is"
                } else {
                    "=="
                };
                format!("None if {python_name} {equals} {default} else {python_name}")
            }
            None => python_name.clone(),
        };
        match parameter.location {
            ParameterLocation::Path => path_values.push([&wire, ": ", &python_name].concat()),
            ParameterLocation::Query => {
                by_location[0].push([&wire, ": ", &styled(parameter, &sent)].concat())
            }
            ParameterLocation::Header => by_location[1].push([&wire, ": ", &sent].concat()),
            ParameterLocation::Cookie => by_location[2].push([&wire, ": ", &sent].concat()),
        }
        params.push(view.param);
    }
    let mut request_args = Vec::new();
    for (key, entries) in ["query", "headers", "cookies"].iter().zip(&by_location) {
        if !entries.is_empty() {
            request_args.push(dict_argument(key, entries, indent));
        }
    }
    if let (Some((body, content)), Some(data)) = (body, data) {
        let annotation = body_annotation(content, upload, uses);
        let (annotation, default) = if body.required {
            (annotation, None)
        } else {
            (types::with_none(&annotation), Some("None".to_string()))
        };
        params.push(ParamView {
            name: data.clone(),
            annotation,
            default,
        });
        if let Some(text) = body.description.as_deref() {
            args_doc.push((data.clone(), text.to_string()));
        }
        let encoded = body_expression(content, &data);
        request_args.push(if body.required {
            format!("body={encoded}")
        } else {
            format!("body=None if {data} is None else {encoded}")
        });
    }
    let security = security_literal(&operation.security);
    if security != "()" {
        request_args.push(format!("security={security}"));
    }
    let path = if path_values.is_empty() {
        escape::string_literal(&operation.path)
    } else {
        format!(
            "_http.path({}, {{{}}})",
            escape::string_literal(&operation.path),
            path_values.join(", ")
        )
    };
    let (branches, returns) = decoding(operation, download, indent, uses);
    Call {
        params,
        doc: docstring(operation, &args_doc, indent),
        method_literal: escape::string_literal(operation.method.as_str()),
        path,
        request_args,
        undocumented: operation.has_undocumented_statuses(),
        branches,
        returns,
    }
}

/// `key={"a": a, "b": b}`, or one entry a line when that is too long for an argument of
/// `_http.Request(...)` in a body indented by `indent`.
fn dict_argument(key: &str, entries: &[String], indent: &str) -> String {
    let one_line = format!("{key}={{{}}}", entries.join(", "));
    if indent.len() + 4 + one_line.len() < LINE_LENGTH {
        return one_line;
    }
    let mut wrapped = format!("{key}={{\n");
    for entry in entries {
        wrapped.push_str(&format!("{indent}        {entry},\n"));
    }
    wrapped.push_str(&format!("{indent}    }}"));
    wrapped
}

/// A parameter's keyword, and the spec's default when the signature shows it.
struct Param {
    param: ParamView,
    /// The spec's default as a Python literal (`100`, `"asc"`, `True`).
    spec_default: Option<String>,
}

/// An optional parameter with a default the spec gives (a boolean, a number or a plain string)
/// shows it (`limit: int = 100`); other optional parameters default to `None`.
fn param_view(
    parameter: &Parameter,
    python_name: &str,
    context: Context<'_>,
    uses: &mut Uses,
) -> Param {
    let annotation = types::annotation(&parameter.ty, context, uses);
    let spec_default = match (&parameter.default, parameter.required) {
        (Some(value), false) => literal(&parameter.ty, value),
        _ => None,
    };
    let (annotation, default) = match &spec_default {
        _ if parameter.required => (annotation, None),
        Some(default) => (annotation, Some(default.clone())),
        None => (types::with_none(&annotation), Some("None".to_string())),
    };
    Param {
        param: ParamView {
            name: python_name.to_string(),
            annotation,
            default,
        },
        spec_default,
    }
}

/// `value` as a Python literal of the scalar type `ty`: `True`, `100`, `0.5`, `"asc"`; `None`
/// for `null` and for what a signature would not show plainly (lists, objects, enums, dates).
fn literal(ty: &Type, value: &serde_json::Value) -> Option<String> {
    use serde_json::Value;
    match (ty, value) {
        (Type::Nullable(inner), _) => literal(inner, value),
        (Type::Boolean, Value::Bool(flag)) => Some(if *flag { "True" } else { "False" }.into()),
        (Type::Integer(_), Value::Number(number)) if number.is_i64() || number.is_u64() => {
            Some(number.to_string())
        }
        (Type::Number(_), Value::Number(number)) => Some(number.to_string()),
        (Type::String(format), Value::String(text)) if format.is_plain() => {
            Some(escape::string_literal(text))
        }
        _ => None,
    }
}

/// What the docstring says of a parameter: its description, its default when the signature
/// does not show it, and its constraints, which the client leaves to the server to check.
fn param_doc(parameter: &Parameter, default_shown: bool) -> Option<String> {
    let mut parts: Vec<String> = Vec::new();
    if let Some(text) = parameter.description.as_deref() {
        parts.push(text.trim().to_string());
    }
    match parameter.default.as_ref().filter(|d| !d.is_null()) {
        Some(default) if default_shown => parts.push(format!(
            "Defaults to {default} (not sent when {default}: the server applies it)."
        )),
        Some(default) => parts.push(format!("Defaults to `{default}` (the server applies it).")),
        None => {}
    }
    if let Some(summary) = constraints::summary(&parameter.constraints, &parameter.ty) {
        parts.push(format!("{summary} (not checked by the client)."));
    }
    constraints::sentences(parts)
}

/// The query value, wrapped when its style is not the default `form`/`explode=true`.
fn styled(parameter: &Parameter, python_name: &str) -> String {
    if parameter.style == ParameterStyle::Form && parameter.explode {
        return python_name.to_string();
    }
    let style = parameter.style.as_str();
    let explode = if parameter.explode { "True" } else { "False" };
    format!("_http.Styled({python_name}, \"{style}\", {explode})")
}

fn body_annotation(content: &Content, context: Context<'_>, uses: &mut Uses) -> String {
    match (content.kind, &content.ty) {
        (MediaKind::Binary, _) | (_, Type::Binary) => {
            uses.http = true;
            "_http.RawContent".to_string()
        }
        (MediaKind::Text, _) => "str".to_string(),
        (_, ty) => types::annotation(ty, context, uses),
    }
}

fn body_expression(content: &Content, data: &str) -> String {
    let media_type = escape::string_literal(&content.media_type);
    match BodyKind::of(content) {
        BodyKind::Raw => format!("_http.raw_body({data}, {media_type})"),
        BodyKind::Json => format!("_http.json_body({data}, {media_type})"),
        BodyKind::Multipart => format!("_http.multipart_body({data})"),
        BodyKind::Form => format!("_http.form_body({data})"),
    }
}

fn security_literal(requirements: &[Vec<String>]) -> String {
    if requirements.is_empty() {
        return "()".to_string();
    }
    let alternatives: Vec<String> = requirements
        .iter()
        .map(|alternative| {
            let names: Vec<String> = alternative
                .iter()
                .map(|n| escape::string_literal(n))
                .collect();
            match names.len() {
                1 => format!("({},)", names[0]),
                _ => format!("({})", names.join(", ")),
            }
        })
        .collect();
    // Only a one-element tuple ends in a comma: elsewhere ruff reads one as asking for a line
    // per element.
    match alternatives.len() {
        1 => format!("({},)", alternatives[0]),
        _ => format!("({})", alternatives.join(", ")),
    }
}

/// One branch per outcome of `operation` and the annotation of the decoded value: the types
/// its outcomes return, joined by `|`.
fn decoding(
    operation: &Operation,
    context: Context<'_>,
    indent: &str,
    uses: &mut Uses,
) -> (Vec<Branch>, String) {
    let outcomes = operation.outcomes();
    let undocumented = operation.has_undocumented_statuses();
    let mut branches: Vec<Branch> = Vec::with_capacity(outcomes.len());
    let mut returned: Vec<String> = Vec::new();
    for outcome in &outcomes {
        let condition = match outcome.statuses {
            Statuses::Code(code) => Some(format!("response.status_code == {code}")),
            Statuses::Range(class) => Some(format!(
                "{class}00 <= response.status_code < {}00",
                u16::from(class) + 1
            )),
            Statuses::OtherSuccess => Some("200 <= response.status_code < 300".to_string()),
            // Last in the order: when no status is undocumented, the rest is every status left.
            Statuses::OtherError if !undocumented => None,
            Statuses::OtherError => Some("not 200 <= response.status_code < 300".to_string()),
        };
        let decoded = match outcome.response.and_then(Response::preferred) {
            Some(content) => Some(decode(content, context, indent, uses)),
            None if outcome.success => Some(Decoded {
                annotation: "None".to_string(),
                value: "None".to_string(),
                json: false,
            }),
            // A documented error without a body: there is nothing to return, it raises.
            None => None,
        };
        let (value, json) = match decoded {
            Some(decoded) => {
                if !returned.contains(&decoded.annotation) {
                    returned.push(decoded.annotation);
                }
                (Some(decoded.value), decoded.json)
            }
            None => (None, false),
        };
        // Neighbours that read the same way are one branch (`default` alone: 2xx or not, the
        // same body; documented errors without a body, which all raise).
        match branches.last_mut() {
            Some(last) if last.value == value => {
                last.condition = match (last.condition.take(), condition) {
                    (Some(before), Some(condition)) => Some(format!("{before} or {condition}")),
                    _ => None,
                };
            }
            _ => branches.push(Branch {
                condition,
                value,
                json,
            }),
        }
    }
    let returns = if returned.iter().any(|a| a == "_t.Any") {
        uses.typing = true;
        "_t.Any".to_string()
    } else {
        types::union_of(returned)
    };
    (branches, returns)
}

/// How one documented body is read.
struct Decoded {
    /// Its annotation.
    annotation: String,
    /// The expression that decodes it from `response`.
    value: String,
    /// Whether it is JSON, validated by `_http.decode_json`.
    json: bool,
}

/// How one response body is read; `indent` is the function body's.
fn decode(content: &Content, context: Context<'_>, indent: &str, uses: &mut Uses) -> Decoded {
    let (annotation, value, json) = match (content.kind, &content.ty) {
        (MediaKind::Text, _) => ("str".to_string(), "response.text".to_string(), false),
        (MediaKind::Binary, _) | (_, Type::Binary) => {
            ("bytes".to_string(), "response.content".to_string(), false)
        }
        (_, ty) => {
            let annotation = types::annotation(ty, context, uses);
            let as_value = Context {
                as_value: true,
                ..context
            };
            let runtime = types::annotation(ty, as_value, uses);
            if runtime == "_t.Any" {
                uses.typing = true;
            }
            let value = decode_json(&runtime, indent);
            (annotation, value, true)
        }
    };
    Decoded {
        annotation,
        value,
        json,
    }
}

/// `_http.decode_json(response, T)`, one argument a line when `parsed = ...` in a branch of a
/// body indented by `indent` would be too long.
fn decode_json(runtime: &str, indent: &str) -> String {
    let one_line = format!("_http.decode_json(response, {runtime})");
    if indent.len() + 4 + "parsed = ".len() + one_line.len() <= LINE_LENGTH {
        return one_line;
    }
    let inner = format!("{indent}        ");
    format!("_http.decode_json(\n{inner}response,\n{inner}{runtime},\n{indent}    )")
}

fn docstring(operation: &Operation, args: &[(String, String)], indent: &str) -> Option<String> {
    let mut text = String::new();
    for part in [&operation.summary, &operation.description]
        .into_iter()
        .flatten()
    {
        let part = part.trim();
        if !part.is_empty() && !text.contains(part) {
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            text.push_str(part);
        }
    }
    if operation.deprecated {
        text.push_str("\n\nDeprecated.");
    }
    if !args.is_empty() {
        text.push_str("\n\nArgs:");
        for (name, description) in args {
            push_all(
                &mut text,
                &["\n    ", name, ": ", &escape::comment(description)],
            );
        }
    }
    escape::docstring(&text, indent)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_calls_wrap_one_argument_a_line() {
        let args = vec!["a=a".to_string()];
        assert_eq!(call_expression("f", &args, "    ", 0), "f(a=a)");
        let many: Vec<String> = (0..20)
            .map(|n| format!("argument_{n}=argument_{n}"))
            .collect();
        let wrapped = call_expression("f", &many, "    ", 0);
        assert!(wrapped.starts_with("f(\n        argument_0=argument_0,\n"));
        assert!(wrapped.ends_with(",\n    )"));
    }
}
