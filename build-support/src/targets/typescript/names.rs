//! TypeScript naming: casing, reserved words, globals and collisions, all in one place.
//!
//! Every identifier the TypeScript target writes comes from here, so that no spec name can
//! produce invalid TypeScript, shadow a global the generated code or its users rely on, or
//! collide with a member of the generated `API` class.

use crate::targets::casing::lower_camel;
pub use crate::targets::naming::Scope;
use crate::targets::naming::{self, spell_symbols};

/// Global names a model type must not take: a type named `Blob`, `Error` or `Record` would hide
/// the global in `models.ts` (which uses `Blob` and `Record`) and in every user file that imports
/// it. ES built-ins, the utility types, the `fetch` API and the DOM types people use most.
const GLOBALS: &[&str] = &[
    "AbortController",
    "AbortSignal",
    "AggregateError",
    "Array",
    "ArrayBuffer",
    "ArrayBufferLike",
    "ArrayBufferView",
    "ArrayLike",
    "AsyncGenerator",
    "AsyncIterable",
    "AsyncIterableIterator",
    "AsyncIterator",
    "Atomics",
    "Audio",
    "Awaited",
    "BigInt",
    "BigInt64Array",
    "BigUint64Array",
    "Blob",
    "BlobPart",
    "BodyInit",
    "Boolean",
    "Buffer",
    "Capitalize",
    "Console",
    "ConstructorParameters",
    "Crypto",
    "CustomEvent",
    "DOMException",
    "DataView",
    "Date",
    "Document",
    "Element",
    "Error",
    "EvalError",
    "Event",
    "EventTarget",
    "Exclude",
    "Extract",
    "File",
    "FileList",
    "FinalizationRegistry",
    "Float32Array",
    "Float64Array",
    "FormData",
    "Function",
    "Generator",
    "Headers",
    "HeadersInit",
    "History",
    "Image",
    "Infinity",
    "InstanceType",
    "Int16Array",
    "Int32Array",
    "Int8Array",
    "Intl",
    "Iterable",
    "IterableIterator",
    "Iterator",
    "JSON",
    "Location",
    "Lowercase",
    "Map",
    "Math",
    "MessageEvent",
    "NaN",
    "Navigator",
    "NoInfer",
    "Node",
    "NodeJS",
    "NonNullable",
    "Notification",
    "Number",
    "Object",
    "Omit",
    "OmitThisParameter",
    "Option",
    "Parameters",
    "Partial",
    "Performance",
    "Pick",
    "Promise",
    "PromiseLike",
    "PropertyKey",
    "Proxy",
    "Range",
    "RangeError",
    "ReadableStream",
    "Readonly",
    "ReadonlyArray",
    "ReadonlyMap",
    "ReadonlySet",
    "Record",
    "ReferenceError",
    "Reflect",
    "RegExp",
    "Request",
    "RequestInfo",
    "RequestInit",
    "Required",
    "Response",
    "ResponseInit",
    "ReturnType",
    "Selection",
    "Set",
    "SharedArrayBuffer",
    "Storage",
    "String",
    "Symbol",
    "SyntaxError",
    "TemplateStringsArray",
    "Text",
    "TextDecoder",
    "TextEncoder",
    "ThisParameterType",
    "ThisType",
    "TypeError",
    "URIError",
    "URL",
    "URLSearchParams",
    "Uint16Array",
    "Uint32Array",
    "Uint8Array",
    "Uint8ClampedArray",
    "Uncapitalize",
    "Uppercase",
    "WeakMap",
    "WeakRef",
    "WeakSet",
    "WebSocket",
    "Window",
    "Worker",
    "WritableStream",
    "XMLHttpRequest",
];

/// Names the generated `index.ts` exports besides the models; a model of the same name would be
/// hidden by them.
pub const EXPORTED_NAMES: &[&str] = &[
    "API",
    "ApiClient",
    "ApiError",
    "ApiErrorKind",
    "ApiErrorResponse",
    "ApiRequest",
    "CallOptions",
    "ClientOptions",
    "OperationErrors",
    "RefreshHandler",
    "TypedResponse",
];

