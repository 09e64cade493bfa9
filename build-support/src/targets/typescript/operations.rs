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

use super::escape;
use super::models::push_key;
use super::names::{self, CLASS_MEMBERS, OPERATIONS_MODULE_NAMES, Scope};
use super::print::{self, Bracket};
use super::types::{Direction, Names};
use crate::ir::{
    Api, Content, MediaKind, Operation, Outcome, Parameter, ParameterLocation, ParameterStyle,
    Statuses, Type, TypeKind,
};
use crate::targets::constraints;

/// The statuses `client.ts`'s `HttpStatus` lists: `fetch` never exposes a 1xx.
const HTTP_STATUSES: std::ops::RangeInclusive<u16> = 200..=599;

/// What `index.ts`, `operations.ts` and the README need from the operations.
#[derive(Debug, Default)]
pub struct Operations {
    /// The methods of the `API` class whose name is not their function's (`delete` calls
    /// `delete2`), in spec order: each a member of the `Methods` type, documented.
    pub renamed: Vec<String>,
    /// `(function, method)` for each of `renamed`.
    pub method_names: Vec<(String, String)>,
    /// The functions of `operations.ts`, in the same order, which the methods call.
    pub functions: Vec<String>,
    /// One `method: TypedResponse<…> | …;` entry each, for the `OperationErrors` interface.
    pub errors: Vec<String>,
    /// Method name, function name, HTTP method and path of each operation, for the README.
    pub rows: Vec<Row>,
    /// The name of the first operation's `…WithResponse` method, for the README's example.
    pub first_with_response: Option<String>,
    /// Whether any signature names a model (so `operations.ts` imports `models`).
    pub uses_models: bool,
    /// Whether any entry of `OperationErrors` names a model (so `index.ts` imports `models`).
    pub errors_use_models: bool,
    /// The types of `client.ts` that the signatures name (`CallOptions`, `HttpStatus`, …).
    pub client_types: BTreeSet<&'static str>,
    /// The types of `client.ts` that `OperationErrors` names besides `TypedResponse`.
    pub error_types: BTreeSet<&'static str>,
}

/// One operation, as the README lists it.
#[derive(Debug)]
pub struct Row {
    /// The method of the `API` class.
    pub method: String,
    /// The function of `operations.ts`.
    pub function: String,
    /// The HTTP method.
    pub http: &'static str,
    /// The path template.
    pub path: String,
}

/// The names of one operation: the `API` class's methods, and the functions of `operations.ts`
/// (the same unless a reserved word or a module-level name is in the way: `delete` → `delete2`).
struct OperationNames {
    method: String,
    method_full: String,
    function: String,
    function_full: String,
    /// For a deprecated operation, the function that sends its request (`getItemWithResponse_`,
    /// not exported): both of its deprecated functions call it, so that the generated code uses
    /// nothing deprecated (typescript-eslint's `no-deprecated`), and `…WithResponse` is exported
    /// as a `@deprecated` alias of it.
    request: Option<String>,
}

/// What one operation gives: two methods of the `API` class, two functions of `operations.ts`.
#[derive(Default)]
struct Emitted {
    /// The `Methods` members of the method and its `…WithResponse` whose names are not their
    /// functions' (empty when they are).
    plain_method: String,
    full_method: String,
    plain_function: String,
    /// `…WithResponse`; for a deprecated operation, its alias and then the request's function.
    full_function: String,
}

