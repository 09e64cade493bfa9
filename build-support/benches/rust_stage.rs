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

use std::path::Path;
use std::process::ExitCode;

use clientgen_build::Spec;
use clientgen_build::targets::{python, rust};

mod support;

use support::{ITERS_VAR, SPEC_NAME, Summary, ensure_spec, iterations, ms, timed};

/// mimalloc, the allocator the `clientgen` binary ships with, so the figures are what its
/// users see.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Issue 5's budget for the Rust stage on the GitHub spec.
const BUDGET_MS: f64 = 80.0;

fn main() -> ExitCode {
    support::main("rust_stage", run)
}

fn run() -> Result<(), String> {
    let iterations = iterations()?;
    let workspace = support::workspace()?;
    let spec_path = ensure_spec(workspace)?;
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
