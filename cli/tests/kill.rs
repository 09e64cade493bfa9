//! Killing `clientgen generate` midway never breaks the client it was replacing.
//!
//! The output folders hold a client generated from one spec (Magento, 0.9 MB) and `generate` runs
//! with another (GitHub Enterprise 3.6, 2.7 MB) for Python, TypeScript and proto, so nearly every
//! file changes, proto's files move to new folders and the old ones become stale. The process is
//! killed with SIGKILL at delays spread over a whole run, and at the moment its first temporary
//! file appears (while it writes). After each kill:
//!
//! - every file is byte-identical to its old or its new version, never partial or foreign, and no
//!   file that both versions have is missing (temps may remain); a manifest may also be the one
//!   a run puts in place before it renames files: the old and new lists together;
//! - the next run exits 0, leaves no temp, and the folders are exactly what an uninterrupted run
//!   gives.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output};
use std::time::{Duration, Instant};

/// The spec of the client already in the folders.
const OLD_SPEC: &str = "specs/apisguru--magento.com.json";
/// The spec the killed runs generate from.
const NEW_SPEC: &str = "specs/apisguru--github.com_ghes-3.6.json";
/// The output option of each target, with the folder it writes.
const TARGETS: [(&str, &str); 3] = [
    ("--python-out", "python"),
    ("--typescript-out", "typescript"),
    ("--proto-out", "proto"),
];
/// Where in a run the timed kills land, as fractions of an uninterrupted run's wall time.
const KILL_AT: [f64; 8] = [0.1, 0.25, 0.4, 0.55, 0.7, 0.8, 0.9, 0.97];
/// How many kills on the first temp file may be tried before one lands while files are written.
const WRITING_KILL_TRIES: usize = 5;
/// The file of an output folder that lists what clientgen generated there.
const MANIFEST: &str = ".clientgen-manifest";
/// The writer's temporary files end so.
const TEMP_SUFFIX: &str = ".clientgen-tmp";

/// Files under a folder, relative and `/`-separated, with their bytes.
type Files = BTreeMap<String, Vec<u8>>;

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures")
        .join(path)
}

/// `clientgen generate -f SPEC` with every target written under `root`.
fn command(spec: &str, root: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_clientgen"));
    command.arg("generate").arg("-f").arg(fixture(spec));
    for (option, folder) in TARGETS {
        command.arg(option).arg(root.join(folder));
    }
    command
}

