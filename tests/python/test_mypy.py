"""`mypy --strict` accepts the generated packages, and the README's usage type-checks against them."""

import os
import subprocess
import sys
from pathlib import Path

from support import PACKAGES

TYPED_USAGE = Path(__file__).with_name("typed_usage.py")


def run_mypy(*targets: str, cwd: Path, mypy_path: Path) -> subprocess.CompletedProcess[str]:
    """`python -m mypy --strict TARGETS`, with its cache beside the packages instead of in the repo."""
    command = [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(mypy_path.parent / ".mypy_cache"), *targets]
    env = {**os.environ, "MYPYPATH": str(mypy_path)}
    return subprocess.run(command, check=False, cwd=cwd, env=env, capture_output=True, text=True)


def test_generated_packages_pass_mypy_strict(generated_packages: Path) -> None:
    result = run_mypy(*(package.name for package in PACKAGES), cwd=generated_packages, mypy_path=generated_packages)
    assert result.returncode == 0, result.stdout + result.stderr


def test_typed_usage_passes_mypy_strict(generated_packages: Path) -> None:
    result = run_mypy(str(TYPED_USAGE), cwd=generated_packages, mypy_path=generated_packages)
    assert result.returncode == 0, result.stdout + result.stderr
