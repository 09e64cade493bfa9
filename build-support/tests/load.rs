//! Loading specs from files: relative-file `$ref` bundling and its errors.
//!
//! Fixtures live in `tests/fixtures/load/<case>/`; paths are relative to the crate folder, where
//! `cargo test` runs.

use std::path::{Path, PathBuf};

use clientgen_build::diagnostics::Location;
use clientgen_build::load::{Document, Format, load_file};
use clientgen_build::{Diagnostic, Error, Severity};
use serde_json::{Value, json};

fn fixture(case: &str, file: &str) -> PathBuf {
    Path::new("tests/fixtures/load").join(case).join(file)
}

fn load(case: &str, file: &str) -> Document {
    match load_file(&fixture(case, file)) {
        Ok(document) => document,
        Err(error) => panic!("{case}/{file} should load: {error}"),
    }
}

fn errors(case: &str, file: &str) -> Vec<Diagnostic> {
    match load_file(&fixture(case, file)) {
        Err(Error::Spec(diagnostics)) => diagnostics,
        other => panic!("{case}/{file} should fail with spec errors, got {other:?}"),
    }
}

fn keys(value: &Value) -> Vec<&str> {
    value
        .as_object()
        .map(|map| map.keys().map(String::as_str).collect())
        .unwrap_or_default()
}

fn source_paths(document: &Document) -> Vec<PathBuf> {
    document.sources.iter().map(|s| s.path.clone()).collect()
}

#[test]
fn relative_file_refs_are_bundled_into_components_schemas() {
    let document = load("bundle", "root.yaml");
    let schemas = &document.value["components"]["schemas"];
    assert_eq!(
        keys(schemas),
        ["Local", "Remote", "Pet", "Error", "Id", "Other"]
    );
    assert_eq!(
        schemas,
        &json!({
            "Local": {"type": "string"},
            "Remote": {"$ref": "https://example.com/schemas/remote.json#/Remote"},
            "Pet": {
                "type": "object",
                "properties": {
                    "id": {"$ref": "#/components/schemas/Id"},
                    "other": {"$ref": "#/components/schemas/Other"}
                }
            },
            "Error": {
                "type": "object",
                "properties": {
                    "message": {"type": "string"},
                    "id": {"$ref": "#/components/schemas/Id"}
                }
            },
            "Id": {"type": "integer", "format": "int64"},
            "Other": {"type": "string", "enum": ["a", "b"]}
        })
    );
    let responses = &document.value["paths"]["/pets/{id}"]["get"]["responses"];
    assert_eq!(keys(responses), ["200", "default"]);
    let schema = |status: &str| &responses[status]["content"]["application/json"]["schema"];
    assert_eq!(schema("200"), &json!({"$ref": "#/components/schemas/Pet"}));
    assert_eq!(
        schema("default"),
        &json!({"$ref": "#/components/schemas/Error"})
    );
}

#[test]
fn sources_list_every_file_once_root_first() {
    let document = load("bundle", "root.yaml");
    assert_eq!(
        source_paths(&document),
        [
            fixture("bundle", "root.yaml"),
            fixture("bundle", "schemas/pet.yaml"),
            fixture("bundle", "schemas/common.json"),
        ]
    );
    let formats: Vec<Format> = document.sources.iter().map(|s| s.format).collect();
    assert_eq!(formats, [Format::Yaml, Format::Yaml, Format::Json]);
}

#[test]
fn root_entries_that_only_ref_another_file_take_its_content_in_place() {
    let document = load("slots", "root.yaml");
    assert_eq!(
        document.value["components"],
        json!({
            "schemas": {
                "Pet": {"type": "object", "properties": {"name": {"type": "string"}}}
            },
            "parameters": {
                "Limit": {"name": "limit", "in": "query", "schema": {"type": "integer"}},
                "Offset": {"name": "offset", "in": "query", "schema": {"type": "integer"}}
            }
        })
    );
    assert_eq!(
        document.value["paths"]["/pets"],
        json!({
            "get": {
                "parameters": [
                    {"$ref": "#/components/parameters/Limit"},
                    {"$ref": "#/components/parameters/Offset"}
                ],
                "responses": {
                    "200": {
                        "description": "the pets",
                        "content": {"application/json": {"schema": {
                            "type": "array",
                            "items": {"$ref": "#/components/schemas/Pet"}
                        }}}
                    }
                }
            }
        })
    );
    assert_eq!(
        source_paths(&document),
        [
            fixture("slots", "root.yaml"),
            fixture("slots", "paths/pets.yaml"),
            fixture("slots", "pet.yaml"),
            fixture("slots", "common.yaml"),
        ]
    );
}

