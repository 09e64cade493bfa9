//! The Generator's Python options as every front door (build.rs, the macro, the CLI) meets them.

use std::path::{Path, PathBuf};

use super::*;

fn petstore() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/handwritten/petstore-fastapi.json")
}

fn generator() -> Generator {
    Generator::new(petstore()).emit_rerun_if_changed(false)
}

#[test]
fn a_python_folder_named_like_a_keyword_or_stdlib_module_is_refused_and_nothing_written() {
    let dir = tempfile::tempdir().unwrap();
    for (name, reason) in [("class", "keyword"), ("json", "standard library")] {
        let out = dir.path().join(name);
        let error = generator().python(&out).generate().unwrap_err();
        assert!(matches!(error, Error::Input(_)), "{error:?}");
        assert!(error.to_string().contains(reason), "{error}");
        assert!(!out.exists());
    }
}

#[test]
fn the_package_name_names_the_folder_under_out() {
    let dir = tempfile::tempdir().unwrap();
    generator()
        .out(dir.path())
        .python_package_name("pets")
        .generate()
        .unwrap();
    assert!(dir.path().join("python/pets/client.py").is_file());
    // The other languages keep the API's name.
    assert!(dir.path().join("typescript/pet_store/index.ts").is_file());
}

#[test]
fn a_package_name_that_differs_from_its_folder_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let error = generator()
        .python(dir.path().join("pets"))
        .python_package_name("animals")
        .generate()
        .unwrap_err();
    assert!(matches!(error, Error::Config(_)), "{error:?}");
    assert!(error.to_string().contains("`animals`"), "{error}");
}

#[test]
fn the_env_prefix_replaces_the_package_name_in_config_py() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("my_async");
    generator()
        .python(&out)
        .python_env_prefix("PETSTORE")
        .generate()
        .unwrap();
    let config = std::fs::read_to_string(out.join("config.py")).unwrap();
    assert!(config.contains("\"PETSTORE_BASE_URL\""), "{config}");
    assert!(!config.contains("MY_ASYNC"), "{config}");
}

#[test]
fn options_the_package_style_does_not_read_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    for generator in [
        generator().python_asyncio(true),
        generator().python_env_prefix("PETS"),
    ] {
        let out = dir.path().join("pkg");
        let error = generator
            .python(&out)
            .python_style(PythonStyle::Package)
            .generate()
            .unwrap_err();
        assert!(matches!(error, Error::Config(_)), "{error:?}");
        assert!(error.to_string().contains("`package`"), "{error}");
        assert!(!out.exists());
    }
}
