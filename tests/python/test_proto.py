"""The proto target end to end: protoc compiles every generated tree, the Python stubs import, buf lint is clean and `buf format` changes nothing (in
both enum styles), a gRPC server written here answers a call made through the generated stub, and protobuf's own JSON
parser (`json_format`) reads real response bodies of the reference apps (FastAPI and DRF, error bodies included) into
the generated messages and writes them back equal, but for the rules of protobuf's JSON mapping (`proto3_json`).

The options for real toolchains are swept too: every fixture spec under the versioned layout with `google.api.http`
rules and option prefixes (protoc, the stubs' import, buf lint, and the options and rules read back from the
descriptor set protoc writes: ~80 s for the 48 specs here), and a representative subset under each other variant
(the prefixed enum style, and the variants of `VARIANTS`). `CLIENTGEN_PROTO_SWEEP=all` runs those on every fixture
spec too (several minutes; run it by hand when the proto target changes)."""

import importlib
import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from concurrent import futures
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import httpx
from google.protobuf import json_format

from drf_support import API, HTTP_TIMEOUT, DrfSpecs, login
from proto_support import (
    FIXTURE_SPECS,
    FIXTURES,
    Zone,
    buf_lint,
    compile_python,
    descriptor_set,
    generate,
    proto3_json,
)

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
    modules = ", ".join(f"{zone.module}.{name}" for name in ("messages_pb2", "service_pb2", "service_pb2_grpc"))
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


# Specs with enums of every kind (spelled, unspellable, integer, colliding, keyword-named) for the prefixed style.
# Enums of every kind, renamed and keyword path parameters, trailing slashes, DRF's paths; every fixture spec with
# CLIENTGEN_PROTO_SWEEP=all.
REPRESENTATIVE_SPECS = [
    FIXTURES / "handwritten" / "features.json",
    FIXTURES / "handwritten" / "drf-choices.json",
    FIXTURES / "hostile" / "keywords.json",
    FIXTURES / "hostile" / "collisions.json",
    FIXTURES / "specs" / "apisguru--github.com_ghes-3.6.json",
]
SWEPT_SPECS = FIXTURE_SPECS if os.environ.get("CLIENTGEN_PROTO_SWEEP") == "all" else REPRESENTATIVE_SPECS
PREFIXED_SPECS = SWEPT_SPECS


@pytest.mark.parametrize("spec", PREFIXED_SPECS, ids=lambda spec: spec.stem)
def test_prefixed_enum_style_compiles_and_is_buf_lint_clean(spec: Path, tmp_path: Path) -> None:
    """`--proto-enum-style prefixed` writes top-level `ROLE_MEMBER` enums under buf's full STANDARD enum rules."""
    zone = generate(spec, tmp_path / "out", "--proto-enum-style", "prefixed")
    assert "ENUM_VALUE_PREFIX" not in (zone.buf_root / "buf.yaml").read_text()
    compile_python(zone, tmp_path / "stubs")
    import_in_subprocess(zone, tmp_path / "stubs")
    buf_lint(zone)


# Every new option at once: the versioned layout, google.api.http rules and the file options' prefixes.
EVERY_OPTION = (
    "--proto-layout",
    "versioned",
    "--proto-http-annotations",
    "--proto-go-package-prefix",
    "example.com/app/gen/go",
    "--proto-java-package-prefix",
    "com.example",
    "--proto-csharp-namespace-prefix",
    "Example",
)


@pytest.mark.parametrize("spec", FIXTURE_SPECS, ids=lambda spec: spec.stem)
def test_every_option_compiles_lints_and_maps_each_rpc(spec: Path, tmp_path: Path) -> None:
    """Every fixture spec under the versioned layout with http rules and option prefixes: protoc compiles it, the
    stubs import, buf lint is clean (with only the two JSON enum rules off), the file options are set as asked in
    the descriptor protoc writes, and each rpc's `google.api.http` rule names fields its request and response
    have."""
    zone = generate(spec, tmp_path / "out", *EVERY_OPTION)
    assert zone.versioned and zone.googleapis is not None
    compile_python(zone, tmp_path / "stubs")
    import_in_subprocess(zone, tmp_path / "stubs")
    buf_lint(zone)
    buf_yaml = (zone.buf_root / "buf.yaml").read_text()
    assert "PACKAGE_" not in buf_yaml, buf_yaml
    file_set = descriptor_set(zone, tmp_path)
    files = {file.name: file for file in file_set.file}
    pascal = "".join(word.capitalize() for word in zone.name.split("_") if word)
    for name in zone.proto_files:
        options = files[name].options
        assert files[name].package == f"{zone.name}.v1"
        assert options.go_package == f"example.com/app/gen/go/{zone.name}/v1;{zone.name.replace('_', '')}v1"
        assert options.java_package == f"com.example.{zone.name}.v1"
        assert options.java_multiple_files
        assert options.csharp_namespace.startswith("Example.") and options.csharp_namespace.endswith(".V1")
        assert options.csharp_namespace.lower().replace(".", "") == f"example{pascal.lower()}v1"
    assert_http_rules_name_real_fields(file_set, zone, spec)


