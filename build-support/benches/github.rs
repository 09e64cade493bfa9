//! How fast and how big the pipeline is on GitHub's REST description (13 MB, ~1,200 operations),
//! the standard big-spec benchmark.
//!
//! Run it with
//!
//! ```text
//! cargo bench -p clientgen-build --bench github
//! CLIENTGEN_BENCH_ITERS=30 cargo bench -p clientgen-build --bench github   # default 15
//! ```
//!
//! The spec is kept at `target/bench-data/api.github.com.json` (never committed); when it is
//! missing, `scripts/fetch-github-spec.sh` fetches it from the npm package `@octokit/openapi`
//! (it needs `npm`).
//!
//! It prints, for each stage, the median, min and max over the iterations: the reference
//! `serde_json::Value` parse, then read (`load::load_text`), normalize, lower, Python emit
//! (functions style), write (into a fresh temporary folder) and the whole chain timed end to end;
//! then the ratio of the chain to the Value parse and the budget lines, the counts (operations,
//! types, files, bytes), the peak heap of one end-to-end run and the process's peak RSS.
//!
//! Each stage is timed on its own input, prepared outside the timed region; its output is
//! dropped outside it too, before the end-to-end run. The end-to-end chain pays for everything,
//! drops included, as a user does: the `Value drop` row shows what freeing a parsed document
//! costs.
//! Figures are medians of this loop, not criterion's, so they can be quoted as they are.

use std::fs;
use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

use clientgen_build::diagnostics::Diagnostics;
use clientgen_build::targets::python::{self, Options, PythonStyle};
use clientgen_build::targets::{proto, typescript};
use clientgen_build::write::{self, WriteOptions};
use clientgen_build::{Severity, Spec, load, lower, normalize};
use serde_json::Value;
use tempfile::TempDir;

mod support;

use support::{ITERS_VAR, SPEC_NAME, Summary, ensure_spec, iterations, ms, timed};

const BUDGET_MS: f64 = 200.0;
const BUDGET_RATIO: f64 = 2.5;
/// Issue 3's budget for the TypeScript stage alone.
const TYPESCRIPT_BUDGET_MS: f64 = 60.0;
/// Issue 4's budget for the proto stage alone (first run, no lock file).
const PROTO_BUDGET_MS: f64 = 40.0;

fn main() -> ExitCode {
    support::main("github", run)
}