/// Builds the methods and functions of every operation.
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
    // The functions share a module with its imports, and cannot take reserved words.
    let mut module = Scope::camel_with_reserved(OPERATIONS_MODULE_NAMES);
    let functions: Vec<String> = plain
        .iter()
        .map(|name| module.claim(name.clone()))
        .collect();
    let functions_full: Vec<String> = with_response
        .iter()
        .map(|name| module.claim(name.clone()))
        .collect();
    let requests: Vec<Option<String>> = api
        .operations
        .iter()
        .zip(&functions_full)
        .map(|(operation, name)| {
            operation
                .deprecated
                .then(|| module.claim(format!("{name}_")))
        })
        .collect();
    let mut operations = Operations::default();
    let mut builder = Builder {
        api,
        names,
        uses_models: false,
        client_types: BTreeSet::new(),
        error_types: BTreeSet::new(),
    };
    operations.first_with_response = with_response.first().cloned();
    let named = plain
        .into_iter()
        .zip(with_response)
        .zip(functions.into_iter().zip(functions_full))
        .zip(requests)
        .map(
            |(((method, method_full), (function, function_full)), request)| OperationNames {
                method,
                method_full,
                function,
                function_full,
                request,
            },
        );
    for (operation, names) in api.operations.iter().zip(named) {
        let responses = builder.responses(operation);
        let emitted = builder.emit(operation, &names, &responses);
        for (member, (method, function)) in [
            (emitted.plain_method, (&names.method, &names.function)),
            (
                emitted.full_method,
                (&names.method_full, &names.function_full),
            ),
        ] {
            if method != function {
                operations.renamed.push(member);
                operations
                    .method_names
                    .push((function.clone(), method.clone()));
            }
        }
        operations
            .functions
            .extend([emitted.plain_function, emitted.full_function]);
        operations
            .errors
            .push(error_entry(&names.method, &responses));
        let errors = responses.iter().filter(|member| !member.success);
        operations.errors_use_models |= errors.clone().any(|member| member.names_model);
        if errors.count() > 0 {
            builder.error_types.insert("TypedResponse");
        }
        operations.rows.push(Row {
            method: names.method,
            function: names.function,
            http: operation.method.as_str(),
            path: operation.path.clone(),
        });
    }
    operations.uses_models = builder.uses_models;
    operations.client_types = builder.client_types;
    operations.error_types = builder.error_types;
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
    error_types: BTreeSet<&'static str>,
}

/// One member of an operation's response union: an outcome, or the undocumented statuses.
struct Member {
    /// The TypeScript type of `status` (`404`, `Exclude<HttpStatus, 200 | 404>`).
    status: String,
    /// The TypeScript type of `data`.
    data: String,
    /// Whether `data` is `unknown` to TypeScript (`TypedResponse`'s default, left out).
    unknown: bool,
    /// Whether `data` names a model.
    names_model: bool,
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

