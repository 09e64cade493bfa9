//! The `Client` methods, one per operation, the request builders of operations with optional
//! parameters, and the `responses` module (an enum per operation with several success
//! bodies, and one per operation with documented errors).

use super::docs;
use super::models;
use super::names::{self, API_MODULE_NAMES, CLIENT_METHODS, OPERATION_LOCALS, Scope};
use super::text::{self, Frame, Tail, line, line_fmt, typed_line};
use super::types::{self, Names, Place};
use crate::ir::{
    self, Api, ApiKeyLocation, Content, MediaKind, Operation, Parameter, ParameterLocation,
    RequestBody, Response, SecurityScheme, SecuritySchemeKind, Status, Statuses, Type, TypeKind,
};
use crate::targets::constraints;

/// Stands for how a statement reaches an argument (nothing in a method, `self.` in a
/// builder); a control character, so it never occurs in a string literal of the text.
const ARG: &str = "\u{1}";
/// Stands for the lifetime of a borrowed argument type (`&'a str` in a builder).
const REF: &str = "\u{2}";

/// Indent of a `Client` method.
const METHOD: usize = 8;
/// Indent of a statement in a method.
const BODY: usize = 12;
/// Indent of an item of the API module.
const ITEM: usize = 4;

/// The generated code of every operation, as text.
#[derive(Debug, Default)]
pub struct Operations {
    /// Methods of `impl Client`.
    pub methods: String,
    /// Request builders: items of the API module.
    pub builders: String,
    /// Items of the `responses` module.
    pub responses: String,
}

/// Writes the methods, builders and response enums of every operation, in spec order.
pub fn write(api: &Api, names: Names<'_>, format: bool) -> Operations {
    let mut methods = Scope::with_reserved(CLIENT_METHODS);
    let mut enums = Scope::camel_with_reserved(&[]);
    let mut builders = Scope::camel_with_reserved(API_MODULE_NAMES);
    let mut out = Operations {
        methods: String::with_capacity(api.operations.len() * 2048),
        builders: String::new(),
        responses: String::with_capacity(api.operations.len() * 512),
    };
    for operation in &api.operations {
        let name = methods.claim(names::snake_name(&operation.id));
        let camel = names::type_name(&operation.id);
        let plan = Plan::of(api, operation, names);
        let outcome = Outcome::of(operation, &camel, &mut enums, names);
        for enum_item in &outcome.items {
            let start = out.responses.len();
            out.responses.push_str(enum_item);
            text::settle_item(&mut out.responses, start, Frame::InnerModule, format);
        }
        let start = out.methods.len();
        // One shape whatever the count: optional parameters are set on a request builder, which
        // is awaited like the call itself, so a parameter the spec gains breaks no caller.
        if plan.optional_count() > 0 {
            let builder = builders.claim(format!("{camel}Request"));
            builder_method(&mut out.methods, operation, &plan, &name, &builder);
            text::settle_item(&mut out.methods, start, Frame::Impl, format);
            let start = out.builders.len();
            builder_items(
                &mut out.builders,
                operation,
                &plan,
                &outcome,
                &name,
                &builder,
            );
            text::settle_item(&mut out.builders, start, Frame::ApiModule, format);
        } else {
            plain_method(&mut out.methods, operation, &plan, &outcome, &name);
            text::settle_item(&mut out.methods, start, Frame::Impl, format);
        }
    }
    out
}

/// One argument of an operation.
struct Argument {
    /// The Rust name.
    name: String,
    /// The type with `&'a ` where a reference goes ([`REF`] stands for it).
    ty: String,
    /// Whether it is optional (`Option<…>`, left out when `None`).
    optional: bool,
    /// Its description.
    doc: Option<String>,
}

impl Argument {
    /// The type with references at `lifetime` (`""` or `"'a "`).
    fn ty(&self, lifetime: &str) -> String {
        self.ty.replace(REF, lifetime)
    }

    /// The type a setter takes: the type without its `Option`.
    fn setter_ty(&self, lifetime: &str) -> String {
        let ty = self.ty(lifetime);
        ty.strip_prefix("Option<")
            .and_then(|inner| inner.strip_suffix('>'))
            .map(str::to_string)
            .unwrap_or(ty)
    }
}

/// What an operation's method takes and does, before it is laid out.
struct Plan {
    arguments: Vec<Argument>,
    /// Statements with [`ARG`] standing for how an argument is reached.
    statements: Vec<String>,
    path: String,
    http_method: &'static str,
    doc: String,
}

