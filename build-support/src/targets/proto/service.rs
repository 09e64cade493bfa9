//! The view of `service.proto`: the zone's service with one rpc per operation, and each rpc's
//! `<Rpc>Request` (parameters and body) and `<Rpc>Response` (`data`, the success body).

use std::sync::Arc;

use super::escape;
use super::messages::{Context, Field, JsonNames, Message, add_paragraph, doc_of, type_note};
use super::names::{self, Candidate, Scope, Style};
use super::options::{self, HttpRule, PathField};
use super::types::{Shape, Uses};
use crate::ir::{Api, Operation, ParameterLocation, Type};
use crate::targets::parallel;

/// The names one operation gets.
#[derive(Debug, Clone)]
pub struct RpcNames {
    /// The rpc (`GetUser`).
    pub rpc: String,
    /// Its request message (`GetUserRequest`).
    pub request: String,
    /// Its response message (`GetUserResponse`).
    pub response: String,
}

/// One rpc of the service.
#[derive(Debug)]
pub struct Rpc {
    /// The rpc name.
    pub name: String,
    /// Comment lines above it.
    pub doc: String,
    /// The request message.
    pub request: String,
    /// The response message.
    pub response: String,
    /// `option deprecated = true;`.
    pub deprecated: bool,
    /// The HTTP method, for the README.
    pub method: &'static str,
    /// The path template, for the README.
    pub path: String,
    /// The `google.api.http` rule, when they are asked for.
    pub http: Option<HttpRule>,
}

/// What an operation's rpc and request take from the spec alone, before any name is claimed:
/// worked out for every operation on two threads by [`prepare`].
#[derive(Debug)]
pub struct Prepared {
    /// The PascalCase rpc name to claim.
    rpc: String,
    /// The rpc's comment.
    doc: String,
    /// Per parameter: the snake_case field name to claim, its comment and its trailing note.
    parameters: Vec<(String, String, String)>,
}

/// The [`Prepared`] part of every operation, in operation order.
pub fn prepare(api: &Api) -> Vec<Prepared> {
    parallel::map(&api.operations, |operation| Prepared {
        rpc: names::pascal_name(&operation.id, "Call"),
        doc: rpc_doc(operation),
        parameters: operation
            .parameters
            .iter()
            .map(|parameter| {
                let location = match parameter.location {
                    ParameterLocation::Path => "path",
                    ParameterLocation::Query => "query",
                    ParameterLocation::Header => "header",
                    ParameterLocation::Cookie => "cookie",
                };
                (
                    names::field_name(&parameter.name),
                    doc_of(parameter.description.as_deref()),
                    format!("{location} \"{}\"", escape::comment(&parameter.name)),
                )
            })
            .collect(),
    })
}

/// Names every operation's rpc, request and response, claiming the messages in `messages`
/// (the package's scope) before any schema does: buf wants exactly `<Rpc>Request` and
/// `<Rpc>Response`, so a schema of that name gives way.
///
/// Inside the service an rpc's name shadows a message of that name, so no rpc may be called
/// like a message the service names (`rpc SocialRemoveFriendRequest` beside the request of
/// `rpc SocialRemoveFriend`: protoc says `"SocialRemoveFriendRequest" is not a message type`),
/// nor like the service: an rpc takes the first of `Name`, `Name2`, … for which it, its request
/// and its response are all free.
pub fn rpc_names(prepared: &mut [Prepared], messages: &mut Scope) -> Vec<RpcNames> {
    let mut rpcs = Scope::new(Style::Pascal);
    prepared
        .iter_mut()
        .map(|prepared| {
            let base = std::mem::take(&mut prepared.rpc);
            let free = |name: &str, rpcs: &Scope, messages: &Scope| {
                let request = format!("{name}Request");
                let response = format!("{name}Response");
                !rpcs.contains(name)
                    && !messages.contains(name)
                    && ![&request, &response]
                        .iter()
                        .any(|message| rpcs.contains(message) || messages.contains(message))
            };
            let rpc = if free(&base, &rpcs, messages) {
                base
            } else {
                (2..)
                    .map(|n| format!("{base}{n}"))
                    .find(|name| free(name, &rpcs, messages))
                    .unwrap_or_default()
            };
            let rpc = rpcs.claim(rpc);
            RpcNames {
                request: messages.claim(format!("{rpc}Request")),
                response: messages.claim(format!("{rpc}Response")),
                rpc,
            }
        })
        .collect()
}

