//! `type` fixups: 3.1 type lists, `"null"` and 2.0's `"file"`.
//!
//! [`fix`] runs first and leaves a list only when it holds several types; [`expand`] runs last.
//!
//! `["string", "null"]` becomes `type: "string", nullable: true`; `["null"]` a nullable schema
//! without a type; several types an `anyOf` with one branch per type, each taking the keywords
//! that constrain its type, while annotations and `enum` stay on the outer schema.

use serde_json::{Map, Value};

use super::{push_all_of, set_nullable};
use crate::normalize::walk::{Walk, kind};

/// Keywords that constrain one JSON type, and the types they apply to.
const TYPE_KEYWORDS: [(&str, &[&str]); 16] = [
    ("format", &["string", "integer", "number"]),
    ("minLength", &["string"]),
    ("maxLength", &["string"]),
    ("pattern", &["string"]),
    ("minimum", &["integer", "number"]),
    ("maximum", &["integer", "number"]),
    ("exclusiveMinimum", &["integer", "number"]),
    ("exclusiveMaximum", &["integer", "number"]),
    ("multipleOf", &["integer", "number"]),
    ("items", &["array"]),
    ("minItems", &["array"]),
    ("maxItems", &["array"]),
    ("uniqueItems", &["array"]),
    ("properties", &["object"]),
    ("required", &["object"]),
    ("additionalProperties", &["object"]),
];

/// Fixes `map`'s `type`: `"null"`, `"file"`, and lists reduced to their non-null types.
pub(super) fn fix(map: &mut Map<String, Value>, walk: &mut Walk) {
    match map.get("type") {
        None => {}
        Some(Value::String(name)) => match name.as_str() {
            "null" => {
                map.shift_remove("type");
                set_nullable(map);
            }
            "file" => {
                map.insert("type".into(), "string".into());
                map.entry("format").or_insert_with(|| "binary".into());
            }
            _ => {}
        },
        Some(Value::Array(_)) => {
            if let Some(Value::Array(names)) = map.shift_remove("type") {
                walk.at("type", |walk| list(map, names, walk));
            }
        }
        Some(other) => {
            walk.at("type", |walk| {
                walk.warn(format!(
                    "`type` must be a string or a list of strings, found {}; ignored",
                    kind(other)
                ));
            });
            map.shift_remove("type");
        }
    }
}

/// Replaces the type list `names` (already removed from `map`): `"null"` becomes `nullable`, one
/// remaining type a plain `type`; several stay a list for [`expand`].
fn list(map: &mut Map<String, Value>, names: Vec<Value>, walk: &mut Walk) {
    let mut types: Vec<Value> = Vec::with_capacity(names.len());
    for (index, name) in names.into_iter().enumerate() {
        match name {
            Value::String(text) if text == "null" => set_nullable(map),
            Value::String(_) if !types.contains(&name) => types.push(name),
            Value::String(_) => {}
            other => walk.at_index(index, |walk| {
                walk.warn(format!(
                    "a type name must be a string, found {}; ignored",
                    kind(&other)
                ));
            }),
        }
    }
    match types.len() {
        0 => {}
        1 => {
            map.insert("type".into(), types.swap_remove(0));
        }
        _ => {
            map.insert("type".into(), Value::Array(types));
        }
    }
}

/// Turns a list of several types into an `anyOf` with one branch per type (see the module
/// documentation). Runs after the other fixups, so the keywords it moves are in 3.0 shape.
pub(super) fn expand(map: &mut Map<String, Value>) {
    if !matches!(map.get("type"), Some(Value::Array(_))) {
        return;
    }
    let Some(Value::Array(names)) = map.shift_remove("type") else {
        return;
    };
    let types: Vec<&str> = names.iter().filter_map(Value::as_str).collect();
    let branches = Value::Array(branches(map, &types));
    if map.contains_key("anyOf") {
        let mut wrapper = Map::new();
        wrapper.insert("anyOf".into(), branches);
        push_all_of(map, Value::Object(wrapper), false);
    } else {
        map.insert("anyOf".into(), branches);
    }
}

/// One `{"type": name}` branch per type, each with the keywords of `map` that constrain it;
/// those keywords leave `map`.
fn branches(map: &mut Map<String, Value>, types: &[&str]) -> Vec<Value> {
    let mut branches: Vec<Map<String, Value>> = types
        .iter()
        .map(|&name| {
            let mut branch = Map::new();
            branch.insert("type".into(), name.into());
            branch
        })
        .collect();
    for (keyword, applies_to) in TYPE_KEYWORDS {
        let targets: Vec<usize> = (0..types.len())
            .filter(|&index| applies_to.contains(&types[index]))
            .collect();
        let Some((&last, rest)) = targets.split_last() else {
            continue;
        };
        let Some(value) = map.shift_remove(keyword) else {
            continue;
        };
        for &index in rest {
            branches[index].insert(keyword.into(), value.clone());
        }
        branches[last].insert(keyword.into(), value);
    }
    branches.into_iter().map(Value::Object).collect()
}
