//! Lowering the real 3.0 documents of the fixture corpus.

use std::path::{Path, PathBuf};
use std::time::Instant;

use serde_json::Value;

use crate::diagnostics::{Diagnostics, Severity};
use crate::lower::lower;

fn fixture_specs() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/specs");
    let mut specs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("the fixture folder is readable")
        .map(|entry| entry.expect("a fixture entry is readable").path())
        .filter(|path| {
            path.extension()
                .is_some_and(|extension| extension == "json")
        })
        .collect();
    specs.sort();
    specs
}

fn read(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).expect("the fixture is readable");
    serde_json::from_str(&text).expect("the fixture is JSON")
}

#[test]
fn every_openapi_3_0_fixture_lowers_without_errors() {
    let mut lowered = 0;
    for path in fixture_specs() {
        let document = read(&path);
        let is_3_0 = document
            .get("openapi")
            .and_then(Value::as_str)
            .is_some_and(|version| version.starts_with("3.0"));
        if !is_3_0 {
            continue;
        }
        let mut diagnostics = Diagnostics::new(&path);
        let started = Instant::now();
        let api = lower(&document, &mut diagnostics);
        let elapsed = started.elapsed();
        let name = path
            .file_name()
            .map(|name| name.to_string_lossy().into_owned());
        let name = name.unwrap_or_default();
        let errors: Vec<String> = diagnostics
            .items()
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(ToString::to_string)
            .collect();
        let warnings = diagnostics.items().len() - errors.len();
        println!(
            "{name}: {} types, {} operations, {warnings} warnings, lowered in {elapsed:?}",
            api.types.len(),
            api.operations.len(),
        );
        assert!(errors.is_empty(), "{name}:\n{}", errors.join("\n"));
        lowered += 1;
    }
    assert!(lowered >= 20, "only {lowered} fixtures are OpenAPI 3.0");
}
