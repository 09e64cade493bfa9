//! The proto lock file: field and enum value numbers survive spec edits.
//!
//! Each test emits a spec, edits the spec, and emits again with the first run's lock file, the
//! way `generate()` does when it finds `clientgen.proto.lock` in the proto folder.

mod support;

use clientgen_build::targets::proto::{self, LOCK_FILE, Layout, Options};
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
        ..Options::default()
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

/// Moving to the versioned layout (package `shop.v1` in `shop/v1/`) and back keeps every field
/// and enum value number: the lock holds numbers by zone, message and name, not by package.
#[test]
fn layout_change_keeps_every_number() {
    let first = spec(pet(&["id", "name", "kind"]), json!(["cat", "dog"]));
    let zone_tree = emit(&first, None);
    let grown = spec(
        pet(&["id", "name", "kind", "tag"]),
        json!(["cat", "dog", "fish"]),
    );
    let versioned = Options {
        layout: Layout::Versioned,
        spec_name: grown.file_name(),
        zone: "shop".to_string(),
        previous_lock: Some(lock_of(&zone_tree).to_string()),
        ..Options::default()
    };
    let versioned_tree = proto::emit(&grown.api, &versioned).expect("test spec emits");
    let messages = &versioned_tree
        .get("shop/v1/messages.proto")
        .expect("the versioned layout writes shop/v1/messages.proto")
        .contents;
    for line in [
        "package shop.v1;",
        "int64 id = 1;",
        "optional string name = 2;",
        "optional Kind.Value kind = 3;",
        "optional string tag = 4;",
        "cat = 1;",
        "dog = 2;",
        "fish = 3;",
    ] {
        assert!(messages.contains(line), "{line} in {messages}");
    }
    // And back: the zone layout reads the lock the versioned one wrote.
    let back = emit(&grown, Some(&versioned_tree));
    assert_eq!(
        block(&back, "message", "Pet"),
        [
            "int64 id = 1;",
            "optional string name = 2;",
            "optional Kind.Value kind = 3;",
            "optional string tag = 4;",
        ]
    );
}

#[test]
fn broken_lock_is_an_error_not_a_renumbering() {
    let spec = spec(pet(&["id"]), json!(["cat"]));
    let options = Options {
        spec_name: spec.file_name(),
        zone: "shop".to_string(),
        previous_lock: Some("{ not json".to_string()),
        ..Options::default()
    };
    let error = proto::emit(&spec.api, &options).expect_err("a broken lock is refused");
    assert!(matches!(error, Error::Input(_)));
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

/// The specs whose proto output an earlier clientgen wrote into `fixtures/proto_locks/<folder>`.
const OLD_OUTPUTS: &[(&str, &str)] = &[
    ("collisions", "hostile/collisions.json"),
    ("drf-choices", "handwritten/drf-choices.json"),
    ("features", "handwritten/features.json"),
    ("keywords", "hostile/keywords.json"),
    ("odd_names", "hostile/odd_names.json"),
    ("petstore-fastapi", "handwritten/petstore-fastapi.json"),
];

/// The numbers of a `.proto` file: (top-level message or enum, member) → number, where the
/// member is what the wire knows it by: a field's wire name as the comment after it gives it
/// (`userId` from `"userId"`, `path "pet-id"`), else its name; an enum value's wire value (its comment). Zero
/// values are left out. Also each top-level block's `reserved` numbers.
struct Numbers {
    members: std::collections::BTreeMap<(String, String), i64>,
    reserved: std::collections::BTreeMap<String, Vec<i64>>,
}

fn numbers_of(text: &str) -> Numbers {
    let mut members = std::collections::BTreeMap::new();
    let mut reserved: std::collections::BTreeMap<String, Vec<i64>> = Default::default();
    let mut blocks: Vec<String> = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with("//") || line.starts_with("option ") || line.is_empty() {
            continue;
        }
        if let Some(head) = line.strip_suffix(" {") {
            let name = head.rsplit(' ').next().unwrap_or_default();
            blocks.push(name.to_string());
            continue;
        }
        if line == "}" {
            blocks.pop();
            continue;
        }
        let Some(top) = blocks.first().cloned() else {
            continue;
        };
        if let Some(list) = line.strip_prefix("reserved ") {
            let numbers = list.trim_end_matches(';').split(", ");
            let numbers = numbers.filter_map(|number| number.parse::<i64>().ok());
            reserved.entry(top).or_default().extend(numbers);
            continue;
        }
        let (declaration, note) = match line.split_once("; // ") {
            Some((declaration, note)) => (declaration, Some(note)),
            None => (line.trim_end_matches(';'), None),
        };
        let Some((left, right)) = declaration.split_once(" = ") else {
            continue;
        };
        let number: i64 = right
            .split(' ')
            .next()
            .and_then(|number| number.parse().ok())
            .unwrap_or_else(|| panic!("no number in {line:?}"));
        let name = left.rsplit(' ').next().unwrap_or_default();
        let is_enum_value = !left.contains(' ');
        if is_enum_value && number == 0 {
            continue;
        }
        let member = match note {
            Some(note) if is_enum_value => note.to_string(),
            Some(note) if note.starts_with('"') => note.trim_matches('"').to_string(),
            Some(note) if note.ends_with('"') => note.to_string(),
            _ => name.to_string(),
        };
        members.insert((top, member), number);
    }
    Numbers { members, reserved }
}