# The field number of the `google.api.http` method option (google/api/annotations.proto).
HTTP_OPTION = 72295728


def http_rules(file_set: Any) -> Callable[[Any], Any | None]:
    """`rule(method)`: the `google.api.HttpRule` of a method in `file_set` (a FileDescriptorSet with its imports),
    or None. The option is an extension that protobuf's Python runtime keeps as unknown bytes of the MethodOptions:
    they are read with `HttpRule` made from googleapis' http.proto in the same set."""
    from google.protobuf import descriptor_pool, message_factory
    from google.protobuf.internal import decoder

    pool = descriptor_pool.DescriptorPool()
    for file in file_set.file:
        pool.Add(file)
    try:
        http_rule = message_factory.GetMessageClass(pool.FindMessageTypeByName("google.api.HttpRule"))
    except KeyError:  # no rpc has a rule, so service.proto does not import google/api/annotations.proto
        return lambda method: None

    def rule(method: Any) -> Any | None:
        raw = method.options.SerializeToString()
        position = 0
        while position < len(raw):
            tag, position = decoder._DecodeVarint(raw, position)  # noqa: SLF001 (protobuf's varint reader)
            number, wire_type = tag >> 3, tag & 7
            if wire_type == 0:
                _, position = decoder._DecodeVarint(raw, position)  # noqa: SLF001
            elif wire_type == 2:
                length, position = decoder._DecodeVarint(raw, position)  # noqa: SLF001
                if number == HTTP_OPTION:
                    return http_rule.FromString(raw[position : position + length])
                position += length
            else:
                position += 4 if wire_type == 5 else 8
        return None

    return rule


def assert_http_rules_name_real_fields(file_set: Any, zone: Zone, spec: Path) -> None:
    """Each rpc's http rule: a pattern whose path starts with `/` and whose `{variables}` are fields of the request
    (scalars or enums, as a path segment fills), a `body` that is a request field and a `response_body` that is a
    response field; an rpc without a rule says why in its comment."""
    import re

    files = {file.name: file for file in file_set.file}
    http_rule = http_rules(file_set)
    service_file = files[f"{zone.import_dir}/service.proto"]
    messages = {message.name: message for message in service_file.message_type}
    messages.update({m.name: m for m in files[f"{zone.import_dir}/messages.proto"].message_type})
    service_text = (zone.include / zone.import_dir / "service.proto").read_text()
    (service,) = service_file.service
    for method in service.method:
        request = messages[method.input_type.rsplit(".", 1)[-1]]
        response = messages[method.output_type.rsplit(".", 1)[-1]]
        fields = {field.name: field for field in request.field}
        rule = http_rule(method)
        if rule is None:
            assert "no google.api.http rule" in service_text, f"{spec.name}: {method.name} has no rule, unexplained"
            continue
        kind = rule.WhichOneof("pattern")
        path = rule.custom.path if kind == "custom" else getattr(rule, kind)
        assert path.startswith("/"), f"{spec.name}: {method.name}: {path}"
        for variable in re.findall(r"\{([^}]*)\}", path):
            assert variable in fields, f"{spec.name}: {method.name}: {{{variable}}} is no field of {request.name}"
            field = fields[variable]
            assert field.label != field.LABEL_REPEATED and field.type != field.TYPE_MESSAGE, (spec.name, variable)
        if rule.body:
            assert rule.body in fields, f"{spec.name}: {method.name}: body {rule.body}"
        if rule.response_body:
            assert rule.response_body in {field.name for field in response.field}


# One small spec per variant is snapshotted in proto_snapshots.rs; these run each variant through protoc and buf.
VARIANT_SPECS = SWEPT_SPECS
VARIANTS = {
    # buf's STANDARD rules, none turned off.
    "versioned-prefixed": ("--proto-layout", "versioned", "--proto-enum-style", "prefixed"),
    # The default layout with http rules: a buf workspace of the zone and googleapis' files.
    "zone-http": ("--proto-http-annotations",),
    "zone-http-prefixed": ("--proto-http-annotations", "--proto-enum-style", "prefixed"),
}


