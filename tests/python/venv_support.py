"""Generated packages as a user installs them: `pip install -e` into a fresh venv, offline, and code run there.

The venv has no packages of its own: a `.pth` file adds this venv's site-packages (httpx, pydantic, pip,
hatchling) after its own, so the editable installs and every import work without a network. Scripts run in
that venv in isolated mode from an empty folder, so only what was installed is importable.
"""

import json
import os
import subprocess
import sys
import sysconfig
import textwrap
from collections.abc import Sequence
from pathlib import Path

from support import REPO_ROOT

PYRIGHT = REPO_ROOT / "tests" / "tools" / "node_modules" / ".bin" / "pyright"


def fresh_venv(folder: Path) -> Path:
    """The python of a new venv at `folder` that sees this venv's packages through a `.pth` file."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(folder)], check=True)
    python = folder / "bin" / "python"
    site_packages = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    Path(site_packages, "parent_venv.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return python


def pip_install_editable(python: Path, *packages: Path) -> None:
    """`pip install -e PACKAGE…` with the venv's `python`, offline, in one run; fails the test with pip's output."""
    pip_install(python, *(argument for package in packages for argument in ("-e", str(package))))


def pip_install(python: Path, *arguments: str) -> None:
    """`pip install ARGUMENTS…` with the venv's `python`, offline (the build backend is this venv's hatchling);
    fails the test with pip's output."""
    install = [str(python), "-m", "pip", "install", "--no-deps", "--no-build-isolation", "--no-index", *arguments]
    env = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1", "PIP_NO_INPUT": "1"}
    result = subprocess.run(install, capture_output=True, text=True, check=False, env=env)
    assert result.returncode == 0, result.stdout + result.stderr


def run_in_venv(python: Path, code: str, server_url: str, tmp_path: Path, *args: str) -> str:
    """Runs `code` (dedented) with the venv's python in isolated mode from `tmp_path`, with `args` as its
    arguments; returns its standard output.

    The script finds the server at `SERVER_URL` and must print `ok` last.
    """
    script = tmp_path / "script.py"
    script.write_text(textwrap.dedent(code))
    env = {**os.environ, "SERVER_URL": server_url}
    command = [str(python), "-I", str(script), *args]
    result = subprocess.run(command, capture_output=True, text=True, check=False, cwd=tmp_path, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().endswith("ok"), result.stdout
    return result.stdout


def run_mypy(*targets: str, cwd: Path, mypy_path: Sequence[Path] = ()) -> subprocess.CompletedProcess[str]:
    """`python -m mypy --strict TARGETS` from `cwd`, its cache there; MYPYPATH is `mypy_path` (default: `cwd`)."""
    command = [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(cwd / ".mypy_cache"), *targets]
    env = {**os.environ, "MYPYPATH": os.pathsep.join(str(folder) for folder in (mypy_path or [cwd]))}
    return subprocess.run(command, check=False, cwd=cwd, env=env, capture_output=True, text=True)


def run_pyright_strict(folder: Path, python: Path = Path(sys.executable)) -> subprocess.CompletedProcess[str]:
    """pyright in strict mode over the Python files in `folder` (a `pyrightconfig.json` written there), resolving
    imports as `python` does (its site-packages and their `.pth` files)."""
    assert PYRIGHT.is_file(), f"no pyright at {PYRIGHT}: run `npm install --prefix tests/tools` (tests/run.sh does)"
    config = folder / "pyrightconfig.json"
    config.write_text(json.dumps({"typeCheckingMode": "strict"}))
    command = [str(PYRIGHT), "--project", str(config), "--pythonpath", str(python)]
    return subprocess.run(command, cwd=folder, check=False, capture_output=True, text=True, timeout=600)
