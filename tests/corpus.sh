#!/usr/bin/env bash
# Runs the corpus only and prints its table: every fixture spec (tests/fixtures/specs, handwritten, and the
# hostile ones the TypeScript and proto gates take) through every target and that language's gate, then
# spec × target → ok / the failed stage, with totals per target (printed by tests/python/corpus_table.py).
#
# Gates: Python compileall + import + mypy --strict; tsc --strict under NodeNext and Bundler; protoc (grpc_tools)
# + import of the stubs, and buf lint; Rust: `cargo clippy -D warnings` through tests/tests/rust_fixtures.rs, on
# every spec but the two slowest (kubernetes-v1.13, ghes-3.6) unless CLIENTGEN_RUST_SWEEP=all.
# Expects the tools tests/run.sh installs (.venv, tests/tools/node_modules). Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

cargo build --locked -q -p clientgen-cli
target_dir=$(cargo metadata --format-version 1 --no-deps | .venv/bin/python -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')
export CLIENTGEN_BIN="${CLIENTGEN_BIN:-$target_dir/debug/clientgen}"
.venv/bin/python -m pytest tests/python -q \
    -k "test_corpus.py or spec_generates or fixture_proto or corpus_tsc" "$@"
