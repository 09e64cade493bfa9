"""Every fixture spec (the real public specs copied from shared/specs, and the handwritten ones) generates a Python
package that byte-compiles, imports, and passes ``mypy --strict`` and ``pyright --strict`` (a ``pyrightconfig.json``
with ``typeCheckingMode: strict`` written here, not by the generator), ``ruff check`` (its default rules) and
``ruff format --check`` (its defaults), in the functions and the package style; and its Rust client passes the clippy
gate of tests/tests/rust_fixtures.rs, seen here spec by spec.

Each test records the stage it is in (``corpus_stage``) so that the corpus table (corpus_table.py) names the stage a
failure happened in.
"""

import compileall
import importlib
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from corpus_table import STAGE_PROPERTY
from ruff_support import ruff_format_findings
from support import REPO_ROOT, clientgen_binary, import_root

FIXTURES = REPO_ROOT / "tests" / "fixtures"
SPECS = sorted([*FIXTURES.glob("specs/*.json"), *FIXTURES.glob("handwritten/*.json")])

Stage = Callable[[str], None]


@pytest.fixture
def stage(record_property: Callable[[str, object], None]) -> Stage:
    """`stage("mypy")`: the test is now in that stage (the corpus table names it if the test fails)."""
    return lambda name: record_property(STAGE_PROPERTY, name)


def package_name(spec: Path, style: str) -> str:
    """A valid, unique import name for the ``style`` package of ``spec``."""
    return f"corpus_{style}_" + re.sub(r"\W", "_", spec.stem).lower()


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Where the corpus packages are generated; on sys.path while the module runs (as are the package style's
    project folders, which hold their import packages)."""
    folder = tmp_path_factory.mktemp("corpus")
    sys.path.insert(0, str(folder))
    yield folder
    sys.path[:] = [entry for entry in sys.path if not entry.startswith(str(folder))]


def check_python(spec: Path, style: str, modules: tuple[str, ...], corpus_dir: Path, stage: Stage) -> None:
    """The Python gate of one spec in one style: generate, byte-compile, import `modules`, `mypy --strict`."""
    out = corpus_dir / package_name(spec, style)
    stage("generate")
    command = [str(clientgen_binary()), "generate", "-f", str(spec), "--python-out", str(out)]
    generated = subprocess.run([*command, "--python-style", style], capture_output=True, text=True, check=False)
    assert generated.returncode == 0, generated.stderr
    stage("compileall")
    assert compileall.compile_dir(out, quiet=1), "generated Python does not byte-compile"
    stage("import")
    root = import_root(out)
    if str(root) not in sys.path:
        sys.path.insert(0, str(root))
    for module in modules:
        importlib.import_module(f"{out.name}.{module}")
    stage("mypy")
    package = (root / out.name).relative_to(corpus_dir)
    checked = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(corpus_dir / ".mypy_cache"), str(package)],
        cwd=corpus_dir,
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr


@pytest.mark.parametrize("spec", SPECS, ids=[spec.stem for spec in SPECS])
def test_spec_generates_python_that_compiles_imports_and_type_checks(
    spec: Path, corpus_dir: Path, stage: Stage
) -> None:
    check_python(spec, "functions", ("client",), corpus_dir, stage)


@pytest.mark.parametrize("spec", SPECS, ids=[spec.stem for spec in SPECS])
def test_spec_generates_a_python_package_that_compiles_imports_and_type_checks(
    spec: Path, corpus_dir: Path, stage: Stage
) -> None:
    check_python(spec, "package", ("models", "client"), corpus_dir, stage)


# pyright runs once over every package the tests above generated (one process shares the start-up and the parsing
# of httpx and pydantic, which dominate a run per package); these cases read its findings per package.
PYRIGHT = REPO_ROOT / "tests" / "tools" / "node_modules" / ".bin" / "pyright"
PYRIGHT_TIMEOUT = 1_800


@pytest.fixture(scope="module")
def pyright_findings(corpus_dir: Path) -> dict[str, list[str]]:
    """pyright's errors in strict mode over every package in `corpus_dir`, by package folder name."""
    packages = sorted(p.name for p in corpus_dir.iterdir() if p.is_dir() and p.name.startswith("corpus_"))
    if not packages:
        return {}
    config = corpus_dir / "pyrightconfig.json"
    config.write_text(json.dumps({"typeCheckingMode": "strict", "include": packages}))
    command = [str(PYRIGHT), "--outputjson", "--project", str(config), "--pythonpath", sys.executable]
    ran = subprocess.run(
        command, cwd=corpus_dir, capture_output=True, text=True, check=False, timeout=PYRIGHT_TIMEOUT
    )
    report = json.loads(ran.stdout)
    findings: dict[str, list[str]] = {}
    for diagnostic in report["generalDiagnostics"]:
        if diagnostic["severity"] != "error":
            continue
        relative = Path(diagnostic["file"]).relative_to(corpus_dir)
        line = diagnostic["range"]["start"]["line"] + 1
        findings.setdefault(relative.parts[0], []).append(f"{relative}:{line}: {diagnostic['message']}")
    return findings


