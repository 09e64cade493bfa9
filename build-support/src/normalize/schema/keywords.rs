//! One fixup per keyword that OpenAPI 3.0 spells differently (or not at all).

use serde_json::{Map, Number, Value};

use super::{Dialect, fix, is_annotation, never, push_all_of, set_nullable};
use crate::normalize::walk::{Walk, kind};

/// Swagger 2.0 reference prefixes and their OpenAPI 3.0 spelling.
const SWAGGER2_PREFIXES: [(&str, &str); 3] = [
    ("#/definitions/", "#/components/schemas/"),
    ("#/parameters/", "#/components/parameters/"),
    ("#/responses/", "#/components/responses/"),
];

/// Rewrites a 2.0 `$ref` to where the converted document keeps its target (other dialects
/// keep theirs); a `$ref` that is not a string is dropped with a warning.
pub(super) fn reference(map: &mut Map<String, Value>, walk: &mut Walk) {
    match map.get_mut("$ref") {
        Some(Value::String(target)) if walk.dialect() == Dialect::Swagger2 => {
            rewrite_swagger2_reference(target);
        }
        None | Some(Value::String(_)) => {}
        Some(other) => {
            walk.at("$ref", |walk| {
                walk.warn(format!(
                    "`$ref` must be a string, found {}; ignored",
                    kind(other)
                ));
            });
            map.shift_remove("$ref");
        }
    }
}

/// `#/definitions/X` → `#/components/schemas/X`, and the same for parameters and responses.
pub(in crate::normalize) fn rewrite_swagger2_reference(target: &mut String) {
    for (old, new) in SWAGGER2_PREFIXES {
        if let Some(rest) = target.strip_prefix(old) {
            *target = format!("{new}{rest}");
            return;
        }
    }
}

/// 2.0's `x-nullable: true` → `nullable: true`.
pub(super) fn swagger2_nullable(map: &mut Map<String, Value>) {
    if let Some(flag) = map.shift_remove("x-nullable")
        && flag == Value::Bool(true)
    {
        set_nullable(map);
    }
}

/// `const: v` → `enum: [v]`, with a `type` read from `v` when the schema has none.
pub(super) fn constant(map: &mut Map<String, Value>) {
    let Some(value) = map.shift_remove("const") else {
        return;
    };
    let composed = ["$ref", "allOf", "anyOf", "oneOf", "not"]
        .iter()
        .any(|key| map.contains_key(*key));
    if !map.contains_key("type")
        && !composed
        && let Some(name) = type_of(&value)
    {
        map.insert("type".into(), name.into());
    }
    if value.is_null() {
        set_nullable(map);
    }
    map.insert("enum".into(), Value::Array(vec![value]));
}

/// The JSON type name of `value`, `None` for `null`.
fn type_of(value: &Value) -> Option<&'static str> {
    match value {
        Value::Null => None,
        Value::Bool(_) => Some("boolean"),
        Value::Number(number) if number.is_f64() => Some("number"),
        Value::Number(_) => Some("integer"),
        Value::String(_) => Some("string"),
        Value::Array(_) => Some("array"),
        Value::Object(_) => Some("object"),
    }
}

/// 3.1's numeric `exclusiveMinimum: n` → `minimum: n, exclusiveMinimum: true` (keeping an
/// inclusive `minimum` that is already stricter), and the same for the maximum.
pub(super) fn exclusive_bounds(map: &mut Map<String, Value>, walk: &mut Walk) {
    exclusive_bound(map, walk, "exclusiveMinimum", "minimum", |bound, limit| {
        bound > limit
    });
    exclusive_bound(map, walk, "exclusiveMaximum", "maximum", |bound, limit| {
        bound < limit
    });
}

fn exclusive_bound(
    map: &mut Map<String, Value>,
    walk: &mut Walk,
    exclusive: &str,
    inclusive: &str,
    stricter: fn(f64, f64) -> bool,
) {
    let limit: Number = match map.get(exclusive) {
        None | Some(Value::Bool(_)) => return,
        Some(Value::Number(limit)) => limit.clone(),
        Some(other) => {
            walk.at(exclusive, |walk| {
                walk.warn(format!(
                    "`{exclusive}` must be a number or a boolean, found {}; ignored",
                    kind(other)
                ));
            });
            map.shift_remove(exclusive);
            return;
        }
    };
    let bound = map.get(inclusive).and_then(Value::as_f64);
    let limit_f64 = limit.as_f64().unwrap_or(f64::NAN);
    if bound.is_some_and(|bound| stricter(bound, limit_f64)) {
        map.shift_remove(exclusive);
    } else {
        map.insert(exclusive.into(), Value::Bool(true));
        map.insert(inclusive.into(), Value::Number(limit));
    }
}

/// A schema's `examples` list → `example` (its first item, unless `example` is set).
pub(super) fn examples(map: &mut Map<String, Value>) {
    if !matches!(map.get("examples"), Some(Value::Array(_))) {
        return;
    }
    if let Some(Value::Array(list)) = map.shift_remove("examples")
        && let Some(first) = list.into_iter().next()
    {
        map.entry("example").or_insert(first);
    }
}