impl Plan {
    fn of(api: &Api, operation: &Operation, names: Names<'_>) -> Plan {
        let mut scope = Scope::with_reserved(OPERATION_LOCALS);
        let body = operation
            .body
            .as_ref()
            .and_then(|body| Some((body, body.preferred()?)));
        let body_name = body.map(|_| scope.claim("body".to_string()));
        let mut arguments = Vec::new();
        let mut statements = Vec::new();
        for parameter in &operation.parameters {
            let rust_name = scope.claim(names::snake_name(&parameter.name));
            let (ty, optional) = parameter_type(parameter, names);
            let wire = text::literal(&parameter.name);
            statements.push(match parameter.location {
                ParameterLocation::Path => {
                    format!("request.path_param({wire}, &{ARG}{rust_name});")
                }
                ParameterLocation::Query => format!(
                    "request.query({wire}, &{ARG}{rust_name}, {});",
                    parameter.explode
                ),
                ParameterLocation::Header => format!("request.header({wire}, &{ARG}{rust_name});"),
                ParameterLocation::Cookie => format!("request.cookie({wire}, &{ARG}{rust_name});"),
            });
            arguments.push(Argument {
                name: rust_name,
                ty,
                optional,
                doc: parameter_doc(parameter),
            });
        }
        statements.push(security(api, operation));
        if let (Some((body, content)), Some(body_name)) = (body, body_name) {
            let (ty, send) = body_code(api, body, content, &body_name, names);
            statements.push(send);
            arguments.push(Argument {
                name: body_name,
                ty,
                optional: !body.required,
                doc: body.description.clone(),
            });
        }
        let mut doc = String::new();
        for part in [&operation.summary, &operation.description]
            .into_iter()
            .flatten()
        {
            let part = part.trim();
            if !part.is_empty() && !doc.contains(part) {
                doc.push_str(part);
                doc.push_str("\n\n");
            }
        }
        doc.push_str(&format!(
            "Sends `{} {}`.",
            operation.method.as_str(),
            operation.path.replace('`', "'")
        ));
        Plan {
            arguments,
            statements,
            path: text::literal(&operation.path),
            http_method: operation.method.as_str(),
            doc,
        }
    }

    fn optional_count(&self) -> usize {
        self.arguments.iter().filter(|a| a.optional).count()
    }

    /// `- `name`: description` lines for the arguments `keep` selects.
    fn argument_docs(&self, keep: impl Fn(&Argument) -> bool) -> String {
        let mut docs = String::new();
        for argument in self.arguments.iter().filter(|a| keep(a)) {
            if let Some(text) = &argument.doc {
                docs.push_str(&format!("\n- `{}`: {}", argument.name, text.trim()));
            }
        }
        docs
    }

    /// The statements of the method body, up to and including the `send` that dispatches on the
    /// status.
    fn write_body(&self, out: &mut String, outcome: &Outcome, client: &str, access: &str) {
        for alias in &outcome.aliases {
            line(out, BODY, alias);
        }
        line_fmt(out, BODY, format_args!("let path = {};", self.path));
        let binding = if self.statements.is_empty() {
            "let request"
        } else {
            "let mut request"
        };
        line_fmt(
            out,
            BODY,
            format_args!(
                "{binding} = {client}.request(::clientgen::Method::{}, path);",
                self.http_method
            ),
        );
        for statement in &self.statements {
            let statement = statement.replace(ARG, access);
            for piece in statement.split('\n') {
                // Pieces of an `if let` block carry their own extra indent.
                let extra = piece.len() - piece.trim_start().len();
                line(out, BODY + extra, piece.trim_start());
            }
        }
        outcome.write_send(out);
    }
}

/// The method of an operation without optional parameters: it takes every argument and returns
/// the call, `client.op(a, b).await`.
fn plain_method(
    out: &mut String,
    operation: &Operation,
    plan: &Plan,
    outcome: &Outcome,
    name: &str,
) {
    let mut doc = plan.doc.clone();
    let argument_docs = plan.argument_docs(|_| true);
    if !argument_docs.is_empty() {
        doc.push_str("\n\nArguments:");
        doc.push_str(&argument_docs);
    }
    docs::doc(out, METHOD, Some(&doc));
    if operation.deprecated {
        line(out, METHOD, "#[deprecated]");
    }
    let mut arguments = vec![("&self".to_string(), String::new())];
    arguments.extend(
        plan.arguments
            .iter()
            .map(|a| (format!("{}: ", a.name), a.ty(""))),
    );
    text::allow(
        out,
        METHOD,
        &names::method_allows(name, names::Receiver::Ref, arguments.len()),
    );
    text::signature(
        out,
        METHOD,
        &format!("pub fn {name}"),
        &arguments,
        &outcome.call_type(),
    );
    plan.write_body(out, outcome, "self.inner", "");
    line(out, METHOD, "}");
}

