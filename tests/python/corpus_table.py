"""A pytest plugin (loaded by pytest.ini) that ends the run with the corpus table: spec × target → ok or the
stage that failed, and totals per target.

It runs no gate of its own. It reads the outcome of the corpus tests that ran, which are the gates:

- python, python package: test_corpus.py, the functions and the package style: `compileall`, import,
  `mypy --strict`, pyright and `ruff check` (the test records the stage it is in);
- typescript: test_typescript.py, `tsc --strict` under NodeNext and under Bundler resolution (and, over the whole
  corpus at once, `prettier --check`, which has no per-spec cell);
- proto: test_proto.py, `protoc` (grpc_tools) with the Python stubs imported, and `buf lint`;
- rust: test_corpus.py's view of tests/tests/rust_fixtures.rs (`cargo clippy -D warnings` on every spec's client).

A cell is `ok` when every case of that target passed for that spec, `skipped` when all were skipped, and otherwise
names the failed stages. A spec a target's gate does not cover has an empty cell. Nothing is printed when no corpus
test ran (a run selecting other tests).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

# The user property a corpus test sets to the stage it is in, so a failure names that stage.
STAGE_PROPERTY = "corpus_stage"
TARGETS = ("python", "python package", "typescript", "proto", "rust")
OK, SKIPPED = "ok", "skipped"


def proto_stage(failure: str, tool_stage: str) -> str:
    """The stage of a failed proto case: generation, protoc, or the case's own tool (import, buf lint)."""
    if "clientgen" in failure and " generate " in failure:
        return "generate"
    if "grpc_tools.protoc" in failure:
        return "protoc"
    return tool_stage


@dataclass(frozen=True)
class Gate:
    """One parametrized corpus test: which target it checks and how a failure names its stage."""

    file: str
    function: str
    target: str
    # (the case's parameters, the failure text, whether the test body ran) → the failed stage.
    stage: Callable[[dict[str, object], str, bool], str]


def recorded_stage(default: str) -> Callable[[dict[str, object], str, bool], str]:
    """Stage names come from the test itself (see STAGE_PROPERTY); `default` when it recorded none."""
    return lambda _params, _failure, _ran: default


def typescript_stage(params: dict[str, object], failure: str, ran: bool) -> str:
    if ran:
        return f"tsc {params['mode']}"
    # The shared fixture generates every spec first: a failure there names the spec it failed on.
    spec = params["spec"]
    return "generate" if isinstance(spec, Path) and f"clientgen failed on {spec.name}" in failure else "not run"


GATES = (
    Gate("test_corpus.py", "test_spec_generates_python_that_compiles_imports_and_type_checks", "python",
         recorded_stage("generate")),
    Gate("test_corpus.py", "test_spec_generates_a_python_package_that_compiles_imports_and_type_checks",
         "python package", recorded_stage("generate")),
    Gate("test_corpus.py", "test_spec_python_passes_pyright", "python", recorded_stage("pyright")),
    Gate("test_corpus.py", "test_spec_python_package_passes_pyright", "python package", recorded_stage("pyright")),
    Gate("test_corpus.py", "test_spec_python_passes_ruff_check", "python", recorded_stage("ruff check")),
    Gate("test_corpus.py", "test_spec_python_package_passes_ruff_check", "python package",
         recorded_stage("ruff check")),
    Gate("test_typescript.py", "test_spec_generates_typescript_that_passes_tsc_strict", "typescript",
         typescript_stage),
    Gate("test_proto.py", "test_fixture_proto_compiles_and_imports", "proto",
         lambda _params, failure, _ran: proto_stage(failure, "import")),
    Gate("test_proto.py", "test_fixture_proto_is_buf_lint_clean", "proto",
         lambda _params, failure, _ran: proto_stage(failure, "buf lint")),
    Gate("test_corpus.py", "test_spec_generates_rust_that_passes_clippy", "rust", recorded_stage("clippy")),
)


def gate_of(item: pytest.Item) -> Gate | None:
    """The corpus gate `item` is a case of, if any."""
    function = getattr(item, "originalname", item.name)
    return next((g for g in GATES if g.function == function and item.path.name == g.file), None)


@dataclass
class Cell:
    """What the cases of one (spec, target) gave."""

    cases: int = 0
    skipped: int = 0
    failed: list[str] = field(default_factory=list)

    def text(self) -> str:
        if self.failed:
            return "FAILED: " + ", ".join(dict.fromkeys(self.failed))
        return SKIPPED if self.skipped == self.cases else OK


@dataclass
class Table:
    """The corpus outcomes seen so far: spec name → target → cell."""

    rows: dict[str, dict[str, Cell]] = field(default_factory=dict)

    def record(self, spec: str, target: str, failed_stage: str | None, skipped: bool) -> None:
        cell = self.rows.setdefault(spec, {}).setdefault(target, Cell())
        cell.cases += 1
        cell.skipped += skipped
        if failed_stage is not None:
            cell.failed.append(failed_stage)

    def lines(self) -> Iterator[str]:
        """The table, then one line of totals per target."""
        targets = [t for t in TARGETS if any(t in row for row in self.rows.values())]
        specs = sorted(self.rows)
        cells = {spec: {t: self.rows[spec][t].text() if t in self.rows[spec] else "" for t in targets} for spec in specs}
        widths = [max([len("spec"), *map(len, specs)])]
        widths += [max([len(t), *(len(cells[spec][t]) for spec in specs)]) for t in targets]
        header = ["spec", *targets]
        yield "  ".join(h.ljust(w) for h, w in zip(header, widths)).rstrip()
        yield "  ".join("-" * w for w in widths)
        for spec in specs:
            row = [spec, *(cells[spec][t] for t in targets)]
            yield "  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip()
        yield ""
        for target in targets:
            column = [row[target] for row in self.rows.values() if target in row]
            failed = sum(1 for cell in column if cell.failed)
            skipped = sum(1 for cell in column if not cell.failed and cell.skipped == cell.cases)
            ok = len(column) - failed - skipped
            yield f"{target}: {ok} ok, {failed} failed, {skipped} skipped of {len(column)} specs"


TABLE = Table()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    report: pytest.TestReport = yield
    gate = gate_of(item)
    callspec = getattr(item, "callspec", None)
    if gate is None or callspec is None or "spec" not in callspec.params:
        return report
    # One record per case: its call, or the setup when the setup did not pass (the call never ran).
    if report.when == "call" or (report.when == "setup" and not report.passed):
        spec = callspec.params["spec"]
        name = spec.stem if isinstance(spec, Path) else str(spec)
        failed_stage = None
        if report.failed:
            recorded = [value for key, value in item.user_properties if key == STAGE_PROPERTY]
            ran = report.when == "call"
            failed_stage = str(recorded[-1]) if recorded and ran else gate.stage(callspec.params, report.longreprtext, ran)
        TABLE.record(name, gate.target, failed_stage, report.skipped)
    return report


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not TABLE.rows:
        return
    terminalreporter.section("corpus: spec × target")
    for line in TABLE.lines():
        terminalreporter.write_line(line)