fn generate(spec: &str, root: &Path) -> Output {
    let output = command(spec, root).output().expect("clientgen runs");
    assert!(
        output.status.success(),
        "clientgen failed on {spec}:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

/// Every file under `root`.
fn files(root: &Path) -> Files {
    fn walk(dir: &Path, prefix: &str, into: &mut Files) {
        let Ok(listing) = fs::read_dir(dir) else {
            return;
        };
        for entry in listing {
            let entry = entry.expect("folder entry");
            let name = format!("{prefix}{}", entry.file_name().to_string_lossy());
            if entry.file_type().expect("entry type").is_dir() {
                walk(&entry.path(), &format!("{name}/"), into);
            } else {
                into.insert(name, fs::read(entry.path()).expect("file is readable"));
            }
        }
    }
    let mut files = Files::new();
    walk(root, "", &mut files);
    files
}

fn copy_folder(from: &Path, to: &Path) {
    for (path, bytes) in files(from) {
        let target = to.join(&path);
        fs::create_dir_all(target.parent().expect("a file has a folder")).expect("folder");
        fs::write(target, bytes).expect("copy");
    }
}

fn is_temp(path: &str) -> bool {
    path.ends_with(TEMP_SUFFIX)
}

/// When a run is killed.
#[derive(Debug, Clone, Copy)]
enum Kill {
    /// This long after it started.
    After(Duration),
    /// As soon as a temporary file shows up in an output folder.
    OnFirstTemp,
}

/// What a kill left, for the report and for knowing whether it hit the writing.
#[derive(Debug, Default)]
struct Left {
    old: usize,
    new: usize,
    temps: usize,
    exited_first: bool,
}

impl Left {
    /// Whether the kill landed while files were being written: temps about, or some files
    /// already new while others are still old.
    fn mid_write(&self) -> bool {
        self.temps > 0 || (self.old > 0 && self.new > 0)
    }
}

fn has_temp(root: &Path) -> bool {
    fn walk(dir: &Path) -> bool {
        let Ok(listing) = fs::read_dir(dir) else {
            return false;
        };
        listing.flatten().any(|entry| {
            let is_dir = entry.file_type().is_ok_and(|kind| kind.is_dir());
            if is_dir {
                walk(&entry.path())
            } else {
                is_temp(&entry.file_name().to_string_lossy())
            }
        })
    }
    walk(root)
}

/// Runs the new generation into `root` and kills it as `kill` says; whether it had exited first.
fn run_and_kill(root: &Path, kill: Kill) -> bool {
    let mut child: Child = command(NEW_SPEC, root)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("clientgen starts");
    let started = Instant::now();
    loop {
        if child.try_wait().expect("child status").is_some() {
            return true;
        }
        let due = match kill {
            Kill::After(delay) => started.elapsed() >= delay,
            Kill::OnFirstTemp => has_temp(root),
        };
        if due {
            break;
        }
        if let Kill::After(_) = kill {
            std::thread::sleep(Duration::from_micros(200));
        }
    }
    // Child::kill sends SIGKILL on Unix: no destructor, no cleanup runs.
    let exited_first = child.kill().is_err();
    child.wait().expect("killed child is reaped");
    exited_first
}

/// Checks that every file under `root` is whole, and tallies what the kill left.
fn check_whole(root: &Path, old: &Files, new: &Files, what: &str) -> Left {
    let mut left = Left::default();
    let now = files(root);
    for (path, bytes) in &now {
        if is_temp(path) {
            left.temps += 1;
            continue;
        }
        let is_old = old.get(path) == Some(bytes);
        let is_new = new.get(path) == Some(bytes);
        let is_early_manifest = path.ends_with(MANIFEST)
            && early_manifest(old.get(path), new.get(path)).as_ref() == Some(bytes);
        assert!(
            is_old || is_new || is_early_manifest,
            "{what}: {path} is neither its old nor its new version ({} bytes)",
            bytes.len()
        );
        if is_new && !is_old {
            left.new += 1;
        } else if is_old && !is_new {
            left.old += 1;
        }
    }
    for path in old.keys().filter(|path| new.contains_key(*path)) {
        assert!(now.contains_key(path), "{what}: {path} is missing");
    }
    left
}

/// The manifest listing the files of both `old` and `new` (manifests), as the writer puts it in
/// place before renaming files into a folder.
fn early_manifest(old: Option<&Vec<u8>>, new: Option<&Vec<u8>>) -> Option<Vec<u8>> {
    let old = String::from_utf8_lossy(old?).into_owned();
    let new = String::from_utf8_lossy(new?).into_owned();
    let header = new.lines().next()?;
    let listed: std::collections::BTreeSet<&str> = old
        .lines()
        .chain(new.lines())
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .collect();
    let mut text = format!("{header}\n");
    for path in listed {
        text.push_str(path);
        text.push('\n');
    }
    Some(text.into_bytes())
}

#[test]
fn killed_generation_leaves_whole_files_and_the_next_run_completes() {
    let base = tempfile::tempdir().expect("temp folder");
    let old_root = base.path().join("old");
    generate(OLD_SPEC, &old_root);
    let old = files(&old_root);
    // What an uninterrupted run over the old client gives (user-owned files kept, stale removed).
    let expected_root = base.path().join("expected");
    copy_folder(&old_root, &expected_root);
    let started = Instant::now();
    generate(NEW_SPEC, &expected_root);
    let run_time = started.elapsed();
    let expected = files(&expected_root);
    assert!(expected.keys().any(|path| !old.contains_key(path)));
    assert!(old.keys().any(|path| !expected.contains_key(path)));

    let mut kills: Vec<Kill> = KILL_AT
        .iter()
        .map(|fraction| Kill::After(run_time.mul_f64(*fraction)))
        .collect();
    kills.extend([Kill::OnFirstTemp; WRITING_KILL_TRIES]);
    let mut report = Vec::new();
    let mut hit_writing = false;
    for (index, kill) in kills.into_iter().enumerate() {
        if matches!(kill, Kill::OnFirstTemp) && hit_writing {
            break;
        }
        let root = base.path().join(format!("run-{index}"));
        copy_folder(&old_root, &root);
        let exited_first = run_and_kill(&root, kill);
        let what = format!("kill {kill:?}");
        let mut left = check_whole(&root, &old, &expected, &what);
        left.exited_first = exited_first;
        hit_writing |= left.mid_write();

        generate(NEW_SPEC, &root);
        let after = files(&root);
        assert!(
            !after.keys().any(|path| is_temp(path)),
            "{what}: temps remain after the next run"
        );
        assert!(
            after == expected,
            "{what}: the next run does not give an uninterrupted run's output"
        );
        fs::remove_dir_all(&root).expect("clean up");
        report.push(format!("{what}: {left:?}"));
    }
    eprintln!("uninterrupted run: {run_time:?}\n{}", report.join("\n"));
    assert!(
        hit_writing,
        "no kill landed while files were written:\n{}",
        report.join("\n")
    );
}
