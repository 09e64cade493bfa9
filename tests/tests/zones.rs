//! Zones end to end through the build.rs API: the reference app's spec split into three zones,
//! every target written to a temp folder, the file lists pinned by snapshots.

mod support;

use std::path::{Path, PathBuf};

use clientgen_build::Generator;

fn reference_spec() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("rust/specs/reference.json")
}

fn zones_file(name: &str) -> PathBuf {
    support::fixtures().join("zones").join(name)
}

/// Every file under `dir`, `/`-separated, in order.
fn file_list(dir: &Path) -> String {
    support::snapshot_folder(dir)
        .into_keys()
        .collect::<Vec<_>>()
        .join("\n")
}

fn generate_zones(out: &Path) {
    Generator::new(reference_spec())
        .zones(zones_file("reference.toml"))
        .out(out)
        .emit_rerun_if_changed(false)
        .generate()
        .unwrap_or_else(|error| panic!("generation failed: {error}"));
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

#[test]
fn each_target_holds_one_folder_per_zone() {
    let out = tempfile::tempdir().expect("temp dir");
    generate_zones(out.path());
    for target in ["python", "typescript", "proto"] {
        insta::assert_snapshot!(
            format!("zones_files_{target}"),
            file_list(&out.path().join(target))
        );
    }
}

#[test]
fn level_indexes_and_buf_workspace_are_pinned() {
    let out = tempfile::tempdir().expect("temp dir");
    generate_zones(out.path());
    for file in [
        "typescript/index.ts",
        "typescript/cfg/index.ts",
        "typescript/custom/index.ts",
        "proto/buf.yaml",
    ] {
        insta::assert_snapshot!(
            format!("zones_{}", file.replace(['/', '.'], "_")),
            read(&out.path().join(file))
        );
    }
}

#[test]
fn each_zone_holds_only_its_operations_and_types() {
    let out = tempfile::tempdir().expect("temp dir");
    generate_zones(out.path());
    let python = out.path().join("python");
    let admin = read(&python.join("custom/admin/client.py"));
    assert!(admin.contains("def reset("), "{admin}");
    assert!(!admin.contains("def list_users("), "{admin}");
    let admin_files = support::snapshot_folder(&python.join("custom/admin"));
    let admin_schemas = support::python_models(
        admin_files
            .iter()
            .map(|(path, bytes)| (path.as_str(), std::str::from_utf8(bytes).expect("UTF-8"))),
        "schemas",
    );
    assert!(!admin_schemas.contains("class User("), "{admin_schemas}");
    let support = read(&python.join("cfg/cfg_support/client.py"));
    assert!(support.contains("def list_users(") && support.contains("def list_tickets("));
    assert!(!support.contains("def is_healthy("), "{support}");
    let public = read(&python.join("custom/public/client.py"));
    assert!(public.contains("def is_healthy(") && public.contains("def token("));
    // One lock file, one table per zone.
    let lock = read(&out.path().join("proto/clientgen.proto.lock"));
    for zone in ["cfg_support", "admin", "public"] {
        assert!(
            lock.contains(&format!("\"{zone}\"")),
            "{zone} missing from {lock}"
        );
    }
}

#[test]
fn regenerating_zones_changes_nothing() {
    let out = tempfile::tempdir().expect("temp dir");
    generate_zones(out.path());
    let before = support::snapshot_folder(out.path());
    generate_zones(out.path());
    assert_eq!(before, support::snapshot_folder(out.path()));
}

#[test]
fn operation_in_two_zones_fails_naming_both_and_writes_nothing() {
    let out = tempfile::tempdir().expect("temp dir");
    let error = Generator::new(reference_spec())
        .zones(zones_file("conflict.toml"))
        .out(out.path())
        .emit_rerun_if_changed(false)
        .generate()
        .err()
        .map(|error| error.to_string())
        .unwrap_or_default();
    assert!(
        error.contains(
            "the operation `GET /users` (list_users) is in two zones: `cfg_support` and `admin`"
        ),
        "{error}"
    );
    assert!(error.contains("#/paths/~1users/get"), "{error}");
    assert!(
        error.contains("7 operations of the spec are in more than one zone"),
        "{error}"
    );
    assert!(support::snapshot_folder(out.path()).is_empty());
}

#[test]
fn rust_file_holds_one_module_per_zone_with_its_operations() {
    let out = tempfile::tempdir().expect("temp dir");
    generate_zones(out.path());
    let rust = read(&out.path().join("rust/reference_api.rs"));
    let modules: Vec<&str> = rust
        .lines()
        .filter(|line| line.starts_with("pub mod "))
        .collect();
    insta::assert_snapshot!("zones_rust_modules", modules.join("\n"));
    let admin = &rust[rust.find("pub mod admin {").expect("admin module")..];
    let admin = &admin[..admin.find("\npub mod ").unwrap_or(admin.len())];
    assert!(admin.contains("pub fn reset("), "{admin}");
    assert!(!admin.contains("pub fn list_users("), "{admin}");
}
