//! Constraints as pydantic `Field` arguments: `min_length=1, max_length=150, pattern="..."`,
//! `ge=1, lt=10`, `multiple_of=0.5`, and `min_length`/`max_length` on lists.

use super::escape;
use crate::ir::{Constraints, Type};
use crate::targets::constraints::Applies;

/// The keyword arguments of `_pd.Field(...)` that make pydantic check `constraints` on a value
/// of `ty`, in a fixed order.
///
/// Only what pydantic can check on the Python type `ty` becomes: lengths and patterns on `str`
/// (not on `datetime`, `UUID` or bytes, which pydantic would refuse to build), bounds on `int`
/// and `float`, item counts on `list`. A pattern that is not [`crate::ir::Pattern::regular`]
/// is left out: pydantic-core's regex engine cannot compile it, and the model would fail at
/// import (lowering warned).
pub fn field_arguments(constraints: &Constraints, ty: &Type) -> Vec<String> {
    let mut arguments = Vec::new();
    let mut count = |key: &str, value: Option<u64>| {
        if let Some(value) = value {
            arguments.push(format!("{key}={value}"));
        }
    };
    match Applies::to(ty) {
        Applies::Text if is_str(ty) => {
            count("min_length", constraints.min_length);
            count("max_length", constraints.max_length);
            let pattern = constraints.pattern.as_ref().filter(|p| p.regular);
            if let Some(pattern) = pattern {
                arguments.push(format!(
                    "pattern={}",
                    escape::string_literal(&pattern.source)
                ));
            }
        }
        Applies::Items => {
            count("min_length", constraints.min_items);
            count("max_length", constraints.max_items);
        }
        Applies::Number => {
            if let Some(minimum) = &constraints.minimum {
                let key = if minimum.exclusive { "gt" } else { "ge" };
                arguments.push(format!("{key}={}", minimum.value));
            }
            if let Some(maximum) = &constraints.maximum {
                let key = if maximum.exclusive { "lt" } else { "le" };
                arguments.push(format!("{key}={}", maximum.value));
            }
            if let Some(factor) = &constraints.multiple_of {
                arguments.push(format!("multiple_of={factor}"));
            }
        }
        Applies::Text | Applies::Nothing => {}
    }
    arguments
}

/// Whether `ty` is spelled `str` (or `str | None`).
fn is_str(ty: &Type) -> bool {
    match ty {
        Type::Nullable(inner) => is_str(inner),
        Type::String(format) => format.is_plain(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use serde_json::Number;

    use super::field_arguments;
    use crate::ir::{Bound, Constraints, IntegerFormat, Pattern, StringFormat, Type};

    fn text_constraints(pattern: &str, regular: bool) -> Constraints {
        Constraints {
            min_length: Some(1),
            max_length: Some(150),
            pattern: Some(Pattern {
                source: pattern.into(),
                regular,
            }),
            ..Constraints::default()
        }
    }

    #[test]
    fn string_constraints_become_length_and_pattern_arguments() {
        let constraints = text_constraints("^[\\w.@+-]+$", true);
        assert_eq!(
            field_arguments(&constraints, &Type::String(StringFormat::Plain)),
            [
                "min_length=1",
                "max_length=150",
                "pattern=\"^[\\\\w.@+-]+$\""
            ]
        );
    }

    #[test]
    fn pattern_with_quotes_and_newlines_is_one_safe_string_literal() {
        let constraints = text_constraints("\"\"\"\n'\\", true);
        let arguments = field_arguments(&constraints, &Type::String(StringFormat::Plain));
        // More double quotes than single ones: a single-quoted literal.
        assert_eq!(arguments[2], "pattern='\"\"\"\\n\\'\\\\'");
    }

    #[test]
    fn pattern_pydantic_cannot_compile_is_left_out() {
        let constraints = text_constraints("^(?=.*\\d).+$", false);
        assert_eq!(
            field_arguments(&constraints, &Type::String(StringFormat::Plain)),
            ["min_length=1", "max_length=150"]
        );
    }

    #[test]
    fn string_constraints_on_dates_and_uuids_are_left_to_their_types() {
        let constraints = text_constraints("^.*$", true);
        for format in [
            StringFormat::DateTime,
            StringFormat::Uuid,
            StringFormat::Byte,
        ] {
            assert!(field_arguments(&constraints, &Type::String(format)).is_empty());
        }
    }

    #[test]
    fn bounds_become_ge_gt_le_lt_and_multiple_of() {
        let constraints = Constraints {
            minimum: Some(Bound {
                value: Number::from(1),
                exclusive: false,
            }),
            maximum: Some(Bound {
                value: Number::from(100),
                exclusive: true,
            }),
            multiple_of: Number::from_f64(0.5),
            ..Constraints::default()
        };
        let ty = Type::Nullable(Box::new(Type::Integer(IntegerFormat::Int32)));
        assert_eq!(
            field_arguments(&constraints, &ty),
            ["ge=1", "lt=100", "multiple_of=0.5"]
        );
    }

    #[test]
    fn item_counts_become_list_lengths() {
        let constraints = Constraints {
            min_items: Some(1),
            max_items: Some(5),
            max_length: Some(3),
            ..Constraints::default()
        };
        let ty = Type::List(Box::new(Type::String(StringFormat::Plain)));
        assert_eq!(
            field_arguments(&constraints, &ty),
            ["min_length=1", "max_length=5"]
        );
    }
}
