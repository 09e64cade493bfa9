//! Naming helpers every target shares: spelling out symbols, and unique names in a scope.
//!
//! Each target's `names.rs` decides casing and keywords for its language; what does not depend
//! on the language lives here.

use rustc_hash::{FxHashMap, FxHashSet};
use std::borrow::Cow;

/// Turns leading or lone symbols that carry meaning into words, so that `+1` and `-1` stay
/// apart (`plus_1`, `minus_1`) and `@type` reads `at_type`.
pub fn spell_symbols(raw: &str) -> Cow<'_, str> {
    // One pass over the bytes: plain ASCII without symbols is the common case.
    let plain = !raw.starts_with('-')
        && raw
            .bytes()
            .all(|byte| byte.is_ascii() && !matches!(byte, b'+' | b'@' | b'$' | b'#' | b'*'));
    if plain {
        // Other separators are word boundaries for the case conversion as they are.
        return Cow::Borrowed(raw);
    }
    let mut out = String::with_capacity(raw.len() + 8);
    for (index, c) in raw.chars().enumerate() {
        let word = match c {
            '+' => Some("plus"),
            '-' if index == 0 => Some("minus"),
            '@' => Some("at"),
            '$' => Some("dollar"),
            '#' => Some("hash"),
            '*' => Some("star"),
            _ => None,
        };
        match word {
            Some(word) => {
                out.push(' ');
                out.push_str(word);
                out.push(' ');
            }
            None if c.is_alphanumeric() => out.push(c),
            None => out.push(' '),
        }
    }
    // heck treats case boundaries as word boundaries; ASCII-only output keeps identifiers portable.
    out.chars()
        .map(|c| if c.is_ascii() { c } else { ' ' })
        .collect::<String>()
        .into()
}

/// A type's name in every target before each adds its own prefix or suffix: a name already
/// written as a capitalized identifier of ASCII letters and digits is kept (`HTTPValidationError`,
/// `UserCreate`), so users find their spec's names; any other is PascalCased
/// (`Body_upload_avatar` → `BodyUploadAvatar`, `user-profile` → `UserProfile`). May be empty or
/// start with a digit (`1password`): the target decides what to put in front.
pub fn pascal_type_name(raw: &str) -> Cow<'_, str> {
    let kept = raw.starts_with(|c: char| c.is_ascii_uppercase())
        && raw.bytes().all(|byte| byte.is_ascii_alphanumeric());
    if kept {
        return Cow::Borrowed(raw);
    }
    let mut name = super::casing::upper_camel(&spell_symbols(raw));
    name.retain(|c| c.is_ascii_alphanumeric());
    Cow::Owned(name)
}

/// Names already taken in one scope of generated code; [`Scope::claim`] hands out unique ones.
#[derive(Debug, Default)]
pub struct Scope {
    taken: FxHashSet<String>,
    /// For each name claimed more than once, the number to try next: without it, the n-th
    /// claim of one name would try n candidates (10,000 enum values spelled alike took minutes).
    next_number: FxHashMap<String, usize>,
    /// Collisions are numbered `name2` rather than `name_2`.
    camel: bool,
}

impl Scope {
    /// A snake_case scope in which `reserved` are already taken: collisions become `name_2`,
    /// `name_3`, … (`class_` → `class_2`).
    pub fn with_reserved(reserved: &[&str]) -> Self {
        Scope {
            taken: reserved.iter().map(|name| name.to_string()).collect(),
            next_number: FxHashMap::default(),
            camel: false,
        }
    }

    /// A camelCase scope in which `reserved` are already taken: collisions become `name2`,
    /// `name3`, ….
    pub fn camel_with_reserved(reserved: &[&str]) -> Self {
        Scope {
            camel: true,
            ..Scope::with_reserved(reserved)
        }
    }

    /// `name` if free, else the first free numbered form; the result is taken from then on.
    pub fn claim(&mut self, name: String) -> String {
        if self.taken.insert(name.clone()) {
            return name;
        }
        let separator = if self.camel || name.ends_with('_') {
            ""
        } else {
            "_"
        };
        let first = self.next_number.get(&name).copied().unwrap_or(2);
        let (number, candidate) = (first..)
            .map(|n| (n, format!("{name}{separator}{n}")))
            .find(|(_, candidate)| self.taken.insert(candidate.clone()))
            .expect("an unbounded counter always finds a free name");
        self.next_number.insert(name, number + 1);
        candidate
    }
}

/// A pure naming function's results kept by input: a big spec spells the same property names
/// thousands of times (`id`, `url`, `created_at`), and casing each again costs more than looking
/// it up.
pub struct Memo<'a> {
    name: fn(&str) -> String,
    known: FxHashMap<&'a str, String>,
}

impl<'a> Memo<'a> {
    /// A memo of `name`.
    pub fn new(name: fn(&str) -> String) -> Self {
        Memo {
            name,
            known: FxHashMap::default(),
        }
    }

    /// `name(raw)`, worked out once per distinct `raw`.
    pub fn name(&mut self, raw: &'a str) -> String {
        let name = self.name;
        self.known.entry(raw).or_insert_with(|| name(raw)).clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symbols_become_words() {
        assert_eq!(spell_symbols("+1"), " plus 1");
        assert_eq!(spell_symbols("-1"), " minus 1");
        assert_eq!(spell_symbols("a-b"), "a-b");
        assert_eq!(spell_symbols("@type"), " at type");
        assert_eq!(spell_symbols("日本x"), "  x");
    }

    #[test]
    fn camel_scope_numbers_without_underscore() {
        let mut scope = Scope::camel_with_reserved(&["setToken"]);
        assert_eq!(scope.claim("setToken".into()), "setToken2");
        assert_eq!(scope.claim("getUser".into()), "getUser");
        assert_eq!(scope.claim("getUser".into()), "getUser2");
    }

    #[test]
    fn scope_suffixes_collisions() {
        let mut scope = Scope::with_reserved(&["schemas"]);
        assert_eq!(scope.claim("user_id".into()), "user_id");
        assert_eq!(scope.claim("user_id".into()), "user_id_2");
        assert_eq!(scope.claim("schemas".into()), "schemas_2");
        assert_eq!(scope.claim("class_".into()), "class_");
        assert_eq!(scope.claim("class_".into()), "class_2");
    }
}
