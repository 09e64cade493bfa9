//! Reading typed members of spec objects, warning when a member has the wrong JSON type.
//!
//! Each reader comes twice: `text(object, key, at)` looks the member up, `text_of(value, key,
//! at)` takes a member already found (see [`super::keywords::Keywords`]).

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
    pub(super) fn text(
        &mut self,
        object: &'a Object,
        key: &str,
        at: Pointer<'_>,
    ) -> Option<&'a str> {
        self.text_of(object.get(key), key, at)
    }

    /// `object[key]` when it is a string, owned.
    pub(super) fn owned_text(
        &mut self,
        object: &'a Object,
        key: &str,
        at: Pointer<'_>,
    ) -> Option<String> {
        self.text(object, key, at).map(str::to_string)
    }

    /// `object[key]` when it is a boolean; `false` when absent.
    pub(super) fn flag(&mut self, object: &'a Object, key: &str, at: Pointer<'_>) -> bool {
        self.flag_of(object.get(key), key, at)
    }

    /// `object[key]` when it is an object.
    pub(super) fn object(
        &mut self,
        object: &'a Object,
        key: &str,
        at: Pointer<'_>,
    ) -> Option<&'a Object> {
        self.object_of(object.get(key), key, at)
    }

    /// `object[key]` when it is an array.
    pub(super) fn list(
        &mut self,
        object: &'a Object,
        key: &str,
        at: Pointer<'_>,
    ) -> Option<&'a [Value]> {
        self.list_of(object.get(key), key, at)
    }

    /// Member `key` (`value`) of the node at `at` when it is a string.
    pub(super) fn text_of(
        &mut self,
        value: Option<&'a Value>,
        key: &str,
        at: Pointer<'_>,
    ) -> Option<&'a str> {
        self.typed(value, key, at, "a string", Value::as_str)
    }

    /// Member `key` (`value`) of the node at `at` when it is a boolean; `false` when absent.
    pub(super) fn flag_of(&mut self, value: Option<&'a Value>, key: &str, at: Pointer<'_>) -> bool {
        self.typed(value, key, at, "true or false", Value::as_bool)
            .unwrap_or(false)
    }

    /// Member `key` (`value`) of the node at `at` when it is an object.
    pub(super) fn object_of(
        &mut self,
        value: Option<&'a Value>,
        key: &str,
        at: Pointer<'_>,
    ) -> Option<&'a Object> {
        self.typed(value, key, at, "an object", Value::as_object)
    }

    /// Member `key` (`value`) of the node at `at` when it is an array.
    pub(super) fn list_of(
        &mut self,
        value: Option<&'a Value>,
        key: &str,
        at: Pointer<'_>,
    ) -> Option<&'a [Value]> {
        self.typed(value, key, at, "a list", |value| {
            value.as_array().map(Vec::as_slice)
        })
    }

    /// `value` as an object, warning that `what` is skipped when it is not one.
    pub(super) fn as_object(
        &mut self,
        value: &'a Value,
        what: &str,
        at: Pointer<'_>,
    ) -> Option<&'a Object> {
        let object = value.as_object();
        if object.is_none() {
            self.warn(at, format!("{what} should be an object; skipped"));
        }
        object
    }

    fn typed<T>(
        &mut self,
        value: Option<&'a Value>,
        key: &str,
        at: Pointer<'_>,
        expected: &str,
        cast: impl FnOnce(&'a Value) -> Option<T>,
    ) -> Option<T> {
        let value = value?;
        let typed = cast(value);
        if typed.is_none() {
            self.warn(
                at.key(key),
                format!("`{key}` should be {expected}; ignored"),
            );
        }
        typed
    }
}
