//! The methods of the generated `API` class: each one's signature, the request it describes to
//! the transport, and the error bodies it documents. Written whole here (names and types
//! decided, escaped) so the template only lays the class out; see `models.rs` for why as text.

use std::fmt::Write;

use super::escape;
use super::models::push_key;
use super::names::{self, CLASS_MEMBERS, Scope};
use super::types::{Direction, Names};
use crate::ir::{
    Api, Content, MediaKind, Operation, Parameter, ParameterLocation, ParameterStyle, Response,
    Status, Type,
};
use crate::targets::constraints;

/// Parameter lists and descriptors longer than this are written one item a line.
const LINE_LENGTH: usize = 100;

/// What `index.ts` and the README need from the operations.
#[derive(Debug, Default)]
pub struct Operations {
    /// One method of the `API` class each, in spec order.
    pub methods: Vec<String>,
    /// One `method: ErrorBody;` line each, for the `OperationErrors` interface.
    pub errors: Vec<String>,
    /// Method name, HTTP method and path of each operation, for the README.
    pub rows: Vec<(String, &'static str, String)>,
    /// Whether any signature names a model (so `index.ts` imports `models`).
    pub uses_models: bool,
}

/// Builds the method of every operation.
pub fn build(api: &Api, names: &Names) -> Operations {
    let mut scope = Scope::camel_with_reserved(CLASS_MEMBERS);
    let mut operations = Operations::default();
    for operation in &api.operations {
        let name = scope.claim(names::method_name(&operation.id));
        let mut builder = Builder {
            names,
            uses_models: false,
        };
        operations.methods.push(builder.method(operation, &name));
        let errors = builder.error_type(&operation.responses);
        operations.errors.push(format!("  {name}: {errors};"));
        operations.uses_models |= builder.uses_models;
        operations
            .rows
            .push((name, operation.method.as_str(), operation.path.clone()));
    }
    operations
}

struct Builder<'a> {
    names: &'a Names,
    uses_models: bool,
}

/// How the transport reads a success body.
#[derive(Clone, Copy, PartialEq)]
enum Expect {
    Json,
    Text,
    Blob,
    None,
}

impl Expect {
    fn as_str(self) -> &'static str {
        match self {
            Expect::Json => "json",
            Expect::Text => "text",
            Expect::Blob => "blob",
            Expect::None => "none",
        }
    }
}

