//! A build script whose `main` returns `clientgen_build::Error` (as the README's and the bundled
//! example's do) shows cargo the same rustc-style message the `clientgen` command prints, not a
//! `Debug` dump of the error's structure.
//!
//! A scratch crate (under `CARGO_TARGET_TMPDIR`, with its own target folder and the workspace's
//! lock file) gets such a build.rs over a spec with two dangling `$ref`s; `cargo build` must fail,
//! and its output must hold the diagnostics as the CLI writes them.

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
    let dependencies = format!(
        "[build-dependencies]\nclientgen-build = {{ path = {:?} }}",
        support::workspace_crate("build-support")
    );
    let crate_dir = support::scratch_crate("build-script-error", &dependencies);
    std::fs::write(crate_dir.join("build.rs"), BUILD_RS).expect("build.rs");
    std::fs::write(crate_dir.join("src/lib.rs"), "").expect("lib.rs");
    std::fs::copy(
        support::fixtures().join("invalid/dangling.json"),
        crate_dir.join("dangling.json"),
    )
    .expect("the spec");

    let output = support::cargo(&crate_dir, &crate_dir.join("target"), &["build", "--quiet"]);
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
