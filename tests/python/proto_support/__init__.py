"""Helpers of test_proto.py: generate a proto tree with clientgen, compile it with protoc, lint it with buf."""

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from support import REPO_ROOT, clientgen_binary

BUF = REPO_ROOT / "tests" / "tools" / "node_modules" / ".bin" / "buf"
FIXTURES = REPO_ROOT / "tests" / "fixtures"
# The shared fixtures and the hostile ones that should generate (the `ref_loop*` specs are errors).
FIXTURE_SPECS = sorted(
    [
        *FIXTURES.glob("specs/*.json"),
        *FIXTURES.glob("handwritten/*.json"),
        *(spec for spec in FIXTURES.glob("hostile/*.json") if not spec.stem.startswith("ref_loop")),
    ]
)


@dataclass(frozen=True)
class Zone:
    """One zone of a generated proto tree: `<zone>/` holding buf.yaml, README.md and `api__<zone>/`."""

    root: Path

    @property
    def package(self) -> str:
        """The proto package, also the folder of the .proto files and the Python package of the stubs."""
        return f"api__{self.root.name}"

    @property
    def proto_files(self) -> list[str]:
        """The .proto files, relative to the zone folder (the include path)."""
        return [f"{self.package}/messages.proto", f"{self.package}/service.proto"]


def run(command: list[str], cwd: Path) -> None:
    """Run `command` in `cwd`; fail the test with its output when it exits non-zero."""
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        pytest.fail(f"`{' '.join(command)}` in {cwd} exited {result.returncode}:\n{result.stdout}{result.stderr}")


def generate(spec: Path, out: Path) -> Zone:
    """Generate the proto tree of `spec` into `out` with `clientgen generate --proto-out` and return its zone."""
    run([str(clientgen_binary()), "generate", "-f", str(spec), "--proto-out", str(out)], cwd=out.parent)
    zones = [path.parent for path in out.glob("*/api__*") if path.is_dir()]
    if len(zones) != 1:
        pytest.fail(f"expected one zone in {out}, found {zones}")
    return Zone(zones[0])


def compile_python(zone: Zone, out: Path) -> None:
    """Compile the zone with `python -m grpc_tools.protoc` into Python message and gRPC modules under `out`."""
    out.mkdir(parents=True, exist_ok=True)
    protoc = [sys.executable, "-m", "grpc_tools.protoc", "-I", ".", f"--python_out={out}", f"--grpc_python_out={out}"]
    run([*protoc, *zone.proto_files], cwd=zone.root)


def buf_lint(zone: Zone) -> None:
    """Run `buf lint` in the zone folder, with the buf.yaml clientgen wrote there."""
    if not BUF.is_file():
        pytest.fail(f"no buf at {BUF}: run `npm ci --prefix tests/tools`")
    run([str(BUF), "lint"], cwd=zone.root)
