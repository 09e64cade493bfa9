//! Rust naming: casing, keywords and collisions, all in one place.
//!
//! Every identifier the Rust target writes comes from here, so that no spec name can produce
//! invalid Rust or shadow something the generated code relies on (`Option`, `Vec`, `String`…,
//! which the generated code names through the prelude).

use crate::targets::casing;
pub use crate::targets::naming::Scope;
use crate::targets::naming::{self, spell_symbols};

/// Strict and reserved keywords of Rust 2024 (and `union`, which is fine but confusing).
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "static", "struct", "super", "trait", "true", "try", "type", "typeof",
    "union", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Type names the generated `types` module uses unqualified: a schema must not take them.
pub const TYPES_MODULE_NAMES: &[&str] = &[
    "Box",
    "BTreeMap",
    "Clone",
    "Debug",
    "Default",
    "Deserialize",
    "Err",
    "From",
    "FromMap",
    "None",
    "Ok",
    "Option",
    "PartialEq",
    "Result",
    "Self",
    "Serialize",
    "Some",
    "String",
    "Vec",
];

/// Method names the generated `Client` defines itself.
pub const CLIENT_METHODS: &[&str] = &["new", "from", "default", "inner", "inner_mut", "into_inner"];

/// Names of the API module's own items: builders must not take them.
pub const API_MODULE_NAMES: &[&str] = &["Client", "From", "Self"];

/// Local names of a generated operation body, and the fields and methods of a builder, that a
/// parameter must not take.
pub const OPERATION_LOCALS: &[&str] = &[
    "self",
    "request",
    "response",
    "path",
    "client",
    "send",
    "into_future",
];

/// Method names clippy's `should_implement_trait` reserves for the std trait of that name.
const TRAIT_METHODS: &[&str] = &[
    "add",
    "as_mut",
    "as_ref",
    "bitand",
    "bitor",
    "bitxor",
    "borrow",
    "borrow_mut",
    "clone",
    "cmp",
    "default",
    "deref",
    "deref_mut",
    "div",
    "drop",
    "eq",
    "from_iter",
    "from_str",
    "hash",
    "index",
    "index_mut",
    "into_iter",
    "mul",
    "neg",
    "next",
    "not",
    "rem",
    "shl",
    "shr",
    "sub",
];

/// How a generated method takes `self`, for [`method_allows`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Receiver {
    /// `&self` (operations).
    Ref,
    /// `mut self` (setters).
    Value,
    /// None (constructors).
    None,
}

/// The clippy lints a generated method must allow because of a name the spec chose (an
/// operation id, a field or parameter name) or of how many arguments the spec gives it (`arity`,
/// `self` included): `should_implement_trait` for `next`, `add`…, `wrong_self_convention` for
/// `from_…`/`into_…` taking `&self` and `as_…`/`from_…`/`is_…`/`to_…` taking `self`,
/// `too_many_arguments` past seven.
pub fn method_allows(name: &str, receiver: Receiver, arity: usize) -> Vec<&'static str> {
    let mut lints = Vec::new();
    if receiver != Receiver::None && TRAIT_METHODS.contains(&name) {
        lints.push("clippy::should_implement_trait");
    }
    let misnamed: &[&str] = match receiver {
        Receiver::Ref => &["from_", "into_"],
        Receiver::Value => &["as_", "from_", "is_", "to_"],
        Receiver::None => &[],
    };
    if misnamed.iter().any(|prefix| name.starts_with(prefix)) {
        lints.push("clippy::wrong_self_convention");
    }
    if arity > 7 {
        lints.push("clippy::too_many_arguments");
    }
    lints
}

/// The name of a type: [`naming::pascal_type_name`] (`HTTPValidationError` kept,
/// `Body_upload_avatar` → `BodyUploadAvatar`), prefixed when it would not start with a letter
/// (`1password` → `Schema1password`).
pub fn type_name(raw: &str) -> String {
    let mut name = naming::pascal_type_name(raw).into_owned();
    if !name.starts_with(|c: char| c.is_ascii_uppercase()) {
        name.insert_str(0, "Schema");
    }
    name
}

