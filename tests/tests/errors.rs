//! Bad input: the exact message the user sees, and an output folder left as it was.

mod support;

use clientgen_build::Generator;

/// Generates `fixture` into a folder that already holds a previous client, and returns the
/// error's text after checking that the folder is unchanged.
fn error_for(fixture: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let package = dir.path().join("client_pkg");
    Generator::new(support::fixtures().join("handwritten/petstore-fastapi.json"))
        .python(&package)
        .generate()
        .unwrap();
    let before = support::snapshot_folder(&package);

    let spec = support::fixtures().join("invalid").join(fixture);
    let error = Generator::new(&spec)
        .python(&package)
        .generate()
        .unwrap_err();

    assert_eq!(
        support::snapshot_folder(&package),
        before,
        "the output folder changed"
    );
    let root = support::fixtures().join("invalid");
    error
        .to_string()
        .replace(&format!("{}/", root.display()), "")
}

#[test]
fn malformed_json_names_line_and_column() {
    assert_eq!(
        error_for("malformed.json"),
        r#"error: the spec is not valid JSON: trailing comma
  --> malformed.json:5:62 at (document root)
  |
5 |     "/a": {"get": {"responses": {"200": {"description": "ok",}}}}
  |                                                              ^
  = help: fix the syntax at the line shown; clientgen reads JSON and YAML

the spec has 1 error; nothing was written"#
    );
}

#[test]
fn dangling_refs_are_all_reported_with_pointers() {
    assert_eq!(
        error_for("dangling.json"),
        r##"error: `$ref` `#/components/schemas/Nope` points at nothing
  --> dangling.json:16:75 at #/components/schemas/A/properties/b/$ref
   |
16 |   "components": {"schemas": {"A": {"type": "object", "properties": {"b": {"$ref": "#/components/schemas/Nope"}}}}}
   |                                                                           ^
  = help: define it, or correct the reference

error: `$ref` `#/components/schemas/Missing` points at nothing
  --> dangling.json:10:57 at #/paths/~1a/get/responses/200/content/application~1json/schema/$ref
   |
10 |             "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Missing"}}}
   |                                                         ^
  = help: define it, or correct the reference

the spec has 2 errors; nothing was written"##
    );
}

#[test]
fn unsupported_version_is_refused_with_help() {
    assert_eq!(
        error_for("version.yaml"),
        r#"error: unsupported OpenAPI version "4.0.0"
  --> version.yaml:1:1 at #/openapi
  |
1 | openapi: 4.0.0
  | ^
  = help: clientgen reads Swagger 2.0 and OpenAPI 3.0.x and 3.1.x documents

the spec has 1 error; nothing was written"#
    );
}

#[test]
fn missing_spec_file_says_so() {
    let error = Generator::new("does/not/exist.json")
        .python(tempfile::tempdir().unwrap().path().join("pkg"))
        .generate()
        .unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("cannot read does/not/exist.json: "),
        "{error}"
    );
}