/// Members of the generated `API` class (and of its base `ApiClient`, and of every object) that
/// an operation's method must not take. `then` is here because an object with a `then` method is
/// treated as a promise by `await`.
pub const CLASS_MEMBERS: &[&str] = &[
    "__defineGetter__",
    "__defineSetter__",
    "__lookupGetter__",
    "__lookupSetter__",
    "__proto__",
    "clearToken",
    "constructor",
    "hasOwnProperty",
    "isAuthenticated",
    "isPrototypeOf",
    "propertyIsEnumerable",
    "request",
    "setApiKey",
    "setBaseUrl",
    "setBasicAuth",
    "setHeaders",
    "setRefreshHandler",
    "setToken",
    "then",
    "toLocaleString",
    "toString",
    "valueOf",
];

/// Names an operation's function in `operations.ts` must not take: JavaScript's reserved words
/// (valid method names, but not function names), the names the module itself declares or
/// imports, and globals a function could hide (`undefined`).
pub const OPERATIONS_MODULE_NAMES: &[&str] = &[
    "ApiClient",
    "CallOptions",
    "ClientOptions",
    "HttpStatus",
    "Infinity",
    "NaN",
    "SECURITY_SCHEMES",
    "SecurityScheme",
    "Status2xx",
    "Status3xx",
    "Status4xx",
    "Status5xx",
    "TypedResponse",
    "arguments",
    "await",
    "break",
    "case",
    "catch",
    "class",
    "const",
    "continue",
    "createClient",
    "debugger",
    "default",
    "delete",
    "do",
    "else",
    "enum",
    "eval",
    "export",
    "extends",
    "false",
    "finally",
    "for",
    "function",
    "if",
    "implements",
    "import",
    "in",
    "instanceof",
    "interface",
    "let",
    "models",
    "new",
    "null",
    "package",
    "private",
    "protected",
    "public",
    "return",
    "static",
    "super",
    "switch",
    "this",
    "throw",
    "true",
    "try",
    "typeof",
    "undefined",
    "var",
    "void",
    "while",
    "with",
    "yield",
];

/// What a type name gets when it would shadow a global (`Error` → `ErrorSchema`).
const GLOBAL_SUFFIX: &str = "Schema";

/// The type name for a schema: [`naming::pascal_type_name`] (`HTTPValidationError` kept,
/// `Body_upload_avatar` → `BodyUploadAvatar`). Names of globals are suffixed (`Blob` →
/// `BlobSchema`), and names that do not start with a letter are prefixed (`1password` →
/// `Schema1password`).
pub fn type_name(raw: &str) -> String {
    let mut name = naming::pascal_type_name(raw).into_owned();
    if !name.starts_with(|c: char| c.is_ascii_uppercase()) {
        name.insert_str(0, "Schema");
    }
    let taken = |list: &[&str]| list.binary_search(&name.as_str()).is_ok();
    if taken(GLOBALS) || taken(EXPORTED_NAMES) {
        name.push_str(GLOBAL_SUFFIX);
    }
    name
}

/// A camelCase method name for an operation id (`list_users` → `listUsers`,
/// `repos/get-content` → `reposGetContent`); never starts with a digit. Reserved words are
/// valid method names (`api.delete()`), so they are kept; members of the class are avoided by
/// claiming the name in a [`Scope`] made with [`CLASS_MEMBERS`].
pub fn method_name(raw: &str) -> String {
    let mut name = lower_camel(&spell_symbols(raw));
    name.retain(|c| c.is_ascii_alphanumeric());
    if name.is_empty() {
        "operation".to_string()
    } else if name.starts_with(|c: char| c.is_ascii_digit()) {
        format!("op{name}")
    } else {
        name
    }
}

/// Whether `name` can be written bare as a property key (`user_id`, `$ref`, `名前`); other keys
/// (`+1`, `X-Request-ID`, `@type`) are written as string literals. Reserved words are valid
/// property names, so they are bare too.
pub fn is_bare_key(name: &str) -> bool {
    // Unicode identifiers too (`名前`), as prettier unquotes them.
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c == '$' || c == '_' || unicode_ident::is_xid_start(c))
        && chars.all(|c| c == '$' || unicode_ident::is_xid_continue(c))
}

