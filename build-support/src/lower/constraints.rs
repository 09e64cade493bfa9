//! What a schema demands of a value beyond its type (`minLength`, `pattern`, `minimum`, …), and
//! whether its `default` is a value of that schema at all.

use serde_json::{Number, Value};

use crate::ir::{Bound, Constraints, Pattern};

use super::Lowerer;
use super::keywords::{Keywords, is_null_schema};
use super::pointer::Pointer;

/// How many `$ref`s and nested compositions [`Lowerer::fits`] looks through.
const FIT_LOOKUP_LIMIT: usize = 32;

impl<'a> Lowerer<'a> {
    /// The validation keywords of `schema` at `at`. A keyword whose value is of the wrong kind
    /// (`maxLength: "10"`, `multipleOf: 0`) is ignored with a warning.
    pub(super) fn constraints(&mut self, schema: &Keywords<'a>, at: Pointer<'_>) -> Constraints {
        let mut constraints = Constraints {
            min_length: self.count(schema.min_length, "minLength", at),
            max_length: self.count(schema.max_length, "maxLength", at),
            pattern: None,
            minimum: self
                .bound(schema.minimum, "minimum", at)
                .map(|value| Bound {
                    value,
                    exclusive: false,
                }),
            maximum: self
                .bound(schema.maximum, "maximum", at)
                .map(|value| Bound {
                    value,
                    exclusive: false,
                }),
            multiple_of: None,
            min_items: self.count(schema.min_items, "minItems", at),
            max_items: self.count(schema.max_items, "maxItems", at),
        };
        if let Some(minimum) = &mut constraints.minimum {
            minimum.exclusive = self.flag_of(schema.exclusive_minimum, "exclusiveMinimum", at);
        }
        if let Some(maximum) = &mut constraints.maximum {
            maximum.exclusive = self.flag_of(schema.exclusive_maximum, "exclusiveMaximum", at);
        }
        if let Some(factor) = self.bound(schema.multiple_of, "multipleOf", at) {
            if factor.as_f64().is_some_and(|factor| factor > 0.0) {
                constraints.multiple_of = Some(factor);
            } else {
                self.warn(
                    at.key("multipleOf"),
                    format!("`multipleOf` must be greater than 0, found {factor}; ignored"),
                );
            }
        }
        if let Some(source) = self.text_of(schema.pattern, "pattern", at) {
            constraints.pattern = Some(self.pattern(source, at.key("pattern")));
        }
        constraints
    }

    /// A `pattern`, checked with the parser of Rust's `regex` crate (what pydantic-core
    /// compiles patterns with): one it rejects is kept, marked not [`Pattern::regular`], with a
    /// warning.
    fn pattern(&mut self, source: &str, at: Pointer<'_>) -> Pattern {
        let regular = match regex_syntax::Parser::new().parse(source) {
            Ok(_) => true,
            Err(error) => {
                let reason = match &error {
                    regex_syntax::Error::Parse(error) => error.kind().to_string(),
                    regex_syntax::Error::Translate(error) => error.kind().to_string(),
                    _ => error.to_string(),
                };
                self.warn(
                    at,
                    format!(
                        "pattern `{source}` is not a regular expression a finite-automaton \
                         engine accepts ({reason}; look-around and backreferences are the usual \
                         cause): the clients document it, the Python client does not check it \
                         (pydantic's engine could not compile it)"
                    ),
                );
                false
            }
        };
        Pattern {
            source: source.to_string(),
            regular,
        }
    }

    /// A length or count: a non-negative integer, else ignored with a warning.
    fn count(&mut self, value: Option<&'a Value>, key: &str, at: Pointer<'_>) -> Option<u64> {
        let value = value?;
        let count = value.as_u64().or_else(|| {
            value
                .as_f64()
                .filter(|n| *n >= 0.0 && n.fract() == 0.0)
                .map(|n| n as u64)
        });
        if count.is_none() {
            self.warn(
                at.key(key),
                format!("`{key}` must be a non-negative integer, found {value}; ignored"),
            );
        }
        count
    }

    /// A number, else ignored with a warning.
    fn bound(&mut self, value: Option<&'a Value>, key: &str, at: Pointer<'_>) -> Option<Number> {
        match value? {
            Value::Number(number) => Some(number.clone()),
            other => {
                self.warn(
                    at.key(key),
                    format!("`{key}` must be a number, found {other}; ignored"),
                );
                None
            }
        }
    }

    /// `default` of `schema` at `at` when it is a value of the schema; a default of another
    /// type (`default: "ten"` on an integer) is left out with a warning, so that no client
    /// offers it.
    pub(super) fn default_of(&mut self, schema: &Keywords<'a>, at: Pointer<'_>) -> Option<Value> {
        let default = schema.default?;
        if self.fits(schema, default, 0) {
            return Some(default.clone());
        }
        self.warn(
            at.key("default"),
            format!("`default` {default} is not a value of the schema; the clients leave it out"),
        );
        None
    }

    /// Whether `value` is a value of `schema` as far as types and `enum` go (lengths, bounds and
    /// patterns are not checked), looking through `$ref`s and compositions.
    fn fits(&self, schema: &Keywords<'a>, value: &Value, hops: usize) -> bool {
        if hops > FIT_LOOKUP_LIMIT {
            return true;
        }
        let member_fits = |member: &'a Value| {
            Keywords::of_value(member).is_none_or(|member| self.fits(&member, value, hops + 1))
        };
        if value.is_null() && schema.admits_null() {
            return true;
        }
        if let Some(reference) = schema.reference {
            return match reference.as_str().and_then(|r| self.target_schema(r)) {
                Some(target) => member_fits(target),
                // Dangling or external: reported elsewhere, and nothing to hold the value to.
                None => true,
            };
        }
        if let Some(values) = schema.values.and_then(Value::as_array) {
            return values.contains(value);
        }
        if let Some(members) = schema.all_of.and_then(Value::as_array)
            && !members.iter().all(member_fits)
        {
            return false;
        }
        for members in [schema.one_of, schema.any_of] {
            if let Some(members) = members.and_then(Value::as_array) {
                let real = members.iter().filter(|member| !is_null_schema(member));
                if !real.clone().any(member_fits) && real.count() > 0 {
                    return false;
                }
            }
        }
        match (schema.type_name(), value) {
            (None, _) => true,
            (Some("string"), Value::String(_))
            | (Some("number"), Value::Number(_))
            | (Some("boolean"), Value::Bool(_))
            | (Some("object"), Value::Object(_)) => true,
            (Some("integer"), Value::Number(number)) => number.is_i64() || number.is_u64(),
            (Some("array"), Value::Array(items)) => match schema.items.and_then(Keywords::of_value)
            {
                Some(items_schema) => items
                    .iter()
                    .all(|item| self.fits(&items_schema, item, hops + 1)),
                None => true,
            },
            _ => false,
        }
    }
}
