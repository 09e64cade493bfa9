//! Names lowering makes up: hoisted type names, fallback operation ids, and keeping both unique.
//!
//! Names are raw, language-neutral strings joined with `_` (`Pet_owner_item`); the targets
//! case-convert them.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::ir::Method;

use super::pointer::unescape;

/// The name a hoisted schema gets unless its own `title` is better: built lazily from the
/// owner's name and the path to the schema (`Pet` → `Pet_owner` → `Pet_owner_item`).
#[derive(Debug, Clone, Copy)]
pub(super) enum Hint<'h> {
    /// A whole name.
    Name(&'h str),
    /// The parent's name, then `_`, then this part.
    Child(&'h Hint<'h>, &'h str),
}

impl<'h> Hint<'h> {
    /// This name followed by `_part`.
    pub(super) fn child(&'h self, part: &'h str) -> Hint<'h> {
        Hint::Child(self, part)
    }

    /// The name as a string.
    pub(super) fn render(&self) -> String {
        match self {
            Hint::Name(name) => (*name).to_string(),
            Hint::Child(parent, part) => {
                let mut name = parent.render();
                name.push('_');
                name.push_str(part);
                name
            }
        }
    }
}

/// A set of names kept unique by suffixing later comers with `_2`, `_3`, ….
#[derive(Debug, Clone, Default)]
pub(super) struct NameSet {
    taken: FxHashSet<String>,
    next_suffix: FxHashMap<String, usize>,
}

impl NameSet {
    /// Whether `name` is already used.
    pub(super) fn is_taken(&self, name: &str) -> bool {
        self.taken.contains(name)
    }

    /// `base` if it is free, else the first free `base_2`, `base_3`, …; the result is taken.
    pub(super) fn claim(&mut self, base: &str) -> String {
        if self.taken.insert(base.to_string()) {
            return base.to_string();
        }
        let suffix = self.next_suffix.entry(base.to_string()).or_insert(2);
        loop {
            let candidate = format!("{base}_{suffix}");
            *suffix += 1;
            if self.taken.insert(candidate.clone()) {
                return candidate;
            }
        }
    }
}

/// Whether a schema `title` can serve as a type name as it is: a letter, then letters, digits
/// and underscores.
pub(super) fn is_identifier_like(title: &str) -> bool {
    let mut chars = title.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// The id of an operation without `operationId`: method and path segments joined by `_`, every
/// run of other characters turned into one `_` (`get /users/{id}/posts` → `get_users_id_posts`,
/// `get /` → `get_root`).
pub(super) fn fallback_operation_id(method: Method, path: &str) -> String {
    let mut id = method.as_str().to_ascii_lowercase();
    let words = identifier_words(path);
    if words.is_empty() {
        id.push_str("_root");
    } else {
        id.push('_');
        id.push_str(&words);
    }
    id
}

fn identifier_words(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('_') {
            out.push('_');
        }
    }
    if out.ends_with('_') {
        out.pop();
    }
    out
}

/// A name for a schema reached only through a `$ref` to somewhere other than
/// `components/schemas/<name>`, made from the pointer's meaningful segments
/// (`/components/schemas/Pet/properties/owner` → `Pet_owner`).
pub(super) fn hint_from_pointer(pointer: &str) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut previous = "";
    for raw in pointer.split('/').skip(1) {
        let segment = unescape(raw);
        let part = match segment.as_ref() {
            "components" | "schemas" | "properties" | "allOf" | "oneOf" | "anyOf" | "content"
            | "schema" | "paths" | "requestBodies" | "requestBody" | "responses" | "parameters"
            | "definitions" => None,
            "items" => Some("item".to_string()),
            "additionalProperties" => Some("value".to_string()),
            s if s.contains('/') => None,
            s => match s.parse::<usize>() {
                Ok(_) if previous == "allOf" => None,
                Ok(index) if previous == "oneOf" || previous == "anyOf" => {
                    Some((index + 1).to_string())
                }
                _ => Some(s.to_string()),
            },
        };
        parts.extend(part);
        previous = raw;
    }
    if parts.is_empty() {
        "Inline".to_string()
    } else {
        parts.join("_")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fallback_ids_join_path_words() {
        assert_eq!(
            fallback_operation_id(Method::Get, "/users/{id}/posts"),
            "get_users_id_posts"
        );
        assert_eq!(fallback_operation_id(Method::Get, "/"), "get_root");
        assert_eq!(
            fallback_operation_id(Method::Post, "/a--b/{c}.json/"),
            "post_a_b_c_json"
        );
    }

    #[test]
    fn claimed_names_get_numbered_suffixes() {
        let mut names = NameSet::default();
        assert_eq!(names.claim("A"), "A");
        assert_eq!(names.claim("A_2"), "A_2");
        assert_eq!(names.claim("A"), "A_3");
        assert_eq!(names.claim("A"), "A_4");
    }

    #[test]
    fn pointer_hints_keep_meaningful_segments() {
        assert_eq!(
            hint_from_pointer("/components/schemas/Pet/properties/owner"),
            "Pet_owner"
        );
        assert_eq!(
            hint_from_pointer(
                "/paths/~1pets/get/responses/200/content/application~1json/schema/items"
            ),
            "get_200_item"
        );
        assert_eq!(hint_from_pointer("/components/schemas/U/oneOf/0"), "U_1");
    }
}