def check_findings(
    tool: str, spec: Path, style: str, corpus_dir: Path, findings: dict[str, list[str]], stage: Stage
) -> None:
    """The gate of `tool` (its findings over the whole corpus, by package) on one spec's package in one style
    (generated by the tests above)."""
    stage(tool)
    package = package_name(spec, style)
    assert (corpus_dir / package).is_dir(), f"{package} was not generated: its generation test did not run or failed"
    errors = findings.get(package, [])
    assert not errors, f"{tool} reports {len(errors)} findings:\n" + "\n".join(errors[:40])


@pytest.mark.parametrize("spec", SPECS, ids=[spec.stem for spec in SPECS])
def test_spec_python_passes_pyright(
    spec: Path, corpus_dir: Path, pyright_findings: dict[str, list[str]], stage: Stage
) -> None:
    check_findings("pyright", spec, "functions", corpus_dir, pyright_findings, stage)


@pytest.mark.parametrize("spec", SPECS, ids=[spec.stem for spec in SPECS])
def test_spec_python_package_passes_pyright(
    spec: Path, corpus_dir: Path, pyright_findings: dict[str, list[str]], stage: Stage
) -> None:
    check_findings("pyright", spec, "package", corpus_dir, pyright_findings, stage)


# `ruff check` runs once over every package the tests above generated, with ruff's default rules and no
# configuration (`--isolated`: none of ours, none a user's repo might hold).
RUFF = Path(sys.executable).with_name("ruff")


@pytest.fixture(scope="module")
def ruff_findings(corpus_dir: Path) -> dict[str, list[str]]:
    """`ruff check`'s findings over every package in `corpus_dir`, by package folder name."""
    packages = sorted(p.name for p in corpus_dir.iterdir() if p.is_dir() and p.name.startswith("corpus_"))
    if not packages:
        return {}
    command = [str(RUFF), "check", "--isolated", "--no-cache", "--output-format", "json", *packages]
    ran = subprocess.run(command, cwd=corpus_dir, capture_output=True, text=True, check=False)
    assert ran.returncode in (0, 1), ran.stderr
    findings: dict[str, list[str]] = {}
    for finding in json.loads(ran.stdout):
        relative = Path(finding["filename"]).relative_to(corpus_dir)
        line = finding["location"]["row"]
        findings.setdefault(relative.parts[0], []).append(
            f"{relative}:{line}: {finding['code']} {finding['message']}"
        )
    return findings


@pytest.mark.parametrize("spec", SPECS, ids=[spec.stem for spec in SPECS])
def test_spec_python_passes_ruff_check(
    spec: Path, corpus_dir: Path, ruff_findings: dict[str, list[str]], stage: Stage
) -> None:
    check_findings("ruff check", spec, "functions", corpus_dir, ruff_findings, stage)


@pytest.mark.parametrize("spec", SPECS, ids=[spec.stem for spec in SPECS])
def test_spec_python_package_passes_ruff_check(
    spec: Path, corpus_dir: Path, ruff_findings: dict[str, list[str]], stage: Stage
) -> None:
    check_findings("ruff check", spec, "package", corpus_dir, ruff_findings, stage)


# `ruff format --check` runs once over every package the tests above generated, at ruff's defaults and with no
# configuration (`--isolated`): every generated file must be as ruff's formatter leaves it.
@pytest.fixture(scope="module")
def ruff_format_findings_by_package(corpus_dir: Path) -> dict[str, list[str]]:
    """The files `ruff format --isolated --check` would reformat in every package in `corpus_dir`, by package."""
    packages = sorted(p.name for p in corpus_dir.iterdir() if p.is_dir() and p.name.startswith("corpus_"))
    return ruff_format_findings(corpus_dir, packages)


