//! Python naming: casing, keywords and collisions, all in one place.
//!
//! Every identifier the Python target writes comes from here, so that no spec name can produce
//! invalid Python or shadow something the generated modules rely on.

use super::stdlib::STDLIB_MODULES;
use crate::targets::casing;
pub use crate::targets::naming::Scope;
use crate::targets::naming::{self, spell_symbols};

/// Python's hard keywords (soft keywords such as `match` and `type` are valid identifiers).
const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

/// Attribute names of pydantic's `BaseModel` that a field must not shadow (mypy rejects
/// overriding a method with a field, and pydantic reserves `model_*`).
const MODEL_ATTRIBUTES: &[&str] = &[
    "construct",
    "copy",
    "dict",
    "from_orm",
    "json",
    "model_computed_fields",
    "model_config",
    "model_construct",
    "model_copy",
    "model_dump",
    "model_dump_json",
    "model_extra",
    "model_fields",
    "model_fields_set",
    "model_json_schema",
    "model_parametrized_name",
    "model_post_init",
    "model_rebuild",
    "model_validate",
    "model_validate_json",
    "model_validate_strings",
    "parse_file",
    "parse_obj",
    "parse_raw",
    "schema",
    "schema_json",
    "update_forward_refs",
    "validate",
];

/// Builtins that generated annotations and casts name (`list[str]`, `dict[str, int]`): a field,
/// parameter or function of that name would shadow them for the code after it.
const ANNOTATION_BUILTINS: &[&str] = &["bool", "bytes", "dict", "float", "int", "list", "str"];

/// Names of the generated `client.py`, module-level or local to an operation's body, that an
/// operation or parameter must not shadow.
const CLIENT_MODULE_NAMES: &[&str] = &[
    "annotations",
    "schemas",
    "config",
    "response",
    "request",
    "parsed",
    "self",
    "client",
    "Client",
    "httpx",
];

/// A scope for operation or parameter names in `client.py`: clear of its module-level names and
/// of the builtins its annotations name.
pub fn client_scope() -> Scope {
    let reserved: Vec<&str> = CLIENT_MODULE_NAMES
        .iter()
        .chain(ANNOTATION_BUILTINS)
        .copied()
        .collect();
    Scope::with_reserved(&reserved)
}

/// The names of each operation's two calls in `client.py`, in order: the plain one
/// (`get_item`) and the one that returns the whole response (`get_item_detailed`).
///
/// The plain names are claimed first, so that an operation keeps its name whatever the others'
/// detailed names, and a detailed name that meets another operation's name is numbered
/// (`get_item_detailed_2`).
pub fn operation_names<'a>(ids: impl Iterator<Item = &'a str>) -> Vec<(String, String)> {
    let mut scope = client_scope();
    let plain: Vec<String> = ids.map(|id| scope.claim(snake_name(id))).collect();
    plain
        .into_iter()
        .map(|name| {
            let detailed = scope.claim(format!("{name}_detailed"));
            (name, detailed)
        })
        .collect()
}

/// Module-level names of a package-style operation module (`api/<tag>/<operation>.py`) that a
/// parameter must not shadow, beyond those of `client.py`.
const OPERATION_MODULE_NAMES: &[&str] = &[
    "models",
    "sync",
    "sync_detailed",
    "asyncio",
    "asyncio_detailed",
];

/// A scope for the parameter names of a package-style operation module: clear of
/// [`client_scope`]'s names and of the module's own functions and imports.
pub fn operation_module_scope() -> Scope {
    let reserved: Vec<&str> = CLIENT_MODULE_NAMES
        .iter()
        .chain(ANNOTATION_BUILTINS)
        .chain(OPERATION_MODULE_NAMES)
        .copied()
        .collect();
    Scope::with_reserved(&reserved)
}

/// The class name for a schema: [`naming::pascal_type_name`] (`HTTPValidationError` kept,
/// `Body_upload_avatar` → `BodyUploadAvatar`), prefixed when it would not start with a letter
/// (`1password` → `Schema1password`) and never a keyword (`None` → `None_`).
pub fn class_name(raw: &str) -> String {
    let mut name = naming::pascal_type_name(raw).into_owned();
    if !name.starts_with(|c: char| c.is_ascii_uppercase()) {
        name.insert_str(0, "Schema");
    }
    avoid_keyword(name)
}

/// The module of the schemas package that defines `class_name` and the types in a cycle with
/// it: `_` and the snake_case name (`PullRequest` → `_pull_request`), private, as the package's
/// `__init__.py` is the way in. Lower case, so no two differ only by case on a case-insensitive
/// file system.
pub fn schema_module(class_name: &str) -> String {
    format!("_{}", snake_name(class_name).to_ascii_lowercase())
}

