//! `generate_clients!` with `zones = "zones.toml"` (trybuild pass and fail cases under
//! tests/fixtures/zones/ui): the zones are written beside the one Rust module, and a bad zones
//! file is a compile error at the `zones` argument.
//!
//! trybuild builds the cases in `<target>/tests/trybuild/clientgen-tests/`, the macro's
//! `CARGO_MANIFEST_DIR`: the spec and the zones files are copied there first.

mod support;

use std::path::Path;

#[test]
fn macro_zones_pass_and_fail_cases() {
    let target = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("the target folder holds tmp/");
    let project = target.join("tests/trybuild/clientgen-tests");
    for folder in ["specs", "zones"] {
        std::fs::create_dir_all(project.join(folder)).expect("trybuild project folder");
    }
    let spec = Path::new(env!("CARGO_MANIFEST_DIR")).join("rust/specs/reference.json");
    std::fs::copy(spec, project.join("specs/reference.json")).expect("spec copied");
    for name in ["reference.toml", "conflict.toml"] {
        let zones = support::fixtures().join("zones").join(name);
        std::fs::copy(zones, project.join("zones").join(name)).expect("zones file copied");
    }
    let cases = trybuild::TestCases::new();
    cases.pass("fixtures/zones/ui/pass/*.rs");
    cases.compile_fail("fixtures/zones/ui/fail/*.rs");
}
