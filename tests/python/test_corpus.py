"""Every fixture spec (the real public specs copied from shared/specs, and the handwritten ones)
generates a Python package that byte-compiles, imports, and passes ``mypy --strict``.
"""

import compileall
import importlib
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from support import REPO_ROOT, clientgen_binary

FIXTURES = REPO_ROOT / "tests" / "fixtures"
SPECS = sorted([*FIXTURES.glob("specs/*.json"), *FIXTURES.glob("handwritten/*.json")])


def package_name(spec: Path) -> str:
    """A valid, unique import name for the package of ``spec``."""
    return "corpus_" + re.sub(r"\W", "_", spec.stem)


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Where the corpus packages are generated; on sys.path while the module runs."""
    folder = tmp_path_factory.mktemp("corpus")
    sys.path.insert(0, str(folder))
    yield folder
    sys.path.remove(str(folder))


@pytest.mark.parametrize("spec", SPECS, ids=[spec.stem for spec in SPECS])
def test_spec_generates_python_that_compiles_imports_and_type_checks(spec: Path, corpus_dir: Path) -> None:
    out = corpus_dir / package_name(spec)
    generated = subprocess.run(
        [str(clientgen_binary()), "generate", "-f", str(spec), "--python-out", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert generated.returncode == 0, generated.stderr
    assert compileall.compile_dir(out, quiet=1), "generated Python does not byte-compile"
    importlib.import_module(f"{out.name}.client")
    checked = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(corpus_dir / ".mypy_cache"), out.name],
        cwd=corpus_dir,
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