#[test]
fn a_cycle_between_two_files_terminates() {
    let document = load("cycle", "root.json");
    assert_eq!(
        document.value["components"]["schemas"],
        json!({
            "Root": {"type": "object", "properties": {"a": {"$ref": "#/components/schemas/A"}}},
            "A": {"type": "object", "properties": {"b": {"$ref": "#/components/schemas/B"}}},
            "B": {"type": "object", "properties": {
                "a": {"$ref": "#/components/schemas/A"},
                "root": {"$ref": "#/components/schemas/Root"}
            }}
        })
    );
    assert_eq!(
        source_paths(&document),
        [
            fixture("cycle", "root.json"),
            fixture("cycle", "a.json"),
            fixture("cycle", "b.yaml"),
        ]
    );
}

#[test]
fn name_collisions_with_different_content_are_numbered() {
    let document = load("collision", "root.yaml");
    let schemas = &document.value["components"]["schemas"];
    assert_eq!(keys(schemas), ["Pet", "Owner", "Pet2", "Pet3"]);
    assert_eq!(schemas["Pet"], json!({"type": "string"}));
    assert_eq!(schemas["Pet2"], json!({"type": "integer"}));
    assert_eq!(schemas["Pet3"], json!({"type": "boolean"}));
    assert_eq!(
        schemas["Owner"]["properties"],
        json!({
            "a": {"$ref": "#/components/schemas/Pet2"},
            "b": {"$ref": "#/components/schemas/Pet3"},
            "a_again": {"$ref": "#/components/schemas/Pet2"},
            "same": {"$ref": "#/components/schemas/Pet"}
        })
    );
}

#[test]
fn missing_ref_file_and_missing_pointer_are_reported_at_the_ref() {
    let diagnostics = errors("missing", "root.yaml");
    let root = fixture("missing", "root.yaml");
    assert_eq!(
        diagnostics,
        [
            Diagnostic {
                severity: Severity::Error,
                file: root.clone(),
                pointer: "/components/schemas/A/$ref".to_string(),
                location: Some(Location { line: 7, column: 7 }),
                source_line: Some("      $ref: nope.yaml#/A".to_string()),
                source_caret: Some(7),
                message: format!(
                    "`$ref: nope.yaml#/A` points at {}, which cannot be read: \
                     No such file or directory (os error 2)",
                    fixture("missing", "nope.yaml").display()
                ),
                help: Some(
                    "check the file name; a relative `$ref` is resolved against the folder \
                     of the file holding it (tests/fixtures/load/missing)"
                        .to_string()
                ),
            },
            Diagnostic {
                severity: Severity::Error,
                file: root,
                pointer: "/components/schemas/B/properties/b/$ref".to_string(),
                location: Some(Location {
                    line: 11,
                    column: 11
                }),
                source_line: Some("          $ref: other.yaml#/Nope".to_string()),
                source_caret: Some(11),
                message: format!(
                    "`$ref: other.yaml#/Nope` points at `/Nope` in {}, which does not exist",
                    fixture("missing", "other.yaml").display()
                ),
                help: Some(
                    "check the part after `#`: a JSON pointer into that file, such as \
                     `#/components/schemas/Pet` (`~1` stands for `/`)"
                        .to_string()
                ),
            },
        ]
    );
}

#[test]
fn a_syntax_error_in_a_referenced_file_is_reported_once_in_that_file() {
    let diagnostics = errors("broken", "root.yaml");
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    let diagnostic = &diagnostics[0];
    assert_eq!(diagnostic.file, fixture("broken", "bad.json"));
    assert_eq!(
        diagnostic.message,
        "the spec is not valid JSON: expected `,` or `}`"
    );
    assert_eq!(diagnostic.location, Some(Location { line: 3, column: 3 }));
    assert_eq!(diagnostic.source_line.as_deref(), Some("  \"Y\": {}"));
}

#[test]
fn an_unreadable_root_is_a_read_error() {
    match load_file(&fixture("missing", "absent.yaml")) {
        Err(Error::Read { path, .. }) => assert_eq!(path, fixture("missing", "absent.yaml")),
        other => panic!("expected a read error, got {other:?}"),
    }
}
