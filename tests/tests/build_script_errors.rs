//! A build script whose `main` returns `clientgen_build::Error` (as the README's and the bundled
//! example's do) shows cargo the same rustc-style message the `clientgen` command prints, not a
//! `Debug` dump of the error's structure.
//!
//! A scratch crate (under `CARGO_TARGET_TMPDIR`, with its own target folder and the workspace's
//! lock file) gets such a build.rs over a spec with two dangling `$ref`s; `cargo build` must fail,
//! and its output must hold the diagnostics as the CLI writes them.

use std::path::Path;
use std::process::Command;

mod support;

const BUILD_RS: &str = r#"fn main() -> Result<(), clientgen_build::Error> {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    clientgen_build::Generator::new("dangling.json")
        .python(std::path::Path::new(&out).join("client"))
        .generate()
}
"#;

#[test]
fn a_build_script_returning_the_error_shows_cargo_the_rustc_style_message() {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let crate_dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("build-script-error");
    std::fs::create_dir_all(crate_dir.join("src")).expect("scratch crate folder");
    let build_support = workspace
        .join("build-support")
        .canonicalize()
        .expect("build-support crate");
    std::fs::write(
        crate_dir.join("Cargo.toml"),
        format!(
            "[package]\nname = \"build-script-error\"\nversion = \"0.0.0\"\nedition = \"2024\"\n\
             publish = false\n\n[build-dependencies]\nclientgen-build = {{ path = {:?} }}\n\n\
             [workspace]\n",
            build_support.display().to_string()
        ),
    )
    .expect("Cargo.toml");
    std::fs::write(crate_dir.join("build.rs"), BUILD_RS).expect("build.rs");
    std::fs::write(crate_dir.join("src/lib.rs"), "").expect("lib.rs");
    std::fs::copy(
        support::fixtures().join("invalid/dangling.json"),
        crate_dir.join("dangling.json"),
    )
    .expect("the spec");
    // The workspace's lock file keeps the dependency versions the ones already built.
    std::fs::copy(workspace.join("Cargo.lock"), crate_dir.join("Cargo.lock")).expect("lock file");

    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    let output = Command::new(cargo)
        .args(["build", "--quiet"])
        .current_dir(&crate_dir)
        .env("CARGO_TARGET_DIR", crate_dir.join("target"))
        .env_remove("RUSTFLAGS")
        .output()
        .expect("cargo runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "the build should fail:\n{stderr}");
    for expected in [
        "Error: error: `$ref` `#/components/schemas/Nope` points at nothing",
        "  --> dangling.json:16:75 at #/components/schemas/A/properties/b/$ref",
        "  = help: define it, or correct the reference",
        "the spec has 2 errors; nothing was written",
    ] {
        assert!(
            stderr.contains(expected),
            "cargo's output lacks {expected:?}:\n{stderr}"
        );
    }
    assert!(
        !stderr.contains("Diagnostic {") && !stderr.contains("Spec(["),
        "cargo's output holds a Debug dump:\n{stderr}"
    );
}
