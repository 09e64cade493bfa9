//! OpenAPI 3.0.x and 3.1.x: the document keeps its structure; every schema in it is fixed.
//!
//! The walk follows the document's structure (paths, operations, parameters, bodies, responses,
//! headers, callbacks, webhooks, components) rather than every key, so examples and extensions,
//! which may hold anything, are never mistaken for schemas. `$ref` objects are left alone: what
//! they point at is visited where it lives.

mod security;

use serde_json::{Map, Value};

use super::unsupported::Feature;
use super::walk::{Walk, kind};
use super::{Dialect, finish, schema};

/// The HTTP methods a path item may hold an operation for.
pub(super) const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// From this many component schemas up, the components are fixed on another thread while
/// this one fixes the paths.
const SPLIT_FROM: usize = 64;

/// Fixes every schema of the 3.x document `root` and marks it 3.0.3.
pub(super) fn convert(mut root: Map<String, Value>, walk: &mut Walk) -> Map<String, Value> {
    security::drop_mutual_tls(&mut root, walk);
    if schema_count(&root) < SPLIT_FROM {
        paths_and_webhooks(&mut root, walk);
        member(&mut root, "components", walk, components);
    } else {
        // The components come last in the walk, so their warnings can be worked out beside
        // the paths' and added after them.
        let mut taken = root.get_mut("components").map(Value::take);
        let ((), kept) = walk.beside(
            |walk| paths_and_webhooks(&mut root, walk),
            |walk| {
                let value = taken.as_mut()?;
                Some(walk.at("components", |walk| components(value, walk)))
            },
        );
        match (kept, taken) {
            (Some(true), Some(value)) => root["components"] = value,
            (Some(false), _) => {
                root.shift_remove("components");
            }
            _ => {}
        }
    }
    finish(&mut root);
    root
}

/// How many schemas `components/schemas` holds.
fn schema_count(root: &Map<String, Value>) -> usize {
    root.get("components")
        .and_then(|components| components.get("schemas"))
        .and_then(Value::as_object)
        .map_or(0, Map::len)
}

fn paths_and_webhooks(root: &mut Map<String, Value>, walk: &mut Walk) {
    member(root, "paths", walk, |value, walk| {
        entries_without_extensions(value, walk, path_item)
    });
    note_if_set(root, "webhooks", Feature::Webhooks, walk);
    member(root, "webhooks", walk, |value, walk| {
        entries(value, walk, path_item)
    });
}

/// Runs `f` on `map[key]` when present, at its pointer; drops the member when `f` says it is
/// unusable (after `f` has warned).
fn member(
    map: &mut Map<String, Value>,
    key: &str,
    walk: &mut Walk,
    f: impl FnOnce(&mut Value, &mut Walk) -> bool,
) {
    if let Some(value) = map.get_mut(key)
        && !walk.at(key, |walk| f(value, walk))
    {
        map.shift_remove(key);
    }
}

/// Notes `feature` at `map[key]` when it is there and not empty or `false`.
fn note_if_set(map: &Map<String, Value>, key: &str, feature: Feature, walk: &mut Walk) {
    let set = match map.get(key) {
        None | Some(Value::Null | Value::Bool(false)) => false,
        Some(Value::Object(entries)) => !entries.is_empty(),
        Some(_) => true,
    };
    if set {
        walk.note(feature, key);
    }
}

/// Runs `f` on every value of the name → object map `value`; `false` (after a warning) when
/// `value` is not an object.
fn entries(value: &mut Value, walk: &mut Walk, f: fn(&mut Value, &mut Walk)) -> bool {
    for_entries(value, walk, f, false)
}

/// [`entries`] for the objects whose `x-` members are extensions, not entries (paths,
/// responses, callbacks).
fn entries_without_extensions(
    value: &mut Value,
    walk: &mut Walk,
    f: fn(&mut Value, &mut Walk),
) -> bool {
    for_entries(value, walk, f, true)
}

fn for_entries(
    value: &mut Value,
    walk: &mut Walk,
    f: fn(&mut Value, &mut Walk),
    skip_extensions: bool,
) -> bool {
    let Value::Object(map) = value else {
        walk.warn(format!(
            "expected an object, found {}; ignored",
            kind(value)
        ));
        return false;
    };
    for (name, entry) in map.iter_mut() {
        if !(skip_extensions && name.starts_with("x-")) {
            walk.at(name, |walk| f(entry, walk));
        }
    }
    true
}

/// Runs `f` on every item of the list `value`; `false` (after a warning) when it is not a list.
fn items(value: &mut Value, walk: &mut Walk, f: fn(&mut Value, &mut Walk)) -> bool {
    let Value::Array(list) = value else {
        walk.warn(format!("expected a list, found {}; ignored", kind(value)));
        return false;
    };
    for (index, item) in list.iter_mut().enumerate() {
        walk.at_index(index, |walk| f(item, walk));
    }
    true
}

