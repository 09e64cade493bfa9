#!/usr/bin/env bash
# Seeds the fuzz corpus with the fixture specs (those under 300 kB: bigger ones only slow the
# fuzzer down) and the hostile specs. Run from anywhere; the corpus folder is not committed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
corpus=corpus/spec_to_python
mkdir -p "$corpus"
find ../tests/fixtures/specs ../tests/fixtures/handwritten ../tests/fixtures/invalid ../tests/fixtures/hostile \
    -type f -size -300k \( -name '*.json' -o -name '*.yaml' -o -path '*/hostile/regressions/*' \) \
    -exec cp {} "$corpus"/ \;
echo "$(ls "$corpus" | wc -l) inputs in $corpus"
