//! The methods of the generated `API` class: each one's signature, the request it describes to
//! the transport, and the responses it documents, typed per status. Written whole here (names
//! and types decided, escaped) so the template only lays the class out; see `models.rs` for why
//! as text.
//!
//! Which status is a success, an error or undocumented is [`Operation::outcomes`]'s rule; this
//! module only spells it: each outcome is one member of a union of `TypedResponse<status, data>`
//! whose `status` is a literal or an `Exclude<…>` of `client.ts`'s status unions, so that
//! comparing `status` narrows `data`.

use std::collections::BTreeSet;
use std::fmt::Write;

use super::escape;
use super::models::push_key;
use super::names::{self, CLASS_MEMBERS, Scope};
use super::types::{Direction, Names};
use crate::ir::{
    Api, Content, MediaKind, Operation, Outcome, Parameter, ParameterLocation, ParameterStyle,
    Statuses, Type, TypeKind,
};
use crate::targets::constraints;

/// Parameter lists and descriptors longer than this are written one item a line.
const LINE_LENGTH: usize = 100;

/// The statuses `client.ts`'s `HttpStatus` lists: `fetch` never exposes a 1xx.
const HTTP_STATUSES: std::ops::RangeInclusive<u16> = 200..=599;

/// What `index.ts` and the README need from the operations.
#[derive(Debug, Default)]
pub struct Operations {
    /// The methods of the `API` class in spec order: each operation's, then its `…WithResponse`.
    pub methods: Vec<String>,
    /// One `method: TypedResponse<…> | …;` entry each, for the `OperationErrors` interface.
    pub errors: Vec<String>,
    /// Method name, HTTP method and path of each operation, for the README.
    pub rows: Vec<(String, &'static str, String)>,
    /// The name of the first operation's `…WithResponse` method, for the README's example.
    pub first_with_response: Option<String>,
    /// Whether any signature names a model (so `index.ts` imports `models`).
    pub uses_models: bool,
    /// The types of `client.ts` that `index.ts` names (`CallOptions`, `HttpStatus`, …).
    pub client_types: BTreeSet<&'static str>,
}

/// Builds the methods of every operation.
pub fn build(api: &Api, names: &Names) -> Operations {
    // Every operation's own name first, so that a spec's `get_item_with_response` keeps its name
    // and the derived `…WithResponse` is the one that gives way.
    let mut scope = Scope::camel_with_reserved(CLASS_MEMBERS);
    let plain: Vec<String> = api
        .operations
        .iter()
        .map(|operation| scope.claim(names::method_name(&operation.id)))
        .collect();
    let with_response: Vec<String> = plain
        .iter()
        .map(|name| scope.claim(format!("{name}WithResponse")))
        .collect();
    let mut operations = Operations::default();
    let mut builder = Builder {
        api,
        names,
        uses_models: false,
        client_types: BTreeSet::new(),
    };
    operations.first_with_response = with_response.first().cloned();
    for ((operation, name), with_response) in api.operations.iter().zip(plain).zip(with_response) {
        let responses = builder.responses(operation);
        let [plain, full] = builder.methods(operation, &name, &with_response, &responses);
        operations.methods.push(plain);
        operations.methods.push(full);
        operations.errors.push(error_entry(&name, &responses));
        operations
            .rows
            .push((name, operation.method.as_str(), operation.path.clone()));
    }
    operations.uses_models = builder.uses_models;
    operations.client_types = builder.client_types;
    if !api.operations.is_empty() {
        operations
            .client_types
            .extend(["CallOptions", "TypedResponse"]);
    }
    operations
}

struct Builder<'a> {
    api: &'a Api,
    names: &'a Names,
    uses_models: bool,
    client_types: BTreeSet<&'static str>,
}

