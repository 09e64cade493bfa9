//! Swagger 2.0 → OpenAPI 3.0.3, following the classic converters' rules.
//!
//! - `host`, `basePath` and `schemes` → one server;
//! - `definitions`, `parameters`, `responses`, `securityDefinitions` → `components` (body and
//!   formData parameters are inlined into the operations that use them instead);
//! - each operation's body/formData parameters → `requestBody`, for each media type it consumes;
//! - each response's `schema` → `content`, for each media type it produces;
//! - every `$ref` to those sections is rewritten, and every schema fixed (see
//!   [`crate::normalize::schema`]).

mod parameters;
mod responses;
mod security;

use serde_json::{Map, Value};

use super::openapi3::METHODS;
use super::schema;
use super::walk::{Walk, kind};
use super::{OUTPUT_VERSION, finish};
use parameters::{Parameter, SharedBodies, Sorted};

/// The media type 2.0 assumes when a document names none.
const DEFAULT_MEDIA_TYPE: &str = "application/json";

/// What every operation may fall back on: the document's media types and the shared
/// body/formData parameters.
struct Shared {
    consumes: Vec<String>,
    produces: Vec<String>,
    bodies: SharedBodies,
    /// The scheme of the server URL; `None` when the URL is relative (no `host`).
    scheme: Option<String>,
}

/// Converts the 2.0 document `root` into a 3.0.3 one.
pub(super) fn convert(mut root: Map<String, Value>, walk: &mut Walk) -> Map<String, Value> {
    let consumes = media_types(root.shift_remove("consumes"), "consumes", walk);
    let produces = media_types(root.shift_remove("produces"), "produces", walk);
    let (server, scheme) = server(&mut root, walk);
    let mut servers = Some(Value::Array(vec![server]));
    let mut shared = Shared {
        consumes: consumes.unwrap_or_else(|| vec![DEFAULT_MEDIA_TYPE.into()]),
        produces: produces.unwrap_or_else(|| vec![DEFAULT_MEDIA_TYPE.into()]),
        bodies: SharedBodies::new(),
        scheme,
    };
    let components = components(&mut root, &mut shared, walk);
    if let Some(paths) = root.get_mut("paths") {
        walk.at("paths", |walk| convert_paths(paths, &shared, walk));
    }
    let mut components = (!components.is_empty()).then_some(Value::Object(components));

    let mut converted = Map::new();
    converted.insert("openapi".into(), OUTPUT_VERSION.into());
    for (key, value) in root {
        let section = match key.as_str() {
            "swagger" => continue,
            "info" => servers.take().map(|servers| ("servers", servers)),
            "paths" => components
                .take()
                .map(|components| ("components", components)),
            _ => None,
        };
        converted.insert(key, value);
        if let Some((key, value)) = section {
            converted.insert(key.into(), value);
        }
    }
    let left = [("servers", servers), ("components", components)];
    for (key, value) in left {
        if let Some(value) = value {
            converted.insert(key.into(), value);
        }
    }
    finish(&mut converted);
    converted
}

/// A `consumes`/`produces` list, or `None` when absent, empty or unusable.
fn media_types(value: Option<Value>, key: &str, walk: &mut Walk) -> Option<Vec<String>> {
    let list = match value? {
        Value::Array(list) => list,
        other => {
            walk.at(key, |walk| {
                walk.warn(format!(
                    "`{key}` must be a list of media types, found {}; ignored",
                    kind(&other)
                ));
            });
            return None;
        }
    };
    let media_types: Vec<String> = list
        .into_iter()
        .filter_map(|media_type| match media_type {
            Value::String(media_type) => Some(media_type),
            _ => None,
        })
        .collect();
    (!media_types.is_empty()).then_some(media_types)
}

/// The one server `host`, `basePath` and `schemes` describe (these leave `root`):
/// `<first scheme, else https>://<host><basePath>`, or just the base path (else `/`) without a
/// host; and the scheme used, if any.
fn server(root: &mut Map<String, Value>, walk: &mut Walk) -> (Value, Option<String>) {
    let host = text(root.shift_remove("host"), "host", walk);
    let base_path = text(root.shift_remove("basePath"), "basePath", walk);
    let scheme = match root.shift_remove("schemes") {
        Some(Value::Array(schemes)) => schemes
            .into_iter()
            .find_map(|scheme| scheme.as_str().map(String::from)),
        _ => None,
    };
    let (url, scheme) = match host {
        Some(host) => {
            let scheme = scheme.unwrap_or_else(|| "https".into());
            let url = format!("{scheme}://{host}{}", base_path.unwrap_or_default());
            (url, Some(scheme))
        }
        None => (base_path.unwrap_or_else(|| "/".into()), None),
    };
    let mut server = Map::new();
    server.insert("url".into(), url.into());
    (Value::Object(server), scheme)
}

/// The string `value` of the top-level `key`, warning when it is something else.
fn text(value: Option<Value>, key: &str, walk: &mut Walk) -> Option<String> {
    match value? {
        Value::String(text) => Some(text),
        other => {
            walk.at(key, |walk| {
                walk.warn(format!(
                    "`{key}` must be a string, found {}; ignored",
                    kind(&other)
                ));
            });
            None
        }
    }
}

