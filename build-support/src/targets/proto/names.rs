//! Protocol Buffers naming: casing, keywords and collisions, all in one place.
//!
//! Every identifier the proto target writes comes from here. The rules are protoc's (a name
//! is `[A-Za-z_][A-Za-z0-9_]*`; fields of one message must not share a JSON name; the values of
//! an enum must differ once the enum's name is stripped and case ignored; enum values are
//! symbols of the scope holding their enum; an rpc's name shadows a message of that name inside
//! the service) and buf lint's STANDARD set (messages, enums, services and rpcs in PascalCase,
//! fields in lower_snake_case and never `descriptor`, the zero value ending in `_UNSPECIFIED`;
//! in the prefixed enum style, values in UPPER_SNAKE_CASE prefixed with the enum's name).
//!
//! Proto keywords are not avoided: protoc takes `message`, `public`, `to` or `required` as field
//! names, and json_format reads the JSON name, so renaming them only broke the JSON mapping.
//! [`legacy_field_name`] still spells names the old way, to carry the numbers of a lock written
//! before that over to the new names.

use std::hash::Hasher;
use std::sync::Arc;

use rustc_hash::{FxHashSet, FxHasher};

use crate::targets::casing::{self, Case};
use crate::targets::naming::{self, spell_symbols};

/// The length of the longest of [`LEGACY_KEYWORDS`]: a longer name is none of them.
const LONGEST_KEYWORD: usize = 10;

/// The field names clientgen suffixed with `_value` before field names kept proto keywords
/// (lock version 1): words of the proto language and scalar type names, and `descriptor`.
const LEGACY_KEYWORDS: &[&str] = &[
    "bool",
    "bytes",
    "descriptor",
    "double",
    "edition",
    "enum",
    "extend",
    "extensions",
    "false",
    "fixed32",
    "fixed64",
    "float",
    "group",
    "import",
    "inf",
    "int32",
    "int64",
    "map",
    "max",
    "message",
    "nan",
    "oneof",
    "option",
    "optional",
    "package",
    "public",
    "repeated",
    "required",
    "reserved",
    "returns",
    "rpc",
    "service",
    "sfixed32",
    "sfixed64",
    "sint32",
    "sint64",
    "stream",
    "string",
    "syntax",
    "to",
    "true",
    "uint32",
    "uint64",
    "weak",
];

/// Type names the generated code of common plugins defines beside the messages (ts-proto's
/// helper types, and the Java outer classes `java_outer_classname` names, which with
/// `java_multiple_files` sit in the Java package beside a class per message); a message or enum
/// must not take them.
pub const GENERATED_TYPE_NAMES: &[&str] = &[
    "Builtin",
    "DeepPartial",
    "Exact",
    "KeysOfUnion",
    "MessageFns",
    "MessagesProto",
    "ServiceProto",
];

/// The zone's name as a lower_snake_case word (`Reference API` → `reference_api`).
pub fn zone_name(raw: &str) -> String {
    let name = snake_words(raw);
    if name.is_empty() {
        "api".to_string()
    } else if name.starts_with(|c: char| c.is_ascii_digit()) {
        format!("n_{name}")
    } else {
        name
    }
}

/// The package of a zone, named after its folder `api__<zone>` so that buf's
/// `PACKAGE_DIRECTORY_MATCH` holds.
pub fn package_name(zone: &str) -> String {
    format!("api__{zone}")
}

/// Python's keywords in lower case: a folder of Python stubs (`<zone>/v1/`) named after one
/// cannot be imported (`from class.v1 import service_pb2`, as gRPC's Python plugin writes).
const PYTHON_KEYWORDS: &[&str] = &[
    "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif",
    "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda",
    "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
];

/// The first word of a zone's package in the versioned layout, and its folder: the zone's name,
/// with `_api` after a Python keyword (`class` → `class_api`), since the package's folders are
/// the stubs' Python packages.
pub fn versioned_zone_folder(zone: &str) -> String {
    if PYTHON_KEYWORDS.contains(&zone) {
        format!("{zone}_api")
    } else {
        zone.to_string()
    }
}

/// The package of a zone in the versioned layout, `<folder>.v1`, in the folder `<folder>/v1/`
/// (`folder` from [`versioned_zone_folder`]), so that buf's `PACKAGE_VERSION_SUFFIX`,
/// `PACKAGE_LOWER_SNAKE_CASE` and `PACKAGE_DIRECTORY_MATCH` all hold.
pub fn versioned_package_name(folder: &str) -> String {
    format!("{folder}.v1")
}

