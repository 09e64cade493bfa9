//! `generate_clients!` compiles on the reference spec and on fixture specs (trybuild pass cases),
//! and bad input gives the compile errors recorded beside each fail case.
//!
//! trybuild builds the cases in its own crate under `<target>/tests/trybuild/clientgen-tests/`,
//! which is the `CARGO_MANIFEST_DIR` the macro resolves paths from: the specs the cases name
//! are copied to `specs/` there first.

mod support;

use std::path::{Path, PathBuf};

/// The specs the cases name, by the file name they use.
fn case_specs() -> Vec<PathBuf> {
    let fixtures = support::fixtures();
    let mut specs = vec![
        Path::new(env!("CARGO_MANIFEST_DIR")).join("rust/specs/reference.json"),
        Path::new(env!("CARGO_MANIFEST_DIR")).join("rust/specs/many_options.json"),
        Path::new(env!("CARGO_MANIFEST_DIR")).join("rust/specs/grown-v1.json"),
        Path::new(env!("CARGO_MANIFEST_DIR")).join("rust/specs/grown-v2.json"),
        fixtures.join("handwritten/features.json"),
        fixtures.join("handwritten/petstore-fastapi.json"),
        fixtures.join("invalid/malformed.json"),
        fixtures.join("invalid/dangling.json"),
    ];
    for name in [
        "readme--3.0-schema-circular",
        "readme--3.1-petstore",
        "readme--2.0-petstore-expanded",
        "readme--3.0-security",
    ] {
        specs.push(fixtures.join(format!("specs/{name}.json")));
    }
    specs
}

#[test]
fn macro_pass_and_fail_cases() {
    let target = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("the target folder holds tmp/");
    let specs = target.join("tests/trybuild/clientgen-tests/specs");
    std::fs::create_dir_all(&specs).expect("trybuild project folder");
    for spec in case_specs() {
        let name = spec.file_name().expect("a file name");
        std::fs::copy(&spec, specs.join(name)).expect("spec copied");
    }
    let cases = trybuild::TestCases::new();
    cases.pass("rust/ui/pass/*.rs");
    cases.compile_fail("rust/ui/fail/*.rs");
}