fn run() -> Result<(), String> {
    let iterations = iterations()?;
    let workspace = support::workspace()?;
    let data = workspace.join("target/bench-data");
    let spec = ensure_spec(workspace)?;
    let bytes = fs::read(&spec).map_err(|e| format!("cannot read {}: {e}", spec.display()))?;
    let text = String::from_utf8(bytes.clone())
        .map_err(|e| format!("{} is not UTF-8: {e}", spec.display()))?;
    let info_version = serde_json::from_slice::<Value>(&bytes)
        .map_err(|e| {
            format!(
                "{} is not JSON: {e}; delete it to fetch it again",
                spec.display()
            )
        })?
        .pointer("/info/version")
        .and_then(Value::as_str)
        .map(str::to_owned)
        .unwrap_or_else(|| "unknown".to_owned());
    println!(
        "spec: {} — {}, info.version {info_version}",
        spec.display(),
        megabytes(bytes.len())
    );

    let tmp = data.join("tmp");
    // Leftovers of an interrupted run; a missing folder is what we want anyway.
    let _ = fs::remove_dir_all(&tmp);
    fs::create_dir_all(&tmp).map_err(|e| format!("cannot create {}: {e}", tmp.display()))?;
    let options = Options {
        style: PythonStyle::Functions,
        asyncio: false,
        package_name: "github".to_owned(),
        env_prefix: None,
        spec_name: SPEC_NAME.to_owned(),
    };
    let typescript_options = typescript::Options {
        package_name: "github".to_owned(),
        spec_name: "api.github.com.json".to_owned(),
    };
    let proto_options = proto::Options {
        spec_name: "api.github.com.json".to_owned(),
        zone: "github".to_owned(),
        previous_lock: None,
        ..proto::Options::default()
    };

    // One untimed run first: it warms the caches and gives the counts and the peak heap (which
    // includes the copy of the spec text, as a user's read of the file would).
    let out = temp_dir(&tmp)?;
    heap::start();
    let outcome = generate(&spec, text.clone(), out.path(), &options)?;
    let heap_peak = heap::stop();
    drop(out);

    let mut samples = Samples::default();
    for _ in 0..iterations {
        let value = timed(&mut samples.parse, || {
            serde_json::from_slice::<Value>(&bytes)
        });
        timed(&mut samples.drop, || drop(value));

        // The stage rows' outputs are freed before the end-to-end run, so that it starts as the
        // Value parse does, with nothing else alive (as a user's run starts).
        {
            let input = text.clone();
            let document = timed(&mut samples.read, || load::load_text(&spec, input))
                .map_err(|e| e.to_string())?;
            let mut diagnostics = Diagnostics::new(&spec);
            let value = document.value.clone();
            let normalized = timed(&mut samples.normalize, || {
                normalize::normalize(value, &mut diagnostics)
            });
            let api = timed(&mut samples.lower, || {
                lower::lower(&normalized, &mut diagnostics)
            });
            let tree = timed(&mut samples.emit, || python::emit(&api, &options))
                .map_err(|e| e.to_string())?;
            timed(&mut samples.typescript, || {
                typescript::emit(&api, &typescript_options)
            })
            .map_err(|e| e.to_string())?;
            timed(&mut samples.proto, || proto::emit(&api, &proto_options))
                .map_err(|e| e.to_string())?;
            let out = temp_dir(&tmp)?;
            timed(&mut samples.write, || {
                write::write_tree(&tree, out.path(), WriteOptions::default())
            })
            .map_err(|e| e.to_string())?;
        }
        let input = text.clone();
        let out = temp_dir(&tmp)?;
        timed(&mut samples.total, || {
            generate(&spec, input, out.path(), &options)
        })?;
    }

    println!("iterations: {iterations} ({ITERS_VAR} to change)");
    println!(
        "{:<12} {:>10} {:>10} {:>10}",
        "stage", "median", "min", "max"
    );
    for (name, stage) in samples.rows() {
        let s = Summary::of(stage);
        println!(
            "{name:<12} {:>7.1} ms {:>7.1} ms {:>7.1} ms",
            ms(s.median),
            ms(s.min),
            ms(s.max)
        );
    }
    let total = ms(Summary::of(&samples.total).median);
    let ratio = total / ms(Summary::of(&samples.parse).median);
    println!(
        "python generation median: {total:.1} ms (budget {BUDGET_MS} ms) — {}",
        verdict(total <= BUDGET_MS)
    );
    println!(
        "ratio to Value parse: {ratio:.2}× (budget {BUDGET_RATIO}×) — {}",
        verdict(ratio <= BUDGET_RATIO)
    );
    let typescript = ms(Summary::of(&samples.typescript).median);
    println!(
        "typescript emit median: {typescript:.1} ms (budget {TYPESCRIPT_BUDGET_MS} ms) — {}",
        verdict(typescript <= TYPESCRIPT_BUDGET_MS)
    );
    let proto = ms(Summary::of(&samples.proto).median);
    println!(
        "proto emit median: {proto:.1} ms (budget {PROTO_BUDGET_MS} ms) — {}",
        verdict(proto <= PROTO_BUDGET_MS)
    );
    println!(
        "counts: {} operations, {} types, {} files ({} written), {} bytes written; \
         {} errors, {} warnings",
        outcome.operations,
        outcome.types,
        outcome.files,
        outcome.written,
        outcome.bytes,
        outcome.errors,
        outcome.warnings
    );
    println!("peak heap, one end-to-end run: {}", megabytes(heap_peak));
    println!("peak RSS of this process (VmHWM): {}", peak_rss());
    Ok(())
}

/// What one end-to-end run produced.
struct Outcome {
    operations: usize,
    types: usize,
    files: usize,
    written: usize,
    bytes: usize,
    errors: usize,
    warnings: usize,
}

/// The pipeline end to end for one Python target: read, normalize, lower, emit, write.
///
/// This is the path every user takes (`Spec::from_text` then the target and the writer), so it
/// also pays for what the stage rows leave out: locating diagnostics in the source text, and
/// freeing the document (which `Spec` does beside the target's work).
fn generate(spec: &Path, text: String, out: &Path, options: &Options) -> Result<Outcome, String> {
    let spec = Spec::from_text(spec, text).map_err(|e| e.to_string())?;
    let tree = python::emit(&spec.api, options).map_err(|e| e.to_string())?;
    let report =
        write::write_tree(&tree, out, WriteOptions::default()).map_err(|e| e.to_string())?;
    let errors = spec
        .warnings
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    Ok(Outcome {
        operations: spec.api.operations.len(),
        types: spec.api.types.len(),
        files: tree.len(),
        written: report.written.len(),
        bytes: tree.files().map(|(_, file)| file.contents.len()).sum(),
        errors,
        warnings: spec.warnings.len() - errors,
    })
}