/// The rpcs and their request and response messages, in operation order; with `http`, each rpc
/// with its `google.api.http` rule.
pub fn view(
    context: &Context<'_, '_>,
    prepared: Vec<Prepared>,
    rpc_names: &[RpcNames],
    http: bool,
    uses: &mut Uses,
) -> (Vec<Rpc>, Vec<Message>) {
    let api = context.api;
    let mut rpcs = Vec::with_capacity(api.operations.len());
    let mut messages = Vec::with_capacity(api.operations.len() * 2);
    let mut fields = Scope::new(Style::Field);
    for ((operation, names), prepared) in api.operations.iter().zip(rpc_names).zip(prepared) {
        fields.clear();
        let parameters = prepared.parameters;
        let request = request(context, operation, names, parameters, &mut fields, uses);
        let response = response(context, operation, names, uses);
        let mut doc = prepared.doc;
        let http = http.then(|| {
            let rule = http_rule(operation, &request, &response);
            match &rule {
                HttpRule::Mapped { note, .. } => {
                    uses.http = true;
                    if let Some(note) = note {
                        add_paragraph(&mut doc, &escape::comment(note));
                    }
                }
                HttpRule::Unmapped(why) => add_paragraph(&mut doc, &escape::comment(why)),
            }
            rule
        });
        rpcs.push(Rpc {
            name: names.rpc.clone(),
            doc,
            request: names.request.clone(),
            response: names.response.clone(),
            deprecated: operation.deprecated,
            method: operation.method.as_str(),
            path: operation.path.clone(),
            http,
        });
        messages.push(request);
        messages.push(response);
    }
    (rpcs, messages)
}

/// The `google.api.http` rule of `operation`, whose request and response messages are
/// `request` (a field per parameter, in order, then `body`) and `response` (`data`, if any).
fn http_rule(operation: &Operation, request: &Message, response: &Message) -> HttpRule {
    let path_fields: Vec<PathField<'_>> = operation
        .parameters
        .iter()
        .zip(&request.fields)
        .filter(|(parameter, _)| parameter.location == ParameterLocation::Path)
        .map(|(parameter, field)| PathField {
            wire: &parameter.name,
            field: &field.name,
            segment: matches!(&field.shape, Shape::Single(single) if single.scalar),
        })
        .collect();
    let body = operation
        .body
        .as_ref()
        .filter(|_| request.fields.len() > operation.parameters.len())
        .and_then(|_| request.fields.last())
        .map(|field| &*field.name);
    let data = response.fields.first().map(|field| &*field.name);
    options::http_rule(
        operation.method.as_str(),
        &operation.path,
        &path_fields,
        body,
        data,
    )
}

fn rpc_doc(operation: &Operation) -> String {
    let mut doc = String::new();
    for text in [&operation.summary, &operation.description]
        .into_iter()
        .flatten()
    {
        let paragraph = escape::comment_block(text);
        if !paragraph.is_empty() && !doc.ends_with(&paragraph) {
            add_paragraph(&mut doc, &paragraph);
        }
    }
    let request_line = format!(
        "{} {}",
        operation.method.as_str(),
        escape::comment(&operation.path)
    );
    add_paragraph(&mut doc, &request_line);
    doc
}

