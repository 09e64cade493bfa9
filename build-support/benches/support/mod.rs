//! What the benches share: the GitHub spec they measure, the iteration count, timing and medians.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

/// The file the benches read from `target/bench-data/`.
pub const SPEC_NAME: &str = "api.github.com.json";
/// The variable that sets the number of iterations.
pub const ITERS_VAR: &str = "CLIENTGEN_BENCH_ITERS";
const DEFAULT_ITERS: usize = 15;

/// Runs bench `name`'s `run` and reports its error. `cargo test --benches` runs bench binaries
/// without `--bench`: there is nothing to measure then.
pub fn main(name: &str, run: fn() -> Result<(), String>) -> ExitCode {
    if !std::env::args().any(|arg| arg == "--bench") {
        println!("{name} bench: run it with `cargo bench -p clientgen-build --bench {name}`");
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

/// The iteration count from [`ITERS_VAR`], or 15.
pub fn iterations() -> Result<usize, String> {
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

/// The workspace folder (the parent of build-support).
pub fn workspace() -> Result<&'static Path, String> {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .ok_or_else(|| "build-support has no parent folder".to_string())
}

/// The spec's path under `target/bench-data`, fetched with the workspace's script when missing.
pub fn ensure_spec(workspace: &Path) -> Result<PathBuf, String> {
    let data = workspace.join("target/bench-data");
    let spec = data.join(SPEC_NAME);
    if spec.is_file() {
        println!("source: {} (already present)", spec.display());
        return Ok(spec);
    }
    fs::create_dir_all(&data).map_err(|e| format!("cannot create {}: {e}", data.display()))?;
    let script = workspace.join("scripts/fetch-github-spec.sh");
    println!(
        "source: {} is missing; fetching it with {}",
        spec.display(),
        script.display()
    );
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
pub fn timed<T>(samples: &mut Vec<Duration>, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let result = f();
    samples.push(start.elapsed());
    result
}

/// Median, min and max of a non-empty set of samples.
pub struct Summary {
    /// The median.
    pub median: Duration,
    /// The fastest.
    pub min: Duration,
    /// The slowest.
    pub max: Duration,
}

impl Summary {
    /// The summary of `samples` (not empty).
    pub fn of(samples: &[Duration]) -> Summary {
        let mut sorted = samples.to_vec();
        sorted.sort();
        let mid = sorted.len() / 2;
        let median = if sorted.len().is_multiple_of(2) {
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

/// `duration` in milliseconds.
pub fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1e3
}
