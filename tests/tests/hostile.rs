//! Hostile specs: names, descriptions and shapes chosen to break generated code or escape the
//! output folder (tests/fixtures/hostile, plus the big ones built here in memory).
//!
//! Each one generates a Python package in every style, writes nothing outside its output folder
//! and gives the same bytes twice; or fails with the error it should. tests/python/test_hostile.py
//! runs the same specs through the Python gates (compileall, import, mypy --strict).

mod support;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use clientgen_build::targets::python::{self, Options};
use clientgen_build::{Error, Generator, PythonStyle, Spec};
use serde_json::{Value, json};

/// The styles every hostile spec is generated in: (style, asyncio).
const STYLES: [(PythonStyle, bool); 2] =
    [(PythonStyle::Functions, false), (PythonStyle::Class, true)];

/// The files a Python package holds, whatever the spec's names say (the first is the writer's
/// record of what it generated).
const PACKAGE_FILES: [&str; 9] = [
    ".clientgen-manifest",
    "README.md",
    "__init__.py",
    "client.py",
    "config.py",
    "py.typed",
    "pyproject.toml",
    "schemas/__init__.py",
    "transport.py",
];

fn hostile(name: &str) -> PathBuf {
    support::fixtures().join("hostile").join(name)
}

/// A spec to generate: a fixture file, or text built here.
enum Input<'a> {
    File(&'a str),
    Text(String),
}

impl Input<'_> {
    fn generator(&self) -> Generator {
        match self {
            Input::File(name) => Generator::new(hostile(name)),
            Input::Text(text) => Generator::from_text("hostile.json", text.clone()),
        }
    }
}

/// Generates `input` in `style` into `<sandbox>/out/hostile_pkg` and returns the package's files
/// after checking that nothing else appeared in the sandbox or in the fixture folder.
fn generate_contained(
    input: &Input<'_>,
    (style, asyncio): (PythonStyle, bool),
) -> BTreeMap<String, Vec<u8>> {
    let fixtures_before = support::snapshot_folder(&hostile(""));
    let sandbox = tempfile::tempdir().unwrap();
    let package = sandbox.path().join("out").join("hostile_pkg");
    input
        .generator()
        .python(&package)
        .python_style(style)
        .python_asyncio(asyncio)
        .generate()
        .unwrap_or_else(|error| panic!("generation failed:\n{error}"));

    let everything = support::snapshot_folder(sandbox.path());
    let outside: Vec<&String> = everything
        .keys()
        .filter(|path| !path.starts_with("out/hostile_pkg/"))
        .collect();
    assert!(
        outside.is_empty(),
        "written outside the output folder: {outside:?}"
    );
    assert_eq!(
        support::snapshot_folder(&hostile("")),
        fixtures_before,
        "the fixture folder changed"
    );
    support::snapshot_folder(&package)
}

/// Generates `input` twice in every style, checks both runs give the same bytes and the package
/// holds the usual files, and returns the functions-style package's files.
fn generates_deterministically(input: &Input<'_>) -> BTreeMap<String, String> {
    let mut first_style = None;
    for style in STYLES {
        let first = generate_contained(input, style);
        assert_eq!(
            generate_contained(input, style),
            first,
            "{style:?}: output differs between runs"
        );
        for name in PACKAGE_FILES {
            assert!(first.contains_key(name), "{style:?}: no {name}");
        }
        for (path, bytes) in &first {
            let text = std::str::from_utf8(bytes).unwrap_or_else(|_| panic!("{path} is not UTF-8"));
            assert!(!text.contains(['\0', '\r']), "{path} holds a raw NUL or CR");
        }
        first_style.get_or_insert(first);
    }
    first_style
        .unwrap()
        .into_iter()
        .map(|(path, bytes)| (path, String::from_utf8(bytes).unwrap()))
        .collect()
}

/// Every module of the functions-style package's `schemas/`, joined.
fn models(files: &BTreeMap<String, String>) -> String {
    support::python_models(
        files.iter().map(|(p, t)| (p.as_str(), t.as_str())),
        "schemas",
    )
}