/// Regenerates each spec of [`OLD_OUTPUTS`] over the lock an earlier clientgen wrote (version 1,
/// before fields kept keyword names and enum values their wire spelling) and checks that every
/// field and enum value kept its number; what is no longer written (a union that became a
/// `google.protobuf.Value`, an enum that became a `string`) keeps its numbers in the lock.
#[test]
fn a_lock_of_the_old_naming_carries_every_number_over() {
    for (folder, spec_file) in OLD_OUTPUTS {
        let old_dir = support::fixtures().join("proto_locks").join(folder);
        let read = |name: &str| std::fs::read_to_string(old_dir.join(name)).expect("fixture");
        let old_lock = read(LOCK_FILE);
        let lock: Value = serde_json::from_str(&old_lock).expect("the old lock is JSON");
        assert_eq!(lock["version"], 1, "{folder}: an old lock");
        let zone = lock["zones"]
            .as_object()
            .and_then(|zones| zones.keys().next())
            .expect("one zone")
            .clone();
        let spec = Spec::from_file(support::fixtures().join(spec_file)).expect("spec loads");
        let options = Options {
            spec_name: spec.file_name(),
            zone: zone.clone(),
            previous_lock: Some(old_lock.clone()),
            ..Options::default()
        };
        let tree = proto::emit(&spec.api, &options).expect("spec emits over the old lock");
        let new_lock: Value = serde_json::from_str(lock_of(&tree)).expect("the new lock is JSON");
        let package = format!("{zone}/api__{zone}");
        let mut matched = 0;
        for file in ["messages.proto", "service.proto"] {
            let old = numbers_of(&read(file));
            let new_text = &tree
                .get(&format!("{package}/{file}"))
                .expect("the file is emitted")
                .contents;
            let new = numbers_of(new_text);
            let new_blocks: std::collections::BTreeSet<&String> =
                new.members.keys().map(|(block, _)| block).collect();
            for ((block, member), number) in &old.members {
                if let Some(now) = new.members.get(&(block.clone(), member.clone())) {
                    assert_eq!(
                        now, number,
                        "{folder}: {block} {member} moved from {number} to {now}"
                    );
                    matched += 1;
                } else if new_blocks.contains(block) {
                    let reserved = new.reserved.get(block).cloned().unwrap_or_default();
                    assert!(
                        reserved.contains(number),
                        "{folder}: {block} {member} ({number}) is gone but not reserved"
                    );
                } else {
                    let entry = ["messages", "enums"]
                        .iter()
                        .map(|kind| &new_lock["zones"][&zone][kind][block])
                        .find(|entry| !entry.is_null())
                        .unwrap_or_else(|| panic!("{folder}: {block} left the lock"));
                    let kept = entry
                        .as_object()
                        .into_iter()
                        .flat_map(|entry| entry.values())
                        .filter_map(Value::as_object)
                        .flat_map(|numbers| numbers.values())
                        .any(|kept| kept.as_i64() == Some(*number));
                    assert!(kept, "{folder}: {block} {member} ({number}) left the lock");
                }
            }
        }
        assert!(matched > 0, "{folder}: no field was matched");
        assert_eq!(
            new_lock["version"], 2,
            "{folder}: the lock is rewritten as version 2"
        );
    }
}

#[test]
fn renamed_keyword_fields_and_respelled_enum_values_keep_their_numbers() {
    let emit_over_old = |folder: &str, spec_file: &str, zone: &str| {
        let old_lock = std::fs::read_to_string(
            support::fixtures()
                .join("proto_locks")
                .join(folder)
                .join(LOCK_FILE),
        )
        .expect("fixture");
        let spec = Spec::from_file(support::fixtures().join(spec_file)).expect("spec loads");
        let options = Options {
            spec_name: spec.file_name(),
            zone: zone.to_string(),
            previous_lock: Some(old_lock),
            ..Options::default()
        };
        let tree = proto::emit(&spec.api, &options).expect("spec emits");
        tree.get(&format!("{zone}/api__{zone}/messages.proto"))
            .expect("messages.proto")
            .contents
            .clone()
    };
    // `message_value = 32` was the wire name "message"; `message` keeps 32.
    let keywords = emit_over_old("keywords", "hostile/keywords.json", "class");
    assert!(
        keywords.contains("optional string message = 32;"),
        "{keywords}"
    );
    // "userId" was `user_id = 10` and "user_id" `user_id_2 = 11`: the names swap, the numbers
    // stay with the wire names.
    let features = emit_over_old(
        "features",
        "handwritten/features.json",
        "features_star_test",
    );
    assert!(
        features.contains("optional string user_id_2 = 10 [json_name = \"userId\"];"),
        "{features}"
    );
    assert!(
        features.contains("optional string user_id = 11 [json_name = \"user_id\"];"),
        "{features}"
    );
    // `LEVEL_UNKNOWN = 3` (wire -1) keeps 3, and says that JSON numbers do not match.
    assert!(features.contains("LEVEL_UNKNOWN = 3; // -1"), "{features}");
    assert!(features.contains("-1 is 3"), "{features}");
    // `STATUS_ENUM_OPEN = 1` is `open = 1`.
    let drf = emit_over_old("drf-choices", "handwritten/drf-choices.json", "drf_choices");
    assert!(drf.contains("    open = 1; // \"open\""), "{drf}");
}