/// The object behind `value`, unless it is a `$ref` (visited where it points) or not an object
/// (after a warning).
fn object<'v>(value: &'v mut Value, walk: &mut Walk) -> Option<&'v mut Map<String, Value>> {
    if !value.is_object() {
        walk.warn(format!(
            "expected an object, found {}; ignored",
            kind(value)
        ));
        return None;
    }
    match value {
        Value::Object(map) if !map.contains_key("$ref") => Some(map),
        _ => None,
    }
}

fn components(value: &mut Value, walk: &mut Walk) -> bool {
    let Value::Object(map) = value else {
        walk.warn(format!(
            "`components` must be an object, found {}; ignored",
            kind(value)
        ));
        return false;
    };
    member(map, "schemas", walk, |value, walk| {
        entries(value, walk, schema::fix)
    });
    member(map, "responses", walk, |value, walk| {
        entries(value, walk, response)
    });
    member(map, "parameters", walk, |value, walk| {
        entries(value, walk, parameter)
    });
    member(map, "requestBodies", walk, |value, walk| {
        entries(value, walk, request_body)
    });
    member(map, "headers", walk, |value, walk| {
        entries(value, walk, parameter)
    });
    note_if_set(map, "callbacks", Feature::Callbacks, walk);
    member(map, "callbacks", walk, |value, walk| {
        entries(value, walk, callback)
    });
    member(map, "pathItems", walk, |value, walk| {
        entries(value, walk, path_item)
    });
    true
}

fn path_item(value: &mut Value, walk: &mut Walk) {
    let Some(map) = object(value, walk) else {
        return;
    };
    member(map, "parameters", walk, |value, walk| {
        items(value, walk, parameter)
    });
    for method in METHODS {
        member(map, method, walk, |value, walk| {
            operation(value, walk);
            true
        });
    }
}

fn operation(value: &mut Value, walk: &mut Walk) {
    let Some(map) = object(value, walk) else {
        return;
    };
    member(map, "parameters", walk, |value, walk| {
        items(value, walk, parameter)
    });
    member(map, "requestBody", walk, |value, walk| {
        request_body(value, walk);
        true
    });
    member(map, "responses", walk, |value, walk| {
        entries_without_extensions(value, walk, response)
    });
    if !map.contains_key("responses") {
        // 3.1 makes `responses` optional; 3.0 requires it.
        if walk.dialect() == Dialect::OpenApi30 {
            walk.warn("an operation needs `responses`; read as having none");
        }
        map.insert("responses".into(), Value::Object(Map::new()));
    }
    note_if_set(map, "callbacks", Feature::Callbacks, walk);
    member(map, "callbacks", walk, |value, walk| {
        entries(value, walk, callback)
    });
}

fn callback(value: &mut Value, walk: &mut Walk) {
    if object(value, walk).is_some() {
        entries_without_extensions(value, walk, path_item);
    }
}

/// A parameter or a header (they hold schemas the same way).
fn parameter(value: &mut Value, walk: &mut Walk) {
    let Some(map) = object(value, walk) else {
        return;
    };
    note_if_set(map, "allowReserved", Feature::AllowReserved, walk);
    note_if_set(map, "allowEmptyValue", Feature::AllowEmptyValue, walk);
    member(map, "schema", walk, |value, walk| {
        schema::fix(value, walk);
        true
    });
    member(map, "content", walk, |value, walk| {
        entries(value, walk, media_type)
    });
}

fn request_body(value: &mut Value, walk: &mut Walk) {
    let Some(map) = object(value, walk) else {
        return;
    };
    member(map, "content", walk, |value, walk| {
        entries(value, walk, media_type)
    });
}

fn response(value: &mut Value, walk: &mut Walk) {
    let Some(map) = object(value, walk) else {
        return;
    };
    note_if_set(map, "links", Feature::Links, walk);
    member(map, "headers", walk, |value, walk| {
        entries(value, walk, parameter)
    });
    member(map, "content", walk, |value, walk| {
        entries(value, walk, media_type)
    });
}

fn media_type(value: &mut Value, walk: &mut Walk) {
    let Some(map) = object(value, walk) else {
        return;
    };
    member(map, "schema", walk, |value, walk| {
        schema::fix(value, walk);
        true
    });
    note_if_set(map, "encoding", Feature::Encoding, walk);
    member(map, "encoding", walk, |value, walk| {
        entries(value, walk, encoding)
    });
}

fn encoding(value: &mut Value, walk: &mut Walk) {
    if let Some(map) = object(value, walk) {
        member(map, "headers", walk, |value, walk| {
            entries(value, walk, parameter)
        });
    }
}
