#!/usr/bin/env bash
# Times `cargo check` of the generated GitHub Rust client: issue 5's compile-time budget.
#
# usage: scripts/check-github-client.sh [RUNS]      (default: 1 run of each measurement)
#
# Writes the client of target/bench-data/api.github.com.json (fetched by the `github` bench, or
# by scripts/fetch-github-spec.sh) into a throwaway crate under target/github-client-check that
# depends on the workspace's `clientgen` runtime by path and `include!`s the file, then prints:
#   cold:        `cargo check` from an empty target folder (every dependency built too)
#   crate alone: `cargo check` of the crate once its dependencies are built
# Both with CARGO_INCREMENTAL=0, as a CI or a first build sees them; quote medians.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs=${1:-1}
target=${CARGO_TARGET_DIR:-target}
spec=$target/bench-data/api.github.com.json
if [ ! -f "$spec" ]; then
    echo "error: $spec is missing: run 'cargo bench -p clientgen-build --bench github' or scripts/fetch-github-spec.sh $spec first" >&2
    exit 1
fi
crate=${CHECK_CRATE:-$PWD/target/github-client-check}
rm -rf "$crate"
mkdir -p "$crate/src"
cargo build --quiet --release -p clientgen-cli
"$target/release/clientgen" generate -f "$spec" --rust-out "$crate/generated" 2>/dev/null >/dev/null
file=$(cd "$crate/generated" && ls ./*.rs)
cat > "$crate/Cargo.toml" <<TOML
[package]
name = "github-client-check"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
clientgen = { path = "$PWD/runtime" }

[workspace]
TOML
printf '//! The generated GitHub client, checked.\ninclude!("../generated/%s");\n' "${file#./}" > "$crate/src/lib.rs"
cp Cargo.lock "$crate/Cargo.lock"
echo "client: $(wc -l < "$crate/generated/${file#./}") lines, $(wc -c < "$crate/generated/${file#./}") bytes"
seconds() { /usr/bin/env python3 -c 'import sys,time; print(f"{time.time():.3f}")'; }
for run in $(seq "$runs"); do
    rm -rf "$crate/target"
    start=$(seconds)
    (cd "$crate" && CARGO_INCREMENTAL=0 CARGO_TARGET_DIR="$crate/target" cargo check --quiet)
    end=$(seconds)
    cold=$(python3 -c "print(f'{$end - $start:.1f}')")
    touch "$crate/src/lib.rs"
    start=$(seconds)
    (cd "$crate" && CARGO_INCREMENTAL=0 CARGO_TARGET_DIR="$crate/target" cargo check --quiet)
    end=$(seconds)
    alone=$(python3 -c "print(f'{$end - $start:.1f}')")
    echo "run $run: cold ${cold} s, crate alone ${alone} s (budget: 60 s cold on 2 cores)"
done
