//! The proto lock file: field and enum value numbers survive spec edits.
//!
//! Each test emits a spec, edits the spec, and emits again with the first run's lock file, the
//! way `generate()` does when it finds `clientgen.proto.lock` in the proto folder.

mod support;

use clientgen_build::targets::proto::{self, EnumStyle, LOCK_FILE, Options};
use clientgen_build::tree::Tree;
use clientgen_build::{Error, Generator, Spec};
use serde_json::{Value, json};

const MESSAGES: &str = "shop/api__shop/messages.proto";

/// A spec with `Pet` (the given properties) and `Kind` (the given values), and one operation.
fn spec(pet_properties: Value, kinds: Value) -> Spec {
    let document = json!({
        "openapi": "3.0.3",
        "info": {"title": "Shop", "version": "1.0.0"},
        "paths": {"/pets": {"get": {
            "operationId": "listPets",
            "responses": {"200": {"description": "ok", "content": {"application/json": {
                "schema": {"type": "array", "items": {"$ref": "#/components/schemas/Pet"}}
            }}}}
        }}},
        "components": {"schemas": {
            "Pet": {"type": "object", "required": ["id"], "properties": pet_properties},
            "Kind": {"type": "string", "enum": kinds}
        }}
    });
    Spec::from_text("shop.json", document.to_string()).expect("test spec loads")
}

fn pet(names: &[&str]) -> Value {
    let mut properties = serde_json::Map::new();
    for name in names {
        let schema = match *name {
            "kind" => json!({"$ref": "#/components/schemas/Kind"}),
            "id" => json!({"type": "integer", "format": "int64"}),
            _ => json!({"type": "string"}),
        };
        properties.insert(name.to_string(), schema);
    }
    Value::Object(properties)
}

fn emit(spec: &Spec, previous: Option<&Tree>) -> Tree {
    let options = Options {
        spec_name: spec.file_name(),
        zone: "shop".to_string(),
        previous_lock: previous.map(|tree| lock_of(tree).to_string()),
        enum_style: EnumStyle::default(),
    };
    proto::emit(&spec.api, &options).expect("test spec emits")
}

fn lock_of(tree: &Tree) -> &str {
    &tree
        .get(LOCK_FILE)
        .expect("the lock file is emitted")
        .contents
}

fn messages_of(tree: &Tree) -> &str {
    &tree
        .get(MESSAGES)
        .expect("messages.proto is emitted")
        .contents
}

/// The lines of `message name { … }` or `enum name { … }`, trimmed, without comments (a nested
/// enum's lines among them).
fn block(tree: &Tree, keyword: &str, name: &str) -> Vec<String> {
    let text = messages_of(tree);
    let start = text
        .find(&format!("\n{keyword} {name} {{"))
        .unwrap_or_else(|| panic!("no {keyword} {name} in:\n{text}"));
    text[start..]
        .lines()
        .skip(2)
        .take_while(|line| *line != "}")
        .map(|line| line.trim().to_string())
        .filter(|line| !line.starts_with("//"))
        .collect()
}

#[test]
fn unchanged_spec_gives_identical_lock_and_output() {
    let spec = spec(pet(&["id", "name", "kind"]), json!(["cat", "dog"]));
    let first = emit(&spec, None);
    let second = emit(&spec, Some(&first));
    assert_eq!(first, second);
}

#[test]
fn added_field_gets_the_next_number_and_existing_fields_keep_theirs() {
    let first = emit(&spec(pet(&["id", "name"]), json!(["cat"])), None);
    // The new property comes first in the spec: its number still comes after the others'.
    let second = emit(
        &spec(pet(&["nickname", "id", "name"]), json!(["cat"])),
        Some(&first),
    );
    assert_eq!(
        block(&second, "message", "Pet"),
        [
            "optional string nickname = 3;",
            "int64 id = 1;",
            "optional string name = 2;"
        ]
    );
}

#[test]
fn removed_field_becomes_a_reserved_number_and_name() {
    let first = emit(&spec(pet(&["id", "name", "tag"]), json!(["cat"])), None);
    let second = emit(&spec(pet(&["id", "tag"]), json!(["cat"])), Some(&first));
    assert_eq!(
        block(&second, "message", "Pet"),
        [
            "int64 id = 1;",
            "optional string tag = 3;",
            "reserved 2;",
            "reserved \"name\";"
        ]
    );
    // A field added later never takes the retired number.
    let third = emit(
        &spec(pet(&["id", "tag", "color"]), json!(["cat"])),
        Some(&second),
    );
    assert!(block(&third, "message", "Pet").contains(&"optional string color = 4;".to_string()));
}

