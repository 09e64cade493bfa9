//! [`Constraints`] as one line of documentation, the same words in every language's doc
//! comments: `Constraints: 1 ≤ length ≤ 150, pattern `^[\w.@+-]+$``. Each target escapes the
//! line for its comments like any other text from the spec.

use crate::ir::{Bound, Constraints, Type};

/// Which of a value's constraints a type can carry: lengths and patterns only apply to strings,
/// bounds to numbers, item counts to arrays (JSON Schema ignores the others).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Applies {
    /// A string.
    Text,
    /// An integer or a number.
    Number,
    /// An array.
    Items,
    /// Anything else: a named type (its own constraints are on its definition), an object, any.
    Nothing,
}

impl Applies {
    /// What applies to values of `ty` (looking through `null`).
    pub fn to(ty: &Type) -> Applies {
        match ty {
            Type::Nullable(inner) => Applies::to(inner),
            Type::String(_) => Applies::Text,
            Type::Integer(_) | Type::Number(_) => Applies::Number,
            Type::List(_) => Applies::Items,
            _ => Applies::Nothing,
        }
    }
}

/// `Constraints: …` (no final period) for the constraints that apply to `ty`; `None` when none
/// does.
pub fn summary(constraints: &Constraints, ty: &Type) -> Option<String> {
    let mut parts: Vec<String> = Vec::new();
    match Applies::to(ty) {
        Applies::Text => {
            parts.extend(range(
                "length",
                constraints.min_length,
                constraints.max_length,
            ));
            if let Some(pattern) = &constraints.pattern {
                parts.push(format!("pattern {}", code(&pattern.source)));
            }
        }
        Applies::Number => {
            let (minimum, maximum) = (constraints.minimum.as_ref(), constraints.maximum.as_ref());
            parts.extend(bounds(minimum, maximum));
            if let Some(factor) = &constraints.multiple_of {
                parts.push(format!("multiple of {factor}"));
            }
        }
        Applies::Items => {
            parts.extend(range("items", constraints.min_items, constraints.max_items));
        }
        Applies::Nothing => {}
    }
    (!parts.is_empty()).then(|| format!("Constraints: {}", parts.join(", ")))
}

/// A description and the notes after it as one line: the description (trimmed) gets a final
/// period when notes follow and it ends without punctuation; `None` when there is nothing.
pub fn sentences(mut parts: Vec<String>) -> Option<String> {
    if parts.len() > 1 {
        let first = parts[0].trim();
        parts[0] = match first.chars().last() {
            Some('.' | '!' | '?' | ':' | ')') | None => first.to_string(),
            Some(_) => format!("{first}."),
        };
    }
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// `1 ≤ length ≤ 150`, `length ≥ 1`, `length ≤ 150`.
fn range(what: &str, min: Option<u64>, max: Option<u64>) -> Option<String> {
    match (min, max) {
        (Some(min), Some(max)) if min == max => Some(format!("{what} = {min}")),
        (Some(min), Some(max)) => Some(format!("{min} ≤ {what} ≤ {max}")),
        (Some(min), None) => Some(format!("{what} ≥ {min}")),
        (None, Some(max)) => Some(format!("{what} ≤ {max}")),
        (None, None) => None,
    }
}

/// `0 ≤ value < 10`, `value > 0`, `value ≤ 10`.
fn bounds(minimum: Option<&Bound>, maximum: Option<&Bound>) -> Option<String> {
    let below = |bound: &Bound| if bound.exclusive { "<" } else { "≤" };
    let above = |bound: &Bound| if bound.exclusive { ">" } else { "≥" };
    Some(match (minimum, maximum) {
        (Some(min), Some(max)) => {
            format!(
                "{} {} value {} {}",
                min.value,
                below(min),
                below(max),
                max.value
            )
        }
        (Some(min), None) => format!("value {} {}", above(min), min.value),
        (None, Some(max)) => format!("value {} {}", below(max), max.value),
        (None, None) => return None,
    })
}

/// `text` as a Markdown code span: fenced with one more backtick than the longest run inside.
fn code(text: &str) -> String {
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    let pad = if longest > 0 { " " } else { "" };
    format!("{fence}{pad}{text}{pad}{fence}")
}

#[cfg(test)]
mod tests {
    use serde_json::{Number, json};

    use super::summary;
    use crate::ir::{Bound, Constraints, IntegerFormat, Pattern, StringFormat, Type};

    fn bound(value: i64, exclusive: bool) -> Option<Bound> {
        Some(Bound {
            value: Number::from(value),
            exclusive,
        })
    }

    #[test]
    fn string_constraints_read_as_a_length_range_and_a_pattern() {
        let constraints = Constraints {
            min_length: Some(1),
            max_length: Some(150),
            pattern: Some(Pattern {
                source: "^[\\w.@+-]+$".into(),
                regular: true,
            }),
            ..Constraints::default()
        };
        assert_eq!(
            summary(&constraints, &Type::String(StringFormat::Plain)).as_deref(),
            Some("Constraints: 1 ≤ length ≤ 150, pattern `^[\\w.@+-]+$`")
        );
    }

    #[test]
    fn numeric_bounds_say_which_end_is_strict() {
        let constraints = Constraints {
            minimum: bound(0, true),
            maximum: bound(100, false),
            multiple_of: serde_json::from_value(json!(0.5)).ok(),
            ..Constraints::default()
        };
        let integer = Type::Nullable(Box::new(Type::Integer(IntegerFormat::Unspecified)));
        assert_eq!(
            summary(&constraints, &integer).as_deref(),
            Some("Constraints: 0 < value ≤ 100, multiple of 0.5")
        );
    }

    #[test]
    fn constraints_that_do_not_apply_to_the_type_are_not_mentioned() {
        let constraints = Constraints {
            max_length: Some(3),
            min_items: Some(1),
            ..Constraints::default()
        };
        assert_eq!(summary(&constraints, &Type::Boolean), None);
        assert_eq!(
            summary(&constraints, &Type::List(Box::new(Type::Boolean))).as_deref(),
            Some("Constraints: items ≥ 1")
        );
    }

    #[test]
    fn a_pattern_holding_backticks_gets_a_longer_fence() {
        let constraints = Constraints {
            pattern: Some(Pattern {
                source: "a``b".into(),
                regular: true,
            }),
            ..Constraints::default()
        };
        assert_eq!(
            summary(&constraints, &Type::String(StringFormat::Plain)).as_deref(),
            Some("Constraints: pattern ``` a``b ```")
        );
    }
}
