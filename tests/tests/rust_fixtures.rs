//! The Rust client of every fixture spec (and of the reference, contract and auth apps) compiles and
//! is clippy-clean with `-D warnings` (but for the lints the generated module allows in its
//! header), and so does the reference spec's client split into zones (one module per zone); so
//! does a user function that returns `Result<(), clientgen::Error<E>>` with a large `E`.
//!
//! The two biggest specs (Kubernetes, GitHub Enterprise: 8 MB of Rust together) take minutes to
//! check on two cores and are left out unless `CLIENTGEN_RUST_SWEEP=all`.
//!
//! All clients go into one scratch crate (one module per spec) under the target folder, checked
//! by one `cargo clippy`: the runtime's dependencies are checked once, and later runs reuse them.

mod support;

use std::path::{Path, PathBuf};

use clientgen_build::Generator;

/// Specs checked only with `CLIENTGEN_RUST_SWEEP=all`.
const SLOW_SPECS: &[&str] = &[
    "debian--kubernetes-v1.13.json",
    "apisguru--github.com_ghes-3.6.json",
];

fn fixture_specs() -> Vec<PathBuf> {
    let all = std::env::var("CLIENTGEN_RUST_SWEEP").is_ok_and(|value| value == "all");
    let mut specs = Vec::new();
    for folder in ["specs", "handwritten"] {
        let dir = support::fixtures().join(folder);
        for entry in std::fs::read_dir(&dir).expect("fixture folder is readable") {
            let path = entry.expect("entry is readable").path();
            let slow = path
                .file_name()
                .is_some_and(|name| SLOW_SPECS.iter().any(|slow| name == *slow));
            if path.extension().is_some_and(|ext| ext == "json") && (all || !slow) {
                specs.push(path);
            }
        }
    }
    specs.push(reference_spec());
    specs.push(Path::new(env!("CARGO_MANIFEST_DIR")).join("rust/specs/contract.json"));
    specs.push(Path::new(env!("CARGO_MANIFEST_DIR")).join("rust/specs/auth.json"));
    specs.sort();
    specs
}

fn reference_spec() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("rust/specs/reference.json")
}

/// A module name for a spec file: `readme--3.0-security.json` → `readme_3_0_security`.
fn module_of(spec: &Path) -> String {
    let stem = spec.file_stem().unwrap_or_default().to_string_lossy();
    let mut name: String = stem
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect();
    while name.contains("__") {
        name = name.replace("__", "_");
    }
    format!("spec_{name}")
}

#[test]
fn generated_rust_of_every_fixture_spec_passes_clippy() {
    let dependencies = format!(
        "[dependencies]\nclientgen = {{ path = {:?} }}",
        support::workspace_crate("runtime")
    );
    let crate_dir = support::scratch_crate("rust-fixtures", &dependencies);
    let src = crate_dir.join("src");
    let mut lib = String::from(
        "//! Every fixture spec's Rust client.\n\n\
         /// What user code returns: clippy's `result_large_err` stays quiet whatever the error body.\n\
         pub fn user_code(error: clientgen::Error<[u8; 4096]>) -> Result<(), clientgen::Error<[u8; 4096]>> {\n    \
         Err(error)\n}\n",
    );
    let zoned = (
        "zoned_reference".to_string(),
        reference_spec(),
        Some(support::fixtures().join("zones/reference.toml")),
    );
    let clients = fixture_specs()
        .into_iter()
        .map(|spec| (module_of(&spec), spec, None))
        .chain([zoned]);
    for (module, spec, zones) in clients {
        let out = src.join(&module);
        let mut generator = Generator::new(&spec)
            .rust(&out)
            .force(true)
            .emit_rerun_if_changed(false);
        if let Some(zones) = zones {
            generator = generator.zones(zones);
        }
        let outcome = generator
            .run()
            .unwrap_or_else(|error| panic!("{}: {error}", spec.display()));
        let written = outcome.outputs[0].0.clone();
        let file = std::fs::read_dir(&written)
            .expect("output folder")
            .map(|entry| {
                entry
                    .expect("entry")
                    .file_name()
                    .to_string_lossy()
                    .into_owned()
            })
            .find(|name| name.ends_with(".rs"))
            .expect("a .rs file was written");
        lib.push_str(&format!(
            "pub mod {module} {{\n    include!(\"{module}/{file}\");\n}}\n"
        ));
    }
    std::fs::write(src.join("lib.rs"), lib).expect("lib.rs");
    let args = ["clippy", "--quiet", "--", "-D", "warnings"];
    let output = support::cargo(&crate_dir, &support::shared_target(), &args);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "cargo clippy of the generated clients failed:\n{}",
        stderr.chars().take(20_000).collect::<String>()
    );
}