/// The `Client` method of an operation with a builder: it takes the required arguments.
fn builder_method(out: &mut String, operation: &Operation, plan: &Plan, name: &str, builder: &str) {
    let mut doc = plan.doc.clone();
    let argument_docs = plan.argument_docs(|a| !a.optional);
    if !argument_docs.is_empty() {
        doc.push_str("\n\nArguments:");
        doc.push_str(&argument_docs);
    }
    doc.push_str(&format!(
        "\n\nOptional parameters are set on the returned [`{builder}`], which is sent when \
         awaited (`.await`, or `.send().await`)."
    ));
    docs::doc(out, METHOD, Some(&doc));
    if operation.deprecated {
        line(out, METHOD, "#[deprecated]");
    }
    let borrows = plan.arguments.iter().any(|a| a.ty.contains(REF));
    let (head, receiver, lifetime, ret) = if borrows {
        (
            format!("pub fn {name}<'a>"),
            "&'a self",
            "'a ",
            format!("{builder}<'a>"),
        )
    } else {
        (
            format!("pub fn {name}"),
            "&self",
            "",
            format!("{builder}<'_>"),
        )
    };
    let mut arguments = vec![(receiver.to_string(), String::new())];
    arguments.extend(
        plan.arguments
            .iter()
            .filter(|a| !a.optional)
            .map(|a| (format!("{}: ", a.name), a.ty(lifetime))),
    );
    text::allow(
        out,
        METHOD,
        &names::method_allows(name, names::Receiver::Ref, arguments.len()),
    );
    text::signature(out, METHOD, &head, &arguments, &ret);
    line_fmt(out, BODY, format_args!("{builder} {{"));
    line(out, BODY + 4, "client: self,");
    for argument in &plan.arguments {
        if argument.optional {
            line_fmt(out, BODY + 4, format_args!("{}: None,", argument.name));
        } else {
            line_fmt(out, BODY + 4, format_args!("{},", argument.name));
        }
    }
    line(out, BODY, "}");
    line(out, METHOD, "}");
}

/// The builder struct of an operation and its setters and `send`.
fn builder_items(
    out: &mut String,
    operation: &Operation,
    plan: &Plan,
    outcome: &Outcome,
    name: &str,
    builder: &str,
) {
    docs::doc(
        out,
        ITEM,
        Some(&format!(
            "The request of [`Client::{name}`]: set optional parameters, then `.await` it."
        )),
    );
    line(
        out,
        ITEM,
        "#[must_use = \"a request is sent when awaited (or by `.send().await`)\"]",
    );
    line(out, ITEM, "#[derive(Debug)]");
    line_fmt(out, ITEM, format_args!("pub struct {builder}<'a> {{"));
    line(out, ITEM + 4, "client: &'a Client,");
    for argument in &plan.arguments {
        typed_line(
            out,
            ITEM + 4,
            &format!("{}: ", argument.name),
            &argument.ty("'a "),
            Tail::Counted(","),
        );
    }
    line(out, ITEM, "}");
    line_fmt(out, ITEM, format_args!("impl<'a> {builder}<'a> {{"));
    for argument in plan.arguments.iter().filter(|a| a.optional) {
        let doc = match &argument.doc {
            Some(text) => format!("Sets `{}`: {}", argument.name, text.trim()),
            None => format!("Sets `{}`.", argument.name),
        };
        docs::doc(out, METHOD, Some(&doc));
        text::allow(
            out,
            METHOD,
            &names::method_allows(&argument.name, names::Receiver::Value, 2),
        );
        text::signature(
            out,
            METHOD,
            &format!("pub fn {}", argument.name),
            &[
                ("mut self".to_string(), String::new()),
                ("value: ".to_string(), argument.setter_ty("'a ")),
            ],
            "Self",
        );
        line_fmt(
            out,
            BODY,
            format_args!("self.{} = Some(value);", argument.name),
        );
        line(out, BODY, "self");
        line(out, METHOD, "}");
    }
    docs::doc(
        out,
        METHOD,
        Some(&format!(
            "Sends `{} {}`.",
            operation.method.as_str(),
            operation.path.replace('`', "'")
        )),
    );
    if operation.deprecated {
        line(out, METHOD, "#[deprecated]");
    }
    text::signature(
        out,
        METHOD,
        "pub fn send",
        &[("self".to_string(), String::new())],
        &outcome.call_type(),
    );
    plan.write_body(out, outcome, "self.client.inner", "self.");
    line(out, METHOD, "}");
    line(out, ITEM, "}");
    into_future(out, outcome, builder);
}