/// A snake_case identifier for a field, parameter or function (`userId` → `user_id`, `+1` →
/// `plus_1`, `class` → `class_`); never starts with `_` or a digit.
pub fn snake_name(raw: &str) -> String {
    if is_plain_snake(raw) {
        // Most spec names are already snake_case: skip the case conversion.
        return avoid_keyword(raw.to_string());
    }
    let mut name = casing::snake(&spell_symbols(raw));
    name.retain(|c| c.is_ascii_alphanumeric() || c == '_');
    let name = name.trim_start_matches('_').to_string();
    let name = if name.is_empty() {
        "value".to_string()
    } else if name.starts_with(|c: char| c.is_ascii_digit()) {
        format!("n_{name}")
    } else {
        name
    };
    avoid_keyword(name)
}

/// A field name for a pydantic model: [`snake_name`], also clear of `BaseModel`'s attributes and
/// of the builtins the class body's annotations name.
pub fn field_name(raw: &str) -> String {
    let name = snake_name(raw);
    if MODEL_ATTRIBUTES.contains(&name.as_str()) || ANNOTATION_BUILTINS.contains(&name.as_str()) {
        format!("{name}_")
    } else {
        name
    }
}

/// An enum member name in UPPER_SNAKE_CASE (`in-progress` → `IN_PROGRESS`, `1` → `VALUE_1`,
/// `-1` → `VALUE_MINUS_1`, `""` → `EMPTY`).
pub fn enum_member(raw: &str) -> String {
    if raw.is_empty() {
        return "EMPTY".to_string();
    }
    let mut name = casing::shouty_snake(&spell_symbols(raw));
    name.retain(|c| c.is_ascii_alphanumeric() || c == '_');
    let name = name.trim_start_matches('_').to_string();
    if name.is_empty() || name.starts_with(|c: char| c.is_ascii_digit()) {
        format!("VALUE_{name}")
    } else {
        avoid_keyword(name)
    }
}

/// `lower_snake_case` that case conversion would leave as it is: ASCII lower-case letters and
/// digits in words joined by single underscores, starting with a letter.
fn is_plain_snake(raw: &str) -> bool {
    let bytes = raw.as_bytes();
    bytes.first().is_some_and(u8::is_ascii_lowercase)
        && bytes.last().is_some_and(|b| *b != b'_')
        && bytes
            .iter()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'_')
        && !raw.contains("__")
        && !raw
            .split('_')
            .any(|word| word.starts_with(|c: char| c.is_ascii_digit()))
}

/// Why `name` cannot be the import name of a generated package, if it cannot: it is not an
/// identifier, it is a keyword (`from class import client` is a syntax error), or it is a module
/// of the standard library, which the package would shadow (`http`, `email`, `json`).
pub fn package_name_problem(name: &str) -> Option<String> {
    if !is_identifier(name) {
        Some(format!(
            "`{}` is not a Python identifier (ASCII letters, digits and underscores, not \
             starting with a digit), and a package's folder name is its import name",
            name.escape_default()
        ))
    } else if KEYWORDS.contains(&name) {
        Some(format!(
            "`{name}` is a Python keyword: `from {name} import client` is a syntax error"
        ))
    } else if STDLIB_MODULES.contains(&name) {
        Some(format!(
            "`{name}` is a module of Python's standard library, which the package would shadow \
             for every import in the program"
        ))
    } else {
        None
    }
}

/// Why `prefix` cannot start the generated package's environment variable names, if it cannot.
pub fn env_prefix_problem(prefix: &str) -> Option<String> {
    (!is_identifier(prefix)).then(|| {
        format!(
            "the environment prefix `{}` must be ASCII letters, digits and underscores, not \
             starting with a digit (`GITHUB` reads `GITHUB_BASE_URL`)",
            prefix.escape_default()
        )
    })
}

/// The package name made from an API title when the caller names no folder: the title's words
/// in lower case joined by `_`. A title of several words (`GitHub v3 REST API`) is split only
/// at spaces and punctuation, so a brand keeps its humps together (`github_v3_rest_api`, not
/// `git_hub_…`); a title of one word is split at its humps (`PetStore` → `pet_store`). A name
/// that [`package_name_problem`] refuses gets `_client` appended (`Email` → `email_client`).
pub fn title_package_name(title: &str) -> String {
    let words: Vec<&str> = title
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
        .collect();
    let name = if words.len() > 1 {
        snake_name(&words.join(" ").to_ascii_lowercase())
    } else {
        snake_name(title)
    };
    let name = match name.as_str() {
        "value" => "api_client".to_string(),
        _ => name.trim_end_matches('_').to_string(),
    };
    if package_name_problem(&name).is_some() {
        format!("{name}_client")
    } else {
        name
    }
}

