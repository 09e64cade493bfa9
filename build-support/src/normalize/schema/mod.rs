//! Schema fixups: rewrites one schema, and every schema inside it, into OpenAPI 3.0 shape.
//!
//! Children are fixed first (at their original pointers), then the node itself, so a fixup that
//! moves a child (a nullable branch merged into its parent, `prefixItems` folded into `items`)
//! moves something already in 3.0 shape. Each fixup fires only on a shape OpenAPI 3.0 cannot
//! hold, which makes them harmless on 3.0 documents; the two that would change a valid 3.0
//! document's meaning are gated by dialect (`$ref` siblings: 3.1 only; `x-nullable` and `$ref`
//! rewriting: 2.0 only).

mod keywords;
mod nullable;
mod types;

use serde_json::{Map, Value};

pub(super) use keywords::rewrite_swagger2_reference;

use super::Dialect;
use super::walk::{Walk, kind};

/// Keywords that only describe a schema: they may stay beside a `$ref`, and the outer schema's
/// win when a nullable branch is merged into it.
const ANNOTATIONS: [&str; 8] = [
    "description",
    "title",
    "default",
    "example",
    "deprecated",
    "readOnly",
    "writeOnly",
    "nullable",
];

/// Whether `key` only describes a schema (see [`ANNOTATIONS`]); extensions count.
fn is_annotation(key: &str) -> bool {
    ANNOTATIONS.contains(&key) || key.starts_with("x-") || key == "$comment"
}

/// Fixes the schema `value` and everything inside it.
///
/// Boolean schemas (3.1) become `{}` and `{"not": {}}`; anything else that is not an object is
/// read as `{}`, with a warning.
pub(super) fn fix(value: &mut Value, walk: &mut Walk) {
    match value {
        Value::Object(map) => fix_object(map, walk),
        Value::Bool(true) => *value = Value::Object(Map::new()),
        Value::Bool(false) => *value = never(),
        _ => {
            walk.warn(format!(
                "a schema must be an object, found {}; read as a schema that accepts any value",
                kind(value)
            ));
            *value = Value::Object(Map::new());
        }
    }
}

/// The schema no value matches.
fn never() -> Value {
    let mut not = Map::new();
    not.insert("not".into(), Value::Object(Map::new()));
    Value::Object(not)
}

fn fix_object(map: &mut Map<String, Value>, walk: &mut Walk) {
    let nulls = children(map, walk);
    keywords::reference(map, walk);
    if walk.dialect() == Dialect::Swagger2 {
        keywords::swagger2_nullable(map);
    }
    types::fix(map, walk);
    nullable::collapse(map, nulls);
    keywords::constant(map);
    keywords::exclusive_bounds(map, walk);
    keywords::examples(map);
    keywords::content(map, walk);
    keywords::tuple(map, walk);
    keywords::shapes(map, walk);
    types::expand(map);
    if walk.dialect() == Dialect::OpenApi31 {
        keywords::reference_siblings(map);
    }
}

/// Fixes every subschema of `map`; returns which of `anyOf`/`oneOf` lost a null branch.
fn children(map: &mut Map<String, Value>, walk: &mut Walk) -> nullable::Removed {
    let mut removed = nullable::Removed::default();
    let mut invalid = Vec::new();
    for (key, value) in map.iter_mut() {
        let valid = match key.as_str() {
            "properties" | "patternProperties" | "$defs" => walk.at(key, |walk| fix_map(value, walk)),
            "allOf" | "prefixItems" => walk.at(key, |walk| fix_list(value, walk)),
            "anyOf" | "oneOf" => match walk.at(key, |walk| nullable::fix_branches(value, walk)) {
                Some(had_null) => {
                    removed.mark(key, had_null);
                    true
                }
                None => false,
            },
            // A boolean is kept for `keywords::tuple`, which knows what it means there.
            "items" => match value {
                Value::Bool(_) => true,
                Value::Array(_) => walk.at(key, |walk| fix_list(value, walk)),
                _ => {
                    walk.at(key, |walk| fix(value, walk));
                    true
                }
            },
            "additionalProperties" if !value.is_boolean() => {
                walk.at(key, |walk| fix(value, walk));
                true
            }
            "not" => {
                walk.at(key, |walk| fix(value, walk));
                true
            }
            _ => true,
        };
        if !valid {
            invalid.push(key.clone());
        }
    }
    for key in invalid {
        map.shift_remove(&key);
    }
    removed
}

/// Fixes every schema of a name → schema map; `false` (after a warning) when it is not a map.
fn fix_map(value: &mut Value, walk: &mut Walk) -> bool {
    let Value::Object(schemas) = value else {
        walk.warn(format!("expected an object of schemas, found {}; ignored", kind(value)));
        return false;
    };
    for (name, schema) in schemas.iter_mut() {
        walk.at(name, |walk| fix(schema, walk));
    }
    true
}

/// Fixes every schema of a list; `false` (after a warning) when it is not a list.
fn fix_list(value: &mut Value, walk: &mut Walk) -> bool {
    let Value::Array(schemas) = value else {
        walk.warn(format!("expected a list of schemas, found {}; ignored", kind(value)));
        return false;
    };
    for (index, schema) in schemas.iter_mut().enumerate() {
        walk.at_index(index, |walk| fix(schema, walk));
    }
    true
}

/// Appends `schema` to `map`'s `allOf` (first when `first`), creating the list if needed.
fn push_all_of(map: &mut Map<String, Value>, schema: Value, first: bool) {
    let entry = map
        .entry("allOf")
        .or_insert_with(|| Value::Array(Vec::new()));
    if let Value::Array(list) = entry {
        if first {
            list.insert(0, schema);
        } else {
            list.push(schema);
        }
    }
}

/// Marks `map` nullable.
fn set_nullable(map: &mut Map<String, Value>) {
    map.insert("nullable".into(), Value::Bool(true));
}
