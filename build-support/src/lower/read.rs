//! Reading typed members of spec objects, warning when a member has the wrong JSON type.

use serde_json::{Map, Value};

use super::Lowerer;
use super::pointer::Pointer;

/// A JSON object of the document.
pub(super) type Object = Map<String, Value>;

impl<'a> Lowerer<'a> {
    /// Records a warning at `at`.
    pub(super) fn warn(&mut self, at: Pointer<'_>, message: impl Into<String>) {
        self.diagnostics.warning(at.render(), message);
    }

    /// Records an error at `at`.
    pub(super) fn fail(&mut self, at: Pointer<'_>, message: impl Into<String>, help: &str) {
        self.diagnostics.error(at.render(), message, help);
    }

    /// `object[key]` when it is a string.
    pub(super) fn text(&mut self, object: &'a Object, key: &str, at: Pointer<'_>) -> Option<&'a str> {
        self.typed(object, key, at, "a string", Value::as_str)
    }

    /// `object[key]` when it is a string, owned.
    pub(super) fn owned_text(&mut self, object: &'a Object, key: &str, at: Pointer<'_>) -> Option<String> {
        self.text(object, key, at).map(str::to_string)
    }

    /// `object[key]` when it is a boolean; `false` when absent.
    pub(super) fn flag(&mut self, object: &'a Object, key: &str, at: Pointer<'_>) -> bool {
        self.typed(object, key, at, "true or false", Value::as_bool)
            .unwrap_or(false)
    }

    /// `object[key]` when it is an object.
    pub(super) fn object(&mut self, object: &'a Object, key: &str, at: Pointer<'_>) -> Option<&'a Object> {
        self.typed(object, key, at, "an object", Value::as_object)
    }

    /// `object[key]` when it is an array.
    pub(super) fn list(&mut self, object: &'a Object, key: &str, at: Pointer<'_>) -> Option<&'a [Value]> {
        self.typed(object, key, at, "a list", |value| value.as_array().map(Vec::as_slice))
    }

    /// `value` as an object, warning that `what` is skipped when it is not one.
    pub(super) fn as_object(&mut self, value: &'a Value, what: &str, at: Pointer<'_>) -> Option<&'a Object> {
        let object = value.as_object();
        if object.is_none() {
            self.warn(at, format!("{what} should be an object; skipped"));
        }
        object
    }

    fn typed<T>(
        &mut self,
        object: &'a Object,
        key: &str,
        at: Pointer<'_>,
        expected: &str,
        cast: impl FnOnce(&'a Value) -> Option<T>,
    ) -> Option<T> {
        let value = object.get(key)?;
        let typed = cast(value);
        if typed.is_none() {
            self.warn(at.key(key), format!("`{key}` should be {expected}; ignored"));
        }
        typed
    }
}