@pytest.mark.parametrize("variant", VARIANTS, ids=str)
@pytest.mark.parametrize("spec", VARIANT_SPECS, ids=lambda spec: spec.stem)
def test_variant_compiles_and_is_buf_lint_clean(spec: Path, variant: str, tmp_path: Path) -> None:
    """Each variant of the tree compiles with protoc, its stubs import, and buf lint is clean under the buf.yaml
    clientgen wrote, which turns off only what the variant needs: nothing in the versioned layout with prefixed
    enums."""
    zone = generate(spec, tmp_path / "out", *VARIANTS[variant])
    compile_python(zone, tmp_path / "stubs")
    import_in_subprocess(zone, tmp_path / "stubs")
    buf_lint(zone)
    buf_yaml = (zone.buf_root / "buf.yaml").read_text()
    if variant == "versioned-prefixed":
        assert "except" not in buf_yaml, buf_yaml
    if "http" in variant:
        assert_http_rules_name_real_fields(descriptor_set(zone, tmp_path), zone, spec)


def test_reference_app_routes_are_the_servers(spec_path: Path, tmp_path: Path) -> None:
    """The reference app's rpcs carry its own routes, path parameters under their field names."""
    zone = generate(spec_path, tmp_path / "out", "--proto-http-annotations")
    file_set = descriptor_set(zone, tmp_path)
    (service,) = next(file for file in file_set.file if file.name.endswith("/service.proto")).service
    http_rule = http_rules(file_set)
    rules = {method.name: http_rule(method) for method in service.method}
    get_user = rules["GetUser"]
    assert get_user is not None and get_user.get == "/users/{user_id}" and get_user.response_body == "data"
    create_user = rules["CreateUser"]
    assert create_user is not None and create_user.post == "/users" and create_user.body == "body"


Stubs = tuple[ModuleType, ModuleType, ModuleType]


def import_stubs(zone: Zone, stubs: Path) -> Iterator[Stubs]:
    """Compile `zone` into `stubs` and import messages_pb2, service_pb2 and service_pb2_grpc in this process."""
    compile_python(zone, stubs)
    sys.path.insert(0, str(stubs))
    try:
        yield tuple(  # type: ignore[misc]
            importlib.import_module(f"{zone.module}.{name}")
            for name in ("messages_pb2", "service_pb2", "service_pb2_grpc")
        )
    finally:
        sys.path.remove(str(stubs))


@pytest.fixture(scope="module")
def reference_stubs(generated: Generated, spec_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stubs]:
    """messages_pb2, service_pb2 and service_pb2_grpc of the reference app's proto, imported in this process."""
    yield from import_stubs(generated(spec_path), tmp_path_factory.mktemp("reference_stubs"))


@pytest.fixture(scope="module")
def drf_stubs(drf_spec_paths: DrfSpecs, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stubs]:
    """The Python stubs of the DRF app's proto (drf-spectacular's default document), imported in this process."""
    zone = generate(drf_spec_paths.default, tmp_path_factory.mktemp("drf_proto") / "out")
    yield from import_stubs(zone, tmp_path_factory.mktemp("drf_stubs"))


def assert_round_trip(body: Any, message: Any) -> None:
    """json_format reads `body` (a response's JSON) into `message` and writes back what `proto3_json` says."""
    json_format.Parse(json.dumps(body), message)
    assert json_format.MessageToDict(message) == proto3_json(body, message.DESCRIPTOR)


def assert_data_round_trip(response: httpx.Response, status: int, message: Any) -> Any:
    """The body of `response` (which must have `status`) read as the `data` of the `<Rpc>Response` `message` (an
    object, a list, a map or a scalar alike) and written back; returns the body."""
    assert response.status_code == status, response.text
    body = response.json()
    assert_round_trip({"data": body}, message)
    return body


