//! `enum`: string and integer enums become named types; other value sets a plain type.

use rustc_hash::FxHashSet;

use serde_json::Value;

use crate::ir::{Enum, EnumLiteral, EnumValue, NumberFormat, Type, TypeKind};

use super::Lowerer;
use super::keywords::Keywords;
use super::pointer::Pointer;
use super::schema::Slot;

/// What the non-null values of an `enum` are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Values {
    Strings,
    Integers,
    Booleans,
    Numbers,
    Mixed,
    None,
}

impl Values {
    fn of(values: &[Value]) -> Values {
        let mut kind = Values::None;
        for value in values.iter().filter(|value| !value.is_null()) {
            let this = match value {
                Value::String(_) => Values::Strings,
                Value::Number(number) if number.is_i64() => Values::Integers,
                Value::Number(_) => Values::Numbers,
                Value::Bool(_) => Values::Booleans,
                _ => Values::Mixed,
            };
            kind = match (kind, this) {
                (Values::None, this) => this,
                (same, this) if same == this => same,
                (Values::Integers, Values::Numbers) | (Values::Numbers, Values::Integers) => {
                    Values::Numbers
                }
                _ => Values::Mixed,
            };
        }
        kind
    }

    fn describe(self) -> &'static str {
        match self {
            Values::Strings => "strings",
            Values::Integers => "integers",
            Values::Booleans => "booleans",
            Values::Numbers => "numbers",
            Values::Mixed => "mixed values",
            Values::None => "no values",
        }
    }
}

impl<'a> Lowerer<'a> {
    /// The type of a schema with `enum` (`null` among the values is left to the caller).
    pub(super) fn enumeration(
        &mut self,
        schema: &Keywords<'a>,
        values: &'a [Value],
        at: Pointer<'_>,
        slot: Slot<'_>,
    ) -> Type {
        let kind = Values::of(values);
        if kind == Values::None && values.iter().any(Value::is_null) {
            // `enum: [null]` (drf-spectacular's `NullEnum`) is the null type; it drops out of the
            // unions it is an alternative of, which become nullable.
            return Type::Null;
        }
        if matches!(kind, Values::Strings | Values::Integers) {
            return self.define(slot, schema, at, |this, _| {
                TypeKind::Enum(this.enum_values(schema, values, at))
            });
        }
        let ty = if schema.ty.is_some() {
            self.by_type(schema, at, slot)
        } else {
            match kind {
                Values::Booleans => Type::Boolean,
                Values::Numbers => Type::Number(NumberFormat::Unspecified),
                _ => Type::Any,
            }
        };
        let typed_as = describe(&ty);
        self.warn(
            at.key("enum"),
            format!("enum of {} typed as {typed_as}", kind.describe()),
        );
        ty
    }

    fn enum_values(&mut self, schema: &Keywords<'a>, values: &'a [Value], at: Pointer<'_>) -> Enum {
        let texts = |list: &'a [Value]| -> Vec<Option<String>> {
            let text = |value: &Value| value.as_str().map(str::to_string);
            list.iter().map(text).collect()
        };
        let names = self
            .per_value(schema, "x-enum-varnames", values.len(), at)
            .or_else(|| self.per_value(schema, "x-enumNames", values.len(), at))
            .map(texts)
            .or_else(|| {
                let description = schema.description.and_then(Value::as_str)?;
                described_names(description, values)
            });
        let descriptions = self
            .per_value(schema, "x-enum-descriptions", values.len(), at)
            .map(texts);
        let text_at = |list: &Option<Vec<Option<String>>>, index: usize| {
            list.as_ref()
                .and_then(|list| list.get(index))
                .cloned()
                .flatten()
        };
        let mut strings = FxHashSet::default();
        let mut integers = FxHashSet::default();
        let mut out = Vec::with_capacity(values.len());
        for (index, value) in values.iter().enumerate() {
            let literal = match value {
                Value::String(text) if strings.insert(text.as_str()) => {
                    EnumLiteral::String(text.clone())
                }
                Value::Number(number) => match number.as_i64() {
                    Some(integer) if integers.insert(integer) => EnumLiteral::Integer(integer),
                    _ => continue,
                },
                _ => continue,
            };
            out.push(EnumValue {
                value: literal,
                name: text_at(&names, index),
                description: text_at(&descriptions, index),
            });
        }
        Enum { values: out }
    }

    /// An extension list with one entry per enum value (`x-enum-varnames`), if it has as many.
    fn per_value(
        &mut self,
        schema: &Keywords<'a>,
        key: &str,
        count: usize,
        at: Pointer<'_>,
    ) -> Option<&'a [Value]> {
        let list = self.list(schema.object, key, at)?;
        if list.len() == count {
            return Some(list);
        }
        self.warn(
            at.key(key),
            format!(
                "`{key}` has {} entries for {count} enum values; ignored",
                list.len()
            ),
        );
        None
    }
}

/// The names drf-spectacular gives an integer enum's values in its description, one line per
/// value (``* `1` - Low``), by value index; `None` unless the values are integers and every one
/// has a line (a string value is its own name).
fn described_names(description: &str, values: &[Value]) -> Option<Vec<Option<String>>> {
    let labels: Vec<(&str, &str)> = description
        .lines()
        .filter_map(|line| {
            let rest = line.trim().strip_prefix("* `")?;
            let (value, label) = rest.split_once("` - ")?;
            let label = label.trim();
            (!label.is_empty()).then_some((value, label))
        })
        .collect();
    let mut names = Vec::with_capacity(values.len());
    for value in values {
        match value {
            Value::Null => names.push(None),
            Value::Number(number) if number.is_i64() => {
                let wire = number.to_string();
                let (_, label) = labels.iter().find(|(value, _)| *value == wire)?;
                names.push(Some(label.to_string()));
            }
            _ => return None,
        }
    }
    names.iter().any(Option::is_some).then_some(names)
}

/// A type's name in a warning.
fn describe(ty: &Type) -> &'static str {
    match ty {
        Type::Boolean => "boolean",
        Type::Integer(_) => "integer",
        Type::Number(_) => "number",
        Type::String(_) => "string",
        Type::Binary | Type::FileOrText => "binary",
        Type::List(_) => "array",
        Type::Map(_) | Type::Named(_) => "object",
        Type::Null => "null",
        Type::Any | Type::Nullable(_) => "any",
    }
}