    /// The operation's two functions of `operations.ts` (one resolving to the body, one to the
    /// whole response; the first calls the second, which describes the request, or, deprecated,
    /// both call a third that is not exported) and the two methods of the `API` class that call
    /// them, with the same parameters but the client.
    fn emit(
        &mut self,
        operation: &Operation,
        names: &OperationNames,
        responses: &[Member],
    ) -> Emitted {
        let body = operation
            .body
            .as_ref()
            .and_then(|body| Some((body, body.preferred()?)));
        let has_params = !operation.parameters.is_empty();
        let keys = params_keys(&operation.parameters);
        // The function's arguments after `client` (the `API` method's, which reuses them).
        let mut args: Vec<String> = Vec::with_capacity(3);
        let mut arg_names: Vec<&str> = Vec::with_capacity(3);
        if has_params {
            let params_optional = operation.parameters.iter().all(|p| !p.required);
            let body_optional = body.is_none_or(|(body, _)| !body.required);
            let default = if params_optional && body_optional {
                " = {}"
            } else {
                ""
            };
            let members = self.params_members(&operation.parameters, &keys);
            let mut arg = String::from("params: ");
            let tail = default.len() + ",".len();
            push_params_type(&mut arg, &members, &operation.parameters, "  ", tail);
            arg.push_str(default);
            args.push(arg);
            arg_names.push("params");
        }
        let encoding = body.map(|(body, content)| {
            let (ty, encoding) = self.body_type(content);
            let optional = if body.required { "" } else { "?" };
            let arg = format!("body{optional}: {ty}");
            args.push(arg);
            arg_names.push("body");
            (encoding, content.media_type.as_str())
        });
        args.push("options?: CallOptions".to_string());
        arg_names.push("options");
        let mut function_args = vec!["client: ApiClient".to_string()];
        function_args.extend(args);
        let mut call_args = vec!["client"];
        call_args.extend(&arg_names);

        let data = success_data(responses);
        let successes: Vec<String> = responses
            .iter()
            .filter(|member| member.success)
            .map(typed_response)
            .collect();
        let whole = successes.join(" | ");
        let deprecated = if operation.deprecated {
            "@deprecated"
        } else {
            ""
        };
        let full_doc = |link: &str| {
            format!(
                "{{@link {link}}}, resolving to the whole response:\n`status`, `headers` and the \
                 raw `body` beside `data`."
            )
        };

        let mut emitted = Emitted::default();
        if names.method != names.function {
            let plain = &mut emitted.plain_method;
            push_method_doc(plain, operation, "  ");
            push_method_member(plain, &names.method, &names.function);
        }
        if names.method_full != names.function_full {
            let full = &mut emitted.full_method;
            escape::push_doc(
                full,
                &[&full_doc(&format!("API.{}", names.method)), deprecated],
                "  ",
            );
            push_method_member(full, &names.method_full, &names.function_full);
        }

        // The function that sends the request: `…WithResponse`, or the one both of a deprecated
        // operation's functions call.
        let request = names.request.as_ref().unwrap_or(&names.function_full);
        let plain = &mut emitted.plain_function;
        push_method_doc(plain, operation, "");
        let head = format!("export async function {}", names.function);
        print::push_signature(plain, "", &head, &function_args, &data);
        let callee = format!("await {request}");
        print::push_assigned_call(plain, "  ", "const response = ", &callee, &call_args, ";");
        plain.push_str("  return response.data;\n}\n");

        let full = &mut emitted.full_function;
        escape::push_doc(full, &[&full_doc(&names.function), deprecated], "");
        let head = match &names.request {
            Some(request) => {
                let head = format!("export const {}", names.function_full);
                print::push_alias(full, &head, request);
                full.push('\n');
                let note = format!(
                    "The request of the deprecated {{@link {}}} and {{@link {}}}, which call it.",
                    names.function, names.function_full
                );
                escape::push_doc(full, &[&note], "");
                format!("function {request}")
            }
            None => format!("export function {}", names.function_full),
        };
        print::push_signature(full, "", &head, &function_args, &whole);
        // Body: the request, described to the transport.
        full.push_str("  return client.request(\n    {\n");
        let literal = escape::string_literal;
        print::push_property(full, "      ", "operation", &literal(&names.method));
        print::push_property(
            full,
            "      ",
            "method",
            &format!("\"{}\"", operation.method.as_str()),
        );
        print::push_property(full, "      ", "path", &literal(&operation.path));
        if has_params {
            push_parameter_specs(full, &operation.parameters, &keys);
            full.push_str("      values: params,\n");
        }
        if let Some((encoding, media_type)) = encoding {
            full.push_str("      body,\n");
            print::push_property(full, "      ", "encoding", &format!("\"{encoding}\""));
            print::push_property(full, "      ", "mediaType", &literal(media_type));
        }
        if !operation.security.is_empty() {
            push_security(full, &operation.security);
        }
        push_response_reads(full, responses);
        full.push_str("    },\n    options,\n  );\n}\n");
        emitted
    }