fn request(
    context: &Context<'_, '_>,
    operation: &Operation,
    names: &RpcNames,
    parameters: Vec<(String, String, String)>,
    scope: &mut Scope,
    uses: &mut Uses,
) -> Message {
    let mapper = context.mapper;
    let body = operation
        .body
        .as_ref()
        .and_then(|body| Some((body, body.preferred()?)));
    // The body is always `body`; a parameter of that name gives way.
    let json_names = JsonNames::of(
        operation.parameters.iter().map(|p| p.name.as_str()),
        if body.is_some() { &["body"] } else { &[] },
    );
    let body_name = body.map(|_| {
        let candidate = Candidate::new(Style::Field, "body".to_string());
        json_names.claim(scope, candidate, Some("body"))
    });
    let doc = match (operation.parameters.is_empty(), body.is_some()) {
        (true, false) => format!("{} takes no parameters.", names.rpc),
        (true, true) => format!("The body of {}.", names.rpc),
        (false, false) => format!("The parameters of {}.", names.rpc),
        (false, true) => format!("The parameters and body of {}.", names.rpc),
    };
    let mut message = Message::new(names.request.clone(), doc);
    let parameters = operation
        .parameters
        .iter()
        .zip(parameters)
        .zip(&json_names.owned);
    for ((parameter, (name, mut doc, note)), json) in parameters {
        let name = json_names.claim(scope, Candidate::new(Style::Field, name), *json);
        let optional = !parameter.required || matches!(parameter.ty, Type::Nullable(_));
        let shape = mapper.shape(&parameter.ty, uses);
        if let Some(values) = type_note(&parameter.ty, context.notes) {
            add_paragraph(&mut doc, values);
        }
        let mut field = Field::new(name, shape, optional)
            .deprecated(parameter.deprecated)
            .json(*json);
        field.doc = doc;
        field.note = Some(note);
        message.fields.push(field);
    }
    if let (Some((body, content)), Some(name)) = (body, body_name) {
        let shape = mapper.shape(&content.ty, uses);
        let optional = !body.required || matches!(content.ty, Type::Nullable(_));
        let mut field = Field::new(name, shape, optional);
        field.doc = doc_of(body.description.as_deref());
        field.note = Some(escape::comment(&content.media_type));
        message.fields.push(field);
    }
    if context.legacy {
        message.legacy = legacy_request_names(operation, body.is_some());
    }
    message
}

/// The field names clientgen gave a request message before proto keywords were kept (lock
/// version 1): the same claims as [`request`] makes, with the old names.
fn legacy_request_names(operation: &Operation, has_body: bool) -> Vec<Arc<str>> {
    let mut scope = Scope::new(Style::Field);
    let body = has_body.then(|| scope.claim("body".to_string()));
    let mut legacy: Vec<Arc<str>> = operation
        .parameters
        .iter()
        .map(|parameter| {
            scope
                .claim(names::legacy_field_name(&parameter.name))
                .into()
        })
        .collect();
    legacy.extend(body.map(Arc::from));
    legacy
}

fn response(
    context: &Context<'_, '_>,
    operation: &Operation,
    names: &RpcNames,
    uses: &mut Uses,
) -> Message {
    let mapper = context.mapper;
    let success = operation.responses.iter().find_map(|response| {
        let content = response.preferred()?;
        response.status.is_success().then_some((response, content))
    });
    let doc = match success {
        Some(_) => format!("What {} answers on success.", names.rpc),
        None => format!("{} answers without a body.", names.rpc),
    };
    let mut message = Message::new(names.response.clone(), doc);
    if let Some((response, content)) = success {
        let optional = matches!(content.ty, Type::Nullable(_));
        let shape = mapper.shape(&content.ty, uses);
        let mut field = Field::new("data".into(), shape, optional);
        field.doc = doc_of(response.description.as_deref());
        let status = match response.status {
            crate::ir::Status::Code(code) => code.to_string(),
            crate::ir::Status::Range(class) => format!("{class}XX"),
            crate::ir::Status::Default => "default".to_string(),
        };
        field.note = Some(format!("{status} {}", escape::comment(&content.media_type)));
        message.fields.push(field);
    }
    message
}
