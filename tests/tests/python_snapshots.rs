//! Snapshots of the Python package for a few fixture specs: any change in output shows up here
//! and is reviewed like code (`cargo insta review`).

mod support;

use clientgen_build::Spec;
use clientgen_build::targets::python::{self, Options, PythonStyle};

fn emit(spec_file: &str, style: PythonStyle, asyncio: bool) -> clientgen_build::tree::Tree {
    let spec = Spec::from_file(support::fixtures().join(spec_file)).expect("fixture spec loads");
    let options = Options {
        style,
        asyncio,
        package_name: "snapshot_client".to_string(),
        env_prefix: None,
        spec_name: spec.file_name(),
    };
    python::emit(&spec.api, &options).expect("fixture spec emits")
}

fn assert_tree_snapshot(name: &str, tree: &clientgen_build::tree::Tree) {
    for (path, file) in tree.files() {
        let snapshot = format!("{name}__{}", path.replace(['/', '.'], "_"));
        insta::assert_snapshot!(snapshot, &file.contents);
    }
}

/// The files `names` and the modules of `schemas/`, each with its path spelled for a snapshot
/// name (`schemas/_pet.py` → `schemas__pet_py`).
fn files_of<'a>(
    tree: &'a clientgen_build::tree::Tree,
    names: &[&str],
) -> Vec<(String, &'a clientgen_build::tree::File)> {
    let picked: Vec<_> = tree
        .files()
        .filter(|(path, _)| names.contains(path) || path.starts_with("schemas/"))
        .map(|(path, file)| (path.replace(['/', '.'], "_"), file))
        .collect();
    assert!(picked.len() > names.len(), "no schemas/ or a file missing");
    picked
}

#[test]
fn fastapi_style_petstore_functions() {
    let tree = emit(
        "handwritten/petstore-fastapi.json",
        PythonStyle::Functions,
        false,
    );
    assert_tree_snapshot("petstore_functions", &tree);
}

#[test]
fn fastapi_style_petstore_async_class() {
    let tree = emit(
        "handwritten/petstore-fastapi.json",
        PythonStyle::Class,
        true,
    );
    assert_tree_snapshot("petstore_async_class", &tree);
}

#[test]
fn openapi_31_petstore_schemas_and_client() {
    let tree = emit(
        "specs/readme--3.1-petstore.json",
        PythonStyle::Functions,
        false,
    );
    for (path, file) in files_of(&tree, &["client.py", "transport.py"]) {
        insta::assert_snapshot!(format!("readme_31_petstore__{path}"), &file.contents);
    }
}

#[test]
fn swagger_20_petstore_schemas_and_client() {
    let tree = emit(
        "specs/readme--2.0-petstore-expanded.json",
        PythonStyle::Functions,
        false,
    );
    for (path, file) in files_of(&tree, &["client.py"]) {
        insta::assert_snapshot!(format!("readme_20_petstore__{path}"), &file.contents);
    }
}

#[test]
fn security_schemes_client() {
    let tree = emit(
        "specs/readme--3.0-security.json",
        PythonStyle::Functions,
        false,
    );
    for file in ["client.py", "transport.py"] {
        let contents = &tree.get(file).expect("file is emitted").contents;
        insta::assert_snapshot!(
            format!("readme_30_security__{}", file.replace('.', "_")),
            contents
        );
    }
}

#[test]
fn same_spec_gives_byte_identical_output() {
    for name in support::real_specs() {
        let first = emit(&name, PythonStyle::Functions, false);
        let second = emit(&name, PythonStyle::Functions, false);
        assert_eq!(
            first, second,
            "{name} gave different output on a second run"
        );
    }
}
