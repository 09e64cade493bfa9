//! A deleted output folder comes back on the next `cargo build`, from a build script and from
//! the macro alike, and a build that changed nothing stays fresh (no extra run of the build
//! script, no recompilation) after the folder is written again.
//!
//! Each test builds a scratch crate (under `CARGO_TARGET_TMPDIR`) in the target folder the Rust
//! fixture tests use, so that clientgen and the runtime's dependencies are built once for all.

mod support;

use std::path::{Path, PathBuf};

const BUILD_RS: &str = r#"use clientgen_build::{Generator, OutDir};

fn main() -> Result<(), clientgen_build::Error> {
    Generator::new("openapi.json")
        .python("clients/petstore")
        .typescript(OutDir::join("ts"))
        .generate()
}
"#;

/// The generated TypeScript, read from `OUT_DIR` as a published crate would.
const LIB_RS: &str =
    "pub const CLIENT_TS: &str = include_str!(concat!(env!(\"OUT_DIR\"), \"/ts/index.ts\"));\n";

const MACRO_MAIN_RS: &str = r#"clientgen::generate_clients! {
    spec = "openapi.json",
    out = "clients",
    targets = [python],
}

fn main() {
    let _ = pet_store::Client::new("http://127.0.0.1:1");
}
"#;

/// A fresh scratch crate `name` with `dependencies` (a Cargo.toml table with its header), the
/// pet store spec of examples/python-build, and `files`.
fn scratch_crate(name: &str, dependencies: &str, files: &[(&str, &str)]) -> PathBuf {
    let _ = std::fs::remove_dir_all(support::scratch_dir(name));
    let dir = support::scratch_crate(name, dependencies);
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/python-build/openapi.json"),
        dir.join("openapi.json"),
    )
    .expect("the spec");
    for (path, text) in files {
        std::fs::write(dir.join(path), text).expect("a scratch crate file");
    }
    dir
}

/// `cargo check --verbose` of the crate at `dir`, asserting it succeeds.
fn cargo_check(dir: &Path) -> String {
    let args = ["check", "--verbose", "--message-format", "short"];
    let output = support::cargo(dir, &support::shared_target(), &args);
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(output.status.success(), "cargo check failed:\n{stderr}");
    stderr
}

/// Builds the crate, deletes `folder` (relative to the crate), builds again and expects
/// `file` in it back, then builds once more and expects nothing to run.
fn deleted_folder_comes_back(dir: &Path, name: &str, folder: &str, file: &str) {
    cargo_check(dir);
    let generated = dir.join(folder).join(file);
    assert!(
        generated.is_file(),
        "{} was not written",
        generated.display()
    );
    let fresh = cargo_check(dir);
    assert!(
        fresh.contains(&format!("Fresh {name}")),
        "a build that changed nothing ran again:\n{fresh}"
    );

    std::fs::remove_dir_all(dir.join(folder)).expect("delete the output folder");
    let rebuilt = cargo_check(dir);
    assert!(
        generated.is_file(),
        "{} was not written again:\n{rebuilt}",
        generated.display()
    );
    let fresh = cargo_check(dir);
    assert!(
        fresh.contains(&format!("Fresh {name}")),
        "the build after the regeneration ran again:\n{fresh}"
    );
}

#[test]
fn a_build_script_writes_a_deleted_output_folder_again_on_the_next_build() {
    let name = "deleted-output-build-script";
    let dependencies = format!(
        "[build-dependencies]\nclientgen-build = {{ path = {:?} }}",
        support::workspace_crate("build-support")
    );
    let dir = scratch_crate(
        name,
        &dependencies,
        &[("build.rs", BUILD_RS), ("src/lib.rs", LIB_RS)],
    );
    deleted_folder_comes_back(&dir, name, "clients", "petstore/client.py");
}

#[test]
fn the_macro_writes_a_deleted_output_folder_again_on_the_next_build() {
    let name = "deleted-output-macro";
    let dependencies = format!(
        "[dependencies]\nclientgen = {{ path = {:?} }}",
        support::workspace_crate("runtime")
    );
    let dir = scratch_crate(name, &dependencies, &[("src/main.rs", MACRO_MAIN_RS)]);
    deleted_folder_comes_back(&dir, name, "clients", "python/pet_store/client.py");
}

/// `.rust_to_out_dir()` beside `.python(OutDir::join("py"))`: one output folder inside another.
/// The outer one is written first, while it is still empty (not a folder clientgen did not make).
#[test]
fn an_output_folder_inside_another_is_written_on_the_first_run_and_after() {
    let spec = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/python-build/openapi.json");
    let out = tempfile::tempdir().expect("temp dir");
    for _ in 0..2 {
        let outcome = clientgen_build::Generator::new(&spec)
            .python(out.path().join("py/petstore"))
            .rust(out.path())
            .emit_rerun_if_changed(false)
            .run()
            .expect("both outputs are written");
        let folders: Vec<_> = outcome.outputs.iter().map(|(dir, _)| dir.clone()).collect();
        assert_eq!(
            folders,
            [out.path().join("py/petstore"), out.path().to_path_buf()],
            "the outputs keep the targets' order"
        );
    }
    assert!(out.path().join("py/petstore/client.py").is_file());
    assert!(out.path().join("pet_store.rs").is_file());
}