/// `impl IntoFuture` for a builder: `client.op(a).opt(x).await` sends it, as `.send().await`.
fn into_future(out: &mut String, outcome: &Outcome, builder: &str) {
    text::impl_header(
        out,
        ITEM,
        "impl ::std::future::IntoFuture",
        &format!("{builder}<'_>"),
    );
    let output = match &outcome.error {
        Some(error) => format!("::clientgen::ApiResult<{}, {error}>", outcome.success),
        None => format!("::clientgen::ApiResult<{}>", outcome.success),
    };
    typed_line(out, METHOD, "type Output = ", &output, Tail::Counted(";"));
    typed_line(
        out,
        METHOD,
        "type IntoFuture = ",
        &outcome.call_type(),
        Tail::Counted(";"),
    );
    line(out, METHOD, "fn into_future(self) -> Self::IntoFuture {");
    line(out, BODY, "self.send()");
    line(out, METHOD, "}");
    line(out, ITEM, "}");
}

/// A parameter's type ([`REF`] where a lifetime may go) and whether it is optional: plain
/// strings are borrowed, optional parameters are `Option`.
fn parameter_type(parameter: &Parameter, names: Names<'_>) -> (String, bool) {
    let (ty, nullable) = match &parameter.ty {
        Type::Nullable(inner) => (&**inner, true),
        other => (other, false),
    };
    let spelled = match ty {
        Type::String(format) if format.is_plain() => format!("&{REF}str"),
        other => types::spell(other, names, Place::OPERATION),
    };
    if (parameter.required && !nullable) || *ty == Type::Any {
        (spelled, false)
    } else {
        (format!("Option<{spelled}>"), true)
    }
}

/// The body argument's type ([`REF`] where a lifetime may go) and the statement that sends it
/// ([`ARG`] where the argument is reached). An optional body is an `Option` and is sent when
/// `Some`.
fn body_code(
    api: &Api,
    body: &RequestBody,
    content: &Content,
    name: &str,
    names: Names<'_>,
) -> (String, String) {
    let media_type = text::literal(&content.media_type);
    let spelled = types::spell(&content.ty, names, Place::OPERATION);
    // A required body is reached through the argument; an optional one is bound by `if let`.
    let access = if body.required {
        format!("{ARG}{name}")
    } else {
        name.to_string()
    };
    let (ty, call) = match content.kind {
        MediaKind::Json => (
            format!("&{REF}{spelled}"),
            format!("request.json({access});"),
        ),
        MediaKind::Form => (
            format!("&{REF}{spelled}"),
            format!("request.form({access});"),
        ),
        MediaKind::Multipart => match multipart_parts(api, &content.ty, &access) {
            Some(parts) => (
                format!("&{REF}{spelled}"),
                format!("request.multipart(::clientgen::Multipart::new(){parts});"),
            ),
            None => (
                "::clientgen::Multipart".to_string(),
                format!("request.multipart({access});"),
            ),
        },
        MediaKind::Text => (
            "String".to_string(),
            format!("request.text({access}, {media_type});"),
        ),
        MediaKind::Binary => (
            "Vec<u8>".to_string(),
            format!("request.bytes({access}, {media_type});"),
        ),
    };
    if body.required {
        (ty, call)
    } else {
        (
            format!("Option<{ty}>"),
            format!("if let Some({name}) = {ARG}{name} {{\n    {call}\n}}"),
        )
    }
}

/// `.file(…)`, `.text(…)` calls for the fields of a multipart body struct.
fn multipart_parts(api: &Api, ty: &Type, name: &str) -> Option<String> {
    let Type::Named(id) = ty else {
        return None;
    };
    let TypeKind::Struct(shape) = &api.type_def(*id).kind else {
        return None;
    };
    let (field_names, _) = models::field_names(shape);
    let mut parts = String::new();
    for (field, field_name) in shape.fields.iter().zip(&field_names) {
        let wire = text::literal(&field.name);
        let access = format!("{name}.{field_name}");
        parts.push_str(&match (&field.ty, field.required) {
            (Type::Binary, true) => format!(".file({wire}, &{access})"),
            (Type::FileOrText, true) => format!(".files_or_texts({wire}, [&{access}])"),
            (Type::FileOrText, false) => format!(".files_or_texts({wire}, {access}.iter())"),
            (Type::Nullable(inner), required) if **inner == Type::FileOrText => {
                let flatten = if required { "" } else { ".flatten()" };
                format!(".files_or_texts({wire}, {access}.iter(){flatten})")
            }
            (Type::Binary, false) | (Type::List(_), true) | (Type::Nullable(_), true)
                if holds_binary(&field.ty) =>
            {
                format!(".files({wire}, &{access})")
            }
            (Type::List(_) | Type::Nullable(_), false) if holds_binary(&field.ty) => {
                format!(".files({wire}, {access}.iter().flatten())")
            }
            _ => format!(".text({wire}, &{access})"),
        });
    }
    Some(parts)
}

