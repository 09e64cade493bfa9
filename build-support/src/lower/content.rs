//! Request bodies and responses: their contents by media type.

use serde_json::Value;

use crate::ir::{Content, MediaKind, RequestBody, Response, Status, StringFormat, Type};

use super::Lowerer;
use super::naming::Hint;
use super::pointer::Pointer;
use super::read::Object;

/// A response with its `$ref` followed.
struct Resolved<'a> {
    key: &'a str,
    status: Status,
    object: &'a Object,
    pointer: String,
}

impl<'a> Lowerer<'a> {
    /// The `requestBody` at `pointer` (or the one its `$ref` names); inline schemas are named
    /// `<operation>_body`.
    pub(super) fn request_body(
        &mut self,
        body: &'a Value,
        pointer: String,
        operation_id: &str,
    ) -> Option<RequestBody> {
        let (object, pointer) = self.follow(body, pointer, "a request body")?;
        let at = Pointer::Root(&pointer);
        let operation = Hint::Name(operation_id);
        Some(RequestBody {
            required: self.flag(object, "required", at),
            description: self.owned_text(object, "description", at),
            content: self.contents(object, at, operation.child("body")),
        })
    }

    /// The documented responses of an operation; inline schemas are named
    /// `<operation>_response`, with `_<status>` when several responses have one.
    pub(super) fn responses(
        &mut self,
        operation: &'a Object,
        at: Pointer<'_>,
        operation_id: &str,
    ) -> Vec<Response> {
        let Some(responses) = self.object(operation, "responses", at) else {
            return Vec::new();
        };
        let list = at.key("responses");
        let mut resolved = Vec::with_capacity(responses.len());
        for (key, response) in responses {
            let Some(status) = parse_status(key) else {
                if !key.starts_with("x-") {
                    let message = format!(
                        "response status `{key}` is not a code, a range like `2XX`, or `default`; skipped"
                    );
                    self.warn(list.key(key), message);
                }
                continue;
            };
            let pointer = list.key(key).render();
            if let Some((object, pointer)) = self.follow(response, pointer, "a response") {
                resolved.push(Resolved {
                    key,
                    status,
                    object,
                    pointer,
                });
            }
        }
        let inline_schemas = resolved
            .iter()
            .filter_map(|response| response.object.get("content")?.as_object())
            .flat_map(|content| content.values())
            .filter_map(|media| media.get("schema"))
            .filter(|schema| schema.get("$ref").is_none())
            .count();
        let operation = Hint::Name(operation_id);
        let base = operation.child("response");
        let mut out = Vec::with_capacity(resolved.len());
        for response in &resolved {
            let at = Pointer::Root(&response.pointer);
            let hint = if inline_schemas > 1 {
                base.child(response.key)
            } else {
                base
            };
            out.push(Response {
                status: response.status,
                description: self.owned_text(response.object, "description", at),
                content: self.contents(response.object, at, hint),
            });
        }
        out
    }

    /// One [`Content`] per media type of `content`, inline schemas named after `hint`.
    fn contents(&mut self, object: &'a Object, at: Pointer<'_>, hint: Hint<'_>) -> Vec<Content> {
        let Some(content) = self.object(object, "content", at) else {
            return Vec::new();
        };
        let list = at.key("content");
        let mut out = Vec::with_capacity(content.len());
        for (media_type, media) in content {
            let at = list.key(media_type);
            let Some(media) = self.as_object(media, "a media type", at) else {
                continue;
            };
            let kind = MediaKind::of(media_type);
            let ty = match media.get("schema") {
                Some(schema) => self.type_of(schema, at.key("schema"), hint),
                None => schemaless(kind),
            };
            out.push(Content {
                media_type: media_type.clone(),
                kind,
                ty,
            });
        }
        out
    }
}

/// The type of a body whose media type gives no schema.
fn schemaless(kind: MediaKind) -> Type {
    match kind {
        MediaKind::Text => Type::String(StringFormat::Plain),
        MediaKind::Binary => Type::Binary,
        MediaKind::Json | MediaKind::Multipart | MediaKind::Form => Type::Any,
    }
}

/// `200` → a code, `2XX` → a class, `default`; anything else is not a status.
fn parse_status(key: &str) -> Option<Status> {
    if key == "default" {
        return Some(Status::Default);
    }
    let bytes = key.as_bytes();
    match bytes {
        [class @ b'1'..=b'5', b'X' | b'x', b'X' | b'x'] => Some(Status::Range(class - b'0')),
        [b'1'..=b'5', b'0'..=b'9', b'0'..=b'9'] => key.parse().ok().map(Status::Code),
        _ => None,
    }
}