/// Whether `text` is an ASCII identifier: letters, digits and underscores, not starting with a
/// digit.
fn is_identifier(text: &str) -> bool {
    text.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && text.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

fn avoid_keyword(name: String) -> String {
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
    fn a_title_of_several_words_splits_only_at_spaces_and_punctuation() {
        assert_eq!(
            title_package_name("GitHub v3 REST API"),
            "github_v3_rest_api"
        );
        assert_eq!(
            title_package_name("Swagger Petstore - OpenAPI 3.0"),
            "swagger_petstore_openapi_3_0"
        );
        assert_eq!(title_package_name("Reference API"), "reference_api");
    }

    #[test]
    fn a_title_of_one_word_splits_at_its_humps() {
        assert_eq!(title_package_name("PetStore"), "pet_store");
        assert_eq!(title_package_name("reference"), "reference");
    }

    #[test]
    fn a_title_naming_a_keyword_or_stdlib_module_gets_a_suffix() {
        assert_eq!(title_package_name("Email"), "email_client");
        assert_eq!(title_package_name("class"), "class_client");
    }

    #[test]
    fn keywords_stdlib_modules_and_non_identifiers_are_refused_as_package_names() {
        for name in ["class", "http", "sys", "email", "my-client", "1st", ""] {
            assert!(package_name_problem(name).is_some(), "{name}");
        }
        for name in ["my_client", "github_v3", "_private", "match"] {
            assert_eq!(package_name_problem(name), None, "{name}");
        }
        assert!(
            package_name_problem("http")
                .unwrap()
                .contains("standard library")
        );
        assert!(package_name_problem("class").unwrap().contains("keyword"));
    }

    #[test]
    fn env_prefixes_are_identifiers() {
        assert_eq!(env_prefix_problem("GITHUB_V3"), None);
        assert!(env_prefix_problem("MY-API").is_some());
        assert!(env_prefix_problem("").is_some());
    }

    #[test]
    fn class_names_keep_capitalized_identifiers() {
        assert_eq!(class_name("HTTPValidationError"), "HTTPValidationError");
        assert_eq!(class_name("Body_upload_avatar"), "BodyUploadAvatar");
        assert_eq!(class_name("user-profile"), "UserProfile");
        assert_eq!(class_name("user"), "User");
        assert_eq!(class_name("1password"), "Schema1password");
        assert_eq!(class_name("None"), "None_");
        assert_eq!(class_name("../etc/passwd"), "EtcPasswd");
        assert_eq!(class_name(""), "Schema");
        assert_eq!(class_name("Pet_owner_item"), "PetOwnerItem");
    }

    #[test]
    fn snake_names_are_valid_identifiers() {
        assert_eq!(snake_name("userId"), "user_id");
        assert_eq!(snake_name("X-Request-ID"), "x_request_id");
        assert_eq!(snake_name("+1"), "plus_1");
        assert_eq!(snake_name("-1"), "minus_1");
        assert_eq!(snake_name("@type"), "at_type");
        assert_eq!(snake_name("$ref"), "dollar_ref");
        assert_eq!(snake_name("class"), "class_");
        assert_eq!(snake_name("_id"), "id");
        assert_eq!(snake_name("2fa"), "n_2fa");
        assert_eq!(snake_name(""), "value");
        assert_eq!(snake_name("日本"), "value");
    }

    #[test]
    fn plain_snake_names_take_the_fast_path_unchanged() {
        for name in ["html_url", "id", "node_id", "a1b2"] {
            assert!(is_plain_snake(name), "{name}");
            assert_eq!(snake_name(name), casing::snake(name));
        }
        for name in ["Html", "_id", "a__b", "x_", "v_2", "2a", "a-b"] {
            assert!(!is_plain_snake(name), "{name}");
        }
        assert_eq!(snake_name("import"), "import_");
    }

    #[test]
    fn field_names_avoid_base_model_attributes() {
        assert_eq!(field_name("json"), "json_");
        assert_eq!(field_name("model_config"), "model_config_");
        assert_eq!(field_name("name"), "name");
    }

    #[test]
    fn names_never_shadow_builtins_used_in_annotations() {
        for builtin in ANNOTATION_BUILTINS {
            assert_eq!(field_name(builtin), format!("{builtin}_"));
            assert_eq!(
                client_scope().claim(builtin.to_string()),
                format!("{builtin}_2")
            );
        }
    }

    #[test]
    fn detailed_names_give_way_to_operation_names() {
        let names = operation_names(["getItem", "get_item_detailed", "list"].into_iter());
        assert_eq!(
            names,
            [
                ("get_item".to_string(), "get_item_detailed_2".to_string()),
                (
                    "get_item_detailed".to_string(),
                    "get_item_detailed_detailed".to_string()
                ),
                ("list_2".to_string(), "list_2_detailed".to_string()),
            ]
        );
    }

    #[test]
    fn operation_module_parameters_never_shadow_its_functions() {
        let mut scope = operation_module_scope();
        assert_eq!(scope.claim("client".to_string()), "client_2");
        assert_eq!(scope.claim("sync".to_string()), "sync_2");
        assert_eq!(scope.claim("models".to_string()), "models_2");
        assert_eq!(scope.claim("limit".to_string()), "limit");
    }

    #[test]
    fn enum_members_are_upper_snake() {
        assert_eq!(enum_member("in-progress"), "IN_PROGRESS");
        assert_eq!(enum_member("1"), "VALUE_1");
        assert_eq!(enum_member("-1"), "MINUS_1");
        assert_eq!(enum_member(""), "EMPTY");
        assert_eq!(enum_member("None"), "NONE");
    }
}
