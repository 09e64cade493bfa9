//! Every real spec in `tests/fixtures/specs` normalizes without errors into a document that
//! `openapiv3` (which reads only OpenAPI 3.0) accepts: proof that the output is 3.0 in shape.

use std::path::{Path, PathBuf};

use clientgen_build::diagnostics::Diagnostics;
use clientgen_build::normalize::normalize;
use clientgen_build::{Diagnostic, Severity};

fn fixture_specs() -> Vec<PathBuf> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/specs");
    let mut specs: Vec<PathBuf> = std::fs::read_dir(&folder)
        .unwrap_or_else(|error| panic!("cannot list {}: {error}", folder.display()))
        .map(|entry| entry.expect("a readable folder entry").path())
        .filter(|path| {
            path.extension()
                .is_some_and(|extension| extension == "json")
        })
        .collect();
    specs.sort();
    specs
}

/// Normalizes `path`; the normalized document, or a description of what went wrong.
fn check(path: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(path).map_err(|error| format!("unreadable: {error}"))?;
    let document: serde_json::Value =
        serde_json::from_str(&text).map_err(|error| format!("not JSON: {error}"))?;
    let mut diagnostics = Diagnostics::new(path);
    let normalized = normalize(document, &mut diagnostics);
    let errors: Vec<&Diagnostic> = diagnostics
        .items()
        .iter()
        .filter(|diagnostic| diagnostic.severity == Severity::Error)
        .collect();
    if !errors.is_empty() {
        let listed: Vec<String> = errors.iter().map(ToString::to_string).collect();
        return Err(format!("normalize reported errors:\n{}", listed.join("")));
    }
    if normalized["openapi"] != "3.0.3" {
        return Err(format!(
            "openapi is {}, not \"3.0.3\"",
            normalized["openapi"]
        ));
    }
    serde_json::from_value::<openapiv3::OpenAPI>(normalized)
        .map(|_| ())
        .map_err(|error| format!("openapiv3 rejects the output: {error}"))
}

#[test]
fn every_fixture_spec_normalizes_to_a_document_openapiv3_reads() {
    let specs = fixture_specs();
    assert!(
        specs.len() >= 38,
        "expected the fixture specs, found {}",
        specs.len()
    );
    let failures: Vec<String> = specs
        .iter()
        .filter_map(|path| {
            check(path).err().map(|problem| {
                let name = path.file_name().unwrap_or_default().to_string_lossy();
                format!("{name}: {problem}")
            })
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} specs failed:\n{}",
        failures.len(),
        specs.len(),
        failures.join("\n")
    );
}
