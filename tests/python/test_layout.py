"""Where the generated Python files go (#17 item 1), in every style.

No generated module is named after a standard-library module: Python run with the generated folder as its working
directory (its first import path entry) still imports the client, where an `http.py` or `types.py` there used to
shadow the standard library (`ImportError: ... partially initialized module 'types'`). The package style's project
layout and its editable install are tested in test_package_style.py.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from support import AUTH_SPEC, generate_python, import_root

STYLES = {
    "functions": ("layout_fn", ()),
    "functions-async": ("layout_fn_async", ("--asyncio",)),
    "class": ("layout_cls", ("--python-style", "class")),
    "package": ("layout_pkg", ("--python-style", "package")),
}


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The auth app's client in every style, each in its own folder."""
    folder = tmp_path_factory.mktemp("layout")
    for name, options in STYLES.values():
        generate_python(AUTH_SPEC, folder / name, *options)
    return folder


def import_package(generated: Path, name: str) -> Path:
    """The import package (the folder holding `__init__.py`) of the client `name`."""
    return import_root(generated / name) / name


@pytest.mark.parametrize("style", STYLES)
def test_no_generated_module_is_named_after_a_standard_library_module(generated: Path, style: str) -> None:
    name = STYLES[style][0]
    package = import_package(generated, name)
    modules = {path.stem for path in package.iterdir() if path.suffix == ".py" or (path / "__init__.py").is_file()}
    assert modules & sys.stdlib_module_names == set(), sorted(modules)


@pytest.mark.parametrize("style", STYLES)
def test_client_imports_with_its_own_folder_first_on_the_import_path(generated: Path, style: str) -> None:
    """`python -c` in the import package's folder puts that folder first on sys.path, as `python script.py` there
    does; the package itself is found through PYTHONPATH, after it."""
    name = STYLES[style][0]
    package = import_package(generated, name)
    code = f"import sys; assert sys.path[0] == ''; import {name}, {name}.client; print('ok')"
    for cwd in {package, generated / name}:
        env = {**os.environ, "PYTHONPATH": str(package.parent)}
        result = subprocess.run([sys.executable, "-c", code], cwd=cwd, env=env, capture_output=True, text=True, check=False)
        assert result.returncode == 0 and result.stdout.strip() == "ok", f"in {cwd}:\n{result.stdout}{result.stderr}"
