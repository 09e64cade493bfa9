//! The view of `service.proto`: the zone's service with one rpc per operation, and each rpc's
//! `<Rpc>Request` (parameters and body) and `<Rpc>Response` (`data`, the success body).

use super::escape;
use super::messages::{Field, Message, add_paragraph, doc_of};
use super::names::{self, Scope, Style};
use super::types::{Mapper, Uses};
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
pub fn rpc_names(prepared: &mut [Prepared], messages: &mut Scope) -> Vec<RpcNames> {
    let mut rpcs = Scope::new(Style::Pascal);
    prepared
        .iter_mut()
        .map(|prepared| {
            let rpc = rpcs.claim(std::mem::take(&mut prepared.rpc));
            RpcNames {
                request: messages.claim(format!("{rpc}Request")),
                response: messages.claim(format!("{rpc}Response")),
                rpc,
            }
        })
        .collect()
}

/// The rpcs and their request and response messages, in operation order.
pub fn view(
    api: &Api,
    prepared: Vec<Prepared>,
    rpc_names: &[RpcNames],
    mapper: &mut Mapper<'_>,
    uses: &mut Uses,
) -> (Vec<Rpc>, Vec<Message>) {
    let mut rpcs = Vec::with_capacity(api.operations.len());
    let mut messages = Vec::with_capacity(api.operations.len() * 2);
    let mut fields = Scope::new(Style::Field);
    for ((operation, names), prepared) in api.operations.iter().zip(rpc_names).zip(prepared) {
        rpcs.push(Rpc {
            name: names.rpc.clone(),
            doc: prepared.doc,
            request: names.request.clone(),
            response: names.response.clone(),
            deprecated: operation.deprecated,
            method: operation.method.as_str(),
            path: operation.path.clone(),
        });
        fields.clear();
        let parameters = prepared.parameters;
        messages.push(request(
            operation,
            names,
            parameters,
            mapper,
            &mut fields,
            uses,
        ));
        messages.push(response(operation, names, mapper, uses));
    }
    (rpcs, messages)
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
    operation: &Operation,
    names: &RpcNames,
    parameters: Vec<(String, String, String)>,
    mapper: &mut Mapper<'_>,
    scope: &mut Scope,
    uses: &mut Uses,
) -> Message {
    let body = operation
        .body
        .as_ref()
        .and_then(|body| Some((body, body.preferred()?)));
    // The body is always `body`; a parameter of that name gives way.
    let body_name = body.map(|_| scope.claim("body".to_string()));
    let doc = match (operation.parameters.is_empty(), body.is_some()) {
        (true, false) => format!("{} takes no parameters.", names.rpc),
        (true, true) => format!("The body of {}.", names.rpc),
        (false, false) => format!("The parameters of {}.", names.rpc),
        (false, true) => format!("The parameters and body of {}.", names.rpc),
    };
    let mut message = Message::new(names.request.clone(), doc);
    for (parameter, (name, doc, note)) in operation.parameters.iter().zip(parameters) {
        let name = scope.claim(name).into();
        let optional = !parameter.required || matches!(parameter.ty, Type::Nullable(_));
        let shape = mapper.shape(&parameter.ty, uses);
        let mut field = Field::new(name, shape, optional).deprecated(parameter.deprecated);
        field.doc = doc;
        field.note = Some(note);
        message.fields.push(field);
    }
    if let (Some((body, content)), Some(name)) = (body, body_name) {
        let shape = mapper.shape(&content.ty, uses);
        let optional = !body.required || matches!(content.ty, Type::Nullable(_));
        let mut field = Field::new(name.into(), shape, optional);
        field.doc = doc_of(body.description.as_deref());
        field.note = Some(escape::comment(&content.media_type));
        message.fields.push(field);
    }
    message
}

fn response(
    operation: &Operation,
    names: &RpcNames,
    mapper: &mut Mapper<'_>,
    uses: &mut Uses,
) -> Message {
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
