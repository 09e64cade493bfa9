//! The view of `service.proto`: the zone's service with one rpc per operation, and each rpc's
//! `<Rpc>Request` (parameters and body) and `<Rpc>Response` (`data`, the success body).

use super::escape;
use super::messages::{Field, Message, add_paragraph, doc_of};
use super::names::{self, Scope, Style};
use super::types::{Mapper, Uses};
use crate::ir::{Api, Operation, ParameterLocation, Type};

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

/// Names every operation's rpc, request and response, claiming the messages in `messages`
/// (the package's scope) before any schema does: buf wants exactly `<Rpc>Request` and
/// `<Rpc>Response`, so a schema of that name gives way.
pub fn rpc_names(api: &Api, messages: &mut Scope) -> Vec<RpcNames> {
    let mut rpcs = Scope::new(Style::Pascal);
    api.operations
        .iter()
        .map(|operation| {
            let rpc = rpcs.claim(names::pascal_name(&operation.id, "Call"));
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
    rpc_names: &[RpcNames],
    mapper: &mut Mapper<'_>,
    uses: &mut Uses,
) -> (Vec<Rpc>, Vec<Message>) {
    let mut rpcs = Vec::with_capacity(api.operations.len());
    let mut messages = Vec::with_capacity(api.operations.len() * 2);
    let mut fields = Scope::new(Style::Field);
    for (operation, names) in api.operations.iter().zip(rpc_names) {
        rpcs.push(Rpc {
            name: names.rpc.clone(),
            doc: rpc_doc(operation),
            request: names.request.clone(),
            response: names.response.clone(),
            deprecated: operation.deprecated,
            method: operation.method.as_str(),
            path: operation.path.clone(),
        });
        fields.clear();
        messages.push(request(operation, names, mapper, &mut fields, uses));
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
    for parameter in &operation.parameters {
        let name = scope.claim(names::field_name(&parameter.name));
        let optional = !parameter.required || matches!(parameter.ty, Type::Nullable(_));
        let shape = mapper.shape(&parameter.ty, uses);
        let mut field = Field::new(name, shape, optional).deprecated(parameter.deprecated);
        field.doc = doc_of(parameter.description.as_deref());
        let location = match parameter.location {
            ParameterLocation::Path => "path",
            ParameterLocation::Query => "query",
            ParameterLocation::Header => "header",
            ParameterLocation::Cookie => "cookie",
        };
        field.note = Some(format!(
            "{location} \"{}\"",
            escape::comment(&parameter.name)
        ));
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
        let mut field = Field::new("data".to_string(), shape, optional);
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