/// Whether a multipart field is a file, or one level of list or null around files.
fn holds_binary(ty: &Type) -> bool {
    match ty {
        Type::Binary => true,
        Type::List(inner) | Type::Nullable(inner) => **inner == Type::Binary,
        _ => false,
    }
}

/// `request.security(SECURITY_SCHEMES, &[...]);`, on every operation: the runtime works out
/// from the spec's schemes where credentials set by kind go (and fails the call when they
/// have no one scheme to go to), and sends those the operation's `security` asks for.
fn security(api: &Api, operation: &Operation) -> String {
    let alternatives: Vec<String> = operation
        .security
        .iter()
        .filter_map(|alternative| {
            let schemes = alternative
                .iter()
                .map(|key| api.security_scheme(key).map(scheme_expr))
                .collect::<Option<Vec<_>>>()?;
            Some(format!("&[{}]", schemes.join(", ")))
        })
        .collect();
    format!(
        "request.security({SECURITY_SCHEMES}, &[{}]);",
        alternatives.join(", ")
    )
}

/// The name of the generated constant that lists the spec's security schemes.
pub(super) const SECURITY_SCHEMES: &str = "SECURITY_SCHEMES";

/// `const SECURITY_SCHEMES: &[::clientgen::Scheme] = &[...];`, every scheme the spec declares.
pub(super) fn security_schemes_const(api: &Api) -> String {
    let schemes: Vec<String> = api.security_schemes.iter().map(scheme_expr).collect();
    format!(
        "const {SECURITY_SCHEMES}: &[::clientgen::Scheme] = &[{}];",
        schemes.join(", ")
    )
}

/// `::clientgen::Scheme::bearer("key")` and its siblings, for one scheme.
fn scheme_expr(scheme: &SecurityScheme) -> String {
    let key = text::literal(&scheme.key);
    match &scheme.kind {
        SecuritySchemeKind::Bearer { .. } => format!("::clientgen::Scheme::bearer({key})"),
        SecuritySchemeKind::Basic => format!("::clientgen::Scheme::basic({key})"),
        SecuritySchemeKind::ApiKey { location, name } => {
            let location = match location {
                ApiKeyLocation::Header => "Header",
                ApiKeyLocation::Query => "Query",
                ApiKeyLocation::Cookie => "Cookie",
            };
            format!(
                "::clientgen::Scheme::api_key({key}, ::clientgen::ApiKeyIn::{location}, {})",
                text::literal(name)
            )
        }
    }
}

/// How an operation's responses are typed and decoded.
struct Outcome {
    /// The success body type.
    success: String,
    /// The documented error type (`None`: no documented error).
    error: Option<String>,
    /// `match response.status()` arms in order: pattern, body.
    arms: Vec<(String, String)>,
    /// Enums for the `responses` module, as text.
    items: Vec<String>,
    /// `use` lines that give the response enums short names in the method body.
    aliases: Vec<String>,
}

/// How one documented body is decoded.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Decode {
    Json,
    Text,
    Bytes,
    Empty,
}

/// One [`ir::Outcome`] of an operation, as the Rust client reads it.
struct Documented<'a> {
    /// Whether the call succeeds with it.
    success: bool,
    /// The documented response's description.
    description: Option<&'a str>,
    decode: Decode,
    /// The body type as the `Client` spells it (`None`: no body).
    ty: Option<String>,
    /// The body type as the `responses` module spells it.
    variant_ty: Option<String>,
    variant: String,
}

/// Indent of an item of the `responses` module.
const RESPONSES: usize = 8;

