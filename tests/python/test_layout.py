"""Where the generated Python files go (#17 item 1), in every style.

No generated module is named after a standard-library module: Python run with the generated folder as its working
directory (its first import path entry) still imports the client, where an `http.py` or `types.py` there used to
shadow the standard library (`ImportError: ... partially initialized module 'types'`).

`pip install` and `pip install -e` of the generated folder write nothing into it, in every style (hatchling builds
the wheel elsewhere; setuptools left `build/` and `*.egg-info/` inside the import package), and the editable
install is a `.pth` path that mypy and pyright follow. The package style's project layout is tested in
test_package_style.py.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from support import AUTH_SPEC, generate_python, import_root
from venv_support import fresh_venv, pip_install, run_in_venv, run_mypy, run_pyright_strict

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


def files_under(folder: Path) -> list[str]:
    """Every file and folder under `folder`, relative to it, sorted."""
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*"))


@pytest.mark.parametrize("editable", [False, True], ids=["wheel", "editable"])
@pytest.mark.parametrize("style", STYLES)
def test_pip_install_writes_nothing_into_the_generated_folder(
    generated: Path, style: str, editable: bool, tmp_path: Path
) -> None:
    name = STYLES[style][0]
    folder = generated / name
    before = files_under(folder)
    python = fresh_venv(tmp_path / "venv")
    pip_install(python, *(["-e"] if editable else []), str(folder))
    assert files_under(folder) == before
    out = run_in_venv(python, f"import {name}, {name}.client; print({name}.__file__); print('ok')", "", tmp_path)
    installed_from = Path(out.splitlines()[0]).parent
    assert (installed_from == import_package(generated, name)) == editable, installed_from


# User code of the auth app's client, one typed call, in the functions and class styles.
TYPED_CALLS = {
    "functions": """
from typing_extensions import assert_type

from layout_fn import client, schemas


def call() -> None:
    assert_type(client.echo_public(), schemas.Received)
""",
    "class": """
from typing_extensions import assert_type

from layout_cls import Client, schemas


def call(api: Client) -> None:
    assert_type(api.echo_public(), schemas.Received)
""",
}


@pytest.mark.parametrize("style", TYPED_CALLS)
def test_editable_install_is_seen_by_mypy_and_pyright(generated: Path, style: str, tmp_path: Path) -> None:
    """User code in its own folder type-checks against the editable install alone (an import hook, which
    setuptools used for this layout, hid the package from both)."""
    python = fresh_venv(tmp_path / "venv")
    pip_install(python, "-e", str(generated / STYLES[style][0]))
    user = tmp_path / "user"
    user.mkdir()
    (user / "calls.py").write_text(TYPED_CALLS[style])
    mypy = run_mypy("--python-executable", str(python), "calls.py", cwd=user, mypy_path=[user])
    assert mypy.returncode == 0, mypy.stdout + mypy.stderr
    pyright = run_pyright_strict(user, python=python)
    assert pyright.returncode == 0, pyright.stdout + pyright.stderr


@pytest.mark.parametrize("style", STYLES)
def test_every_style_passes_ruff_check(generated: Path, style: str) -> None:
    """ruff's default rules, no configuration: the corpus gate (test_corpus.py) covers the functions and package
    styles of every fixture spec; this covers the class and async styles too."""
    ruff = Path(sys.executable).with_name("ruff")
    name = STYLES[style][0]
    command = [str(ruff), "check", "--isolated", "--no-cache", name]
    result = subprocess.run(command, cwd=generated, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