/// The (pointer, message) of every diagnostic generating `input` fails with; the output folder
/// must not have been created.
fn errors_of(input: &Input<'_>) -> Vec<(String, String)> {
    let sandbox = tempfile::tempdir().unwrap();
    let package = sandbox.path().join("hostile_pkg");
    let error = input.generator().python(&package).generate().unwrap_err();
    assert!(!package.exists(), "the output folder was created");
    assert!(matches!(error, Error::Spec(_)), "{error}");
    error
        .diagnostics()
        .iter()
        .map(|d| (d.pointer.clone(), d.message.clone()))
        .collect()
}

/// A one-operation spec whose response is the component `root` of `schemas`.
fn spec_with(schemas: Value, root: &str) -> String {
    json!({
        "openapi": "3.0.3",
        "info": {"title": "Hostile", "version": "1.0"},
        "paths": {"/x": {"get": {
            "operationId": "get_x",
            "responses": {"200": {"description": "ok", "content": {"application/json": {
                "schema": {"$ref": format!("#/components/schemas/{root}")}
            }}}}
        }}},
        "components": {"schemas": schemas}
    })
    .to_string()
}

fn enum_spec(values: impl Iterator<Item = Value>) -> String {
    spec_with(
        json!({"Big": {"type": "string", "enum": values.collect::<Vec<_>>()}}),
        "Big",
    )
}

fn line_of<'t>(text: &'t str, needle: &str) -> &'t str {
    text.lines()
        .find(|line| line.contains(needle))
        .unwrap_or_else(|| panic!("no line holds {needle:?}"))
}

#[test]
fn keyword_names_are_renamed_and_never_shadow_builtins() {
    let files = generates_deterministically(&Input::File("keywords.json"));
    let schemas = &models(&files);
    let client = &files["client.py"];
    assert!(schemas.contains("\nclass Class(_pd.BaseModel):"));
    assert!(schemas.contains("\nclass None_(str, _enum.Enum):"));
    assert!(schemas.contains("    def_: str = _pd.Field("));
    // A field or parameter named `str` would shadow the builtin in the annotations after it.
    assert!(schemas.contains("    str_: str | None = _pd.Field("));
    assert!(schemas.contains("    list_2: str | None = _pd.Field("));
    // `Blob` is an alias of binary: the model holding it must allow arbitrary types.
    let response = &schemas[schemas.find("\nclass Response(").unwrap()..];
    let config = &response[response.find("model_config").unwrap()..];
    let config = &config[..config.find("\n\n").unwrap()];
    assert!(config.contains("arbitrary_types_allowed=True"));
    assert!(client.contains("\ndef import_(\n"));
    assert!(client.contains("    str_2: str | None = None,\n"));
    assert!(client.contains("parsed = _http.decode_json(response, list[str])"));
}

#[test]
fn names_colliding_after_case_conversion_get_distinct_python_names() {
    let files = generates_deterministically(&Input::File("collisions.json"));
    let schemas = &models(&files);
    for class in [
        "UserId", "UserId_2", "UserID", "UserId_3", "UserId_4", "UserId_5",
    ] {
        assert!(
            schemas.contains(&format!("\nclass {class}(")),
            "no class {class}"
        );
    }
    let client = &files["client.py"];
    for function in ["get_user", "get_user_2", "get_user_3", "get_user_4"] {
        for name in [function.to_string(), format!("{function}_detailed")] {
            assert!(
                client.contains(&format!("\ndef {name}(")),
                "no function {name}"
            );
        }
    }
}

#[test]
fn names_of_digits_signs_unicode_emoji_and_nothing_become_identifiers() {
    let files = generates_deterministically(&Input::File("odd_names.json"));
    let schemas = &models(&files);
    assert!(schemas.contains("    plus_1: int = _pd.Field("));
    assert!(schemas.contains("    minus_1: int = _pd.Field("));
    assert!(schemas.contains("validation_alias=\"😀\""));
    for line in schemas.lines().chain(files["client.py"].lines()) {
        let code = line.split('"').step_by(2).collect::<String>();
        assert!(code.is_ascii(), "a non-ASCII identifier: {line}");
    }
}