/// A fresh empty folder under `tmp`, removed when dropped.
fn temp_dir(tmp: &Path) -> Result<TempDir, String> {
    tempfile::Builder::new()
        .prefix("write-")
        .tempdir_in(tmp)
        .map_err(|e| format!("cannot create a temporary folder in {}: {e}", tmp.display()))
}

/// Wall times per stage, one sample per iteration.
#[derive(Default)]
struct Samples {
    parse: Vec<Duration>,
    drop: Vec<Duration>,
    read: Vec<Duration>,
    normalize: Vec<Duration>,
    lower: Vec<Duration>,
    emit: Vec<Duration>,
    write: Vec<Duration>,
    total: Vec<Duration>,
    typescript: Vec<Duration>,
    proto: Vec<Duration>,
}

impl Samples {
    fn rows(&self) -> [(&'static str, &[Duration]); 10] {
        [
            ("Value parse", &self.parse),
            ("Value drop", &self.drop),
            ("read", &self.read),
            ("normalize", &self.normalize),
            ("lower", &self.lower),
            ("python emit", &self.emit),
            ("write", &self.write),
            ("total", &self.total),
            ("ts emit", &self.typescript),
            ("proto emit", &self.proto),
        ]
    }
}

fn megabytes(bytes: usize) -> String {
    format!("{:.1} MB ({bytes} bytes)", bytes as f64 / 1e6)
}

fn verdict(ok: bool) -> &'static str {
    if ok { "ok" } else { "OVER" }
}

/// The `VmHWM` line of `/proc/self/status` (Linux only).
fn peak_rss() -> String {
    fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find_map(|line| line.strip_prefix("VmHWM:"))
                .and_then(|kb| {
                    kb.trim()
                        .trim_end_matches("kB")
                        .trim()
                        .parse::<usize>()
                        .ok()
                })
        })
        .map(|kb| megabytes(kb * 1024))
        .unwrap_or_else(|| "unavailable (no /proc/self/status)".to_owned())
}

/// Peak heap bytes, counted by a thin wrapper around mimalloc (the allocator the `clientgen`
/// binary ships with, so the figures are what its users see) while switched on
/// (one relaxed load per allocation otherwise, so the timings are not skewed).
/// Blocks allocated before [`heap::start`] and freed after it count negative, so they can only
/// lower the figure, never inflate it.
mod heap {
    use std::alloc::{GlobalAlloc, Layout};

    use mimalloc::MiMalloc as System;
    use std::sync::atomic::{AtomicBool, AtomicIsize, Ordering::Relaxed};

    static COUNTING: AtomicBool = AtomicBool::new(false);
    static LIVE: AtomicIsize = AtomicIsize::new(0);
    static PEAK: AtomicIsize = AtomicIsize::new(0);

    struct Counting;

    #[global_allocator]
    static ALLOCATOR: Counting = Counting;

    /// Starts counting from zero live bytes.
    pub fn start() {
        LIVE.store(0, Relaxed);
        PEAK.store(0, Relaxed);
        COUNTING.store(true, Relaxed);
    }

    /// Stops counting; returns the peak of live bytes allocated since [`start`].
    pub fn stop() -> usize {
        COUNTING.store(false, Relaxed);
        usize::try_from(PEAK.load(Relaxed)).unwrap_or(0)
    }

    fn grew(bytes: usize) {
        if COUNTING.load(Relaxed) {
            let bytes = bytes as isize;
            let live = LIVE.fetch_add(bytes, Relaxed) + bytes;
            PEAK.fetch_max(live, Relaxed);
        }
    }

    fn shrank(bytes: usize) {
        if COUNTING.load(Relaxed) {
            LIVE.fetch_sub(bytes as isize, Relaxed);
        }
    }

    // SAFETY: every call is forwarded unchanged to mimalloc; the counters only observe sizes.
    unsafe impl GlobalAlloc for Counting {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            let ptr = unsafe { System.alloc(layout) };
            if !ptr.is_null() {
                grew(layout.size());
            }
            ptr
        }

        unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
            let ptr = unsafe { System.alloc_zeroed(layout) };
            if !ptr.is_null() {
                grew(layout.size());
            }
            ptr
        }

        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            unsafe { System.dealloc(ptr, layout) };
            shrank(layout.size());
        }

        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            let new = unsafe { System.realloc(ptr, layout, new_size) };
            if !new.is_null() {
                if new_size >= layout.size() {
                    grew(new_size - layout.size());
                } else {
                    shrank(layout.size() - new_size);
                }
            }
            new
        }
    }
}
