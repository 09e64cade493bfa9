//! How fast the Rust target is: the Rust stage on GitHub's REST description (the standard
//! big-spec benchmark, issue 5's budget: 80 ms median) and the core call of the
//! `generate_clients!` macro on the reference spec.
//!
//! ```text
//! cargo bench -p clientgen-build --bench rust_stage
//! CLIENTGEN_BENCH_ITERS=30 cargo bench -p clientgen-build --bench rust_stage   # default 15
//! ```
//!
//! The GitHub spec is the `github` bench's file, `target/bench-data/api.github.com.json`,
//! fetched by `scripts/fetch-github-spec.sh` when missing. It prints the median, min and max of
//! `rust::emit` (the file build.rs and `--rust-out` write) and of `rust::tokens` (the macro's
//! tokens) on it, then of the macro's core call on `tests/rust/specs/reference.json` (load,
//! lower, tokens), and checks once that prettyplease leaves the GitHub file unchanged.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

use clientgen_build::Spec;
use clientgen_build::targets::{python, rust};

/// mimalloc, the allocator the `clientgen` binary ships with, so the figures are what its
/// users see.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const SPEC_NAME: &str = "api.github.com.json";
const ITERS_VAR: &str = "CLIENTGEN_BENCH_ITERS";
const DEFAULT_ITERS: usize = 15;
/// Issue 5's budget for the Rust stage on the GitHub spec.
const BUDGET_MS: f64 = 80.0;

fn main() -> ExitCode {
    // `cargo test --benches` runs bench binaries without `--bench`: nothing to measure then.
    if !std::env::args().any(|arg| arg == "--bench") {
        println!(
            "rust_stage bench: run it with `cargo bench -p clientgen-build --bench rust_stage`"
        );
        return ExitCode::SUCCESS;
    }
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let iterations = iterations()?;
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .ok_or("build-support has no parent folder")?;
    let spec_path = ensure_spec(workspace, &workspace.join("target/bench-data"))?;
    let spec = Spec::from_file(&spec_path).map_err(|e| e.to_string())?;
    let options = rust::Options {
        spec_name: SPEC_NAME.to_owned(),
        file_name: rust::file_name("github"),
    };
    let reference = workspace.join("tests/rust/specs/reference.json");

    // One untimed run: the output's size, and prettyplease's verdict on it.
    let tree = rust::emit(&spec.api, &options).map_err(|e| e.to_string())?;
    let (_, file) = tree.files().next().ok_or("the Rust target wrote no file")?;
    let text = file.contents.split_once('\n').map_or("", |(_, rest)| rest);
    let parsed =
        syn::parse_file(text).map_err(|e| format!("the GitHub client does not parse: {e}"))?;
    let identical = prettyplease::unparse(&parsed) == text;

    let mut emit = Vec::new();
    let mut tokens = Vec::new();
    let mut expansion = Vec::new();
    for _ in 0..iterations {
        timed(&mut emit, || rust::emit(&spec.api, &options)).map_err(|e| e.to_string())?;
        timed(&mut tokens, || rust::tokens(&spec.api, &options));
        timed(&mut expansion, || macro_core(&reference))?;
    }
    println!(
        "spec: {} — {} operations, {} types; Rust file {:.1} MB",
        spec_path.display(),
        spec.api.operations.len(),
        spec.api.types.len(),
        file.contents.len() as f64 / 1e6
    );
    println!("iterations: {iterations} ({ITERS_VAR} to change)");
    println!(
        "{:<28} {:>10} {:>10} {:>10}",
        "stage", "median", "min", "max"
    );
    for (name, samples) in [
        ("rust emit (GitHub)", &emit),
        ("rust tokens (GitHub)", &tokens),
        ("macro core (reference)", &expansion),
    ] {
        let s = Summary::of(samples);
        println!(
            "{name:<28} {:>7.1} ms {:>7.1} ms {:>7.1} ms",
            ms(s.median),
            ms(s.min),
            ms(s.max)
        );
    }
    let median = ms(Summary::of(&emit).median);
    println!(
        "rust stage median: {median:.1} ms (budget {BUDGET_MS} ms) — {}",
        if median <= BUDGET_MS { "ok" } else { "OVER" }
    );
    println!(
        "prettyplease leaves the GitHub file unchanged: {}",
        if identical { "yes" } else { "NO" }
    );
    Ok(())
}

/// What `generate_clients!` does before handing tokens to rustc: load and lower the spec, name
/// the API, build the tokens.
fn macro_core(spec: &Path) -> Result<proc_macro2::TokenStream, String> {
    let spec = Spec::from_file(spec).map_err(|e| e.to_string())?;
    let api_name = python::default_package_name(&spec.api);
    let options = rust::Options {
        spec_name: spec.file_name(),
        file_name: rust::file_name(&api_name),
    };
    Ok(rust::tokens(&spec.api, &options))
}

/// The iteration count from [`ITERS_VAR`], or [`DEFAULT_ITERS`].
fn iterations() -> Result<usize, String> {
    match std::env::var(ITERS_VAR) {
        Err(_) => Ok(DEFAULT_ITERS),
        Ok(raw) => match raw.trim().parse::<usize>() {
            Ok(n) if n > 0 => Ok(n),
            _ => Err(format!(
                "{ITERS_VAR} must be a whole number ≥ 1, got {raw:?}"
            )),
        },
    }
}

/// The spec's path under `data`, fetched with the workspace's script when missing.
fn ensure_spec(workspace: &Path, data: &Path) -> Result<PathBuf, String> {
    let spec = data.join(SPEC_NAME);
    if spec.is_file() {
        return Ok(spec);
    }
    let script = workspace.join("scripts/fetch-github-spec.sh");
    println!(
        "{} is missing; fetching it with {}",
        spec.display(),
        script.display()
    );
    fs::create_dir_all(data).map_err(|e| format!("cannot create {}: {e}", data.display()))?;
    let status = Command::new("bash")
        .arg(&script)
        .arg(&spec)
        .status()
        .map_err(|e| format!("cannot run {} with bash: {e}", script.display()))?;
    if !status.success() {
        return Err(format!(
            "{} failed ({status}); see its message above",
            script.display()
        ));
    }
    Ok(spec)
}

/// Runs `f`, adds its wall time to `samples` and hands back its result.
fn timed<T>(samples: &mut Vec<Duration>, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let result = f();
    samples.push(start.elapsed());
    result
}

/// Median, min and max of a non-empty set of samples.
struct Summary {
    median: Duration,
    min: Duration,
    max: Duration,
}

impl Summary {
    fn of(samples: &[Duration]) -> Summary {
        let mut sorted = samples.to_vec();
        sorted.sort();
        let mid = sorted.len() / 2;
        let median = if sorted.len() % 2 == 0 {
            (sorted[mid - 1] + sorted[mid]) / 2
        } else {
            sorted[mid]
        };
        Summary {
            median,
            min: sorted[0],
            max: sorted[sorted.len() - 1],
        }
    }
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1e3
}