/// The `name` of `package.json`, in npm's kebab-case: the words of `raw` (runs of ASCII letters
/// and digits) in lower case, joined by `-`, at most 214 characters (`sample_users_api` →
/// `sample-users-api`, `My API` → `my-api`).
pub fn npm_package_name(raw: &str) -> String {
    let mut name = raw
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_ascii_lowercase)
        .collect::<Vec<_>>()
        .join("-");
    name.truncate(214);
    match name.trim_end_matches('-') {
        "" => "api-client".to_string(),
        trimmed => trimmed.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_lists_are_sorted_for_binary_search() {
        for list in [GLOBALS, EXPORTED_NAMES, CLASS_MEMBERS] {
            assert!(list.windows(2).all(|pair| pair[0] < pair[1]), "{list:?}");
        }
    }

    #[test]
    fn type_names_keep_capitalized_identifiers() {
        assert_eq!(type_name("HTTPValidationError"), "HTTPValidationError");
        assert_eq!(type_name("Body_upload_avatar"), "BodyUploadAvatar");
        assert_eq!(type_name("user-profile"), "UserProfile");
        assert_eq!(type_name("Pet_owner_item"), "PetOwnerItem");
        assert_eq!(type_name("../etc/passwd"), "EtcPasswd");
    }

    #[test]
    fn type_names_never_shadow_globals_or_exports() {
        for global in [
            "Blob", "File", "Error", "Response", "Record", "Date", "Promise",
        ] {
            assert_eq!(type_name(global), format!("{global}Schema"));
        }
        assert_eq!(type_name("array"), "ArraySchema");
        assert_eq!(type_name("map"), "MapSchema");
        assert_eq!(type_name("ApiError"), "ApiErrorSchema");
        assert_eq!(type_name("API"), "APISchema");
    }

    #[test]
    fn keywords_and_primitive_names_become_safe_type_names() {
        assert_eq!(type_name("class"), "Class");
        assert_eq!(type_name("null"), "Null");
        assert_eq!(type_name("string"), "StringSchema");
        assert_eq!(type_name("object"), "ObjectSchema");
        assert_eq!(type_name("1password"), "Schema1password");
        assert_eq!(type_name(""), "Schema");
        assert_eq!(type_name("日本"), "Schema");
    }

    #[test]
    fn method_names_are_camel_case() {
        assert_eq!(method_name("list_users"), "listUsers");
        assert_eq!(method_name("repos/get-content"), "reposGetContent");
        assert_eq!(method_name("GetPet"), "getPet");
        assert_eq!(method_name("2fa-enable"), "op2faEnable");
        assert_eq!(method_name("delete"), "delete");
        assert_eq!(method_name("+1"), "plus1");
        assert_eq!(method_name(""), "operation");
    }

    #[test]
    fn method_names_avoid_class_members() {
        let mut scope = Scope::camel_with_reserved(CLASS_MEMBERS);
        assert_eq!(scope.claim(method_name("set_token")), "setToken2");
        assert_eq!(scope.claim(method_name("request")), "request2");
        assert_eq!(scope.claim(method_name("then")), "then2");
        assert_eq!(scope.claim(method_name("get_user")), "getUser");
        assert_eq!(scope.claim(method_name("getUser")), "getUser2");
    }

    #[test]
    fn keys_that_are_not_identifiers_are_quoted() {
        assert!(is_bare_key("user_id"));
        assert!(is_bare_key("$ref"));
        assert!(is_bare_key("class"));
        assert!(!is_bare_key("+1"));
        assert!(!is_bare_key("X-Request-ID"));
        assert!(!is_bare_key("@type"));
        assert!(!is_bare_key("1st"));
        assert!(!is_bare_key(""));
        // Unicode identifiers are bare, as prettier writes them.
        assert!(is_bare_key("naïve"));
        assert!(is_bare_key("名前"));
    }

    #[test]
    fn npm_names_are_lower_case_and_valid() {
        assert_eq!(npm_package_name("refclient"), "refclient");
        assert_eq!(npm_package_name("My API"), "my-api");
        assert_eq!(npm_package_name("_private"), "private");
        assert_eq!(npm_package_name("sample_users_api"), "sample-users-api");
        assert_eq!(npm_package_name("v1.2__beta~x"), "v1-2-beta-x");
        assert_eq!(npm_package_name("@scope/name"), "scope-name");
        assert_eq!(npm_package_name("..."), "api-client");
    }

    #[test]
    fn scope_suffixes_collisions_with_digits() {
        let mut scope = Scope::camel_with_reserved(&["API"]);
        assert_eq!(scope.claim("User".into()), "User");
        assert_eq!(scope.claim("User".into()), "User2");
        assert_eq!(scope.claim("User2".into()), "User22");
        assert_eq!(scope.claim("API".into()), "API2");
    }
}