    /// The members of an operation's params object: `user_id` or `limit?`, and its type.
    fn params_members(
        &mut self,
        parameters: &[Parameter],
        keys: &[String],
    ) -> Vec<(String, String)> {
        parameters
            .iter()
            .zip(keys)
            .map(|(parameter, key)| {
                let mut member = String::new();
                push_key(&mut member, key);
                if !parameter.required {
                    member.push('?');
                }
                (member, self.spell(&parameter.ty, Direction::Sent))
            })
            .collect()
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
            let content = outcome.response.and_then(|r| r.preferred());
            let (data, read) = match content {
                Some(content) => self.response_type(content),
                None => ("undefined".to_string(), "none".to_string()),
            };
            let json = content.filter(|content| content.kind == MediaKind::Json);
            let unknown = json.is_some_and(|content| self.names.is_unknown(&content.ty));
            members.push(Member {
                status,
                data,
                unknown,
                names_model: !unknown && json.is_some_and(|content| mentions_named(&content.ty)),
                success: outcome.success,
                read: Some((key, read)),
            });
        }
        if let Some(status) = undocumented(&outcomes, &listed) {
            members.push(Member {
                status,
                data: "unknown".to_string(),
                unknown: true,
                names_model: false,
                success: false,
                read: None,
            });
        }
        for member in &members {
            let types = if member.success {
                &mut self.client_types
            } else {
                &mut self.error_types
            };
            types.extend(
                STATUS_ALIASES
                    .into_iter()
                    .filter(|alias| member.status.contains(alias)),
            );
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

/// `  delete: MethodOf<Operations["delete2"]>;`: a method of the `API` class named otherwise than
/// the function of `operations.ts` it calls (which documents and types the others).
fn push_method_member(out: &mut String, method: &str, function: &str) {
    let ty = format!("MethodOf<Operations[{}]>", escape::string_literal(function));
    print::push_member(out, "  ", method, &ty, ";");
    out.push('\n');
}

/// `TypedResponse<200, models.Item>`; `TypedResponse<404>` when `data` is `unknown`.
fn typed_response(member: &Member) -> String {
    if member.unknown {
        format!("TypedResponse<{}>", member.status)
    } else {
        format!("TypedResponse<{}, {}>", member.status, member.data)
    }
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

/// `{ user_id: number; limit?: number }` when no parameter is documented and it fits on the
/// argument line at `indent` (with `tail` after it), else one member a line, each after its
/// doc comment.
fn push_params_type(
    out: &mut String,
    members: &[(String, String)],
    parameters: &[Parameter],
    indent: &str,
    tail: usize,
) {
    let documented = parameters.iter().any(|p| {
        p.description.is_some() || p.deprecated || p.default.is_some() || !p.constraints.is_empty()
    });
    let flat: Vec<String> = members
        .iter()
        .map(|(member, ty)| format!("{member}: {ty}"))
        .collect();
    let flat = format!("{{ {} }}", flat.join("; "));
    if !documented && indent.len() + "params: ".len() + flat.len() + tail <= print::WIDTH {
        out.push_str(&flat);
        return;
    }
    let member_indent = format!("{indent}  ");
    out.push_str("{\n");
    for ((member, ty), parameter) in members.iter().zip(parameters) {
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
            .map(|value| format!("@defaultValue `{value}` (applied by the server when left out)"))
            .unwrap_or_default();
        escape::push_doc(
            out,
            &[description, "", &checks, &default, deprecated],
            &member_indent,
        );
        print::push_member(out, &member_indent, member, ty, ";");
        out.push('\n');
    }
    out.push_str(indent);
    out.push('}');
}

/// `  getItem:\n    | TypedResponse<404, …>\n    | …;`: the error members of an operation, for
/// `OperationErrors`.
fn error_entry(name: &str, members: &[Member]) -> String {
    let errors: Vec<String> = members
        .iter()
        .filter(|member| !member.success)
        .map(typed_response)
        .collect();
    let ty = if errors.is_empty() {
        "never".to_string()
    } else {
        errors.join(" | ")
    };
    let mut entry = String::new();
    print::push_member(&mut entry, "  ", name, &ty, ";");
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
    print::push_object_property(out, "      ", "responses", &reads);
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

/// The doc comment of an operation's method or function: summary, description and route.
fn push_method_doc(out: &mut String, operation: &Operation, indent: &str) {
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
        indent,
    );
}

/// `params: [{ name: "user_id", in: "path" }, …],` with style and explode only where they are
/// not the location's defaults, and `key` only where the params object renamed a duplicate.
fn push_parameter_specs(out: &mut String, parameters: &[Parameter], keys: &[String]) {
    let specs: Vec<Vec<String>> = parameters
        .iter()
        .zip(keys)
        .map(|(parameter, key)| {
            let mut props = vec![format!("name: {}", escape::string_literal(&parameter.name))];
            let (location, default_style) = match parameter.location {
                ParameterLocation::Path => ("path", ParameterStyle::Simple),
                ParameterLocation::Query => ("query", ParameterStyle::Form),
                ParameterLocation::Header => ("header", ParameterStyle::Simple),
                ParameterLocation::Cookie => ("cookie", ParameterStyle::Form),
            };
            props.push(format!("in: \"{location}\""));
            if *key != parameter.name {
                props.push(format!("key: {}", escape::string_literal(key)));
            }
            if parameter.style != default_style {
                props.push(format!("style: \"{}\"", parameter.style.as_str()));
            }
            if parameter.explode != (parameter.style == ParameterStyle::Form) {
                props.push(format!("explode: {}", parameter.explode));
            }
            props
        })
        .collect();
    print::push_array_property(out, "      ", "params", Bracket::Object, &specs);
}

/// `security: [["bearer"], ["apiKey"]],`: any one alternative, each needing all its schemes.
fn push_security(out: &mut String, requirements: &[Vec<String>]) {
    let alternatives: Vec<Vec<String>> = requirements
        .iter()
        .map(|alternative| {
            alternative
                .iter()
                .map(|scheme| escape::string_literal(scheme))
                .collect()
        })
        .collect();
    print::push_array_property(out, "      ", "security", Bracket::Array, &alternatives);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Spec;

    /// The methods, functions and `OperationErrors` entry of the one operation of a spec whose
    /// `get /x` documents `responses`.
    fn emit(responses: serde_json::Value) -> (Vec<String>, String) {
        let document = serde_json::json!({
            "openapi": "3.0.3",
            "info": { "title": "t", "version": "1" },
            "paths": { "/x": { "get": { "operationId": "get_x", "responses": responses } } },
            "components": { "schemas": {
                "Item": { "type": "object", "properties": { "id": { "type": "integer" } } },
                "Ids": { "type": "array", "items": { "type": "integer" } },
                "Either": { "oneOf": [{ "type": "string" }, { "type": "integer" }] },
                "Anything": {},
            } },
        });
        let spec = Spec::from_text("t.json", document.to_string()).expect("the spec loads");
        let names = Names::new(
            &spec.api,
            spec.api.types.iter().map(|d| d.name.clone()).collect(),
        );
        let operations = build(&spec.api, &names);
        (operations.functions, operations.errors[0].clone())
    }

    fn json(schema: &str) -> serde_json::Value {
        serde_json::json!({ "description": "d", "content": { "application/json": {
            "schema": { "$ref": format!("#/components/schemas/{schema}") }
        } } })
    }

    #[test]
    fn undocumented_statuses_are_every_status_but_the_listed_ones() {
        let (functions, errors) =
            emit(serde_json::json!({ "200": json("Item"), "404": json("Item") }));
        assert_eq!(
            errors,
            "  getX:\n    | TypedResponse<404, models.Item>\n    \
             | TypedResponse<Exclude<HttpStatus, 200 | 404>>;"
        );
        assert!(functions[0].contains("): Promise<models.Item> {"));
        assert!(functions[0].contains("const response = await getXWithResponse(client, options);"));
        assert!(functions[1].contains("Promise<TypedResponse<200, models.Item>>"));
        assert!(functions[1].contains(r#"responses: { 200: "object", 404: "object" },"#));
    }

    #[test]
    fn default_beside_a_success_types_the_errors_and_leaves_other_2xx_undocumented() {
        let (functions, errors) =
            emit(serde_json::json!({ "200": json("Ids"), "default": json("Item") }));
        assert_eq!(
            errors,
            "  getX:\n    | TypedResponse<Exclude<HttpStatus, Status2xx>, models.Item>\n    \
             | TypedResponse<Exclude<Status2xx, 200>>;"
        );
        assert!(functions[1].contains(r#"responses: { 200: "array", default: "object" },"#));
    }

    #[test]
    fn default_alone_is_the_success_of_any_2xx_and_the_error_of_the_rest() {
        let (functions, errors) = emit(serde_json::json!({ "default": json("Either") }));
        assert_eq!(
            errors,
            "  getX: TypedResponse<Exclude<HttpStatus, Status2xx>, models.Either>;"
        );
        assert!(functions[1].contains("Promise<TypedResponse<Status2xx, models.Either>>"));
        // A union's JSON may be of any kind.
        assert!(functions[1].contains(r#"responses: { "2XX": "json", default: "json" },"#));
    }

    #[test]
    fn a_range_is_its_class_less_the_listed_codes() {
        let (functions, errors) = emit(serde_json::json!({
            "204": { "description": "d" },
            "404": json("Item"),
            "4XX": { "description": "d", "content": { "text/plain": { "schema": { "type": "string" } } } },
        }));
        assert_eq!(
            errors,
            "  getX:\n    | TypedResponse<404, models.Item>\n    \
             | TypedResponse<Exclude<Status4xx, 404>, string>\n    \
             | TypedResponse<Exclude<HttpStatus, Status4xx | 204 | 404>>;"
        );
        assert!(functions[0].contains("): Promise<void> {"));
        assert!(
            functions[1].contains(r#"responses: { 204: "none", 404: "object", "4XX": "text" },"#)
        );
    }

    #[test]
    fn without_success_or_default_any_2xx_succeeds_without_a_body() {
        let (functions, errors) = emit(serde_json::json!({ "404": json("Item") }));
        assert_eq!(
            errors,
            "  getX:\n    | TypedResponse<404, models.Item>\n    \
             | TypedResponse<Exclude<HttpStatus, Status2xx | 404>>;"
        );
        assert!(functions[1].contains("Promise<TypedResponse<Status2xx, undefined>>"));
    }

    #[test]
    fn an_error_body_of_an_unknown_type_leaves_the_data_argument_out() {
        let (_, errors) =
            emit(serde_json::json!({ "204": { "description": "d" }, "404": json("Anything") }));
        assert_eq!(
            errors,
            "  getX: TypedResponse<404> | TypedResponse<Exclude<HttpStatus, 204 | 404>>;"
        );
    }

    #[test]
    fn a_method_named_otherwise_than_its_function_is_a_member_of_methods() {
        let document = serde_json::json!({
            "openapi": "3.0.3",
            "info": { "title": "t", "version": "1" },
            "paths": {
                "/a": { "delete": { "operationId": "delete", "responses": { "204": { "description": "d" } } } },
            },
        });
        let spec = Spec::from_text("t.json", document.to_string()).expect("the spec loads");
        let operations = build(&spec.api, &Names::new(&spec.api, Vec::new()));
        assert_eq!(
            operations.method_names,
            [("delete2".to_string(), "delete".to_string())]
        );
        assert_eq!(operations.renamed.len(), 1);
        assert!(
            operations.renamed[0].ends_with("  delete: MethodOf<Operations[\"delete2\"]>;\n"),
            "{}",
            operations.renamed[0]
        );
    }

    #[test]
    fn a_deprecated_operations_functions_call_one_that_is_not_deprecated() {
        let document = serde_json::json!({
            "openapi": "3.0.3",
            "info": { "title": "t", "version": "1" },
            "paths": {
                "/a": { "get": { "operationId": "get_a", "deprecated": true, "responses": { "204": { "description": "d" } } } },
            },
        });
        let spec = Spec::from_text("t.json", document.to_string()).expect("the spec loads");
        let operations = build(&spec.api, &Names::new(&spec.api, Vec::new()));
        let [plain, full] = &operations.functions[..] else {
            panic!("two functions: {:?}", operations.functions);
        };
        assert!(plain.contains(" * @deprecated\n */\nexport async function getA("));
        assert!(plain.contains("const response = await getAWithResponse_(client, options);"));
        assert!(full.starts_with(
            "/**\n * {@link getA}, resolving to the whole response:\n \
             * `status`, `headers` and the raw `body` beside `data`.\n * @deprecated\n */\n\
             export const getAWithResponse = getAWithResponse_;\n\n"
        ));
        assert!(full.contains("\nfunction getAWithResponse_(\n"));
        assert_eq!(full.matches("@deprecated").count(), 1);
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
        let functions: Vec<&str> = operations
            .functions
            .iter()
            .filter_map(|function| {
                let head = function.lines().find(|line| line.starts_with("export "))?;
                let name = head.split("function ").nth(1)?;
                name.split('(').next()
            })
            .collect();
        assert_eq!(
            functions,
            [
                "getA",
                "getAWithResponse2",
                "getAWithResponse",
                "getAWithResponseWithResponse",
            ]
        );
        // The methods have the functions' names.
        assert!(operations.method_names.is_empty());
    }
}
