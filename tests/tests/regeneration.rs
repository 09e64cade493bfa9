//! What a second `generate()` does to a folder the first one wrote.

mod support;

use std::time::{Duration, SystemTime};

use clientgen_build::{Error, Generator};

fn petstore() -> std::path::PathBuf {
    support::fixtures().join("handwritten/petstore-fastapi.json")
}

/// Generates the pet store's Python package into `package`.
fn generate_into(package: &std::path::Path) {
    Generator::new(petstore())
        .python(package)
        .generate()
        .unwrap();
}

#[test]
fn regeneration_keeps_an_edited_config_py() {
    let dir = tempfile::tempdir().unwrap();
    let package = dir.path().join("petstore");
    generate_into(&package);
    let edited = "def get_base_url() -> str:\n    return \"https://mine.example\"\n";
    std::fs::write(package.join("config.py"), edited).unwrap();

    generate_into(&package);

    assert_eq!(
        std::fs::read_to_string(package.join("config.py")).unwrap(),
        edited
    );
}

#[test]
fn regeneration_touches_no_unchanged_file() {
    let dir = tempfile::tempdir().unwrap();
    let package = dir.path().join("petstore");
    generate_into(&package);
    let long_ago = SystemTime::now() - Duration::from_secs(3600);
    for path in support::snapshot_folder(&package).keys() {
        let file = std::fs::File::options()
            .write(true)
            .open(package.join(path))
            .unwrap();
        file.set_modified(long_ago).unwrap();
    }

    let outcome = Generator::new(petstore()).python(&package).run().unwrap();

    let report = &outcome.outputs[0].1;
    assert!(report.written.is_empty(), "rewrote {:?}", report.written);
    for path in support::snapshot_folder(&package).keys() {
        let modified = std::fs::metadata(package.join(path))
            .unwrap()
            .modified()
            .unwrap();
        assert_eq!(modified, long_ago, "{path} was touched");
    }
}

#[test]
fn regeneration_removes_a_file_it_no_longer_generates() {
    let dir = tempfile::tempdir().unwrap();
    let package = dir.path().join("petstore");
    generate_into(&package);
    // A file an earlier run generated (say, for an operation since removed from the spec).
    let manifest = package.join(".clientgen-manifest");
    let mut listed = std::fs::read_to_string(&manifest).unwrap();
    listed.push_str("api/old_operation.py\n");
    std::fs::write(&manifest, listed).unwrap();
    std::fs::create_dir_all(package.join("api")).unwrap();
    std::fs::write(package.join("api/old_operation.py"), "# generated\n").unwrap();

    let outcome = Generator::new(petstore()).python(&package).run().unwrap();

    assert_eq!(
        outcome.outputs[0].1.removed,
        vec!["api/old_operation.py".to_string()]
    );
    assert!(
        !package.join("api").exists(),
        "the emptied folder is removed too"
    );
    assert!(package.join("client.py").is_file());
}

#[test]
fn folder_not_made_by_clientgen_is_refused_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let package = dir.path().join("petstore");
    std::fs::create_dir_all(&package).unwrap();
    std::fs::write(package.join("notes.txt"), "mine").unwrap();

    let error = Generator::new(petstore())
        .python(&package)
        .generate()
        .unwrap_err();
    assert!(matches!(error, Error::ForeignOutput { .. }), "{error}");
    assert_eq!(support::snapshot_folder(&package).len(), 1);

    Generator::new(petstore())
        .python(&package)
        .force(true)
        .generate()
        .unwrap();
    assert_eq!(
        std::fs::read_to_string(package.join("notes.txt")).unwrap(),
        "mine"
    );
    assert!(package.join("client.py").is_file());
}