@pytest.mark.parametrize("spec", SPECS, ids=[spec.stem for spec in SPECS])
def test_spec_python_passes_ruff_format(
    spec: Path, corpus_dir: Path, ruff_format_findings_by_package: dict[str, list[str]], stage: Stage
) -> None:
    check_findings("ruff format", spec, "functions", corpus_dir, ruff_format_findings_by_package, stage)


@pytest.mark.parametrize("spec", SPECS, ids=[spec.stem for spec in SPECS])
def test_spec_python_package_passes_ruff_format(
    spec: Path, corpus_dir: Path, ruff_format_findings_by_package: dict[str, list[str]], stage: Stage
) -> None:
    check_findings("ruff format", spec, "package", corpus_dir, ruff_format_findings_by_package, stage)


# The Rust gate is one cargo test (one clippy run over one crate holding every spec's client, which takes a
# fraction of the time of one run per spec); these cases read its outcome per spec.
RUST_GATE = "generated_rust_of_every_fixture_spec_passes_clippy"
# How much of clippy's output the gate's failure message keeps (tests/tests/rust_fixtures.rs).
RUST_GATE_OUTPUT_LIMIT = 20_000
RUST_GATE_TIMEOUT = 3_000


def rust_module(spec: Path) -> str:
    """The module the Rust gate puts `spec`'s client in (`module_of` in tests/tests/rust_fixtures.rs)."""
    name = re.sub(r"_+", "_", re.sub(r"[^a-z0-9]", "_", spec.stem.lower()))
    return f"spec_{name}"


@dataclass(frozen=True)
class RustGate:
    """What the Rust gate's run said: whether it passed, its output, and the modules of the clients it checked."""

    passed: bool
    output: str
    checked: frozenset[str]

    def outcome(self, spec: Path) -> tuple[str, str] | None:
        """None when `spec` passed; else (the failed stage, why). Raises Skipped when the gate left it out."""
        module = rust_module(spec)
        if self.passed and module in self.checked:
            return None
        if self.passed:
            pytest.skip("left out of the Rust gate (a slow spec; CLIENTGEN_RUST_SWEEP=all checks it)")
        if f"{spec}: " in self.output:
            return "generate", self.output
        if "cargo clippy of the generated clients failed" not in self.output:
            return "not run", self.output
        if f"src/{module}/" in self.output:
            lines = [line for line in self.output.splitlines() if f"src/{module}/" in line]
            return "clippy", "\n".join(lines[:40])
        if module not in self.checked:
            pytest.skip("left out of the Rust gate (a slow spec; CLIENTGEN_RUST_SWEEP=all checks it)")
        if len(self.output) >= RUST_GATE_OUTPUT_LIMIT:
            return "clippy (output cut before this spec)", self.output[-2_000:]
        return None


@pytest.fixture(scope="module")
def rust_gate() -> RustGate:
    """Runs the Rust gate (`cargo test -p clientgen-tests --test rust_fixtures`) once for this module."""
    cargo = os.environ.get("CARGO", "cargo")
    command = [cargo, "test", "--locked", "-q", "-p", "clientgen-tests", "--test", "rust_fixtures", "--", RUST_GATE]
    ran = subprocess.run(
        command, cwd=REPO_ROOT, capture_output=True, text=True, check=False, timeout=RUST_GATE_TIMEOUT
    )
    metadata = subprocess.run(
        [cargo, "metadata", "--format-version", "1", "--no-deps"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    lib = Path(json.loads(metadata.stdout)["target_directory"]) / "tmp" / "rust-fixtures" / "src" / "lib.rs"
    checked = re.findall(r"^pub mod (\w+) \{", lib.read_text(), re.MULTILINE) if lib.is_file() else []
    return RustGate(ran.returncode == 0, ran.stdout + ran.stderr, frozenset(checked))


@pytest.mark.parametrize("spec", SPECS, ids=[spec.stem for spec in SPECS])
def test_spec_generates_rust_that_passes_clippy(spec: Path, rust_gate: RustGate, stage: Stage) -> None:
    outcome = rust_gate.outcome(spec)
    if outcome is not None:
        failed_stage, why = outcome
        stage(failed_stage)
        pytest.fail(f"the Rust gate failed on {spec.name} ({failed_stage}):\n{why[:20_000]}")
