"""`mypy --strict` accepts the generated packages, and the README's usage type-checks against them."""

from pathlib import Path

from support import PACKAGES
from venv_support import run_mypy

TYPED_USAGE = Path(__file__).with_name("typed_usage.py")


def test_generated_packages_pass_mypy_strict(generated_packages: Path) -> None:
    result = run_mypy(*(package.name for package in PACKAGES), cwd=generated_packages, mypy_path=[generated_packages])
    assert result.returncode == 0, result.stdout + result.stderr


def test_typed_usage_passes_mypy_strict(generated_packages: Path) -> None:
    result = run_mypy(str(TYPED_USAGE), cwd=generated_packages, mypy_path=[generated_packages])
    assert result.returncode == 0, result.stdout + result.stderr