#[test]
fn renamed_field_is_a_removed_field_plus_a_new_one() {
    let first = emit(&spec(pet(&["id", "name"]), json!(["cat"])), None);
    let second = emit(&spec(pet(&["id", "title"]), json!(["cat"])), Some(&first));
    assert_eq!(
        block(&second, "message", "Pet"),
        [
            "int64 id = 1;",
            "optional string title = 3;",
            "reserved 2;",
            "reserved \"name\";"
        ]
    );
}

#[test]
fn field_that_comes_back_gets_its_old_number() {
    let first = emit(&spec(pet(&["id", "name"]), json!(["cat"])), None);
    let second = emit(&spec(pet(&["id"]), json!(["cat"])), Some(&first));
    let third = emit(&spec(pet(&["id", "name"]), json!(["cat"])), Some(&second));
    assert_eq!(
        block(&third, "message", "Pet"),
        ["int64 id = 1;", "optional string name = 2;"]
    );
}

#[test]
fn enum_values_are_appended_and_removed_ones_reserved() {
    let first = emit(&spec(pet(&["id", "kind"]), json!(["cat", "dog"])), None);
    let second = emit(
        &spec(pet(&["id", "kind"]), json!(["bird", "dog"])),
        Some(&first),
    );
    assert_eq!(
        block(&second, "message", "Kind"),
        [
            "enum Value {",
            "KIND_UNSPECIFIED = 0;",
            "bird = 3; // \"bird\"",
            "dog = 2; // \"dog\"",
            "reserved 1;",
            "reserved \"cat\";",
            "}"
        ]
    );
}

#[test]
fn lock_keeps_messages_that_left_the_spec_and_their_order() {
    let first = emit(&spec(pet(&["id", "kind"]), json!(["cat"])), None);
    // A spec of the same zone without `Pet` (or `Kind`) at all.
    let other = Spec::from_text(
        "shop.json",
        json!({
            "openapi": "3.0.3",
            "info": {"title": "Shop", "version": "1.0.0"},
            "paths": {},
            "components": {"schemas": {"Toy": {"type": "object", "properties": {"name": {"type": "string"}}}}}
        })
        .to_string(),
    )
    .expect("test spec loads");
    let second = emit(&other, Some(&first));
    let lock = lock_of(&second);
    let pet_entry = lock.find("\"Pet\"").expect("Pet stays in the lock");
    let toy_entry = lock.find("\"Toy\"").expect("Toy is added to the lock");
    assert!(pet_entry < toy_entry, "new entries are appended:\n{lock}");
    let third = emit(&spec(pet(&["id", "kind"]), json!(["cat"])), Some(&second));
    assert_eq!(
        block(&third, "message", "Pet"),
        ["int64 id = 1;", "optional Kind.Value kind = 2;"]
    );
}

#[test]
fn lock_file_is_pretty_json_with_every_number() {
    let tree = emit(&spec(pet(&["id", "name"]), json!(["cat", "dog"])), None);
    let lock: Value = serde_json::from_str(lock_of(&tree)).expect("the lock is JSON");
    let zone = &lock["zones"]["shop"];
    assert_eq!(
        zone["messages"]["Pet"]["fields"],
        json!({"id": 1, "name": 2})
    );
    assert_eq!(zone["enums"]["Kind"]["values"], json!({"cat": 1, "dog": 2}));
    assert!(lock_of(&tree).ends_with("}\n"));
}

#[test]
fn broken_lock_is_an_error_not_a_renumbering() {
    let spec = spec(pet(&["id"]), json!(["cat"]));
    let options = Options {
        spec_name: spec.file_name(),
        zone: "shop".to_string(),
        previous_lock: Some("{ not json".to_string()),
        enum_style: EnumStyle::default(),
    };
    let error = proto::emit(&spec.api, &options).expect_err("a broken lock is refused");
    assert!(matches!(error, Error::Config(_)));
    assert!(error.to_string().contains(LOCK_FILE), "{error}");
}

#[test]
fn generate_reads_the_lock_it_wrote_beside_the_proto_tree() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("proto");
    let write_spec = |properties: &[&str]| {
        let path = dir.path().join("shop.json");
        let document = json!({
            "openapi": "3.0.3",
            "info": {"title": "Shop", "version": "1.0.0"},
            "paths": {},
            "components": {"schemas": {"Pet": {"type": "object", "properties": pet(properties)}}}
        });
        std::fs::write(&path, document.to_string()).unwrap();
        path
    };
    Generator::new(write_spec(&["id", "name"]))
        .proto(&out)
        .generate()
        .unwrap();
    Generator::new(write_spec(&["name", "color"]))
        .proto(&out)
        .generate()
        .unwrap();
    let messages = std::fs::read_to_string(out.join(MESSAGES)).unwrap();
    assert!(messages.contains("optional string name = 2;"), "{messages}");
    assert!(
        messages.contains("optional string color = 3;"),
        "{messages}"
    );
    assert!(messages.contains("reserved \"id\";"), "{messages}");
}