impl Outcome {
    /// Types and decoders of an operation's responses, status by status as
    /// [`Operation::outcomes`] says (the rule every target shares, `default` included); a
    /// status no outcome covers is `response.unexpected()`.
    fn of(operation: &Operation, camel: &str, enums: &mut Scope, names: Names<'_>) -> Outcome {
        let outcomes = operation.outcomes();
        let documented: Vec<Documented> = outcomes.iter().map(|o| documented(o, names)).collect();
        let success: Vec<&Documented> = documented.iter().filter(|d| d.success).collect();
        let errors: Vec<&Documented> = documented.iter().filter(|d| !d.success).collect();
        let mut items = Vec::new();
        let mut aliases = Vec::new();

        let distinct = {
            let mut seen: Vec<&str> = success
                .iter()
                .map(|d| d.ty.as_deref().unwrap_or_default())
                .collect();
            seen.dedup();
            seen.len()
        };
        // `outcomes()` always holds a success: a listed one, or the other 2xx.
        let success_enum = (distinct > 1).then(|| enums.claim(format!("{camel}Response")));
        let success_type = match &success_enum {
            Some(enum_name) => {
                items.push(response_enum(
                    enum_name,
                    &format!(
                        "The success bodies of `{}`, by status.",
                        operation.id.replace('`', "'")
                    ),
                    &success,
                ));
                aliases.push(format!("use responses::{enum_name} as Success;"));
                format!("responses::{enum_name}")
            }
            None => success
                .first()
                .and_then(|d| d.ty.clone())
                .unwrap_or_else(|| "()".to_string()),
        };
        let error_type = if errors.is_empty() {
            None
        } else {
            let enum_name = enums.claim(format!("{camel}Error"));
            items.push(response_enum(
                &enum_name,
                &format!(
                    "The documented error bodies of `{}`, by status.",
                    operation.id.replace('`', "'")
                ),
                &errors,
            ));
            aliases.push(format!("use responses::{enum_name} as Error;"));
            Some(format!("responses::{enum_name}"))
        };

        // Each arm names exactly the statuses it covers (a class less the codes listed on
        // their own), so that no two arms overlap and their order does not matter.
        let listed: Vec<u16> = outcomes
            .iter()
            .filter_map(|o| match o.statuses {
                Statuses::Code(code) => Some(code),
                _ => None,
            })
            .collect();
        let unexpected = || "response.unexpected()".to_string();
        let mut arms = Vec::with_capacity(documented.len() + 2);
        for (outcome, d) in outcomes.iter().zip(&documented) {
            if outcome.statuses == Statuses::OtherError {
                // `default` beside a listed success stands for the errors: an unlisted 2xx is
                // undocumented, unless a listed `2XX` (or `default` alone) took every 2xx.
                let all_2xx_taken = outcomes
                    .iter()
                    .any(|o| matches!(o.statuses, Statuses::Range(2) | Statuses::OtherSuccess));
                let unlisted_2xx = class_pattern(2, &listed).filter(|_| !all_2xx_taken);
                if let Some(pattern) = unlisted_2xx {
                    arms.push((pattern, unexpected()));
                }
            }
            let pattern = match outcome.statuses {
                Statuses::Code(code) => code.to_string(),
                Statuses::Range(class) => match class_pattern(class, &listed) {
                    Some(pattern) => pattern,
                    // Every code of the class is listed on its own.
                    None => continue,
                },
                // Only when no success is listed, so no 2xx code is.
                Statuses::OtherSuccess => "200..=299".to_string(),
                Statuses::OtherError => "_".to_string(),
            };
            let variant = &d.variant;
            let body = match (d.success, d.decode, success_enum.is_some()) {
                (true, decode, false) => format!("response.{}()", decode_call(decode)),
                (true, decode, true) => {
                    format!("response.{}_as(Success::{variant})", decode_call(decode))
                }
                (false, Decode::Json, _) => format!("response.error_json(Error::{variant})"),
                (false, Decode::Bytes | Decode::Text, _) => {
                    format!("response.error_bytes(Error::{variant})")
                }
                (false, Decode::Empty, _) => format!("response.error_empty(Error::{variant})"),
            };
            arms.push((pattern, body));
        }
        // Without `default`, the statuses no outcome covers are undocumented.
        if !outcomes.iter().any(|o| o.statuses == Statuses::OtherError) {
            arms.push(("_".to_string(), unexpected()));
        }
        Outcome {
            success: success_type,
            error: error_type,
            arms,
            items,
            aliases,
        }
    }

    /// `::clientgen::Call<Success, Error>`.
    fn call_type(&self) -> String {
        match &self.error {
            Some(error) => format!("::clientgen::Call<{}, {error}>", self.success),
            None => format!("::clientgen::Call<{}>", self.success),
        }
    }