/// `UpperCamelCase` for an enum variant (`in-progress` → `InProgress`, `1` → `Value1`, `-1` →
/// `Minus1`, `""` → `Empty`).
pub fn variant_name(raw: &str) -> String {
    if raw.is_empty() {
        return "Empty".to_string();
    }
    let mut name = casing::upper_camel(&spell_symbols(raw));
    name.retain(|c| c.is_ascii_alphanumeric());
    if !name.starts_with(|c: char| c.is_ascii_uppercase()) {
        name.insert_str(0, "Value");
    }
    name
}

/// `snake_case` for a field, parameter, method or module (`userId` → `user_id`, `+1` →
/// `plus_1`, `type` → `type_`); never starts with `_` or a digit.
pub fn snake_name(raw: &str) -> String {
    let mut name = casing::snake(&spell_symbols(raw));
    name.retain(|c| c.is_ascii_alphanumeric() || c == '_');
    let name = name.trim_start_matches('_');
    let name = if name.is_empty() {
        "value".to_string()
    } else if name.starts_with(|c: char| c.is_ascii_digit()) {
        format!("n_{name}")
    } else {
        name.to_string()
    };
    if KEYWORDS.contains(&name.as_str()) {
        format!("{name}_")
    } else {
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_names_are_upper_camel_identifiers() {
        assert_eq!(type_name("HTTPValidationError"), "HTTPValidationError");
        assert_eq!(type_name("Body_upload_avatar"), "BodyUploadAvatar");
        assert_eq!(type_name("user-profile"), "UserProfile");
        assert_eq!(type_name("1password"), "Schema1password");
        assert_eq!(type_name("../etc/passwd"), "EtcPasswd");
        assert_eq!(type_name(""), "Schema");
        assert_eq!(type_name("日本"), "Schema");
    }

    #[test]
    fn variant_names_keep_signs_apart() {
        assert_eq!(variant_name("in_progress"), "InProgress");
        assert_eq!(variant_name("1"), "Value1");
        assert_eq!(variant_name("-1"), "Minus1");
        assert_eq!(variant_name("+1"), "Plus1");
        assert_eq!(variant_name(""), "Empty");
    }

    #[test]
    fn snake_names_avoid_keywords_and_digits() {
        assert_eq!(snake_name("userId"), "user_id");
        assert_eq!(snake_name("type"), "type_");
        assert_eq!(snake_name("self"), "self_");
        assert_eq!(snake_name("@type"), "at_type");
        assert_eq!(snake_name("$ref"), "dollar_ref");
        assert_eq!(snake_name("2fa"), "n_2fa");
        assert_eq!(snake_name("_"), "value");
        assert_eq!(snake_name("X-Request-ID"), "x_request_id");
    }

    #[test]
    fn methods_allow_the_lints_their_spec_given_names_and_arity_trip() {
        assert!(method_allows("get_user", Receiver::Ref, 2).is_empty());
        assert_eq!(
            method_allows("next", Receiver::Ref, 1),
            ["clippy::should_implement_trait"]
        );
        assert!(method_allows("next", Receiver::None, 1).is_empty());
        assert_eq!(
            method_allows("is_public", Receiver::Value, 2),
            ["clippy::wrong_self_convention"]
        );
        assert!(method_allows("is_public", Receiver::Ref, 1).is_empty());
        assert_eq!(
            method_allows("from_user", Receiver::Ref, 2),
            ["clippy::wrong_self_convention"]
        );
        assert_eq!(
            method_allows("new", Receiver::None, 8),
            ["clippy::too_many_arguments"]
        );
    }

    #[test]
    fn type_scopes_number_collisions_in_camel_case() {
        let mut scope = Scope::camel_with_reserved(TYPES_MODULE_NAMES);
        assert_eq!(scope.claim("Option".into()), "Option2");
        assert_eq!(scope.claim("User".into()), "User");
        assert_eq!(scope.claim("User".into()), "User2");
        let mut scope = Scope::default();
        assert_eq!(scope.claim("user_id".into()), "user_id");
        assert_eq!(scope.claim("user_id".into()), "user_id_2");
        assert_eq!(scope.claim("type_".into()), "type_");
        assert_eq!(scope.claim("type_".into()), "type_2");
    }
}