/// A string's `contentEncoding`/`contentMediaType` → `format`: `base64` → `byte`, a media type
/// that is not text (FastAPI's `application/octet-stream` uploads) → `binary`.
pub(super) fn content(map: &mut Map<String, Value>, walk: &mut Walk) {
    let has_content = map.contains_key("contentMediaType") || map.contains_key("contentEncoding");
    if !has_content || map.get("type").and_then(Value::as_str) != Some("string") {
        return;
    }
    let media_type = map.shift_remove("contentMediaType");
    let encoding = map.shift_remove("contentEncoding");
    let format = match encoding.as_ref().and_then(Value::as_str) {
        Some("base64" | "base64url") => Some("byte"),
        Some(other) => {
            walk.at("contentEncoding", |walk| {
                walk.warn(format!(
                    "contentEncoding \"{other}\" has no OpenAPI 3.0 format; read as a plain string"
                ));
            });
            None
        }
        None => media_type
            .as_ref()
            .and_then(Value::as_str)
            .filter(|media_type| !is_text(media_type))
            .map(|_| "binary"),
    };
    if let Some(format) = format {
        map.entry("format").or_insert_with(|| format.into());
    }
}

/// Whether a string of media type `media_type` holds text (so stays a plain string).
fn is_text(media_type: &str) -> bool {
    let essence = media_type.split(';').next().unwrap_or_default().trim();
    essence.starts_with("text/")
        || matches!(essence, "application/json" | "application/xml")
        || essence.ends_with("+json")
        || essence.ends_with("+xml")
}

/// Tuples → `items`: 3.1's `prefixItems` and draft-4's list-valued `items` become one `items`
/// schema, any of the tuple's schemas; a boolean `items` left over becomes a schema.
pub(super) fn tuple(map: &mut Map<String, Value>, walk: &mut Walk) {
    let (mut schemas, keyword, rest) = match (map.get("prefixItems"), map.get("items")) {
        (Some(Value::Array(_)), _) => (take_list(map, "prefixItems"), "prefixItems", "items"),
        (_, Some(Value::Array(_))) => (take_list(map, "items"), "items", "additionalItems"),
        (_, Some(Value::Bool(allowed))) => {
            let schema = if *allowed {
                Value::Object(Map::new())
            } else {
                never()
            };
            map.insert("items".into(), schema);
            return;
        }
        _ => return,
    };
    match map.shift_remove(rest) {
        Some(Value::Bool(_)) | None => {}
        Some(mut extra) => {
            walk.at(rest, |walk| fix(&mut extra, walk));
            schemas.push(extra);
        }
    }
    walk.at(keyword, |walk| {
        walk.warn(format!(
            "`{keyword}` (a tuple) is not possible in OpenAPI 3.0; read as a list whose items may \
             be any of the tuple's schemas"
        ));
    });
    let items = match schemas.len() {
        0 => return,
        1 => schemas.swap_remove(0),
        _ => {
            let mut any_of = Map::new();
            any_of.insert("anyOf".into(), Value::Array(schemas));
            Value::Object(any_of)
        }
    };
    map.insert("items".into(), items);
}

fn take_list(map: &mut Map<String, Value>, key: &str) -> Vec<Value> {
    match map.shift_remove(key) {
        Some(Value::Array(list)) => list,
        _ => Vec::new(),
    }
}

/// Keywords whose 2.0 or mistaken shape 3.0 cannot hold: a `discriminator` string becomes
/// `{"propertyName": …}`; a `required` that is not a list is dropped.
pub(super) fn shapes(map: &mut Map<String, Value>, walk: &mut Walk) {
    if let Some(discriminator) = map.get_mut("discriminator")
        && let Value::String(property) = discriminator
    {
        let mut object = Map::new();
        object.insert(
            "propertyName".into(),
            Value::String(std::mem::take(property)),
        );
        *discriminator = Value::Object(object);
    }
    match map.get("required") {
        None | Some(Value::Array(_)) => {}
        Some(other) => {
            walk.at("required", |walk| {
                walk.warn(format!(
                    "`required` in a schema must be a list of property names, found {}; ignored",
                    kind(other)
                ));
            });
            map.shift_remove("required");
        }
    }
}

/// 3.1 `$ref` siblings: annotations stay beside the `$ref`; anything else turns the schema into
/// `{"allOf": [{"$ref": …}], …siblings}`.
pub(super) fn reference_siblings(map: &mut Map<String, Value>) {
    if !map.contains_key("$ref") || map.keys().all(|key| key == "$ref" || is_annotation(key)) {
        return;
    }
    if let Some(reference) = map.shift_remove("$ref") {
        let mut target = Map::new();
        target.insert("$ref".into(), reference);
        push_all_of(map, Value::Object(target), true);
    }
}
