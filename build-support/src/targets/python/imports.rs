//! The order ruff's import sorting (`ruff check`'s I001, isort's defaults) gives modules and
//! imported names, so that the generated import blocks are already sorted.

use std::cmp::Ordering;

/// The order of two modules of `from <module> import …` lines of one section: case-insensitive
/// natural order (`_body2` before `_body10`), then case-sensitive.
pub fn compare_modules(a: &str, b: &str) -> Ordering {
    natural(a, b)
}

/// The order of two names imported from one module: constants (`URL`), then classes (`User`),
/// then the rest (`transport`); within each, as [`compare_modules`].
pub fn compare_names(a: &str, b: &str) -> Ordering {
    kind(a).cmp(&kind(b)).then_with(|| natural(a, b))
}

/// What isort takes a name for, in the order it sorts them.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Constant,
    Class,
    Variable,
}

fn kind(name: &str) -> Kind {
    let cased_upper = name.chars().any(char::is_uppercase) && !name.chars().any(char::is_lowercase);
    if name.chars().count() > 1 && cased_upper {
        Kind::Constant
    } else if name.chars().next().is_some_and(char::is_uppercase) {
        Kind::Class
    } else {
        Kind::Variable
    }
}

fn natural(a: &str, b: &str) -> Ordering {
    natord::compare(&a.to_lowercase(), &b.to_lowercase()).then_with(|| natord::compare(a, b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_sort_by_value_and_underscores_before_letters() {
        let mut modules = vec!["_body10", "_body2", "_body", "_body_item", "_bodyx"];
        modules.sort_by(|a, b| compare_modules(a, b));
        assert_eq!(
            modules,
            ["_body", "_body2", "_body10", "_body_item", "_bodyx"]
        );
    }

    #[test]
    fn constants_come_before_classes_and_classes_before_the_rest() {
        let mut names = vec!["transport", "User", "URL", "Address"];
        names.sort_by(|a, b| compare_names(a, b));
        assert_eq!(names, ["URL", "Address", "User", "transport"]);
    }
}
