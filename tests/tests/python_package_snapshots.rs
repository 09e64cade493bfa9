//! Snapshots of the Python `package` style for the handwritten petstore: any change in output
//! shows up here and is reviewed like code (`cargo insta review`).

mod support;

use clientgen_build::Spec;
use clientgen_build::targets::python::{self, Options, PythonStyle};

fn emit_package(spec_file: &str) -> clientgen_build::tree::Tree {
    let spec = Spec::from_file(support::fixtures().join(spec_file)).expect("fixture spec loads");
    let options = Options {
        style: PythonStyle::Package,
        asyncio: false,
        package_name: "snapshot_package".to_string(),
        env_prefix: None,
        spec_name: spec.file_name(),
    };
    python::emit(&spec.api, &options).expect("fixture spec emits")
}

#[test]
fn fastapi_style_petstore_package() {
    let tree = emit_package("handwritten/petstore-fastapi.json");
    for (path, file) in tree.files() {
        // Named by the path in the import package (or the project folder, for `pyproject.toml`
        // and `README.md`).
        let path = path.strip_prefix("snapshot_package/").unwrap_or(path);
        let snapshot = format!("petstore_package__{}", path.replace(['/', '.'], "_"));
        insta::assert_snapshot!(snapshot, &file.contents);
    }
}

#[test]
fn package_style_holds_the_functions_style_models() {
    let package = emit_package("handwritten/petstore-fastapi.json");
    let spec = Spec::from_file(support::fixtures().join("handwritten/petstore-fastapi.json"))
        .expect("fixture spec loads");
    let functions = python::emit(
        &spec.api,
        &Options {
            style: PythonStyle::Functions,
            asyncio: false,
            package_name: "snapshot_package".to_string(),
            env_prefix: None,
            spec_name: spec.file_name(),
        },
    )
    .expect("fixture spec emits");
    let models: Vec<(String, String)> = package
        .files()
        .filter_map(|(path, file)| {
            let module = path.strip_prefix("snapshot_package/models/")?;
            Some((module.to_string(), file.contents.clone()))
        })
        .collect();
    let schemas: Vec<(String, String)> = functions
        .files()
        .filter_map(|(path, file)| {
            Some((
                path.strip_prefix("schemas/")?.to_string(),
                file.contents.clone(),
            ))
        })
        .collect();
    // The same modules and declarations; only the transport's import differs.
    assert!(!models.is_empty());
    assert_eq!(models, schemas);
}

#[test]
fn same_spec_gives_byte_identical_package() {
    for name in support::real_specs() {
        let first = emit_package(&name);
        let second = emit_package(&name);
        assert_eq!(
            first, second,
            "{name} gave different output on a second run"
        );
    }
}
