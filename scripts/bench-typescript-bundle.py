"""Bundle size of one operation of the generated TypeScript client, beside @hey-api/openapi-ts's (#17).

usage: CLIENTGEN_BIN=<clientgen> .venv/bin/python scripts/bench-typescript-bundle.py [SPEC] [OPERATION]

SPEC defaults to tests/fixtures/specs/apisguru--github.com_ghes-3.6.json (GitHub's full description:
scripts/fetch-github-spec.sh fetches it); OPERATION (default reposGet) is the function both generators name
after the operationId. Generates SPEC's client with clientgen (timed) and with @hey-api/openapi-ts and its
bundled fetch client (`-c @hey-api/client-fetch`, timed; installed with npm into a temporary folder unless
HEYAPI_DIR names a folder where it is, HEYAPI_VERSION pins it), then bundles with the esbuild of tests/tools
(`--bundle --minify --format=esm`, tree-shaken) a tiny entry file for each: one that imports OPERATION and calls
it (our `operations.ts` with `createClient`; hey-api's `sdk.gen.ts`), and one that calls it through our `API`
class for comparison; and prints the minified and gzipped bytes of each bundle. A benchmark, not a test; the
trees and bundles stay in the printed folder.
"""

import gzip
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ESBUILD = ROOT / "tests" / "tools" / "node_modules" / ".bin" / "esbuild"
# The target for one operation of ours, minified.
TARGET_BYTES = 12 * 1024


def run(command: list[str], cwd: Path | None = None) -> float:
    """Runs `command` (its output hidden unless it fails); its wall time in seconds."""
    started = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{done.stdout[-3000:]}{done.stderr[-3000:]}")
    return time.perf_counter() - started


def heyapi(out: Path) -> Path:
    """The folder whose node_modules holds @hey-api/openapi-ts (and typescript, its peer)."""
    given = os.environ.get("HEYAPI_DIR")
    if given:
        return Path(given)
    folder = out / "heyapi-install"
    folder.mkdir()
    (folder / "package.json").write_text('{"private": true}\n')
    version = os.environ.get("HEYAPI_VERSION", "latest")
    run(["npm", "install", "--no-audit", "--no-fund", "--loglevel=error",
         f"@hey-api/openapi-ts@{version}", "typescript@5"], cwd=folder)
    return folder


def bundle(entry: Path) -> tuple[int, int]:
    """Minified and gzipped bytes of `entry` bundled by esbuild (tree-shaken, ESM, for browsers)."""
    output = entry.with_suffix(".bundle.js")
    run([str(ESBUILD), str(entry), "--bundle", "--minify", "--format=esm", "--platform=browser",
         "--log-level=error", f"--outfile={output}"])
    data = output.read_bytes()
    return len(data), len(gzip.compress(data, compresslevel=9))


def main() -> None:
    spec = Path(sys.argv[1] if len(sys.argv) > 1 else
                ROOT / "tests/fixtures/specs/apisguru--github.com_ghes-3.6.json").resolve()
    operation = sys.argv[2] if len(sys.argv) > 2 else "reposGet"
    clientgen = os.environ.get("CLIENTGEN_BIN", str(ROOT / "target/release/clientgen"))
    out = Path(tempfile.mkdtemp(prefix="bench-typescript-bundle-"))
    print(f"spec: {spec.name}; operation: {operation}; trees and bundles in {out}")

    ours_seconds = run([clientgen, "generate", "-f", str(spec), "--typescript-out", str(out / "ours")])
    installed = heyapi(out)
    version = (installed / "node_modules/@hey-api/openapi-ts/package.json").read_text()
    version = version.split('"version": "', 1)[1].split('"', 1)[0]
    heyapi_seconds = run([str(installed / "node_modules/.bin/openapi-ts"), "-i", str(spec),
                          "-o", str(out / "heyapi"), "-c", "@hey-api/client-fetch"])

    # The arguments do not change what is bundled; the calls only keep the imports alive.
    entries = {
        f"clientgen: {operation}(createClient(), …) from operations.ts": (
            f'import {{ createClient, {operation} }} from "./ours/operations.js";\n\n'
            f"console.log(await {operation}(createClient(), {{}}));\n"
        ),
        f"clientgen: new API().{operation}(…) from index.ts": (
            f'import API from "./ours/index.js";\n\nconsole.log(await new API().{operation}({{}}));\n'
        ),
        f"@hey-api/openapi-ts {version}: {operation}(…) from sdk.gen.ts": (
            f'import {{ {operation} }} from "./heyapi/sdk.gen";\n\nconsole.log(await {operation}({{}}));\n'
        ),
    }
    sizes = {}
    for index, (name, source) in enumerate(entries.items()):
        entry = out / f"entry{index}.ts"
        entry.write_text(source)
        sizes[name] = bundle(entry)

    print(f"\n{'generator':<40} {'generate s':>10}")
    print(f"{'clientgen (' + Path(clientgen).name + ')':<40} {ours_seconds:>10.2f}")
    print(f"{'@hey-api/openapi-ts ' + version:<40} {heyapi_seconds:>10.2f}")
    print(f"\n{'bundle (esbuild --bundle --minify)':<64} {'min bytes':>10} {'min KB':>7} {'gzip bytes':>11}")
    for name, (minified, gzipped) in sizes.items():
        print(f"{name:<64} {minified:>10} {minified / 1024:>7.1f} {gzipped:>11}")
    ours = next(iter(sizes.values()))[0]
    verdict = "within" if ours <= TARGET_BYTES else "over"
    print(f"\none operation of ours: {ours / 1024:.1f} KB minified, {verdict} the {TARGET_BYTES // 1024} KB target")


if __name__ == "__main__":
    main()
