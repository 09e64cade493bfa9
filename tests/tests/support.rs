//! Helpers shared by the integration tests.
#![allow(dead_code)] // each test binary uses some of these helpers

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The folder of real and hand-written fixture specs.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

/// The real specs copied from shared/specs, as paths relative to [`fixtures`]
/// (`specs/<name>.json`), sorted.
pub fn real_specs() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(fixtures().join("specs"))
        .expect("the fixture folder is readable")
        .map(|entry| entry.expect("a fixture entry is readable").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .map(|path| {
            format!(
                "specs/{}",
                path.file_name().expect("a file").to_string_lossy()
            )
        })
        .collect();
    names.sort();
    names
}

/// Every file under `dir` (relative path → bytes), for before/after comparisons.
pub fn snapshot_folder(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        for entry in std::fs::read_dir(&folder).expect("test folder is readable") {
            let path = entry.expect("entry is readable").path();
            if path.is_dir() {
                pending.push(path);
            } else {
                let relative = path.strip_prefix(dir).expect("inside dir");
                let bytes = std::fs::read(&path).expect("file is readable");
                files.insert(relative.to_string_lossy().replace('\\', "/"), bytes);
            }
        }
    }
    files
}

/// The modules of a generated Python package's models (under `folder`: `schemas` or `models`),
/// in path order, joined into one text: for the tests that look for a declaration wherever it
/// lives.
pub fn python_models<'a>(
    files: impl IntoIterator<Item = (&'a str, &'a str)>,
    folder: &str,
) -> String {
    let prefix = format!("{folder}/");
    files
        .into_iter()
        .filter(|(path, _)| path.starts_with(&prefix))
        .map(|(_, text)| text)
        .collect()
}
