#!/usr/bin/env bash
# Runs every test of clientgen: the Rust unit, snapshot and integration tests, then the Python
# end-to-end tests (generated clients against the reference FastAPI app on 127.0.0.1, the
# Django REST Framework app in tests/drf_app and its documents, mypy --strict, the real-spec
# corpus). Installs the Python side into .venv and tsc and buf into
# tests/tools/node_modules first.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash tests/setup-venv.sh
# `npm ci` rejects the lock: npm 11 leaves buf's other-platform packages out of it.
npm install --prefix tests/tools --no-audit --no-fund --loglevel=error
cargo build --locked -p clientgen-cli
export CLIENTGEN_BIN="$PWD/target/debug/clientgen"
# The clippy sweep of the generated Rust runs once, from the corpus tests in tests/python, which
# print the spec × target table (tests/python/corpus_table.py).
cargo test --locked --workspace -- --skip generated_rust_of_every_fixture_spec_passes_clippy
.venv/bin/python -m pytest tests/python
