//! Helpers shared by the integration tests.
#![allow(dead_code)] // each test binary uses some of these helpers

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

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

/// The path of the workspace crate in `folder` (`runtime`, `build-support`), for a path
/// dependency of a scratch crate.
pub fn workspace_crate(folder: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(folder)
        .canonicalize()
        .expect("workspace crate")
        .display()
        .to_string()
}

/// The folder of the scratch crate `name`, under `CARGO_TARGET_TMPDIR`.
pub fn scratch_dir(name: &str) -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join(name)
}

/// The scratch crate `name` ([`scratch_dir`]) with `src/`, a `Cargo.toml` holding
/// `dependencies` (tables with their headers) in a workspace of its own, and the workspace's
/// lock file, which keeps the dependency versions the ones already built. What the folder
/// held is kept.
pub fn scratch_crate(name: &str, dependencies: &str) -> PathBuf {
    let dir = scratch_dir(name);
    std::fs::create_dir_all(dir.join("src")).expect("scratch crate folder");
    std::fs::write(
        dir.join("Cargo.toml"),
        format!(
            "[package]\nname = {name:?}\nversion = \"0.0.0\"\nedition = \"2024\"\n\
             publish = false\n\n{dependencies}\n\n[workspace]\n"
        ),
    )
    .expect("Cargo.toml");
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    std::fs::copy(workspace.join("Cargo.lock"), dir.join("Cargo.lock")).expect("lock file");
    dir
}

/// The target folder of the scratch crates that depend on the runtime: its dependencies are
/// built once for all of them.
pub fn shared_target() -> PathBuf {
    scratch_dir("rust-fixtures").join("target")
}

/// `cargo ARGS` in `dir`, building into `target`, without the caller's `RUSTFLAGS`.
pub fn cargo(dir: &Path, target: &Path, args: &[&str]) -> Output {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    Command::new(cargo)
        .args(args)
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", target)
        .env_remove("RUSTFLAGS")
        .output()
        .expect("cargo runs")
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
