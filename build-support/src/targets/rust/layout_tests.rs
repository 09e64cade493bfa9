//! The text the target writes is exactly what prettyplease prints for it, for every fixture
//! spec: prettyplease stays the formatter of record while the target writes text.

use std::path::{Path, PathBuf};

use super::{Options, emit};
use crate::Spec;

fn fixture_specs() -> Vec<PathBuf> {
    let tests = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests");
    let mut specs = vec![
        tests.join("rust/specs/reference.json"),
        tests.join("rust/specs/contract.json"),
    ];
    for folder in ["specs", "handwritten", "hostile"] {
        let Ok(entries) = std::fs::read_dir(tests.join("fixtures").join(folder)) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path
                .extension()
                .is_some_and(|ext| ext == "json" || ext == "yaml")
            {
                specs.push(path);
            }
        }
    }
    specs.sort();
    specs
}

/// The first line where `left` and `right` differ, with its neighbours, for a failure message.
fn first_difference(left: &str, right: &str) -> String {
    let (left, right): (Vec<&str>, Vec<&str>) = (left.lines().collect(), right.lines().collect());
    let index = left
        .iter()
        .zip(&right)
        .position(|(a, b)| a != b)
        .unwrap_or(left.len().min(right.len()));
    let from = index.saturating_sub(3);
    format!(
        "line {}:\n--- written\n{}\n--- prettyplease\n{}",
        index + 1,
        left[from..(index + 4).min(left.len())].join("\n"),
        right[from..(index + 4).min(right.len())].join("\n")
    )
}

#[test]
fn written_rust_is_exactly_what_prettyplease_prints() {
    let specs = fixture_specs();
    assert!(specs.len() > 20, "fixtures not found: {specs:?}");
    let mut failures = Vec::new();
    for path in &specs {
        // Specs that are errors (reference loops) have no client to check.
        let Ok(spec) = Spec::from_file(path) else {
            continue;
        };
        let options = Options {
            spec_name: "spec.json".to_string(),
            file_name: "api.rs".to_string(),
        };
        let tree = emit(&spec.api, &options).expect("emit");
        let (_, file) = tree.files().next().expect("one file");
        let text = file.contents.split_once('\n').map_or("", |(_, rest)| rest);
        let printed = match syn::parse_file(text) {
            Ok(parsed) => prettyplease::unparse(&parsed),
            Err(error) => {
                failures.push(format!("{}: does not parse: {error}", path.display()));
                continue;
            }
        };
        if printed != text {
            failures.push(format!(
                "{}: {}",
                path.display(),
                first_difference(text, &printed)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// The generated file of a one-operation spec with `servers` (JSON text, or none).
fn emitted(servers: Option<&str>) -> String {
    let servers = servers.map_or(String::new(), |servers| format!(r#""servers": {servers},"#));
    let text = format!(
        r#"{{"openapi": "3.1.0", "info": {{"title": "T", "version": "1"}}, {servers}
        "paths": {{"/ping": {{"get": {{"operationId": "ping",
        "responses": {{"204": {{"description": "ok"}}}}}}}}}}}}"#
    );
    let spec = Spec::from_text("spec.json", text).expect("a valid spec");
    let options = Options {
        spec_name: "spec.json".to_string(),
        file_name: "api.rs".to_string(),
    };
    let tree = emit(&spec.api, &options).expect("emit");
    let (_, file) = tree.files().next().expect("one file");
    file.contents.to_string()
}

#[test]
fn the_default_base_url_is_the_specs_first_server() {
    let text = emitted(Some(
        r#"[{"url": "https://api.example.com/v1"}, {"url": "https://eu.example.com"}]"#,
    ));
    assert!(
        text.contains(r#"pub const DEFAULT_BASE_URL: &str = "https://api.example.com/v1";"#),
        "{text}"
    );
    assert!(text.contains("impl Default for Client {"), "{text}");
    assert!(text.contains("Self::new(DEFAULT_BASE_URL)"), "{text}");
}

#[test]
fn without_servers_the_default_base_url_is_empty_and_documented_so() {
    let text = emitted(None);
    assert!(
        text.contains(r#"pub const DEFAULT_BASE_URL: &str = "";"#),
        "{text}"
    );
    assert!(text.contains("the spec names no server"), "{text}");
}
