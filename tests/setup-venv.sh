#!/usr/bin/env bash
# Creates <repo>/.venv and installs tests/requirements.txt into it.
# Idempotent: pip runs only when the requirements changed since the last install
# (a stamp file in the venv holds the requirements' hash).
# Usage: tests/setup-venv.sh   then   <repo>/.venv/bin/python -m pytest tests/python
set -euo pipefail

tests_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(dirname "$tests_dir")"
venv="$repo_root/.venv"
requirements="$tests_dir/requirements.txt"
stamp="$venv/.requirements.sha256"

if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi

wanted="$(sha256sum "$requirements" | cut -d' ' -f1)"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$wanted" ]; then
    exit 0
fi

"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$requirements"
echo "$wanted" > "$stamp"