/// The Go package name of a proto package (what follows `;` in `go_package`): the package
/// itself when it is one word (`api__shop`, as protoc-gen-go would derive from the folder), else
/// its words joined without underscores (`shop.v1` → `shopv1`, buf's managed-mode spelling: a
/// bare `v1` would clash between zones).
pub fn go_package_name(package: &str) -> String {
    if !package.contains('.') {
        return package.to_string();
    }
    package.chars().filter(|c| *c != '.' && *c != '_').collect()
}

/// Java's reserved words and literals: a package segment cannot be one.
const JAVA_KEYWORDS: &[&str] = &[
    "abstract",
    "assert",
    "boolean",
    "break",
    "byte",
    "case",
    "catch",
    "char",
    "class",
    "const",
    "continue",
    "default",
    "do",
    "double",
    "else",
    "enum",
    "extends",
    "false",
    "final",
    "finally",
    "float",
    "for",
    "goto",
    "if",
    "implements",
    "import",
    "instanceof",
    "int",
    "interface",
    "long",
    "native",
    "new",
    "null",
    "package",
    "private",
    "protected",
    "public",
    "return",
    "short",
    "static",
    "strictfp",
    "super",
    "switch",
    "synchronized",
    "this",
    "throw",
    "throws",
    "transient",
    "true",
    "try",
    "void",
    "volatile",
    "while",
    "_",
];

/// The Java package of a proto package under `prefix` (`com` → `com.shop.v1`); a segment that
/// is a Java keyword gets `_` (`default` → `default_`), since javac refuses it.
pub fn java_package(prefix: &str, package: &str) -> String {
    let mut out = prefix.to_string();
    for segment in package.split('.') {
        if !out.is_empty() {
            out.push('.');
        }
        out.push_str(segment);
        if JAVA_KEYWORDS.contains(&segment) {
            out.push('_');
        }
    }
    out
}

/// Whether `word` is a Java keyword (which no segment of a Java package may be).
pub fn is_java_keyword(word: &str) -> bool {
    JAVA_KEYWORDS.contains(&word)
}

/// The C# namespace of a proto package under `prefix` (empty: none): each segment in
/// PascalCase the way protoc's C# generator spells a package (`api__shop` → `ApiShop`,
/// `shop.v1` → `Shop.V1`, `n_2fa` → `N2Fa`), so the value written is the one protoc would
/// choose, made visible.
pub fn csharp_namespace(prefix: &str, package: &str) -> String {
    let mut out = prefix.to_string();
    for segment in package.split('.') {
        if !out.is_empty() {
            out.push('.');
        }
        let mut capital = true;
        for c in segment.chars() {
            if c == '_' {
                capital = true;
            } else if c.is_ascii_digit() {
                out.push(c);
                capital = true;
            } else {
                out.push(if capital { c.to_ascii_uppercase() } else { c });
                capital = false;
            }
        }
    }
    out
}

/// The PascalCase name of a message, enum, service or rpc: [`naming::pascal_type_name`]
/// (`HTTPValidationError` kept, `Body_upload_avatar` → `BodyUploadAvatar`). A name that would not
/// start with a letter gets `prefix` (`1password` → `Schema1password`).
pub fn pascal_name(raw: &str, prefix: &str) -> String {
    let mut name = naming::pascal_type_name(raw).into_owned();
    if !name.starts_with(|c: char| c.is_ascii_uppercase()) {
        name.insert_str(0, prefix);
    }
    name
}

/// A lower_snake_case field name (`userId` → `user_id`, `+1` → `plus_1`, `-1` → `minus_1`,
/// `@type` → `at_type`); never starts with a digit or `_`. Proto keywords are kept (`message`,
/// `to`); only `descriptor` becomes `descriptor_value` (buf lint's `FIELD_NO_DESCRIPTOR`).
pub fn field_name(raw: &str) -> String {
    let name = lower_snake_identifier(raw);
    if name == "descriptor" {
        "descriptor_value".to_string()
    } else {
        name
    }
}

/// The field name clientgen gave `raw` before proto keywords were kept (lock version 1):
/// [`field_name`], with `_value` after a proto keyword (`message` → `message_value`).
pub fn legacy_field_name(raw: &str) -> String {
    let name = lower_snake_identifier(raw);
    if name.len() <= LONGEST_KEYWORD && LEGACY_KEYWORDS.binary_search(&name.as_str()).is_ok() {
        format!("{name}_value")
    } else {
        name
    }
}