impl Builder<'_> {
    /// The spelling of `ty` in `index.ts`: what the client sends closed, what it reads open
    /// (see [`Direction`]).
    fn spell(&mut self, ty: &Type, direction: Direction) -> String {
        self.uses_models |= mentions_named(ty);
        self.names.spell(ty, "models.", direction)
    }

    fn method(&mut self, operation: &Operation, name: &str) -> String {
        let mut out = String::with_capacity(1024);
        push_method_doc(&mut out, operation);
        let body = operation
            .body
            .as_ref()
            .and_then(|body| Some((body, body.preferred()?)));
        // Signature: one line when it fits, else one argument a line.
        let has_params = !operation.parameters.is_empty();
        let keys = params_keys(&operation.parameters);
        let mut args: Vec<String> = Vec::with_capacity(3);
        if has_params {
            let mut arg = String::from("params: ");
            self.push_params_type(&mut arg, &operation.parameters, &keys);
            let params_optional = operation.parameters.iter().all(|p| !p.required);
            let body_optional = body.is_none_or(|(body, _)| !body.required);
            if params_optional && body_optional {
                arg.push_str(" = {}");
            }
            args.push(arg);
        }
        let encoding = body.map(|(body, content)| {
            let (ty, encoding) = self.body_type(content);
            let optional = if body.required { "" } else { "?" };
            args.push(format!("body{optional}: {ty}"));
            (encoding, content.media_type.as_str())
        });
        args.push("options?: CallOptions".to_string());
        let (returns, expect) = self.success(&operation.responses);
        push_signature(&mut out, name, &args, &returns);
        // Body: the request, described to the transport.
        out.push_str("    return this.request({\n      operation: ");
        escape::push_string_literal(&mut out, name);
        out.push_str(",\n      method: \"");
        out.push_str(operation.method.as_str());
        out.push_str("\",\n      path: ");
        escape::push_string_literal(&mut out, &operation.path);
        out.push_str(",\n");
        if has_params {
            push_parameter_specs(&mut out, &operation.parameters, &keys);
            out.push_str("      values: params,\n");
        }
        if let Some((encoding, media_type)) = encoding {
            out.push_str("      body,\n      encoding: \"");
            out.push_str(encoding);
            out.push_str("\",\n      mediaType: ");
            escape::push_string_literal(&mut out, media_type);
            out.push_str(",\n");
        }
        if !operation.security.is_empty() {
            push_security(&mut out, &operation.security);
        }
        out.push_str("      expect: \"");
        out.push_str(expect.as_str());
        out.push_str("\",\n    }, options);\n  }\n");
        out
    }

    /// `{ user_id: number; limit?: number }`, one member a line when documented or long.
    fn push_params_type(&mut self, out: &mut String, parameters: &[Parameter], keys: &[String]) {
        let members: Vec<(String, &Parameter)> = parameters
            .iter()
            .zip(keys)
            .map(|(parameter, key)| {
                let mut member = String::new();
                push_key(&mut member, key);
                if !parameter.required {
                    member.push('?');
                }
                member.push_str(": ");
                member.push_str(&self.spell(&parameter.ty, Direction::Sent));
                (member, parameter)
            })
            .collect();
        let documented = parameters.iter().any(|p| {
            p.description.is_some()
                || p.deprecated
                || p.default.is_some()
                || !p.constraints.is_empty()
        });
        let width: usize = members.iter().map(|(m, _)| m.len() + 2).sum();
        if !documented && width <= LINE_LENGTH - 40 {
            out.push_str("{ ");
            let joined: Vec<&str> = members.iter().map(|(m, _)| m.as_str()).collect();
            out.push_str(&joined.join("; "));
            out.push_str(" }");
            return;
        }
        out.push_str("{\n");
        for (member, parameter) in &members {
            let deprecated = if parameter.deprecated {
                "@deprecated"
            } else {
                ""
            };
            let description = parameter.description.as_deref().unwrap_or("");
            let checks = constraints::summary(&parameter.constraints, &parameter.ty)
                .map(|summary| summary + ".")
                .unwrap_or_default();
            let default = parameter
                .default
                .as_ref()
                .map(|value| {
                    format!("@defaultValue `{value}` (applied by the server when left out)")
                })
                .unwrap_or_default();
            escape::push_doc(
                out,
                &[description, "", &checks, &default, deprecated],
                "      ",
            );
            out.push_str("      ");
            out.push_str(member);
            out.push_str(";\n");
        }
        out.push_str("    }");
    }

    /// The TypeScript type of a request body and the transport's encoding for it.
    fn body_type(&mut self, content: &Content) -> (String, &'static str) {
        match (content.kind, &content.ty) {
            (MediaKind::Binary, _) | (_, Type::Binary) => ("Blob".to_string(), "binary"),
            (MediaKind::Text, _) => ("string".to_string(), "text"),
            (MediaKind::Json, ty) => (self.spell(ty, Direction::Sent), "json"),
            (MediaKind::Multipart, ty) => (self.spell(ty, Direction::Sent), "multipart"),
            (MediaKind::Form, ty) => (self.spell(ty, Direction::Sent), "form"),
        }
    }

    /// The type a response body is read as, and how.
    fn response_type(&mut self, content: &Content) -> (String, Expect) {
        match (content.kind, &content.ty) {
            (MediaKind::Binary, _) | (_, Type::Binary) => ("Blob".to_string(), Expect::Blob),
            (MediaKind::Json, ty) => (self.spell(ty, Direction::Read), Expect::Json),
            (MediaKind::Text | MediaKind::Form | MediaKind::Multipart, _) => {
                ("string".to_string(), Expect::Text)
            }
        }
    }

    /// The return type (the union of the success bodies; `void` when none has one) and how the
    /// body is read. Without a documented success, the `default` response stands for it.
    fn success(&mut self, responses: &[Response]) -> (String, Expect) {
        let mut successes: Vec<&Response> =
            responses.iter().filter(|r| r.status.is_success()).collect();
        if successes.is_empty() {
            successes = responses
                .iter()
                .filter(|r| r.status == Status::Default)
                .collect();
        }
        let mut types: Vec<String> = Vec::new();
        let mut expect = Expect::None;
        let mut empty = false;
        for response in successes {
            match response.preferred() {
                Some(content) => {
                    let (ty, kind) = self.response_type(content);
                    if expect == Expect::None {
                        expect = kind;
                    }
                    if !types.contains(&ty) {
                        types.push(ty);
                    }
                }
                None => empty = true,
            }
        }
        let returns = if types.is_empty() {
            "void".to_string()
        } else if types.iter().any(|t| t == "unknown") {
            "unknown".to_string()
        } else {
            if empty {
                types.push("undefined".to_string());
            }
            types.join(" | ")
        };
        (returns, expect)
    }

    /// The union of the documented error bodies (`unknown` when none is documented).
    fn error_type(&mut self, responses: &[Response]) -> String {
        let mut types: Vec<String> = Vec::new();
        for response in responses.iter().filter(|r| !r.status.is_success()) {
            if let Some(content) = response.preferred() {
                // The transport reads error bodies as JSON, else as text.
                let ty = match content.kind {
                    MediaKind::Json => self.spell(&content.ty, Direction::Read),
                    _ => "string".to_string(),
                };
                if !types.contains(&ty) {
                    types.push(ty);
                }
            }
        }
        if types.is_empty() || types.iter().any(|t| t == "unknown") {
            "unknown".to_string()
        } else {
            types.join(" | ")
        }
    }
}

