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
    """One zone of a generated proto tree. In the default (zone) layout `<zone>/` holds README.md, buf.yaml (unless
    the tree has a buf workspace at the top) and `api__<zone>/`, and is the include path; in the versioned layout
    `<zone>/v1/` holds the files and the proto folder is the include path."""

    out: Path
    name: str
    versioned: bool

    @property
    def include(self) -> Path:
        """The include path, where protoc runs."""
        return self.out if self.versioned else self.out / self.name

    @property
    def import_dir(self) -> str:
        """The folder of the .proto files in import paths."""
        return f"{self.name}/v1" if self.versioned else f"api__{self.name}"

    @property
    def package(self) -> str:
        """The proto package."""
        return f"{self.name}.v1" if self.versioned else f"api__{self.name}"

    @property
    def module(self) -> str:
        """The Python package of the stubs."""
        return self.import_dir.replace("/", ".")

    @property
    def buf_root(self) -> Path:
        """Where buf.yaml is: the zone's folder, or the top of the tree (a workspace, or the versioned module)."""
        return self.out if (self.out / "buf.yaml").is_file() else self.out / self.name

    @property
    def googleapis(self) -> Path | None:
        """googleapis' files, shipped with `--proto-http-annotations`."""
        folder = self.out / "third-party" / "googleapis"
        return folder if folder.is_dir() else None

    @property
    def proto_files(self) -> list[str]:
        """The .proto files, relative to the include path."""
        return [f"{self.import_dir}/messages.proto", f"{self.import_dir}/service.proto"]

    def protoc(self, *args: str) -> list[str]:
        """protoc with the include paths (the zone's and googleapis') and `args`."""
        includes = ["-I", "."]
        if self.googleapis is not None:
            includes += ["-I", str(self.googleapis)]
        return [sys.executable, "-m", "grpc_tools.protoc", *includes, *args]


def run(command: list[str], cwd: Path) -> None:
    """Run `command` in `cwd`; fail the test with its output when it exits non-zero."""
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        pytest.fail(f"`{' '.join(command)}` in {cwd} exited {result.returncode}:\n{result.stdout}{result.stderr}")


def generate(spec: Path, out: Path, *options: str) -> Zone:
    """Generate the proto tree of `spec` into `out` with `clientgen generate --proto-out` (and `options`) and return
    its zone."""
    run([str(clientgen_binary()), "generate", "-f", str(spec), "--proto-out", str(out), *options], cwd=out.parent)
    zones = [Zone(out, path.parent.name, False) for path in out.glob("*/api__*") if path.is_dir()]
    zones += [Zone(out, path.parent.name, True) for path in out.glob("*/v1") if path.is_dir()]
    if len(zones) != 1:
        pytest.fail(f"expected one zone in {out}, found {zones}")
    return zones[0]


def compile_python(zone: Zone, out: Path) -> None:
    """Compile the zone with `python -m grpc_tools.protoc` into Python message and gRPC modules under `out` (and
    googleapis' google/api files, which the stubs import, when the tree ships them)."""
    out.mkdir(parents=True, exist_ok=True)
    files = list(zone.proto_files)
    if zone.googleapis is not None:
        files += ["google/api/annotations.proto", "google/api/http.proto"]
    run([*zone.protoc(f"--python_out={out}", f"--grpc_python_out={out}"), *files], cwd=zone.include)


def descriptor_set(zone: Zone, out: Path) -> Any:
    """The zone's files compiled by protoc into a `FileDescriptorSet` (imports included), read back."""
    from google.protobuf import descriptor_pb2

    path = out / "descriptors.pb"
    run([*zone.protoc("--include_imports", f"--descriptor_set_out={path}"), *zone.proto_files], cwd=zone.include)
    return descriptor_pb2.FileDescriptorSet.FromString(path.read_bytes())


def buf_lint(zone: Zone) -> None:
    """Run `buf lint` where the tree's buf.yaml for the zone is, with the rules clientgen wrote there, and check that
    `buf format` would change nothing in the zone's own files."""
    if not BUF.is_file():
        pytest.fail(f"no buf at {BUF}: run `npm ci --prefix tests/tools`")
    run([str(BUF), "lint"], cwd=zone.buf_root)
    own_files = (zone.include / zone.import_dir).relative_to(zone.buf_root)
    run([str(BUF), "format", "--diff", "--exit-code", "--path", str(own_files)], cwd=zone.buf_root)


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