/// One member of an operation's response union: an outcome, or the undocumented statuses.
struct Member {
    /// The TypeScript type of `status` (`404`, `Exclude<HttpStatus, 200 | 404>`).
    status: String,
    /// The TypeScript type of `data`.
    data: String,
    success: bool,
    /// The key of `responses` in the request spec (`200`, `"4XX"`, `default`) and how the body
    /// is read (`"object"`); `None` for the undocumented statuses.
    read: Option<(String, String)>,
}

impl Builder<'_> {
    /// The spelling of `ty` in `index.ts`: what the client sends closed, what it reads open
    /// (see [`Direction`]).
    fn spell(&mut self, ty: &Type, direction: Direction) -> String {
        self.uses_models |= mentions_named(ty);
        self.names.spell(ty, "models.", direction)
    }

    /// The operation's method, resolving to the body, and its `…WithResponse` method, resolving
    /// to the whole response; the first calls the second, which describes the request.
    fn methods(
        &mut self,
        operation: &Operation,
        name: &str,
        with_response: &str,
        responses: &[Member],
    ) -> [String; 2] {
        let body = operation
            .body
            .as_ref()
            .and_then(|body| Some((body, body.preferred()?)));
        // Signature: one line when it fits, else one argument a line.
        let has_params = !operation.parameters.is_empty();
        let keys = params_keys(&operation.parameters);
        let mut args: Vec<String> = Vec::with_capacity(3);
        let mut arg_names: Vec<&str> = Vec::with_capacity(3);
        if has_params {
            let mut arg = String::from("params: ");
            self.push_params_type(&mut arg, &operation.parameters, &keys);
            let params_optional = operation.parameters.iter().all(|p| !p.required);
            let body_optional = body.is_none_or(|(body, _)| !body.required);
            if params_optional && body_optional {
                arg.push_str(" = {}");
            }
            args.push(arg);
            arg_names.push("params");
        }
        let encoding = body.map(|(body, content)| {
            let (ty, encoding) = self.body_type(content);
            let optional = if body.required { "" } else { "?" };
            args.push(format!("body{optional}: {ty}"));
            arg_names.push("body");
            (encoding, content.media_type.as_str())
        });
        args.push("options?: CallOptions".to_string());
        arg_names.push("options");

        let mut plain = String::with_capacity(512);
        push_method_doc(&mut plain, operation);
        // `async` and `await` rather than `.then((r) => r.data)`: tsc infers no callback, which
        // saves a tenth of its time on GitHub's spec.
        push_signature(
            &mut plain,
            &format!("async {name}"),
            &args,
            &success_data(responses),
        );
        let _ = writeln!(
            plain,
            "    return (await this.{with_response}({})).data;\n  }}",
            arg_names.join(", ")
        );

        let mut full = String::with_capacity(1024);
        let doc = format!(
            "{{@link API.{name}}}, resolving to the whole response:\n`status`, `headers` and the raw \
             `body` beside `data`."
        );
        let deprecated = if operation.deprecated {
            "@deprecated"
        } else {
            ""
        };
        escape::push_doc(&mut full, &[&doc, deprecated], "  ");
        let successes: Vec<String> = responses
            .iter()
            .filter(|member| member.success)
            .map(typed_response)
            .collect();
        push_signature(&mut full, with_response, &args, &successes.join(" | "));
        // Body: the request, described to the transport.
        full.push_str("    return this.request({\n      operation: ");
        escape::push_string_literal(&mut full, name);
        full.push_str(",\n      method: \"");
        full.push_str(operation.method.as_str());
        full.push_str("\",\n      path: ");
        escape::push_string_literal(&mut full, &operation.path);
        full.push_str(",\n");
        if has_params {
            push_parameter_specs(&mut full, &operation.parameters, &keys);
            full.push_str("      values: params,\n");
        }
        if let Some((encoding, media_type)) = encoding {
            full.push_str("      body,\n      encoding: \"");
            full.push_str(encoding);
            full.push_str("\",\n      mediaType: ");
            escape::push_string_literal(&mut full, media_type);
            full.push_str(",\n");
        }
        if !operation.security.is_empty() {
            push_security(&mut full, &operation.security);
        }
        push_response_reads(&mut full, responses);
        full.push_str("    }, options);\n  }\n");
        [plain, full]
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

    /// The type a documented body is read as, and how the transport reads it (`"object"`).
    fn response_type(&mut self, content: &Content) -> (String, String) {
        match (content.kind, &content.ty) {
            (MediaKind::Binary, _) | (_, Type::Binary) => ("Blob".to_string(), "blob".to_string()),
            (MediaKind::Json, ty) => (self.spell(ty, Direction::Read), json_read(self.api, ty)),
            (MediaKind::Text | MediaKind::Form | MediaKind::Multipart, _) => {
                ("string".to_string(), "text".to_string())
            }
        }
    }

    /// One member per outcome of [`Operation::outcomes`], in its order, then one for the
    /// statuses no outcome covers.
    fn responses(&mut self, operation: &Operation) -> Vec<Member> {
        let outcomes = operation.outcomes();
        let listed = Listed::of(&outcomes);
        let mut members: Vec<Member> = Vec::with_capacity(outcomes.len() + 1);
        for outcome in &outcomes {
            let (status, key) = match outcome.statuses {
                Statuses::Code(code) => (code.to_string(), code.to_string()),
                Statuses::Range(class) => {
                    let Some(alias) = class_alias(class) else {
                        // A 1XX (or a class HTTP does not have): `fetch` never answers it.
                        continue;
                    };
                    let status = exclude(alias, listed.codes_in(class).collect());
                    (status, format!("\"{class}XX\""))
                }
                Statuses::OtherSuccess => (
                    exclude("Status2xx", listed.codes_in(2).collect()),
                    "\"2XX\"".to_string(),
                ),
                Statuses::OtherError => {
                    let mut excluded = vec!["Status2xx".to_string()];
                    excluded.extend(listed.classes_but(2));
                    excluded.extend(listed.codes_but(2));
                    (exclude("HttpStatus", excluded), "default".to_string())
                }
            };
            let (data, read) = match outcome.response.and_then(|r| r.preferred()) {
                Some(content) => self.response_type(content),
                None => ("undefined".to_string(), "none".to_string()),
            };
            members.push(Member {
                status,
                data,
                success: outcome.success,
                read: Some((key, read)),
            });
        }
        if let Some(status) = undocumented(&outcomes, &listed) {
            members.push(Member {
                status,
                data: "unknown".to_string(),
                success: false,
                read: None,
            });
        }
        for member in &members {
            for alias in STATUS_ALIASES {
                if member.status.contains(alias) {
                    self.client_types.insert(alias);
                }
            }
        }
        members
    }
}

