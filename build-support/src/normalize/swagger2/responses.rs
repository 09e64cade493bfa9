//! 2.0 responses → 3.0 responses: `schema` and `examples` move under `content`, one entry per
//! produced media type; headers get a `schema`.

use serde_json::{Map, Value};

use super::copies;
use super::parameters::split;
use crate::normalize::schema::{self, rewrite_swagger2_reference};
use crate::normalize::walk::{Walk, kind};

/// Converts every response of an operation's `responses` (at the current pointer).
pub(super) fn convert_all(value: &mut Value, produces: &[String], walk: &mut Walk) {
    let Value::Object(responses) = value else {
        walk.warn(format!(
            "`responses` must be an object, found {}; ignored",
            kind(value)
        ));
        *value = Value::Object(Map::new());
        return;
    };
    for (status, response) in responses.iter_mut() {
        if !status.starts_with("x-") {
            walk.at(status, |walk| convert(response, produces, walk));
        }
    }
}

/// Converts one response (at the current pointer) for an operation producing `produces`.
pub(super) fn convert(value: &mut Value, produces: &[String], walk: &mut Walk) {
    let Value::Object(map) = value else {
        walk.warn(format!(
            "a response must be an object, found {}; read as a response without a body",
            kind(value)
        ));
        *value = empty_response();
        return;
    };
    if let Some(reference) = map.get_mut("$ref") {
        if let Value::String(target) = reference {
            rewrite_swagger2_reference(target);
        }
        return;
    }
    let mut body_schema = None;
    let mut examples = Map::new();
    for (key, value) in std::mem::take(map) {
        match key.as_str() {
            "schema" => {
                let mut schema = value;
                walk.at("schema", |walk| schema::fix(&mut schema, walk));
                body_schema = Some(schema);
            }
            "examples" => match value {
                Value::Object(by_media_type) => examples = by_media_type,
                other => walk.at("examples", |walk| {
                    walk.warn(format!(
                        "response `examples` must be an object keyed by media type, found {}; \
                         ignored",
                        kind(&other)
                    ));
                }),
            },
            "headers" => {
                let mut headers = value;
                walk.at("headers", |walk| convert_headers(&mut headers, walk));
                map.insert(key, headers);
            }
            _ => {
                map.insert(key, value);
            }
        }
    }
    if !map.contains_key("description") {
        walk.warn("a response needs a `description`; an empty one is used");
        map.insert("description".into(), Value::String(String::new()));
    }
    let content = content(body_schema, examples, produces, walk);
    if !content.is_empty() {
        map.insert("content".into(), Value::Object(content));
    }
}

fn empty_response() -> Value {
    let mut response = Map::new();
    response.insert("description".into(), Value::String(String::new()));
    Value::Object(response)
}

/// The 3.0 `content` of a response: the schema under each produced media type, with the example
/// given for that media type.
fn content(
    body_schema: Option<Value>,
    mut examples: Map<String, Value>,
    produces: &[String],
    walk: &mut Walk,
) -> Map<String, Value> {
    let mut content = Map::new();
    match body_schema {
        Some(body_schema) => {
            for (media_type, schema) in produces.iter().zip(copies(body_schema, produces.len())) {
                let mut media = Map::new();
                media.insert("schema".into(), schema);
                if let Some(example) = examples.shift_remove(media_type) {
                    media.insert("example".into(), example);
                }
                content.insert(media_type.clone(), Value::Object(media));
            }
        }
        None => {
            for media_type in produces {
                if let Some(example) = examples.shift_remove(media_type) {
                    let mut media = Map::new();
                    media.insert("example".into(), example);
                    content.insert(media_type.clone(), Value::Object(media));
                }
            }
        }
    }
    for media_type in examples.keys() {
        walk.at("examples", |walk| {
            walk.at(media_type, |walk| {
                walk.warn(format!(
                    "the example for {media_type} is dropped: the operation does not produce \
                     {media_type}"
                ));
            });
        });
    }
    content
}

/// Converts a 2.0 `headers` object: each header's schema keywords move under `schema`.
fn convert_headers(value: &mut Value, walk: &mut Walk) {
    let Value::Object(headers) = value else {
        walk.warn(format!(
            "`headers` must be an object, found {}; ignored",
            kind(value)
        ));
        *value = Value::Object(Map::new());
        return;
    };
    for (name, header) in headers.iter_mut() {
        walk.at(name, |walk| convert_header(header, walk));
    }
}

fn convert_header(value: &mut Value, walk: &mut Walk) {
    let Value::Object(map) = value else {
        walk.warn(format!(
            "a header must be an object, found {}; read as a string header",
            kind(value)
        ));
        let mut schema = Map::new();
        schema.insert("type".into(), "string".into());
        let mut header = Map::new();
        header.insert("schema".into(), Value::Object(schema));
        *value = Value::Object(header);
        return;
    };
    let (mut header, schema, collection_format) = split(std::mem::take(map), walk);
    match collection_format.as_ref().and_then(Value::as_str) {
        None | Some("csv") => {}
        Some(other) => walk.at("collectionFormat", |walk| {
            walk.warn(format!(
                "collectionFormat \"{other}\" is not possible for headers in OpenAPI 3.0; read as \
                 comma-separated (csv)"
            ));
        }),
    }
    header.insert("schema".into(), schema);
    *map = header;
}
