"""The proto target end to end: protoc compiles every generated tree, the Python stubs import, buf lint is clean, and
a gRPC server written here answers a call made through the generated stub."""

import importlib
import subprocess
import sys
from collections.abc import Callable, Iterator
from concurrent import futures
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from proto_support import FIXTURE_SPECS, Zone, buf_lint, compile_python, generate

Generated = Callable[[Path], Zone]


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Generated:
    """`generated(spec)`: the zone clientgen generates for `spec`, generated once per spec in this module."""
    zones: dict[Path, Zone] = {}

    def zone_of(spec: Path) -> Zone:
        if spec not in zones:
            zones[spec] = generate(spec, tmp_path_factory.mktemp("proto") / "out")
        return zones[spec]

    return zone_of


def import_in_subprocess(zone: Zone, stubs: Path) -> None:
    """Import the generated modules in a fresh interpreter: packages of different specs may share a name."""
    modules = ", ".join(f"{zone.package}.{name}" for name in ("messages_pb2", "service_pb2", "service_pb2_grpc"))
    result = subprocess.run(
        [sys.executable, "-c", f"import {modules}"], cwd=stubs, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def test_reference_app_proto_compiles_and_imports(generated: Generated, spec_path: Path, tmp_path: Path) -> None:
    zone = generated(spec_path)
    compile_python(zone, tmp_path)
    import_in_subprocess(zone, tmp_path)


@pytest.mark.parametrize("spec", FIXTURE_SPECS, ids=lambda spec: spec.stem)
def test_fixture_proto_compiles_and_imports(generated: Generated, spec: Path, tmp_path: Path) -> None:
    zone = generated(spec)
    compile_python(zone, tmp_path)
    import_in_subprocess(zone, tmp_path)


def test_reference_app_proto_is_buf_lint_clean(generated: Generated, spec_path: Path) -> None:
    buf_lint(generated(spec_path))


@pytest.mark.parametrize("spec", FIXTURE_SPECS, ids=lambda spec: spec.stem)
def test_fixture_proto_is_buf_lint_clean(generated: Generated, spec: Path) -> None:
    buf_lint(generated(spec))


Stubs = tuple[ModuleType, ModuleType, ModuleType]


@pytest.fixture(scope="module")
def reference_stubs(generated: Generated, spec_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stubs]:
    """messages_pb2, service_pb2 and service_pb2_grpc of the reference app's proto, imported in this process."""
    zone = generated(spec_path)
    stubs = tmp_path_factory.mktemp("reference_stubs")
    compile_python(zone, stubs)
    sys.path.insert(0, str(stubs))
    try:
        messages, service, service_grpc = (
            importlib.import_module(f"{zone.package}.{name}")
            for name in ("messages_pb2", "service_pb2", "service_pb2_grpc")
        )
        yield messages, service, service_grpc
    finally:
        sys.path.remove(str(stubs))


def test_grpc_round_trip_through_generated_stub(reference_stubs: Stubs) -> None:
    """A grpcio server implementing CreateUser answers the generated client stub: a nested message (address), an
    enum (role, `Role.Value` with the wire spelling `admin`), a repeated field (tags) and a Timestamp (created_at)
    survive the trip both ways."""
    import grpc
    from google.protobuf.timestamp_pb2 import Timestamp

    messages, service, service_grpc = reference_stubs
    created_at = Timestamp(seconds=1_767_225_600, nanos=500_000_000)

    class Users(service_grpc.ReferenceApiServiceServicer):  # type: ignore[misc, name-defined]
        def CreateUser(self, request: Any, context: Any) -> Any:  # noqa: N802 (named after the rpc)
            body = request.body
            user = messages.User(
                id=7,
                name=body.name,
                email=body.email,
                role=body.role,
                tags=[*body.tags, "created"],
                address=body.address,
                created_at=created_at,
                external_id="ext-7",
            )
            return service.CreateUserResponse(data=user)

    server = grpc.server(futures.ThreadPoolExecutor(max_workers=2))
    service_grpc.add_ReferenceApiServiceServicer_to_server(Users(), server)
    port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    try:
        with grpc.insecure_channel(f"127.0.0.1:{port}") as channel:
            stub = service_grpc.ReferenceApiServiceStub(channel)
            body = messages.UserCreate(
                name="Ada",
                email="ada@example.com",
                role=messages.Role.admin,
                tags=["math", "engines"],
                address=messages.Address(street="1 Analytical Way", city="London"),
            )
            response = stub.CreateUser(service.CreateUserRequest(body=body), timeout=10)
    finally:
        server.stop(grace=None)

    user = response.data
    assert user.id == 7
    assert user.name == "Ada"
    assert user.role == messages.Role.admin
    assert messages.Role.Value.Name(user.role) == "admin"
    assert list(user.tags) == ["math", "engines", "created"]
    assert user.address.street == "1 Analytical Way"
    assert user.address.city == "London"
    assert not user.address.HasField("country_code")
    assert user.created_at == created_at
    assert user.created_at.ToJsonString() == "2026-01-01T00:00:00.500Z"