    /// `request.send(…)` with the decoder: a `match` on the status. The decoder is a plain
    /// function of the read response, so the method holds no `async` code for the compiler to
    /// check.
    fn write_send(&self, out: &mut String) {
        line(out, BODY, "request");
        line(out, BODY + 4, ".send(|response| match response.status() {");
        for (pattern, body) in &self.arms {
            text::match_arm(out, BODY + 8, pattern, body);
        }
        line(out, BODY + 4, "})");
    }
}

fn response_enum(name: &str, doc: &str, documented: &[&Documented<'_>]) -> String {
    let mut out = String::new();
    docs::doc(&mut out, RESPONSES, Some(doc));
    line(&mut out, RESPONSES, "#[derive(Debug, Clone, PartialEq)]");
    line_fmt(&mut out, RESPONSES, format_args!("pub enum {name} {{"));
    for d in documented {
        docs::doc(&mut out, RESPONSES + 4, d.description);
        match &d.variant_ty {
            Some(ty) => models::tuple_variant(&mut out, RESPONSES + 4, &d.variant, ty),
            None => line_fmt(&mut out, RESPONSES + 4, format_args!("{},", d.variant)),
        }
    }
    line(&mut out, RESPONSES, "}");
    out
}

fn documented<'a>(outcome: &ir::Outcome<'a>, names: Names<'_>) -> Documented<'a> {
    let content = outcome.response.and_then(Response::preferred);
    let decode = match content.map(|content| content.kind) {
        None => Decode::Empty,
        Some(MediaKind::Json) => Decode::Json,
        Some(MediaKind::Text) if outcome.success => Decode::Text,
        // Text error bodies are kept raw, like binary ones.
        Some(_) => Decode::Bytes,
    };
    let spell = |place| match (decode, content) {
        (Decode::Json, Some(content)) => Some(types::spell(&content.ty, names, place)),
        (Decode::Text, _) => Some("String".to_string()),
        (Decode::Bytes, _) => Some("Vec<u8>".to_string()),
        _ => None,
    };
    let variant = match outcome.response.map(|r| r.status) {
        Some(Status::Code(code)) => format!("Status{code}"),
        Some(Status::Range(class)) => format!("Status{class}xx"),
        Some(Status::Default) => "Default".to_string(),
        // The implicit success of an operation that lists none: it is alone, so never a
        // variant.
        None => "Status2xx".to_string(),
    };
    Documented {
        success: outcome.success,
        description: outcome.response.and_then(|r| r.description.as_deref()),
        decode,
        ty: spell(Place::OPERATION),
        variant_ty: spell(Place::RESPONSES),
        variant,
    }
}

/// Pieces past which [`class_pattern`] gives a guard: an or-pattern longer than a line would
/// be broken over several by prettyplease.
const MAX_PATTERN_PIECES: usize = 4;

/// The `match` pattern of the statuses of class `class` (`4` for 4xx) that `listed` does not
/// hold: `400..=499`, `400..=403 | 405..=499`; `None` when every one is listed. With more than
/// [`MAX_PATTERN_PIECES`] gaps, the class as a guard (`status if status / 100 == 4`), which
/// holds the same statuses since the arms of the listed codes come first.
fn class_pattern(class: u8, listed: &[u16]) -> Option<String> {
    let low = u16::from(class) * 100;
    let mut pieces = Vec::new();
    let mut start = low;
    for code in low..=low + 100 {
        let gap_ends = code == low + 100 || listed.contains(&code);
        if gap_ends {
            match code - start {
                0 => {}
                1 => pieces.push(start.to_string()),
                _ => pieces.push(format!("{start}..={}", code - 1)),
            }
            start = code + 1;
        }
    }
    match pieces.len() {
        0 => None,
        1..=MAX_PATTERN_PIECES => Some(pieces.join(" | ")),
        _ => Some(format!("status if status / 100 == {class}")),
    }
}

fn decode_call(decode: Decode) -> &'static str {
    match decode {
        Decode::Json => "json",
        Decode::Text => "text",
        Decode::Bytes => "bytes",
        Decode::Empty => "empty",
    }
}

/// A parameter's description, then its default and its constraints, which the server applies
/// and checks (the client sends only what it is given).
fn parameter_doc(parameter: &Parameter) -> Option<String> {
    let mut parts: Vec<String> = parameter.description.iter().cloned().collect();
    if let Some(default) = parameter.default.as_ref().filter(|d| !d.is_null()) {
        parts.push(format!(
            "Defaults to `{default}` (applied by the server when left out)."
        ));
    }
    if let Some(summary) = constraints::summary(&parameter.constraints, &parameter.ty) {
        parts.push(summary + ".");
    }
    constraints::sentences(parts)
}

#[cfg(test)]
mod tests {
    use super::super::{Options, emit};
    use crate::Spec;