/// The status unions of `client.ts` that a member's status may name.
const STATUS_ALIASES: [&str; 5] = [
    "HttpStatus",
    "Status2xx",
    "Status3xx",
    "Status4xx",
    "Status5xx",
];

/// The codes and classes an operation lists, within [`HTTP_STATUSES`], in order.
struct Listed {
    codes: Vec<u16>,
    classes: Vec<u8>,
}

impl Listed {
    fn of(outcomes: &[Outcome<'_>]) -> Self {
        let mut listed = Listed {
            codes: Vec::new(),
            classes: Vec::new(),
        };
        for outcome in outcomes {
            match outcome.statuses {
                Statuses::Code(code) if HTTP_STATUSES.contains(&code) => listed.codes.push(code),
                Statuses::Range(class) if class_alias(class).is_some() => {
                    listed.classes.push(class)
                }
                _ => {}
            }
        }
        listed.codes.sort_unstable();
        listed.codes.dedup();
        listed.classes.sort_unstable();
        listed.classes.dedup();
        listed
    }

    /// The listed codes of `class`.
    fn codes_in(&self, class: u8) -> impl Iterator<Item = String> + '_ {
        let class = u16::from(class);
        self.codes
            .iter()
            .filter(move |code| **code / 100 == class)
            .map(u16::to_string)
    }