#[test]
fn descriptions_cannot_end_strings_or_comments_early() {
    let files = generates_deterministically(&Input::File("descriptions.json"));
    let schemas = &models(&files);
    // Every docstring line stays inside its quotes: the only unescaped `"""` open or close one.
    let description = line_of(schemas, "ends \\\"\\\"\\\" docstring");
    assert!(
        description
            .trim_start()
            .starts_with("\"\"\"ends \\\"\\\"\\\" docstring")
    );
    assert!(schemas.contains("NUL\\u0000here"));
    // More double quotes than single ones: single-quoted, as ruff's formatter writes it.
    assert!(schemas.contains("    quote: str = 'ends in a quote \"'\n"));
    assert!(schemas.contains("    slash: str = \"ends in a backslash \\\\\"\n"));
}

#[test]
fn path_like_schema_tag_and_operation_names_write_only_the_package_files() {
    let files = generates_deterministically(&Input::File("path_names.json"));
    // Beside the package's files, one module a schema, named in snake_case from its class.
    let (modules, package): (Vec<&str>, Vec<&str>) = files
        .keys()
        .map(String::as_str)
        .partition(|path| path.starts_with("schemas/") && *path != "schemas/__init__.py");
    assert_eq!(package, PACKAGE_FILES);
    assert_eq!(
        modules,
        [
            "schemas/_ab.py",
            "schemas/_c_win.py",
            "schemas/_escape.py",
            "schemas/_etc_passwd.py",
            "schemas/_schema.py",
            "schemas/_schema01.py",
            "schemas/_schema_2.py",
        ]
    );
}

#[test]
fn self_referencing_and_mutually_recursive_schemas_generate() {
    let files = generates_deterministically(&Input::File("recursion.json"));
    let schemas = &models(&files);
    assert!(schemas.contains("\nclass Node(_pd.BaseModel):"));
    // A nullable forward reference inside a run-time alias is quoted whole: `"Json" | None`
    // raises TypeError when the module is imported.
    assert!(schemas.contains("list[\"Json | None\"]"));
    assert!(!schemas.contains("\" | None"));
}

#[test]
fn ref_loops_between_schemas_are_errors_naming_the_chain() {
    let chain = |names: &[&str]| {
        names
            .iter()
            .map(|name| format!("`#/components/schemas/{name}`"))
            .collect::<Vec<_>>()
            .join(" → ")
    };
    let looped = |names: &[&str]| {
        format!(
            "`$ref` chain {} loops without reaching a schema",
            chain(names)
        )
    };
    assert_eq!(
        errors_of(&Input::File("ref_loop.json")),
        [
            (
                "/components/schemas/A".to_string(),
                looped(&["B", "C", "A", "B"])
            ),
            (
                "/components/schemas/B".to_string(),
                looped(&["C", "A", "B", "C"])
            ),
            (
                "/components/schemas/C".to_string(),
                looped(&["A", "B", "C", "A"])
            ),
            (
                "/components/schemas/Self".to_string(),
                looped(&["Self", "Self"])
            ),
        ]
    );
}

#[test]
fn ref_loops_through_parameters_bodies_responses_and_inline_nodes_are_errors() {
    let schema = "#/paths/~1p/get/responses/default/content/application~1json/schema";
    assert_eq!(
        errors_of(&Input::File("ref_loop_objects.json")),
        [
            (
                "/components/parameters/Q/$ref".to_string(),
                "`$ref` `#/components/parameters/P` leads back to itself".to_string()
            ),
            (
                "/components/requestBodies/Body/$ref".to_string(),
                "`$ref` `#/components/requestBodies/Body` leads back to itself".to_string()
            ),
            (
                "/components/responses/S/$ref".to_string(),
                "`$ref` `#/components/responses/R` leads back to itself".to_string()
            ),
            (
                format!("{}/$ref", &schema[1..]),
                format!("`$ref` `{schema}` leads back to itself without reaching a schema")
            ),
        ]
    );
}

