"""Helpers of test_proto.py: generate a proto tree with clientgen, compile it with protoc, lint it with buf, and say
what protobuf's JSON printer writes for a REST body."""

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from support import REPO_ROOT, clientgen_binary

BUF = REPO_ROOT / "tests" / "tools" / "node_modules" / ".bin" / "buf"
FIXTURES = REPO_ROOT / "tests" / "fixtures"
# The shared fixtures, the proto-only ones and the hostile ones that should generate (the `ref_loop*` specs are
# errors).
FIXTURE_SPECS = sorted(
    [
        *FIXTURES.glob("specs/*.json"),
        *FIXTURES.glob("handwritten/*.json"),
        *FIXTURES.glob("proto/*.json"),
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


def generate(spec: Path, out: Path, *options: str) -> Zone:
    """Generate the proto tree of `spec` into `out` with `clientgen generate --proto-out` (and `options`) and return
    its zone."""
    run([str(clientgen_binary()), "generate", "-f", str(spec), "--proto-out", str(out), *options], cwd=out.parent)
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


# The field types protobuf's JSON mapping writes as strings (the proto3 JSON spec: 64-bit integers are strings).
_INT64_TYPES = {3, 4, 6, 16, 18}  # TYPE_INT64, TYPE_UINT64, TYPE_FIXED64, TYPE_SFIXED64, TYPE_SINT64
_TYPE_MESSAGE, _TYPE_ENUM = 11, 14
_JSON_VALUE_TYPES = {"google.protobuf.Value", "google.protobuf.ListValue", "google.protobuf.Struct"}


def proto3_json(body: dict[str, Any], descriptor: Any) -> dict[str, Any]:
    """What `json_format.MessageToDict` writes for the message of `descriptor` that `json_format.ParseDict` read from
    the REST JSON object `body`: the same JSON, but for the rules of protobuf's JSON mapping, each applied here and
    nothing else. A JSON `null` reads as an unset field, which is not written (except in a `google.protobuf.Value`);
    a field without presence (not `optional`, not a message) at its default (`0`, `""`, `false`, `[]`, `{}`, the
    zero enum value) is not written; 64-bit integers are written as strings; an integer enum is written by its
    value's name; a Timestamp is written in UTC with `Z` and 0, 3, 6 or 9 fraction digits. A key of `body` that the
    message has no field for fails the test: the message must read every field the API sends."""
    fields = {field.json_name: field for field in descriptor.fields}
    written: dict[str, Any] = {}
    for key, value in body.items():
        if key not in fields:
            pytest.fail(f"{descriptor.full_name} has no field for {key!r} (fields: {sorted(fields)})")
        field = fields[key]
        if _is_json_value(field):
            written[key] = value
            continue
        if value is None:
            continue
        if field.message_type is not None and field.message_type.GetOptions().map_entry:
            value_field = field.message_type.fields_by_name["value"]
            converted: Any = {k: _single(v, value_field) for k, v in value.items()}
        elif field.is_repeated:
            converted = [_single(item, field) for item in value]
        else:
            converted = _single(value, field)
        at_default = value in ({}, [], "", 0, False) or converted == _zero_enum_name(field)
        if not field.has_presence and at_default:
            continue
        written[key] = converted
    return written


def _is_json_value(field: Any) -> bool:
    return field.type == _TYPE_MESSAGE and field.message_type.full_name in _JSON_VALUE_TYPES


def _zero_enum_name(field: Any) -> str | None:
    return field.enum_type.values_by_number[0].name if field.type == _TYPE_ENUM else None


def _single(value: Any, field: Any) -> Any:
    if field.type == _TYPE_MESSAGE:
        if field.message_type.full_name in _JSON_VALUE_TYPES:
            return value
        if field.message_type.full_name == "google.protobuf.Timestamp":
            from google.protobuf.timestamp_pb2 import Timestamp

            timestamp = Timestamp()
            timestamp.FromJsonString(value)
            return timestamp.ToJsonString()
        return proto3_json(value, field.message_type)
    if field.type == _TYPE_ENUM and isinstance(value, int):
        return field.enum_type.values_by_number[value].name
    if field.type in _INT64_TYPES:
        return str(value)
    return value
