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
use super::unsupported::Feature;
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

/// What one pass over a schema's keys found: which fixups the schema needs. Most schemas need
/// none, and then cost one pass over their keys and no lookups.
#[derive(Debug, Default)]
struct Scan {
    nulls: nullable::Removed,
    reference: bool,
    types: bool,
    swagger2_nullable: bool,
    constant: bool,
    bounds: bool,
    examples: bool,
    content: bool,
    tuple: bool,
    shapes: bool,
}

fn fix_object(map: &mut Map<String, Value>, walk: &mut Walk) {
    let scan = children(map, walk);
    let dialect = walk.dialect();
    if scan.reference {
        keywords::reference(map, walk);
    }
    if scan.swagger2_nullable && dialect == Dialect::Swagger2 {
        keywords::swagger2_nullable(map);
    }
    if scan.types {
        types::fix(map, walk);
    }
    nullable::collapse(map, scan.nulls);
    if scan.constant {
        keywords::constant(map);
    }
    if scan.bounds {
        keywords::exclusive_bounds(map, walk);
    }
    if scan.examples {
        keywords::examples(map);
    }
    if scan.content {
        keywords::content(map, walk);
    }
    if scan.tuple {
        keywords::tuple(map, walk);
    }
    if scan.shapes {
        keywords::shapes(map, walk);
    }
    if scan.types {
        types::expand(map);
    }
    if scan.reference && dialect == Dialect::OpenApi31 {
        keywords::reference_siblings(map);
    }
}

/// Fixes every subschema of `map` and notes which fixups `map` itself needs.
fn children(map: &mut Map<String, Value>, walk: &mut Walk) -> Scan {
    let mut scan = Scan::default();
    let mut invalid = Vec::new();
    let mut misplaced = None;
    for (key, value) in map.iter_mut() {
        let valid = match key.as_str() {
            "properties" => walk.at(key, |walk| {
                misplaced = take_misplaced_additional_properties(value, walk);
                fix_map(value, walk)
            }),
            "patternProperties" | "$defs" => {
                if key == "patternProperties" {
                    walk.note(Feature::PatternProperties, key);
                }
                walk.at(key, |walk| fix_map(value, walk))
            }
            "allOf" => walk.at(key, |walk| fix_list(value, walk)),
            "prefixItems" => {
                scan.tuple = true;
                walk.at(key, |walk| fix_list(value, walk))
            }
            "anyOf" | "oneOf" => match walk.at(key, |walk| nullable::fix_branches(value, walk)) {
                Some(had_null) => {
                    scan.nulls.mark(key, had_null);
                    true
                }
                None => false,
            },
            "items" => {
                match value {
                    // Kept for `keywords::tuple`, which knows what a boolean means there.
                    Value::Bool(_) => scan.tuple = true,
                    Value::Array(_) => {
                        scan.tuple = true;
                        walk.at(key, |walk| fix_list(value, walk));
                    }
                    _ => walk.at(key, |walk| fix(value, walk)),
                }
                true
            }
            "additionalProperties" | "not" => {
                if key == "not" {
                    walk.note(Feature::Not, key);
                }
                if !(key == "additionalProperties" && value.is_boolean()) {
                    walk.at(key, |walk| fix(value, walk));
                }
                true
            }
            "$ref" => {
                scan.reference = true;
                true
            }
            "type" => {
                scan.types =
                    !matches!(value, Value::String(name) if name != "null" && name != "file");
                true
            }
            "x-nullable" => {
                scan.swagger2_nullable = true;
                true
            }
            "const" => {
                scan.constant = true;
                true
            }
            "exclusiveMinimum" | "exclusiveMaximum" => {
                scan.bounds |= !value.is_boolean();
                true
            }
            "examples" => {
                scan.examples = value.is_array();
                true
            }
            "contentMediaType" | "contentEncoding" => {
                scan.content = true;
                true
            }
            "discriminator" => {
                scan.shapes |= value.is_string();
                true
            }
            "required" => {
                scan.shapes |= !value.is_array();
                true
            }
            other => {
                if let Some(feature) = Feature::of_schema_keyword(other) {
                    walk.note(feature, other);
                }
                true
            }
        };
        if !valid {
            invalid.push(key.clone());
        }
    }
    for key in invalid {
        map.shift_remove(&key);
    }
    if let Some(allowed) = misplaced {
        map.entry("additionalProperties").or_insert(allowed);
    }
    scan
}

/// A property named `additionalProperties` whose schema is a boolean is the keyword written one
/// level too deep (seen in real specs): takes it out of `properties`, with a warning.
fn take_misplaced_additional_properties(properties: &mut Value, walk: &mut Walk) -> Option<Value> {
    let Value::Object(properties) = properties else {
        return None;
    };
    if !properties
        .get("additionalProperties")
        .is_some_and(Value::is_boolean)
    {
        return None;
    }
    walk.at("additionalProperties", |walk| {
        walk.warn(
            "a property named `additionalProperties` with a boolean schema is read as the \
             `additionalProperties` keyword of the enclosing schema",
        );
    });
    properties.shift_remove("additionalProperties")
}

/// Fixes every schema of a name → schema map; `false` (after a warning) when it is not a map.
fn fix_map(value: &mut Value, walk: &mut Walk) -> bool {
    let Value::Object(schemas) = value else {
        walk.warn(format!(
            "expected an object of schemas, found {}; ignored",
            kind(value)
        ));
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
        walk.warn(format!(
            "expected a list of schemas, found {}; ignored",
            kind(value)
        ));
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
