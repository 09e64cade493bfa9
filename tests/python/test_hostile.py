"""Hostile specs (tests/fixtures/hostile, plus the big ones built here) generate Python packages that
byte-compile, import, and pass ``mypy --strict``; nothing is written outside the output folder; `$ref`
loops and YAML alias bombs fail with an error and write nothing.

tests/tests/hostile.rs checks the same specs from Rust (determinism, exact error messages).
"""

import compileall
import importlib
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from support import REPO_ROOT, clientgen_binary

HOSTILE = REPO_ROOT / "tests" / "fixtures" / "hostile"
# Specs that must fail, and a phrase of their error.
FAILING = {
    "ref_loop.json": "loops without reaching a schema",
    "ref_loop_objects.json": "leads back to itself",
    "alias_bomb.yaml": "aliases expand to too many nodes",
}
FIXTURE_SPECS = sorted(spec for spec in HOSTILE.glob("*.json") if spec.name not in FAILING)
STYLES = {"functions": [], "class-async": ["--python-style", "class", "--asyncio"]}


def one_operation_spec(schemas: dict[str, Any], root: str) -> dict[str, Any]:
    """A spec whose one operation answers with the component ``root`` of ``schemas``."""
    response = {"description": "ok", "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{root}"}}}}
    return {
        "openapi": "3.0.3",
        "info": {"title": "Hostile", "version": "1.0"},
        "paths": {"/x": {"get": {"operationId": "get_x", "responses": {"200": response}}}},
        "components": {"schemas": schemas},
    }


def big_enum() -> dict[str, Any]:
    """10,000 string values."""
    return one_operation_spec({"Big": {"type": "string", "enum": [f"value-{i}" for i in range(10_000)]}}, "Big")


def deep_nesting() -> dict[str, Any]:
    """200 levels of objects, arrays and allOf, each a component referring to the next."""
    schemas: dict[str, Any] = {}
    for level in range(200):
        ref = {"$ref": f"#/components/schemas/Level{level + 1}"}
        schemas[f"Level{level}"] = [
            {"type": "object", "properties": {"next": ref}},
            {"type": "array", "items": ref},
            {"allOf": [ref], "description": "one more level"},
        ][level % 3]
    schemas["Level200"] = {"type": "string"}
    return one_operation_spec(schemas, "Level0")


BUILT_SPECS = {"big_enum": big_enum, "deep_nesting": deep_nesting}


@pytest.fixture(scope="module")
def packages_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Where the hostile packages are importable; on sys.path while the module runs."""
    folder = tmp_path_factory.mktemp("hostile_packages")
    sys.path.insert(0, str(folder))
    yield folder
    sys.path.remove(str(folder))


def files_under(folder: Path) -> set[str]:
    """Every file below ``folder``, relative and ``/``-separated."""
    return {path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file()}


def generate(spec: Path, options: list[str], sandbox: Path) -> tuple[subprocess.CompletedProcess[str], Path]:
    """Runs `clientgen generate` from inside ``sandbox`` into ``sandbox/out/hostile_pkg``."""
    out = sandbox / "out" / "hostile_pkg"
    run = subprocess.run(
        [str(clientgen_binary()), "generate", "-f", str(spec), "--python-out", str(out), *options],
        cwd=sandbox,
        capture_output=True,
        text=True,
        check=False,
    )
    return run, out


def check_package(spec: Path, options: list[str], name: str, tmp_path: Path, packages_dir: Path) -> None:
    """Generates ``spec`` contained in a sandbox, then byte-compiles, imports and type-checks it as ``name``."""
    sandbox = tmp_path / "sandbox"
    sandbox.mkdir()
    fixtures_before = files_under(HOSTILE)
    generated, out = generate(spec, options, sandbox)
    assert generated.returncode == 0, generated.stderr
    outside = {path for path in files_under(sandbox) if not path.startswith("out/hostile_pkg/")}
    assert not outside, f"written outside the output folder: {sorted(outside)}"
    assert files_under(HOSTILE) == fixtures_before, "the fixture folder changed"

    package = packages_dir / name
    out.rename(package)
    assert compileall.compile_dir(package, quiet=1), "generated Python does not byte-compile"
    importlib.import_module(f"{name}.schemas")
    importlib.import_module(f"{name}.client")
    checked = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(packages_dir / ".mypy_cache"), name],
        cwd=packages_dir,
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr


@pytest.mark.parametrize("options", STYLES.values(), ids=STYLES.keys())
@pytest.mark.parametrize("spec", FIXTURE_SPECS, ids=[spec.stem for spec in FIXTURE_SPECS])
def test_hostile_fixture_generates_contained_python_that_compiles_imports_and_type_checks(
    spec: Path, options: list[str], tmp_path: Path, packages_dir: Path
) -> None:
    name = f"hostile_{spec.stem}_{'class' if options else 'functions'}"
    check_package(spec, options, name, tmp_path, packages_dir)


@pytest.mark.parametrize("options", STYLES.values(), ids=STYLES.keys())
@pytest.mark.parametrize("built", BUILT_SPECS)
def test_big_spec_generates_contained_python_that_compiles_imports_and_type_checks(
    built: str, options: list[str], tmp_path: Path, packages_dir: Path
) -> None:
    spec = tmp_path / f"{built}.json"
    spec.write_text(json.dumps(BUILT_SPECS[built]()), encoding="utf-8")
    name = f"hostile_{built}_{'class' if options else 'functions'}"
    check_package(spec, options, name, tmp_path, packages_dir)


@pytest.mark.parametrize("failing", FAILING)
def test_failing_spec_names_its_problem_and_writes_nothing(failing: str, tmp_path: Path) -> None:
    generated, _ = generate(HOSTILE / failing, [], tmp_path)
    assert generated.returncode == 1, generated.stderr
    assert FAILING[failing] in generated.stderr
    assert "nothing was written" in generated.stderr
    assert not files_under(tmp_path), "a failed generation wrote files"
