//! `anyOf`/`oneOf` with a `{"type": "null"}` branch → the 3.0 `nullable` form.
//!
//! FastAPI writes an optional field as `{"anyOf": [{"$ref": "…"}, {"type": "null"}]}` or
//! `{"anyOf": [{"type": "string", "format": "date-time"}, {"type": "null"}]}`. The null branch
//! goes and the schema becomes `nullable`; a lone `$ref` left over becomes
//! `{"allOf": [{"$ref": "…"}], "nullable": true}` (how 3.0 spells a nullable reference), a lone
//! inline branch is merged into the outer schema.

use serde_json::{Map, Value};

use super::{fix, is_annotation, push_all_of, set_nullable};
use crate::normalize::walk::{Walk, kind};

/// Which of `anyOf` and `oneOf` lost a null branch while their branches were fixed.
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct Removed {
    any_of: bool,
    one_of: bool,
}

impl Removed {
    /// Records that the list under `key` had a null branch (when `had_null`).
    pub(super) fn mark(&mut self, key: &str, had_null: bool) {
        match key {
            "anyOf" => self.any_of |= had_null,
            _ => self.one_of |= had_null,
        }
    }
}

/// Fixes the branches of an `anyOf`/`oneOf` list and drops its null branches.
///
/// Returns whether a null branch was dropped, or `None` (after a warning) when `value` is not a
/// list.
pub(super) fn fix_branches(value: &mut Value, walk: &mut Walk) -> Option<bool> {
    let Value::Array(branches) = value else {
        walk.warn(format!(
            "expected a list of schemas, found {}; ignored",
            kind(value)
        ));
        return None;
    };
    let mut had_null = false;
    for (index, branch) in branches.iter_mut().enumerate() {
        if is_null(branch) {
            had_null = true;
        } else {
            walk.at_index(index, |walk| fix(branch, walk));
        }
    }
    if had_null {
        // Fixed branches never keep `type: "null"`, so only the original null branches go.
        branches.retain(|branch| !is_null(branch));
    }
    Some(had_null)
}

/// Whether `schema` only allows `null`: `{"type": "null"}` or `{"type": ["null"]}`, perhaps
/// with annotations.
fn is_null(schema: &Value) -> bool {
    let Value::Object(map) = schema else {
        return false;
    };
    let null_type = match map.get("type") {
        Some(Value::String(name)) => name == "null",
        Some(Value::Array(names)) => names.len() == 1 && names[0] == "null",
        _ => false,
    };
    null_type && map.keys().all(|key| key == "type" || is_annotation(key))
}

/// Turns the lists that lost a null branch into the 3.0 nullable form.
pub(super) fn collapse(map: &mut Map<String, Value>, removed: Removed) {
    if removed.any_of {
        collapse_list(map, "anyOf");
    }
    if removed.one_of {
        collapse_list(map, "oneOf");
    }
}

fn collapse_list(map: &mut Map<String, Value>, key: &str) {
    let remaining = match map.get(key) {
        Some(Value::Array(branches)) => branches.len(),
        _ => return,
    };
    if remaining <= 1
        && let Some(Value::Array(mut branches)) = map.shift_remove(key)
        && let Some(branch) = branches.pop()
    {
        absorb(map, branch);
    }
    set_nullable(map);
}

/// Puts the one remaining branch into `map`: merged when it is inline and nothing but
/// annotations clash, otherwise as an `allOf` item.
fn absorb(map: &mut Map<String, Value>, branch: Value) {
    match branch {
        Value::Object(inline)
            if !inline.contains_key("$ref")
                && inline
                    .keys()
                    .all(|key| is_annotation(key) || !map.contains_key(key)) =>
        {
            for (key, value) in inline {
                if !map.contains_key(&key) {
                    map.insert(key, value);
                }
            }
        }
        other => push_all_of(map, other, false),
    }
}