    /// The arms of the `match response.status()` of each operation of a spec whose operations
    /// document `responses` (one operation per entry, named `op<index>`).
    fn arms(responses: &[&str]) -> Vec<Vec<String>> {
        let paths: Vec<String> = responses
            .iter()
            .enumerate()
            .map(|(index, responses)| {
                format!(r#""/op{index}": {{"get": {{"operationId": "op{index}", "responses": {{{responses}}}}}}}"#)
            })
            .collect();
        let text = format!(
            r#"{{"openapi": "3.0.3", "info": {{"title": "T", "version": "1"}},
                "paths": {{{}}},
                "components": {{"schemas": {{"M": {{"type": "object", "properties": {{"m": {{"type": "string"}}}}}}}}}}}}"#,
            paths.join(",")
        );
        let spec = Spec::from_text("spec.json", text).expect("the spec loads");
        let options = Options {
            spec_name: "spec.json".to_string(),
            file_name: "t.rs".to_string(),
        };
        let tree = emit(&spec.api, &options).expect("emit");
        let (_, file) = tree.files().next().expect("one file");
        file.contents
            .split(".send(|response| match response.status() {")
            .skip(1)
            .map(|method| {
                method
                    .lines()
                    .skip(1)
                    .map(str::trim)
                    .take_while(|line| *line != "})")
                    .map(str::to_string)
                    .collect()
            })
            .collect()
    }

    const M: &str = r##"{"content": {"application/json": {"schema": {"$ref": "#/components/schemas/M"}}}, "description": "d"}"##;

    #[test]
    fn default_alone_is_the_success_of_a_2xx_and_the_error_of_the_rest() {
        let arms = arms(&[&format!(r#""default": {M}"#)]);
        assert_eq!(
            arms[0],
            [
                "200..=299 => response.json(),",
                "_ => response.error_json(Error::Default),"
            ]
        );
    }

    #[test]
    fn default_beside_a_success_leaves_other_2xx_undocumented() {
        let arms = arms(&[
            &format!(r#""200": {M}, "default": {M}"#),
            &format!(r#""2XX": {M}, "default": {M}"#),
        ]);
        assert_eq!(
            arms[0],
            [
                "200 => response.json(),",
                "201..=299 => response.unexpected(),",
                "_ => response.error_json(Error::Default),"
            ]
        );
        // A listed 2XX takes every 2xx: no arm of its own for the unlisted ones.
        assert_eq!(
            arms[1],
            [
                "200..=299 => response.json(),",
                "_ => response.error_json(Error::Default),"
            ]
        );
    }

    #[test]
    fn a_range_arm_leaves_out_the_codes_listed_on_their_own() {
        let arms = arms(&[&format!(
            r#""200": {M}, "204": {{"description": "d"}}, "400": {M}, "404": {M}, "4XX": {M}, "default": {M}"#
        )]);
        assert_eq!(
            arms[0],
            [
                "200 => response.json_as(Success::Status200),",
                "204 => response.empty_as(Success::Status204),",
                "400 => response.error_json(Error::Status400),",
                "404 => response.error_json(Error::Status404),",
                "401..=403 | 405..=499 => response.error_json(Error::Status4xx),",
                "201..=203 | 205..=299 => response.unexpected(),",
                "_ => response.error_json(Error::Default),"
            ]
        );
        assert_eq!(super::class_pattern(2, &[]).as_deref(), Some("200..=299"));
        assert_eq!(
            super::class_pattern(2, &[200, 298]).as_deref(),
            Some("201..=297 | 299")
        );
        assert_eq!(
            super::class_pattern(4, &[400, 401, 403, 404, 409, 422]).as_deref(),
            Some("402 | 405..=408 | 410..=421 | 423..=499")
        );
        assert_eq!(
            super::class_pattern(4, &[401, 403, 405, 407, 409]).as_deref(),
            Some("status if status / 100 == 4")
        );
        let every_5xx: Vec<u16> = (500..600).collect();
        assert_eq!(super::class_pattern(5, &every_5xx), None);
    }

    #[test]
    fn without_success_or_default_any_2xx_succeeds_without_a_body() {
        let arms = arms(&[&format!(r#""404": {M}"#), ""]);
        assert_eq!(
            arms[0],
            [
                "404 => response.error_json(Error::Status404),",
                "200..=299 => response.empty(),",
                "_ => response.unexpected(),"
            ]
        );
        assert_eq!(
            arms[1],
            [
                "200..=299 => response.empty(),",
                "_ => response.unexpected(),"
            ]
        );
    }
}