fn lower_snake_identifier(raw: &str) -> String {
    let name = snake_words(raw);
    if name.is_empty() {
        "value".to_string()
    } else if name.starts_with(|c: char| c.is_ascii_digit()) {
        format!("n_{name}")
    } else {
        name
    }
}

/// Whether a field named `proto_name` needs `json_name = "<wire>"` for protobuf's JSON to
/// read and write `wire`: unless told, protoc makes the JSON name by dropping each `_` and
/// capitalizing the letter after it (`created_at` → `createdAt`), so only a name without `_`
/// that is the wire name itself goes without.
pub fn needs_json_name(proto_name: &str, wire: &str) -> bool {
    proto_name != wire || proto_name.contains('_')
}

/// The JSON name protoc makes from a field's name when none is given: each `_` dropped and the
/// letter after it capitalized (`created_at` → `createdAt`).
pub fn default_json_name(proto_name: &str) -> String {
    let mut out = String::with_capacity(proto_name.len());
    let mut upper = false;
    for c in proto_name.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.push(c.to_ascii_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// Whether protoc refuses `wire` as a `json_name` (`[name]`, which reads as an extension's).
pub fn json_name_refused(wire: &str) -> bool {
    wire.starts_with('[') && wire.ends_with(']')
}

/// The name of the enum a JSON-style enum `Role` holds (`message Role { enum Value { … } }`):
/// nested, so that its values, spelled as on the wire, are symbols of `Role` and cannot clash
/// with another enum's.
pub const NESTED_ENUM: &str = "Value";

/// A wire value spelled as an enum value name, as proto3 JSON reads it: `Some(wire)` when it is
/// an identifier that may start an enum body's line (not `option` or `reserved`, which protoc
/// reads as statements), else `None`.
pub fn spelled_value(wire: &str) -> Option<&str> {
    let mut bytes = wire.bytes();
    let first = bytes.next()?;
    let identifier = (first.is_ascii_alphabetic() || first == b'_')
        && bytes.all(|b| b.is_ascii_alphanumeric() || b == b'_');
    (identifier && wire != "option" && wire != "reserved").then_some(wire)
}

/// The key under which protoc compares the values of enum `enum_name` (two values of one key
/// are an error): the value without the enum's name in front, in PascalCase (`in_progress` →
/// `InProgress`, `OPEN` → `Open`, `VALUE_open` in enum `Value` → `Open`).
pub fn protoc_value_key(enum_name: &str, value: &str) -> String {
    let prefix: Vec<u8> = enum_name
        .bytes()
        .filter(|b| *b != b'_')
        .map(|b| b.to_ascii_lowercase())
        .collect();
    let bytes = value.as_bytes();
    let (mut i, mut j) = (0, 0);
    let mut stripped = true;
    while i < bytes.len() && j < prefix.len() {
        if bytes[i] != b'_' {
            if bytes[i].to_ascii_lowercase() != prefix[j] {
                stripped = false;
                break;
            }
            j += 1;
        }
        i += 1;
    }
    stripped &= j == prefix.len();
    while stripped && i < bytes.len() && bytes[i] == b'_' {
        i += 1;
    }
    let rest = if stripped && i < bytes.len() {
        &value[i..]
    } else {
        value
    };
    let mut key = String::with_capacity(rest.len());
    let mut upper = true;
    for c in rest.chars() {
        if c == '_' {
            upper = true;
        } else {
            key.push(if upper {
                c.to_ascii_uppercase()
            } else {
                c.to_ascii_lowercase()
            });
            upper = false;
        }
    }
    key
}

/// The UPPER_SNAKE_CASE prefix of an enum's values (`HTTPMethod` → `HTTP_METHOD`), the way buf's
/// `ENUM_VALUE_PREFIX` spells it.
pub fn enum_prefix(enum_name: &str) -> String {
    casing::shouty_snake(enum_name)
}

/// The part of an enum value's name after the enum's prefix: the value in UPPER_SNAKE_CASE
/// (`in-progress` → `IN_PROGRESS`, `""` → `EMPTY`).
pub fn value_suffix(raw: &str) -> String {
    let mut suffix = String::with_capacity(raw.len() + 8);
    casing::push_joined(&mut suffix, &spell_symbols(raw), "_", Case::Upper);
    if suffix.is_empty() {
        suffix.push_str("EMPTY");
    }
    suffix
}

/// The suffix of an integer enum value the spec gives no name (`1` → `1`, `-1` → `MINUS_1`).
pub fn integer_value_suffix(value: i64) -> String {
    if value < 0 {
        format!("MINUS_{}", value.unsigned_abs())
    } else {
        value.to_string()
    }
}

/// The name of one enum value: the enum's prefix, then its suffix (`STATUS_IN_PROGRESS`).
pub fn enum_value_name(prefix: &str, suffix: &str) -> String {
    let mut name = String::with_capacity(prefix.len() + 1 + suffix.len());
    name.push_str(prefix);
    name.push('_');
    name.push_str(suffix);
    name
}

/// The lower_snake_case words of `raw`, ASCII only, single underscores, none at the ends.
fn snake_words(raw: &str) -> String {
    let bytes = raw.as_bytes();
    let plain = bytes.first().is_some_and(u8::is_ascii_lowercase)
        && bytes.last() != Some(&b'_')
        && bytes
            .iter()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'_')
        && !bytes.windows(2).any(|pair| pair == b"__");
    if plain {
        return raw.to_string();
    }
    casing::snake(&spell_symbols(raw))
}

/// How a [`Scope`] tells names apart and makes new ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// PascalCase symbols (`User`, `User2`): compared exactly.
    Pascal,
    /// Field names (`user_id`, `user_id_2`): compared without case and underscores, because
    /// protoc rejects two fields whose JSON names (`userId`) clash.
    Field,
    /// Enum values (`KIND_A_B`, `KIND_A_B_2`): compared without underscores, because protoc
    /// rejects two values that differ only in underscores.
    Value,
}