/// Builds `components` from the sections that leave `root`; body and formData parameters go to
/// `shared.bodies` instead.
fn components(
    root: &mut Map<String, Value>,
    shared: &mut Shared,
    walk: &mut Walk,
) -> Map<String, Value> {
    let mut components = Map::new();
    if let Some(mut definitions) = root.shift_remove("definitions") {
        walk.at("definitions", |walk| match &mut definitions {
            Value::Object(schemas) => {
                for (name, schema) in schemas.iter_mut() {
                    walk.at(name, |walk| schema::fix(schema, walk));
                }
                components.insert("schemas".into(), definitions);
            }
            other => walk.warn(format!(
                "`definitions` must be an object, found {}; ignored",
                kind(other)
            )),
        });
    }
    if let Some(parameters) = root.shift_remove("parameters") {
        let regular = walk.at("parameters", |walk| {
            shared_parameters(parameters, shared, walk)
        });
        if !regular.is_empty() {
            components.insert("parameters".into(), Value::Object(regular));
        }
    }
    if let Some(mut responses) = root.shift_remove("responses") {
        walk.at("responses", |walk| {
            responses::convert_all(&mut responses, &shared.produces, walk)
        });
        components.insert("responses".into(), responses);
    }
    if let Some(definitions) = root.shift_remove("securityDefinitions") {
        let schemes = walk.at("securityDefinitions", |walk| {
            security::convert(definitions, walk)
        });
        components.insert("securitySchemes".into(), Value::Object(schemes));
    }
    components
}

/// Converts `#/parameters`: returns the regular ones; body and formData ones go to
/// `shared.bodies`.
fn shared_parameters(value: Value, shared: &mut Shared, walk: &mut Walk) -> Map<String, Value> {
    let mut regular = Map::new();
    let Value::Object(parameters) = value else {
        walk.warn(format!(
            "`parameters` must be an object, found {}; ignored",
            kind(&value)
        ));
        return regular;
    };
    for (name, parameter) in parameters {
        match walk.at(&name, |walk| {
            parameters::convert(parameter, &shared.bodies, walk)
        }) {
            Some(Parameter::Regular(parameter)) => {
                regular.insert(name, parameter);
            }
            Some(body) => {
                shared.bodies.insert(name, body);
            }
            None => {}
        }
    }
    regular
}

fn convert_paths(value: &mut Value, shared: &Shared, walk: &mut Walk) {
    let Value::Object(paths) = value else {
        walk.warn(format!(
            "`paths` must be an object, found {}; read as no paths",
            kind(value)
        ));
        *value = Value::Object(Map::new());
        return;
    };
    for (path, item) in paths.iter_mut() {
        if !path.starts_with("x-") {
            walk.at(path, |walk| convert_path_item(item, shared, walk));
        }
    }
}

fn convert_path_item(value: &mut Value, shared: &Shared, walk: &mut Walk) {
    let Value::Object(item) = value else {
        walk.warn(format!(
            "a path item must be an object, found {}; ignored",
            kind(value)
        ));
        *value = Value::Object(Map::new());
        return;
    };
    let inherited = match item.get_mut("parameters") {
        Some(list) => {
            let list = std::mem::take(list);
            let mut sorted = walk.at("parameters", |walk| Sorted::new(list, &shared.bodies, walk));
            set_or_remove(item, "parameters", std::mem::take(&mut sorted.regular));
            sorted
        }
        None => Sorted::default(),
    };
    for method in METHODS {
        if let Some(operation) = item.get_mut(method) {
            walk.at(method, |walk| {
                convert_operation(operation, &inherited, shared, walk)
            });
        }
    }
}

/// Puts `list` under `key` when it has items, removes `key` otherwise.
fn set_or_remove(map: &mut Map<String, Value>, key: &str, list: Vec<Value>) {
    if list.is_empty() {
        map.shift_remove(key);
    } else {
        map.insert(key.into(), Value::Array(list));
    }
}

fn convert_operation(value: &mut Value, inherited: &Sorted, shared: &Shared, walk: &mut Walk) {
    let Value::Object(operation) = value else {
        walk.warn(format!(
            "an operation must be an object, found {}; ignored",
            kind(value)
        ));
        *value = Value::Object(Map::new());
        return;
    };
    let consumes = media_types(operation.shift_remove("consumes"), "consumes", walk);
    let produces = media_types(operation.shift_remove("produces"), "produces", walk);
    let consumes = consumes.as_deref().unwrap_or(&shared.consumes);
    let produces = produces.as_deref().unwrap_or(&shared.produces);
    if let Some(schemes) = operation.shift_remove("schemes") {
        let first = schemes.get(0).and_then(Value::as_str);
        if shared.scheme.is_some() && first != shared.scheme.as_deref() {
            walk.at("schemes", |walk| {
                walk.warn(
                    "an operation's own `schemes` are not carried over; it uses the document's \
                     server",
                );
            });
        }
    }
    let mut sorted = match operation.get_mut("parameters") {
        Some(list) => {
            let list = std::mem::take(list);
            walk.at("parameters", |walk| Sorted::new(list, &shared.bodies, walk))
        }
        None => Sorted::default(),
    };
    sorted.inherit(inherited);
    set_or_remove(operation, "parameters", std::mem::take(&mut sorted.regular));
    if let Some((request_body, name)) = sorted.request_body(consumes, walk) {
        operation.insert("requestBody".into(), request_body);
        if let Some(name) = name {
            operation.insert("x-codegen-request-body-name".into(), name.into());
        }
    }
    match operation.get_mut("responses") {
        Some(responses) => {
            walk.at("responses", |walk| {
                responses::convert_all(responses, produces, walk)
            });
        }
        None => {
            walk.warn("an operation needs `responses`; read as having none");
            operation.insert("responses".into(), Value::Object(Map::new()));
        }
    }
}

/// `count` copies of `value`, the last being `value` itself (so one media type costs no clone).
fn copies(value: Value, count: usize) -> Vec<Value> {
    let mut copies = Vec::with_capacity(count);
    for _ in 1..count {
        copies.push(value.clone());
    }
    if count > 0 {
        copies.push(value);
    }
    copies
}