#[test]
fn yaml_alias_bombs_are_refused_without_expanding_them() {
    assert_eq!(
        errors_of(&Input::File("alias_bomb.yaml")),
        [(
            String::new(),
            "the spec's YAML aliases expand to too many nodes; clientgen does not expand them"
                .to_string()
        )]
    );
}

#[test]
fn ten_thousand_enum_values_generate() {
    let values = (0..10_000).map(|i| json!(format!("value-{i}")));
    let files = generates_deterministically(&Input::Text(enum_spec(values)));
    assert!(models(&files).contains("    VALUE_9999 = \"value-9999\"\n"));
}

#[test]
fn ten_thousand_enum_values_that_spell_alike_generate_in_bounded_time() {
    // Emoji spell no ASCII letter: every value claims the same member name. Three emoji from a
    // block of 64 tell 10,000 values apart while keeping the spec small.
    let emoji = |n: usize| char::from_u32(0x1F600 + (n % 64) as u32).expect("an emoji");
    let values =
        (0..10_000).map(|i| json!(format!("{}{}{}", emoji(i), emoji(i / 64), emoji(i / 4096))));
    let started = Instant::now();
    generate_contained(&Input::Text(enum_spec(values)), STYLES[0]);
    assert!(
        started.elapsed() < Duration::from_secs(30),
        "took {:?}",
        started.elapsed()
    );
}

#[test]
fn two_hundred_levels_of_nesting_through_components_generate() {
    let mut schemas = serde_json::Map::new();
    for level in 0..200 {
        let next = format!("#/components/schemas/Level{}", level + 1);
        let schema = match level % 3 {
            0 => json!({"type": "object", "properties": {"next": {"$ref": next}}}),
            1 => json!({"type": "array", "items": {"$ref": next}}),
            _ => json!({"allOf": [{"$ref": next}], "description": "one more level"}),
        };
        schemas.insert(format!("Level{level}"), schema);
    }
    schemas.insert("Level200".to_string(), json!({"type": "string"}));
    let files =
        generates_deterministically(&Input::Text(spec_with(Value::Object(schemas), "Level0")));
    assert!(models(&files).contains("Level199"));
}

#[test]
fn two_hundred_levels_of_inline_nesting_are_refused_with_a_clear_error() {
    let mut schema = json!({"type": "string"});
    for _ in 0..200 {
        schema = json!({"type": "array", "items": schema});
    }
    let errors = errors_of(&Input::Text(spec_with(json!({"Deep": schema}), "Deep")));
    assert_eq!(
        errors,
        [(
            String::new(),
            "the spec nests more than 128 levels deep, deeper than clientgen reads JSON"
                .to_string()
        )]
    );
}

/// Takes `text` through load, normalize, lower and the Python target in every style, as the fuzz
/// target (fuzz/fuzz_targets/spec_to_python.rs) does: a spec error is fine; a panic, an error
/// from the target or a raw NUL or CR in the output is not.
fn survives(text: &str) {
    let Ok(spec) = Spec::from_text("fuzz.json", text.to_string()) else {
        return;
    };
    for (style, asyncio) in STYLES {
        let options = Options {
            style,
            asyncio,
            package_name: python::default_package_name(&spec.api),
            env_prefix: None,
            spec_name: spec.file_name(),
        };
        let tree = python::emit(&spec.api, &options).unwrap_or_else(|error| {
            panic!("{style:?}: the Python target refused a lowered spec: {error}")
        });
        for (path, file) in tree.files() {
            assert!(
                !file.contents.contains(['\0', '\r']),
                "{style:?}: {path} holds a raw NUL or CR"
            );
        }
    }
}

#[test]
fn regression_inputs_neither_panic_nor_hang() {
    let folder = hostile("regressions");
    let mut inputs: Vec<PathBuf> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    inputs.sort();
    assert!(
        !inputs.is_empty(),
        "no regression input in {}",
        folder.display()
    );
    for input in &inputs {
        let started = Instant::now();
        survives(&std::fs::read_to_string(input).unwrap());
        let name = input.file_name().map(Path::new).unwrap_or(input);
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "{}: took {:?}",
            name.display(),
            started.elapsed()
        );
    }
}