    /// The listed codes outside `class`.
    fn codes_but(&self, class: u8) -> impl Iterator<Item = String> + '_ {
        let class = u16::from(class);
        self.codes
            .iter()
            .filter(move |code| **code / 100 != class)
            .map(u16::to_string)
    }

    /// The aliases of the listed classes but `class`.
    fn classes_but(&self, class: u8) -> impl Iterator<Item = String> + '_ {
        self.classes
            .iter()
            .filter(move |listed| **listed != class)
            .filter_map(|listed| class_alias(*listed))
            .map(str::to_string)
    }
}

/// `Exclude<base, a | b>`, or `base` when nothing is excluded.
fn exclude(base: &str, excluded: Vec<String>) -> String {
    if excluded.is_empty() {
        base.to_string()
    } else {
        format!("Exclude<{base}, {}>", excluded.join(" | "))
    }
}

/// The alias of `client.ts` that lists the statuses of a class (`4` → `Status4xx`).
fn class_alias(class: u8) -> Option<&'static str> {
    match class {
        2 => Some("Status2xx"),
        3 => Some("Status3xx"),
        4 => Some("Status4xx"),
        5 => Some("Status5xx"),
        _ => None,
    }
}

/// The type of the statuses no outcome covers, if there are any.
fn undocumented(outcomes: &[Outcome<'_>], listed: &Listed) -> Option<String> {
    let covered = |status: u16| outcomes.iter().any(|o| o.statuses.contains(status));
    if HTTP_STATUSES.clone().all(covered) {
        return None;
    }
    let has = |statuses: Statuses| outcomes.iter().any(|o| o.statuses == statuses);
    if has(Statuses::OtherError) {
        // `default` stands for every error status: what is left are the unlisted 2xx.
        return Some(exclude("Status2xx", listed.codes_in(2).collect()));
    }
    let mut excluded: Vec<String> = listed
        .classes
        .iter()
        .filter_map(|class| class_alias(*class))
        .map(str::to_string)
        .collect();
    if has(Statuses::OtherSuccess) {
        excluded.push("Status2xx".to_string());
    }
    excluded.extend(listed.codes.iter().map(u16::to_string));
    Some(exclude("HttpStatus", excluded))
}

/// `TypedResponse<200, models.Item>`.
fn typed_response(member: &Member) -> String {
    format!("TypedResponse<{}, {}>", member.status, member.data)
}

/// The type the plain method resolves to: the union of the success bodies (`undefined` for a
/// success without one), `void` when none has one.
fn success_data(members: &[Member]) -> String {
    let mut types: Vec<&str> = Vec::new();
    let mut empty = false;
    for member in members.iter().filter(|member| member.success) {
        if member.data == "undefined" {
            empty = true;
        } else if !types.contains(&member.data.as_str()) {
            types.push(&member.data);
        }
    }
    if types.is_empty() {
        "void".to_string()
    } else if types.contains(&"unknown") {
        "unknown".to_string()
    } else {
        if empty {
            types.push("undefined");
        }
        types.join(" | ")
    }
}

/// `  getItem:\n    | TypedResponse<404, …>\n    | …;`: the error members of an operation, for
/// `OperationErrors`.
fn error_entry(name: &str, members: &[Member]) -> String {
    let errors: Vec<String> = members
        .iter()
        .filter(|member| !member.success)
        .map(typed_response)
        .collect();
    let mut entry = format!("  {name}:");
    match errors.as_slice() {
        [] => entry.push_str(" never;"),
        [one] if entry.len() + one.len() + 2 <= LINE_LENGTH => {
            let _ = write!(entry, " {one};");
        }
        _ => {
            for error in &errors {
                let _ = write!(entry, "\n    | {error}");
            }
            entry.push(';');
        }
    }
    entry
}

/// How a JSON body of `ty` is checked: the kind of JSON value it must be (`object`,
/// `object | null`), or `json` when any will do (a union, `unknown`).
fn json_read(api: &Api, ty: &Type) -> String {
    json_kind(api, ty, 0).unwrap_or_else(|| "json".to_string())
}

fn json_kind(api: &Api, ty: &Type, depth: usize) -> Option<String> {
    // Aliases of aliases are few; a cycle of them would be a broken spec.
    if depth > 16 {
        return None;
    }
    let kind = match ty {
        Type::Any | Type::FileOrText => return None,
        Type::Null => "null",
        Type::Boolean => "boolean",
        Type::Integer(_) | Type::Number(_) => "number",
        Type::String(_) | Type::Binary => "string",
        Type::List(_) => "array",
        Type::Map(_) => "object",
        Type::Nullable(inner) => {
            let kind = json_kind(api, inner, depth + 1)?;
            return Some(if kind == "null" {
                kind
            } else {
                format!("{kind} | null")
            });
        }
        Type::Named(id) => match &api.type_def(*id).kind {
            TypeKind::Struct(_) => "object",
            TypeKind::Enum(values) if values.holds_integers() => "number",
            TypeKind::Enum(_) => "string",
            TypeKind::Union(_) => return None,
            TypeKind::Alias(inner) => return json_kind(api, inner, depth + 1),
        },
    };
    Some(kind.to_string())
}

/// `responses: { 200: "object", 404: "object" },`: how each documented status's body is read.
fn push_response_reads(out: &mut String, members: &[Member]) {
    let reads: Vec<String> = members
        .iter()
        .filter_map(|member| member.read.as_ref())
        .map(|(key, read)| format!("{key}: \"{read}\""))
        .collect();
    let width: usize = reads.iter().map(|read| read.len() + 2).sum();
    if width <= LINE_LENGTH - 20 {
        out.push_str("      responses: { ");
        out.push_str(&reads.join(", "));
        out.push_str(" },\n");
    } else {
        out.push_str("      responses: {\n");
        for read in &reads {
            out.push_str("        ");
            out.push_str(read);
            out.push_str(",\n");
        }
        out.push_str("      },\n");
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Spec;

    /// The methods and `OperationErrors` entry of the one operation of a spec whose `get /x`
    /// documents `responses`.
    fn emit(responses: serde_json::Value) -> (Vec<String>, String) {
        let document = serde_json::json!({
            "openapi": "3.0.3",
            "info": { "title": "t", "version": "1" },
            "paths": { "/x": { "get": { "operationId": "get_x", "responses": responses } } },
            "components": { "schemas": {
                "Item": { "type": "object", "properties": { "id": { "type": "integer" } } },
                "Ids": { "type": "array", "items": { "type": "integer" } },
                "Either": { "oneOf": [{ "type": "string" }, { "type": "integer" }] },
            } },
        });
        let spec = Spec::from_text("t.json", document.to_string()).expect("the spec loads");
        let names = Names::new(
            &spec.api,
            spec.api.types.iter().map(|d| d.name.clone()).collect(),
        );
        let operations = build(&spec.api, &names);
        (operations.methods, operations.errors[0].clone())
    }

    fn json(schema: &str) -> serde_json::Value {
        serde_json::json!({ "description": "d", "content": { "application/json": {
            "schema": { "$ref": format!("#/components/schemas/{schema}") }
        } } })
    }

    #[test]
    fn undocumented_statuses_are_every_status_but_the_listed_ones() {
        let (methods, errors) =
            emit(serde_json::json!({ "200": json("Item"), "404": json("Item") }));
        assert_eq!(
            errors,
            "  getX:\n    | TypedResponse<404, models.Item>\n    \
             | TypedResponse<Exclude<HttpStatus, 200 | 404>, unknown>;"
        );
        assert!(methods[0].contains("async getX(options?: CallOptions): Promise<models.Item> {"));
        assert!(methods[0].contains("return (await this.getXWithResponse(options)).data;"));
        assert!(methods[1].contains("Promise<TypedResponse<200, models.Item>>"));
        assert!(methods[1].contains(r#"responses: { 200: "object", 404: "object" },"#));
    }

    #[test]
    fn default_beside_a_success_types_the_errors_and_leaves_other_2xx_undocumented() {
        let (methods, errors) =
            emit(serde_json::json!({ "200": json("Ids"), "default": json("Item") }));
        assert_eq!(
            errors,
            "  getX:\n    | TypedResponse<Exclude<HttpStatus, Status2xx>, models.Item>\n    \
             | TypedResponse<Exclude<Status2xx, 200>, unknown>;"
        );
        assert!(methods[1].contains(r#"responses: { 200: "array", default: "object" },"#));
    }

    #[test]
    fn default_alone_is_the_success_of_any_2xx_and_the_error_of_the_rest() {
        let (methods, errors) = emit(serde_json::json!({ "default": json("Either") }));
        assert_eq!(
            errors,
            "  getX: TypedResponse<Exclude<HttpStatus, Status2xx>, models.Either>;"
        );
        assert!(methods[1].contains("Promise<TypedResponse<Status2xx, models.Either>>"));
        // A union's JSON may be of any kind.
        assert!(methods[1].contains(r#"responses: { "2XX": "json", default: "json" },"#));
    }

    #[test]
    fn a_range_is_its_class_less_the_listed_codes() {
        let (methods, errors) = emit(serde_json::json!({
            "204": { "description": "d" },
            "404": json("Item"),
            "4XX": { "description": "d", "content": { "text/plain": { "schema": { "type": "string" } } } },
        }));
        assert_eq!(
            errors,
            "  getX:\n    | TypedResponse<404, models.Item>\n    \
             | TypedResponse<Exclude<Status4xx, 404>, string>\n    \
             | TypedResponse<Exclude<HttpStatus, Status4xx | 204 | 404>, unknown>;"
        );
        assert!(methods[0].contains("async getX(options?: CallOptions): Promise<void> {"));
        assert!(
            methods[1].contains(r#"responses: { 204: "none", 404: "object", "4XX": "text" },"#)
        );
    }

    #[test]
    fn without_success_or_default_any_2xx_succeeds_without_a_body() {
        let (methods, errors) = emit(serde_json::json!({ "404": json("Item") }));
        assert_eq!(
            errors,
            "  getX:\n    | TypedResponse<404, models.Item>\n    \
             | TypedResponse<Exclude<HttpStatus, Status2xx | 404>, unknown>;"
        );
        assert!(methods[1].contains("Promise<TypedResponse<Status2xx, undefined>>"));
    }

    #[test]
    fn a_with_response_name_taken_by_an_operation_is_numbered() {
        let document = serde_json::json!({
            "openapi": "3.0.3",
            "info": { "title": "t", "version": "1" },
            "paths": {
                "/a": { "get": { "operationId": "get_a", "responses": { "204": { "description": "d" } } } },
                "/b": { "get": { "operationId": "getAWithResponse", "responses": { "204": { "description": "d" } } } },
            },
        });
        let spec = Spec::from_text("t.json", document.to_string()).expect("the spec loads");
        let operations = build(&spec.api, &Names::new(&spec.api, Vec::new()));
        let signatures: Vec<&str> = operations
            .methods
            .iter()
            .filter_map(|method| method.lines().find(|line| line.contains("(options")))
            .collect();
        assert_eq!(
            signatures,
            [
                "  async getA(options?: CallOptions): Promise<void> {",
                "  getAWithResponse2(options?: CallOptions): Promise<TypedResponse<204, undefined>> {",
                "  async getAWithResponse(options?: CallOptions): Promise<void> {",
                "  getAWithResponseWithResponse(options?: CallOptions): Promise<TypedResponse<204, undefined>> {",
            ]
        );
    }
}
