"""Import cost of the generated Python clients on a big spec, beside openapi-python-client's (#17 item 3).

usage: CLIENTGEN_BIN=<clientgen> OPC_VENV=<venv with openapi-python-client> \
       .venv/bin/python scripts/bench-python-import.py [SPEC] [RUNS]

SPEC defaults to target/bench-data/api.github.com.json (scripts/fetch-github-spec.sh fetches it); RUNS
(default 7) is the number of fresh processes per measurement. Generates SPEC's client with clientgen in the
functions style (`import <pkg>.client`) and the package style (one operation module), and with
openapi-python-client (`OPC_VENV/bin/openapi-python-client`, one operation module), compiles every module
to .pyc first, then runs each import in RUNS fresh `python -c` processes of OPC_VENV's interpreter (which has
httpx, pydantic, attrs and python-dateutil, so both clients run on the same one) and prints the median time
of the import statement and the median peak RSS (ru_maxrss) of the process, with a bare interpreter's RSS
for scale (PYTHONDONTWRITEBYTECODE is dropped so that the .pyc files are used). CLIENTGEN_BIN_BEFORE, when
set, adds the same rows for another clientgen binary (the one before a change). Then times `mypy --strict`
over a small user file calling one operation of each client, with an empty cache and with a warm one. A benchmark, not a test; the generated trees stay in the printed
folder.
"""

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# GitHub's `repos/get`: its tag folder, our module's name and openapi-python-client's.
OPERATION = ("repos", "repos_get", "reposget")

PROBE = """
import resource, time
start = time.perf_counter()
{statement}
elapsed = time.perf_counter() - start
print(elapsed, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def run(command: list[str], **kwargs: object) -> None:
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kwargs)  # type: ignore[call-overload]


def measure(python: str, folder: Path, statement: str, runs: int) -> tuple[float, float]:
    """Median seconds of `statement` and median peak RSS in MB of the process, over `runs` processes."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(folder)
    times, rss = [], []
    for _ in range(runs):
        out = subprocess.run(
            [python, "-c", PROBE.format(statement=statement)],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout.split()
        times.append(float(out[0]))
        rss.append(int(out[1]) / 1024)
    return statistics.median(times), statistics.median(rss)


def generate_ours(clientgen: str, spec: Path, out: Path, tag: str) -> dict[str, tuple[Path, str]]:
    """Our functions-style and package-style clients, by row name: (folder on the path, import statement)."""
    functions = out / f"{tag}-functions"
    package = out / f"{tag}-package"
    run([clientgen, "generate", "-f", str(spec), "--python-out", str(functions / "github_api")])
    run([clientgen, "generate", "-f", str(spec), "--python-style", "package",
         "--python-out", str(package / "github_pkg")])
    folder, module, _ = OPERATION
    return {
        f"clientgen {tag}, functions: import github_api.client": (functions, "import github_api.client"),
        # The package style's folder is the project: the import package is github_pkg/github_pkg/.
        f"clientgen {tag}, package: from github_pkg.api.{folder} import {module}": (
            package / "github_pkg",
            f"from github_pkg.api.{folder} import {module}",
        ),
    }


def mypy_time(folder: Path, source: str, python: str, cache: Path) -> tuple[float, str]:
    """Seconds of `mypy --strict` over a user file holding `source`, with `folder` on the path, and its
    summary line when it finds errors (in the user file or in the generated code it follows)."""
    user = folder / "user_code.py"
    user.write_text(source)
    start = time.perf_counter()
    ran = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--python-executable", python,
         "--cache-dir", str(cache), str(user)],
        env={**os.environ, "MYPYPATH": str(folder)},
        capture_output=True,
        text=True,
        cwd=folder,
    )
    elapsed = time.perf_counter() - start
    return elapsed, "" if ran.returncode == 0 else ran.stdout.strip().splitlines()[-1]


def main() -> None:
    spec = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "target/bench-data/api.github.com.json").resolve()
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 7
    clientgen = os.environ.get("CLIENTGEN_BIN", str(ROOT / "target/release/clientgen"))
    opc_venv = Path(os.environ["OPC_VENV"])
    python = str(opc_venv / "bin" / "python")
    out = Path(tempfile.mkdtemp(prefix="bench-python-import-"))
    print(f"spec: {spec.name}; trees in {out}; {runs} runs each; python: {python}")

    rows = generate_ours(clientgen, spec, out, "now")
    before = os.environ.get("CLIENTGEN_BIN_BEFORE")
    if before:
        rows.update(generate_ours(before, spec, out, "before"))
    opc = out / "opc"
    opc.mkdir()
    started = time.perf_counter()
    opc_ok = subprocess.run(
        [str(opc_venv / "bin" / "openapi-python-client"), "generate", "--path", str(spec), "--meta", "none",
         "--output-path", str(opc / "github_opc")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    print(f"openapi-python-client generate: {time.perf_counter() - started:.1f} s, exit {opc_ok.returncode}")
    folder, _, opc_module = OPERATION
    opc_generated = opc_ok.returncode == 0 and (opc / "github_opc" / "api" / folder / f"{opc_module}.py").exists()
    if opc_generated:
        rows[f"openapi-python-client: from github_opc.api.{folder} import {opc_module}"] = (
            opc,
            f"from github_opc.api.{folder} import {opc_module}",
        )
    else:
        print("openapi-python-client could not generate this spec:", opc_ok.stderr.strip()[-2000:])

    for folder_path, _ in rows.values():
        run([python, "-m", "compileall", "-q", str(folder_path)])
    bare_time, bare_rss = measure(python, out, "pass", runs)
    print(f"\n{'import (warm .pyc)':<72} {'median s':>9} {'peak RSS MB':>12}")
    print(f"{'bare interpreter (python -c pass)':<72} {bare_time:>9.3f} {bare_rss:>12.1f}")
    for name, (folder_path, statement) in rows.items():
        seconds, rss = measure(python, folder_path, statement, runs)
        print(f"{name:<72} {seconds:>9.3f} {rss:>12.1f}")

    print(f"\n{'mypy --strict over a user file calling one operation':<72} {'cold s':>9} {'warm s':>12}")
    owner = 'owner="octocat", repo="hello-world"'
    sources = {
        "clientgen now, functions (github_api.client.repos_get)": (
            "now-functions",
            f"from github_api import client\n\nrepo = client.repos_get({owner})\nprint(repo)\n",
        ),
        "clientgen now, package (github_pkg.api.repos.repos_get.sync)": (
            "now-package/github_pkg",
            "from github_pkg import Client\nfrom github_pkg.api.repos import repos_get\n\n"
            f'repo = repos_get.sync(client=Client("https://api.github.com"), {owner})\nprint(repo)\n',
        ),
    }
    if before:
        sources["clientgen before, functions (github_api.client.repos_get)"] = (
            "before-functions",
            sources["clientgen now, functions (github_api.client.repos_get)"][1],
        )
    if opc_generated:
        sources["openapi-python-client (github_opc.api.repos.reposget.sync)"] = (
            "opc",
            "from github_opc import Client\nfrom github_opc.api.repos import reposget\n\n"
            f'repo = reposget.sync(client=Client("https://api.github.com"), {owner})\nprint(repo)\n',
        )
    for name, (sub, source) in sources.items():
        cache = out / f"mypy-cache-{sub.replace('/', '-')}"
        shutil.rmtree(cache, ignore_errors=True)
        cold, errors = mypy_time(out / sub, source, python, cache)
        warm, _ = mypy_time(out / sub, source, python, cache)
        print(f"{name:<72} {cold:>9.1f} {warm:>12.1f}  {errors}")


if __name__ == "__main__":
    main()