/// Names already taken in one proto scope; [`Scope::claim`] hands out unique ones.
///
/// A scope keeps a 64-bit hash of each name's key rather than the name: a large spec claims tens
/// of thousands of names, and allocating a key for each cost more than the rest of the naming.
/// Two different keys with one hash (a chance below 1 in 10^10 on the largest specs) would only
/// give the second name a suffix it did not need; output stays deterministic either way.
#[derive(Debug)]
pub struct Scope {
    style: Style,
    taken: FxHashSet<u64>,
}

/// A name to claim, with its key's hash worked out ahead: the targets prepare names on two
/// threads, so that claiming them in order on one only looks the hash up. The name is shared,
/// so that the field it names and the lock entry that numbers it need no copy each.
#[derive(Debug, Clone)]
pub struct Candidate {
    name: Arc<str>,
    style: Style,
    key: u64,
}

impl Candidate {
    /// `name`, to be claimed in a scope of `style`.
    pub fn new(style: Style, name: String) -> Candidate {
        Candidate {
            key: key_hash(style, &name),
            name: name.into(),
            style,
        }
    }

    /// The name as it would be claimed if free.
    pub fn as_str(&self) -> &str {
        &self.name
    }
}

impl Scope {
    /// An empty scope of names of `style`.
    pub fn new(style: Style) -> Self {
        Scope {
            style,
            taken: FxHashSet::default(),
        }
    }

    /// A scope of `style` in which `reserved` are already taken.
    pub fn with_reserved(style: Style, reserved: &[&str]) -> Self {
        let mut scope = Scope::new(style);
        for name in reserved {
            scope.take(name);
        }
        scope
    }

    /// `name` if free, else `name2`, `name3`, … (`name_2`, … for fields and values); the result
    /// is taken from then on.
    pub fn claim(&mut self, name: String) -> String {
        if self.take(&name) {
            name
        } else {
            self.numbered(&name)
        }
    }

    /// Claims `candidate` as [`Scope::claim`] claims its name, and tells whether the name was
    /// free as it was (`false` when a number had to be added).
    pub fn claim_candidate(&mut self, candidate: Candidate) -> (Arc<str>, bool) {
        let key = if candidate.style == self.style {
            candidate.key
        } else {
            key_hash(self.style, &candidate.name)
        };
        if self.taken.insert(key) {
            (candidate.name, true)
        } else {
            (self.numbered(&candidate.name).into(), false)
        }
    }

    /// The first of `name2`, `name3`, … (`name_2`, … for fields and values) that is free, taken.
    fn numbered(&mut self, name: &str) -> String {
        let separator = if self.style == Style::Pascal { "" } else { "_" };
        let mut counter = 2usize;
        loop {
            let candidate = format!("{name}{separator}{counter}");
            if self.take(&candidate) {
                return candidate;
            }
            counter += 1;
        }
    }