def test_fastapi_bodies_round_trip_through_json_format(server_url: str, reference_stubs: Stubs) -> None:
    """Every kind of body the FastAPI reference app answers reads into the generated `<Rpc>Response.data` with
    json_format.Parse, and the validation, conflict and not-found errors into their messages: string enums spelled as
    on the wire (role "member", status "in_progress"), an integer enum read by number (priority 3), a nullable nested
    message, a Timestamp, a map, a bool, and FastAPI's 422 `loc` of strings and integers."""
    messages, service, _ = reference_stubs
    with httpx.Client(base_url=server_url, timeout=10) as client:
        user = {"name": "Ada", "email": "ada@example.com", "role": "member", "tags": ["math"]}
        user["address"] = {"street": "1 Analytical Way", "city": "London"}
        created = assert_data_round_trip(client.post("/users", json=user), 201, service.CreateUserResponse())
        parsed = service.CreateUserResponse()
        json_format.ParseDict({"data": created}, parsed)
        assert parsed.data.role == messages.Role.member
        assert parsed.data.nickname == "" and not parsed.data.HasField("nickname")
        plain = {"name": "Bob", "email": "bob@example.com", "role": "guest"}
        bob = assert_data_round_trip(client.post("/users", json=plain), 201, service.CreateUserResponse())
        assert bob["address"] is None
        path = f"/users/{created['id']}"
        assert_data_round_trip(client.get(path), 200, service.GetUserResponse())
        assert_data_round_trip(client.patch(path, json={"nickname": "ada"}), 200, service.UpdateUserResponse())
        assert_data_round_trip(client.get("/users"), 200, service.ListUsersResponse())
        ticket = {"title": "Broken", "priority": 3, "status": "in_progress", "due_on": "2026-02-01"}
        assert_data_round_trip(client.post("/tickets", json=ticket), 201, service.CreateTicketResponse())
        assert_data_round_trip(client.post("/tickets", json={"title": "Defaults"}), 201, service.CreateTicketResponse())
        tickets = assert_data_round_trip(client.get("/tickets"), 200, service.ListTicketsResponse())
        parsed_tickets = json_format.ParseDict({"data": tickets}, service.ListTicketsResponse())
        assert parsed_tickets.data[0].priority == 3 and parsed_tickets.data[0].status == messages.Status.in_progress
        assert_data_round_trip(client.get("/labels"), 200, service.GetLabelsResponse())
        assert_data_round_trip(client.get("/health"), 200, service.IsHealthyResponse())

        conflict = client.post("/users", json=user)
        assert conflict.status_code == 409, conflict.text
        assert_round_trip(conflict.json(), messages.ConflictError())
        missing = client.get("/users/999")
        assert missing.status_code == 404, missing.text
        assert_round_trip(missing.json(), messages.NotFoundError())
        every_location: list[list[Any]] = []
        for invalid in (
            client.post("/users", json={"name": "Eve", "tags": [1, "x"], "role": "root"}),
            client.get("/users", params={"limit": 0, "offset": -1}),
            client.post("/tickets", json={"title": "", "priority": 7}),
        ):
            assert invalid.status_code == 422, invalid.text
            body = invalid.json()
            assert_round_trip(body, messages.HTTPValidationError())
            locations = [error["loc"] for error in body["detail"]]
            parsed_errors = json_format.ParseDict(body, messages.HTTPValidationError())
            assert [list(json_format.MessageToDict(e)["loc"]) for e in parsed_errors.detail] == locations
            every_location.extend(locations)
    # `loc` mixes strings and integers (["body", "tags", 0]): a `repeated google.protobuf.Value`.
    assert any(isinstance(part, int) for loc in every_location for part in loc), every_location


def test_drf_bodies_round_trip_through_json_format(drf_server_url: str, drf_stubs: Stubs) -> None:
    """Bodies of the DRF app read into the generated `<Rpc>Response.data` with json_format.Parse and write back: a
    paginated list, a ticket with its nested author and messages, integer choices (priority) read by number, string
    choices (status) spelled as on the wire, the blank-or-choice `theme` as a string, and simplejwt's token pair."""
    messages, service, _ = drf_stubs
    tokens = login(drf_server_url)
    base = f"{drf_server_url}{API}"
    with httpx.Client(base_url=base, headers=tokens.headers, timeout=HTTP_TIMEOUT) as client:
        pair = httpx.post(
            f"{base}/auth/token/", json={"username": "alice", "password": "wonderland-42"}, timeout=HTTP_TIMEOUT
        )
        assert_data_round_trip(pair, 200, service.AuthTokenCreateResponse())
        assert_data_round_trip(client.get("/auth/me/"), 200, service.AuthMeRetrieveResponse())
        themed = client.patch("/auth/me/", json={"theme": "dark"})
        assert_data_round_trip(themed, 200, service.AuthMePartialUpdateResponse())
        fields = {"title": "Printer on fire", "description": "Again.", "status": "in_progress", "priority": 3}
        ticket = assert_data_round_trip(client.post("/tickets/", json=fields), 201, service.TicketsCreateResponse())
        message = {"ticket": ticket["id"], "body": "Have you tried turning it off?"}
        assert_data_round_trip(client.post("/messages/", json=message), 201, service.MessagesCreateResponse())
        read = assert_data_round_trip(client.get(f"/tickets/{ticket['id']}/"), 200, service.TicketsRetrieveResponse())
        assert read["messages"] and read["author"]["theme"] == "dark"
        parsed = service.TicketsRetrieveResponse()
        json_format.ParseDict({"data": read}, parsed)
        assert parsed.data.priority == 3 and parsed.data.status == messages.StatusEnum.in_progress
        assert_data_round_trip(client.get("/tickets/"), 200, service.TicketsListResponse())
        assert_data_round_trip(client.get("/messages/"), 200, service.MessagesListResponse())
        assert_data_round_trip(client.get("/health/"), 200, service.HealthRetrieveResponse())


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