/// The key of each parameter in the params object: its wire name, unless an earlier parameter
/// (in another location) has the same one (`id`, `id2`).
fn params_keys(parameters: &[Parameter]) -> Vec<String> {
    let mut keys: Vec<String> = Vec::with_capacity(parameters.len());
    for parameter in parameters {
        // Parameter lists are short and duplicates rare: a scan beats a hash set.
        let mut key = parameter.name.clone();
        let mut n = 2;
        while keys.contains(&key) {
            key = format!("{}{n}", parameter.name);
            n += 1;
        }
        keys.push(key);
    }
    keys
}

fn mentions_named(ty: &Type) -> bool {
    match ty {
        Type::Named(_) => true,
        Type::List(inner) | Type::Map(inner) | Type::Nullable(inner) => mentions_named(inner),
        _ => false,
    }
}

fn push_method_doc(out: &mut String, operation: &Operation) {
    let summary = operation.summary.as_deref().map(str::trim).unwrap_or("");
    let description = operation
        .description
        .as_deref()
        .map(str::trim)
        .filter(|text| !summary.contains(text))
        .unwrap_or("");
    let summary = if !summary.is_empty() && description.contains(summary) {
        ""
    } else {
        summary
    };
    let route = format!("`{} {}`", operation.method.as_str(), operation.path);
    let deprecated = if operation.deprecated {
        "@deprecated"
    } else {
        ""
    };
    escape::push_doc(
        out,
        &[summary, "", description, "", &route, deprecated],
        "  ",
    );
}

/// `  name(args): Promise<returns> {`, one argument a line when that is too long or an argument
/// spans lines.
fn push_signature(out: &mut String, name: &str, args: &[String], returns: &str) {
    let args_width: usize = args.iter().map(|arg| arg.len() + ", ".len()).sum();
    let width = "  (): Promise<> {".len() + name.len() + args_width + returns.len();
    out.push_str("  ");
    out.push_str(name);
    if width <= LINE_LENGTH && !args.iter().any(|arg| arg.contains('\n')) {
        out.push('(');
        out.push_str(&args.join(", "));
        out.push(')');
    } else {
        out.push_str("(\n");
        for arg in args {
            out.push_str("    ");
            out.push_str(arg);
            out.push_str(",\n");
        }
        out.push_str("  )");
    }
    out.push_str(": Promise<");
    out.push_str(returns);
    out.push_str("> {\n");
}

/// `params: [{ name: "user_id", in: "path" }, …],` with style and explode only where they are
/// not the location's defaults, and `key` only where the params object renamed a duplicate.
fn push_parameter_specs(out: &mut String, parameters: &[Parameter], keys: &[String]) {
    let specs: Vec<String> = parameters
        .iter()
        .zip(keys)
        .map(|(parameter, key)| {
            let mut spec = String::from("{ name: ");
            escape::push_string_literal(&mut spec, &parameter.name);
            let (location, default_style) = match parameter.location {
                ParameterLocation::Path => ("path", ParameterStyle::Simple),
                ParameterLocation::Query => ("query", ParameterStyle::Form),
                ParameterLocation::Header => ("header", ParameterStyle::Simple),
                ParameterLocation::Cookie => ("cookie", ParameterStyle::Form),
            };
            let _ = write!(spec, ", in: \"{location}\"");
            if *key != parameter.name {
                spec.push_str(", key: ");
                escape::push_string_literal(&mut spec, key);
            }
            if parameter.style != default_style {
                let _ = write!(spec, ", style: \"{}\"", parameter.style.as_str());
            }
            if parameter.explode != (parameter.style == ParameterStyle::Form) {
                let _ = write!(spec, ", explode: {}", parameter.explode);
            }
            spec.push_str(" }");
            spec
        })
        .collect();
    let width: usize = specs.iter().map(|s| s.len() + 2).sum();
    if width <= LINE_LENGTH - 16 {
        out.push_str("      params: [");
        out.push_str(&specs.join(", "));
        out.push_str("],\n");
    } else {
        out.push_str("      params: [\n");
        for spec in &specs {
            out.push_str("        ");
            out.push_str(spec);
            out.push_str(",\n");
        }
        out.push_str("      ],\n");
    }
}

/// `security: [["bearer"], ["apiKey"]],`: any one alternative, each needing all its schemes.
fn push_security(out: &mut String, requirements: &[Vec<String>]) {
    out.push_str("      security: [");
    for (index, alternative) in requirements.iter().enumerate() {
        if index > 0 {
            out.push_str(", ");
        }
        out.push('[');
        for (index, scheme) in alternative.iter().enumerate() {
            if index > 0 {
                out.push_str(", ");
            }
            escape::push_string_literal(out, scheme);
        }
        out.push(']');
    }
    out.push_str("],\n");
}