    /// Whether `name` (or a name this scope cannot tell from it) is taken.
    pub fn contains(&self, name: &str) -> bool {
        self.taken.contains(&key_hash(self.style, name))
    }

    /// Forgets every name taken, keeping the memory for the next scope of the same style.
    pub fn clear(&mut self) {
        self.taken.clear();
    }

    /// Takes `name` if its key is free.
    fn take(&mut self, name: &str) -> bool {
        self.taken.insert(key_hash(self.style, name))
    }
}

/// The hash of `name`'s key in a scope of `style`: its bytes as the style compares them.
fn key_hash(style: Style, name: &str) -> u64 {
    let mut hasher = FxHasher::default();
    match style {
        Style::Pascal => hasher.write(name.as_bytes()),
        Style::Field => name
            .bytes()
            .filter(|b| *b != b'_')
            .for_each(|b| hasher.write_u8(b.to_ascii_lowercase())),
        Style::Value => name
            .bytes()
            .filter(|b| *b != b'_')
            .for_each(|b| hasher.write_u8(b)),
    }
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pascal_names_keep_capitalized_identifiers() {
        assert_eq!(
            pascal_name("HTTPValidationError", "Schema"),
            "HTTPValidationError"
        );
        assert_eq!(
            pascal_name("Body_upload_avatar", "Schema"),
            "BodyUploadAvatar"
        );
        assert_eq!(pascal_name("user-profile", "Schema"), "UserProfile");
        assert_eq!(pascal_name("list_users", "Call"), "ListUsers");
        assert_eq!(pascal_name("repos/get-content", "Call"), "ReposGetContent");
        assert_eq!(pascal_name("1password", "Schema"), "Schema1password");
        assert_eq!(pascal_name("", "Schema"), "Schema");
        assert_eq!(pascal_name("../etc/passwd", "Schema"), "EtcPasswd");
        assert_eq!(pascal_name("日本", "Schema"), "Schema");
    }

    #[test]
    fn field_names_are_lower_snake_and_keep_proto_keywords() {
        assert_eq!(field_name("userId"), "user_id");
        assert_eq!(field_name("X-Request-ID"), "x_request_id");
        assert_eq!(field_name("+1"), "plus_1");
        assert_eq!(field_name("-1"), "minus_1");
        assert_eq!(field_name("@type"), "at_type");
        assert_eq!(field_name("$ref"), "dollar_ref");
        assert_eq!(field_name("_id"), "id");
        assert_eq!(field_name("2fa"), "n_2fa");
        assert_eq!(field_name("message"), "message");
        assert_eq!(field_name("string"), "string");
        assert_eq!(field_name("to"), "to");
        assert_eq!(field_name("Descriptor"), "descriptor_value");
        assert_eq!(field_name("class"), "class");
        assert_eq!(field_name(""), "value");
        assert_eq!(field_name("日本"), "value");
    }

    #[test]
    fn legacy_field_names_suffix_proto_keywords() {
        assert_eq!(legacy_field_name("message"), "message_value");
        assert_eq!(legacy_field_name("Descriptor"), "descriptor_value");
        assert_eq!(legacy_field_name("userId"), "user_id");
    }

    #[test]
    fn legacy_keywords_are_sorted_for_binary_search() {
        assert!(LEGACY_KEYWORDS.windows(2).all(|pair| pair[0] < pair[1]));
        assert_eq!(
            LEGACY_KEYWORDS.iter().map(|k| k.len()).max(),
            Some(LONGEST_KEYWORD)
        );
    }

    #[test]
    fn default_json_names_are_protocs() {
        assert_eq!(default_json_name("created_at"), "createdAt");
        assert_eq!(default_json_name("plus_1"), "plus1");
        assert_eq!(default_json_name("name"), "name");
    }

    #[test]
    fn json_name_is_needed_unless_protoc_would_make_the_wire_name() {
        assert!(!needs_json_name("name", "name"));
        assert!(needs_json_name("created_at", "created_at"));
        assert!(needs_json_name("user_id", "userId"));
        assert!(needs_json_name("plus_1", "+1"));
    }

    #[test]
    fn wire_values_that_are_identifiers_are_spelled_as_they_are() {
        assert_eq!(spelled_value("member"), Some("member"));
        assert_eq!(spelled_value("IN_PROGRESS"), Some("IN_PROGRESS"));
        assert_eq!(spelled_value("_x1"), Some("_x1"));
        assert_eq!(spelled_value("message"), Some("message"));
        for wire in [
            "in-progress",
            "2.0",
            "",
            "1st",
            "a b",
            "option",
            "reserved",
            "é",
        ] {
            assert_eq!(spelled_value(wire), None, "{wire}");
        }
    }

    #[test]
    fn protoc_value_keys_strip_the_enum_name_and_ignore_case() {
        let key = |value| protoc_value_key("Value", value);
        assert_eq!(key("open"), key("OPEN"));
        assert_eq!(key("a1"), key("a_1"));
        assert_eq!(key("_a"), key("a"));
        assert_eq!(key("VALUE_open"), key("open"));
        assert_eq!(key("VALUEopen"), key("open"));
        assert_ne!(key("in_progress"), key("inProgress"));
        assert_ne!(key("a_b"), key("ab"));
        // A value that is nothing but the prefix keeps it.
        assert_eq!(key("value"), "Value");
        assert_eq!(protoc_value_key("Role", "ROLE_UNSPECIFIED"), "Unspecified");
    }

    #[test]
    fn plus_and_minus_one_stay_apart() {
        assert_ne!(field_name("+1"), field_name("-1"));
        assert_eq!(field_name("+1"), field_name("+1"));
    }

    #[test]
    fn enum_values_carry_the_enum_prefix() {
        assert_eq!(enum_prefix("HTTPMethod"), "HTTP_METHOD");
        assert_eq!(enum_prefix("Kind"), "KIND");
        let value = |raw| enum_value_name("KIND", &value_suffix(raw));
        assert_eq!(value("a-b"), "KIND_A_B");
        assert_eq!(value("in progress"), "KIND_IN_PROGRESS");
        assert_eq!(value(""), "KIND_EMPTY");
        assert_eq!(value("1st"), "KIND_1ST");
        assert_eq!(value("+1"), "KIND_PLUS_1");
        assert_eq!(value("-1"), "KIND_MINUS_1");
        let level = |number| enum_value_name("LEVEL", &integer_value_suffix(number));
        assert_eq!(level(2), "LEVEL_2");
        assert_eq!(level(-1), "LEVEL_MINUS_1");
    }

    #[test]
    fn zone_and_package_names() {
        assert_eq!(zone_name("Reference API"), "reference_api");
        assert_eq!(zone_name("3d"), "n_3d");
        assert_eq!(zone_name("!!"), "api");
        assert_eq!(package_name("reference_api"), "api__reference_api");
    }

    #[test]
    fn pascal_scope_appends_digits() {
        let mut scope = Scope::with_reserved(Style::Pascal, &["GetUserRequest"]);
        assert_eq!(scope.claim("GetUserRequest".into()), "GetUserRequest2");
        assert_eq!(scope.claim("User".into()), "User");
        assert_eq!(scope.claim("User".into()), "User2");
    }

    #[test]
    fn field_scope_keeps_json_names_apart() {
        let mut scope = Scope::new(Style::Field);
        assert_eq!(scope.claim("plus_1".into()), "plus_1");
        assert_eq!(scope.claim("plus1".into()), "plus1_2");
        assert_eq!(scope.claim("a_b1".into()), "a_b1");
        assert_eq!(scope.claim("a_b_1".into()), "a_b_1_2");
    }

    #[test]
    fn long_field_keys_compare_without_case_and_underscores() {
        let long = "a".repeat(70);
        let mut scope = Scope::new(Style::Field);
        assert_eq!(scope.claim(format!("{long}_b")), format!("{long}_b"));
        assert_eq!(scope.claim(format!("_{long}B")), format!("_{long}B_2"));
        assert_eq!(scope.claim(format!("{long}_c")), format!("{long}_c"));
    }

    #[test]
    fn prepared_candidate_is_compared_the_way_its_scope_compares() {
        let mut scope = Scope::new(Style::Value);
        assert_eq!(scope.claim("KIND_A_B".into()), "KIND_A_B");
        let candidate = Candidate::new(Style::Pascal, "KIND_AB".into());
        assert_eq!(
            scope.claim_candidate(candidate),
            ("KIND_AB_2".into(), false)
        );
        let candidate = Candidate::new(Style::Value, "KIND_C".into());
        assert_eq!(scope.claim_candidate(candidate), ("KIND_C".into(), true));
    }

    #[test]
    fn value_scope_ignores_underscores() {
        let mut scope = Scope::new(Style::Value);
        assert_eq!(scope.claim("KIND_A_B".into()), "KIND_A_B");
        assert_eq!(scope.claim("KIND_AB".into()), "KIND_AB_2");
    }
}
