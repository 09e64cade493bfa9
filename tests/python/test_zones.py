"""Zones end to end: the reference app split by tests/fixtures/zones/reference.toml into `cfg_support` (path prefixes
/users and /tickets), `admin` (tag admin) and `public` (the default zone, plus an explicit operation list).

Each Python zone calls its endpoints against the live server, sync and async. In the functions style the zone
folders (`cfg/` and `custom/`) are on the path of a fresh interpreter; in the package style the three zone packages
are installed side by side with `pip install -e` into one fresh venv, where each calls its endpoints (with bearer,
basic and api key auth), an operation of another zone does not import, and `mypy --strict` accepts the packages.
The TypeScript zones pass strict tsc under NodeNext and Bundler and one Node script calls the server; the proto
zones compile with protoc and `buf lint` is clean on the one buf.yaml workspace, also under a zones file's `[proto]`
options (versioned layout, http rules, prefixes, a zone's own go_package); a conflict names both zones.
"""

import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from support import API_KEY, API_KEY_OWNER, BASIC_PASSWORD, BASIC_USER, PASSWORD, USERNAME, REPO_ROOT, clientgen_binary
from venv_support import fresh_venv, pip_install_editable, run_in_venv, run_mypy
from test_typescript import MODES, copy_script, run, run_script, tsc, write_project
from proto_support import BUF, Zone, buf_lint, compile_python, descriptor_set

ZONES_FIXTURES = REPO_ROOT / "tests" / "fixtures" / "zones"
ZONES = {"cfg_support": "cfg/cfg_support", "admin": "custom/admin", "public": "custom/public"}
FLAVOURS = ("sync", "async")


def clientgen(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """`clientgen ARGS`, its output captured."""
    return run([clientgen_binary(), *args], cwd=REPO_ROOT, timeout=120)


def generate(spec: Path, zones: Path, *args: str | Path) -> None:
    """`clientgen generate -f SPEC --zones ZONES ARGS`, which must succeed."""
    result = clientgen("generate", "-f", spec, "--zones", zones, *args)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="module")
def zones_out(tmp_path_factory: pytest.TempPathFactory, spec_path: Path) -> Path:
    """Every target of the reference app in zones under <tmp>/out (`-o`), plus functions-style Python zones per
    flavour under <tmp>/python-functions-<flavour>."""
    root = tmp_path_factory.mktemp("zones")
    zones = ZONES_FIXTURES / "reference.toml"
    generate(spec_path, zones, "-o", root / "out")
    for flavour in FLAVOURS:
        options = ["--python-style", "functions", *(["--asyncio"] if flavour == "async" else [])]
        generate(spec_path, zones, "--python-out", root / f"python-functions-{flavour}", *options)
    return root


def test_out_holds_each_zone_in_the_django_cfg_layout(zones_out: Path) -> None:
    out = zones_out / "out"
    for zone, folder in ZONES.items():
        assert (out / "python" / folder / "__init__.py").is_file()
        assert (out / "typescript" / folder / "index.ts").is_file()
        assert (out / "proto" / zone / f"api__{zone}" / "service.proto").is_file()
    assert {p.name for p in (out / "proto").glob("*/buf.yaml")} == set()
    assert (out / "proto" / "buf.yaml").is_file() and (out / "proto" / "clientgen.proto.lock").is_file()
    lock = json.loads((out / "proto" / "clientgen.proto.lock").read_text())
    assert set(lock["zones"]) == set(ZONES)


CALLS = textwrap.dedent(
    """
    import asyncio
    import inspect
    import os
    import sys

    from admin import client as admin
    from cfg_support import client as support, schemas as support_schemas
    from public import client as public, schemas as public_schemas


    async def resolve(value):
        return await value if inspect.isawaitable(value) else value


    async def main() -> None:
        assert await resolve(public.is_healthy()) is True
        await resolve(admin.reset())
        assert (await resolve(support.list_users())).total == 0
        user = await resolve(support.create_user(data=support_schemas.UserCreate(name="Ada", email="ada@example.com")))
        assert isinstance(user, support_schemas.User) and user.name == "Ada", user
        ticket = await resolve(support.create_ticket(data=support_schemas.TicketCreate(title="Bug")))
        assert isinstance(ticket, support_schemas.Ticket), ticket
        assert [t.title for t in await resolve(support.list_tickets())] == ["Bug"]
        # Auth: a bearer token from the public zone's token endpoint, then an api key.
        token = await resolve(public.token(data=public_schemas.BodyToken(username=sys.argv[1], password=sys.argv[2])))
        os.environ["PUBLIC_BEARER_TOKEN"] = token.access_token
        me = await resolve(public.get_me())
        assert (me.username, me.scheme) == (sys.argv[1], "bearer"), me
        os.environ["PUBLIC_API_KEY_HEADER"] = sys.argv[3]  # the APIKeyHeader scheme's credential
        assert (await resolve(public.api_key_whoami())).username == sys.argv[4]
        # Each zone holds only its operations and the types they reach.
        assert not hasattr(admin, "list_users") and not hasattr(public, "create_ticket")
        assert not hasattr(public_schemas, "TicketCreate") and not hasattr(support_schemas, "Token")
        print("zones ok")


    asyncio.run(main())
    """
)


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_functions_zones_call_the_server(zones_out: Path, server_url: str, flavour: str, tmp_path: Path) -> None:
    packages = zones_out / f"python-functions-{flavour}"
    script = tmp_path / "calls.py"
    script.write_text(CALLS)
    env = {
        "PATH": str(Path(sys.executable).parent),
        "PYTHONPATH": f"{packages / 'cfg'}:{packages / 'custom'}",
        **{f"{zone.upper()}_BASE_URL": server_url for zone in ZONES},
    }
    result = subprocess.run(
        [sys.executable, script, USERNAME, PASSWORD, API_KEY, API_KEY_OWNER],
        cwd=tmp_path, env=env, capture_output=True, text=True, check=False, timeout=120,
    )
    assert result.returncode == 0 and "zones ok" in result.stdout, result.stdout + result.stderr


@pytest.fixture(scope="module")
def package_zones(tmp_path_factory: pytest.TempPathFactory, spec_path: Path) -> Path:
    """The reference app's zones in the package style (`--python-style package`), under <tmp>/cfg and <tmp>/custom."""
    root = tmp_path_factory.mktemp("zones_package")
    generate(spec_path, ZONES_FIXTURES / "reference.toml", "--python-out", root, "--python-style", "package")
    return root


@pytest.fixture(scope="module")
def zones_venv(tmp_path_factory: pytest.TempPathFactory, package_zones: Path) -> Path:
    """The python of one fresh venv where a single `pip install -e` installed the three zone packages side by side."""
    python = fresh_venv(tmp_path_factory.mktemp("zones_venv") / "venv")
    pip_install_editable(python, *(package_zones / folder for folder in ZONES.values()))
    return python


def test_package_zones_are_installed_side_by_side_from_their_folders(
    zones_venv: Path, package_zones: Path, tmp_path: Path
) -> None:
    out = run_in_venv(
        zones_venv,
        """
        import importlib
        import importlib.metadata

        for zone, distribution in (("cfg_support", "cfg-support"), ("admin", "admin"), ("public", "public")):
            print(importlib.import_module(zone).__file__)
            assert importlib.metadata.version(distribution) == "1.0.0", distribution
        print("ok")
        """,
        "",
        tmp_path,
    )
    files = [Path(line) for line in out.splitlines()[: len(ZONES)]]
    # Each zone folder is a project: `pyproject.toml` beside the import package of the zone's name.
    assert files == [package_zones / folder / zone / "__init__.py" for zone, folder in ZONES.items()]


PACKAGE_CALLS = """\
\"\"\"Each zone package calls its own endpoints with its own client, sync or async (argv[1]).\"\"\"

import asyncio
import contextlib
import os
import sys
from types import ModuleType
from typing import Any, TypeVar

from admin import Client as AdminClient
from admin.api.admin import reset
from cfg_support import Client as SupportClient
from cfg_support.api.tickets import create_ticket, list_tickets
from cfg_support.api.users import create_user, get_user, list_users
from cfg_support.models import Ticket, TicketCreate, User, UserCreate, UserPage
from public import AuthenticatedClient, Client, Credentials
from public.api.auth import api_key_query_whoami, api_key_whoami, basic_whoami, get_me, token
from public.api.meta import is_healthy
from public.models import BodyToken, Identity, Token

URL = os.environ["SERVER_URL"]
FLAVOUR, USERNAME, PASSWORD, BASIC_USER, BASIC_PASSWORD, API_KEY, API_KEY_OWNER = sys.argv[1:]
_C = TypeVar("_C", AdminClient, Client, SupportClient)


async def call(operation: ModuleType, **arguments: Any) -> Any:
    \"\"\"`operation.sync(...)`, or `await operation.asyncio(...)` in the async flavour.\"\"\"
    if FLAVOUR == "sync":
        return operation.sync(**arguments)
    return await operation.asyncio(**arguments)


async def main() -> None:
    async with contextlib.AsyncExitStack() as clients:

        async def opened(client: _C) -> _C:
            \"\"\"`client`, opened for the flavour and closed when `main` ends.\"\"\"
            if FLAVOUR == "sync":
                return clients.enter_context(client)
            return await clients.enter_async_context(client)

        admin = await opened(AdminClient(base_url=URL))
        public = await opened(Client(base_url=URL))
        assert await call(reset, client=admin) is None
        assert await call(is_healthy, client=public) is True

        # Auth, all in the public zone: a bearer token from its token endpoint, basic, api key (header and query).
        issued = await call(token, client=public, form_data=BodyToken(username=USERNAME, password=PASSWORD))
        assert isinstance(issued, Token), issued
        bearer = await opened(AuthenticatedClient(base_url=URL, token=issued.access_token))
        assert await call(get_me, client=bearer) == Identity(username=USERNAME, scheme="bearer")
        basic = public.with_basic_auth(BASIC_USER, BASIC_PASSWORD)
        assert await call(basic_whoami, client=basic) == Identity(username=BASIC_USER, scheme="basic")
        keyed = public.with_api_key(API_KEY, scheme="APIKeyHeader")
        assert await call(api_key_whoami, client=keyed) == Identity(username=API_KEY_OWNER, scheme="api_key_header")
        by_query = await call(api_key_query_whoami, client=public.with_credentials({"APIKeyQuery": API_KEY}))
        assert by_query == Identity(username=API_KEY_OWNER, scheme="api_key_query"), by_query

        # cfg_support on the public zone's credential store (its operations name no scheme, so none is sent; an
        # AuthenticatedClient of a zone without a bearer scheme is a CredentialError).
        shared = Credentials()
        shared.set_bearer_token(issued.access_token)
        support = await opened(SupportClient(base_url=URL, store=shared))
        page = await call(list_users, client=support)
        assert isinstance(page, UserPage) and (page.items, page.total) == ([], 0), page
        user = await call(create_user, client=support, json_body=UserCreate(name="Ada", email="ada@example.com"))
        assert isinstance(user, User) and user.name == "Ada", user
        assert await call(get_user, client=support, user_id=user.id) == user
        ticket = await call(create_ticket, client=support, json_body=TicketCreate(title="Bug"))
        assert isinstance(ticket, Ticket) and ticket.title == "Bug", ticket
        assert await call(list_tickets, client=support) == [ticket]
    print("ok")


asyncio.run(main())
"""


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_package_zones_call_the_server_with_auth(
    zones_venv: Path, server_url: str, flavour: str, tmp_path: Path
) -> None:
    credentials = (USERNAME, PASSWORD, BASIC_USER, BASIC_PASSWORD, API_KEY, API_KEY_OWNER)
    run_in_venv(zones_venv, PACKAGE_CALLS, server_url, tmp_path, flavour, *credentials)


# Imports of one zone's operations and models from another zone's package, each of which must fail.
FOREIGN_IMPORTS = (
    "from admin.api.users import list_users",
    "from admin.api.auth import token",
    "from public.api.tickets import create_ticket",
    "from public.api.admin import reset",
    "from public.api.meta import list_users",
    "from cfg_support.api.auth import get_me",
    "from cfg_support.api.meta import is_healthy",
    "from public.models import TicketCreate",
    "from cfg_support.models import Token",
    "from admin.models import User",
)


def test_package_zone_does_not_import_another_zones_operations(zones_venv: Path, tmp_path: Path) -> None:
    run_in_venv(
        zones_venv,
        f"""
        for statement in {FOREIGN_IMPORTS!r}:
            try:
                exec(statement)
            except ImportError:
                pass
            else:
                raise AssertionError(f"`{{statement}}` imported")
        from admin.api.admin import reset
        from cfg_support.api.users import list_users
        from public.api.auth import token
        print("ok")
        """,
        "",
        tmp_path,
    )


def test_package_zones_and_their_calls_pass_mypy_strict(zones_venv: Path, package_zones: Path) -> None:
    (package_zones / "package_calls.py").write_text(PACKAGE_CALLS)
    projects = [package_zones / folder for folder in ZONES.values()]
    packages = [str(package_zones / folder / zone) for zone, folder in ZONES.items()]
    result = run_mypy(*packages, "package_calls.py", cwd=package_zones, mypy_path=projects)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="module")
def ts_project(zones_out: Path) -> Path:
    """A Node project holding the TypeScript zones in api/ and the zone test scripts of tests/typescript."""
    project = zones_out / "ts"
    project.mkdir()
    (project / "package.json").write_text('{"type": "module"}\n')
    shutil.copytree(zones_out / "out" / "typescript", project / "api")
    for script in ("zones_e2e.ts", "zones_usage.ts"):
        copy_script(script, project)
    return project


@pytest.mark.parametrize("mode", MODES)
def test_typescript_zones_pass_tsc_strict(ts_project: Path, mode: str) -> None:
    config = write_project(ts_project, mode, ["api/**/*.ts"])
    checked = run([tsc(), "-p", config], cwd=ts_project)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_zone_folders_import_as_the_readme_shows(ts_project: Path) -> None:
    config = write_project(ts_project, "bundler", ["zones_usage.ts", "api/**/*.ts"])
    checked = run([tsc(), "-p", config], cwd=ts_project)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_typescript_zones_call_the_server(ts_project: Path, server_url: str) -> None:
    config = write_project(
        ts_project, "nodenext", ["zones_e2e.ts", "api/**/*.ts"], noEmit=False, outDir="dist", rootDir="."
    )
    compiled = run([tsc(), "-p", config], cwd=ts_project)
    assert compiled.returncode == 0, compiled.stdout + compiled.stderr
    run_script(ts_project / "dist" / "zones_e2e.js", server_url)


@pytest.mark.parametrize("zone", ZONES)
def test_proto_zones_compile_with_protoc(zones_out: Path, zone: str, tmp_path: Path) -> None:
    root = zones_out / "out" / "proto" / zone
    files = [f"api__{zone}/messages.proto", f"api__{zone}/service.proto"]
    protoc = [sys.executable, "-m", "grpc_tools.protoc", "-I", "."]
    protoc += [f"--python_out={tmp_path}", f"--grpc_python_out={tmp_path}"]
    result = run([*protoc, *files], cwd=root)
    assert result.returncode == 0, result.stdout + result.stderr


def test_proto_zones_are_buf_lint_clean(zones_out: Path) -> None:
    if not BUF.is_file():
        pytest.fail(f"no buf at {BUF}: run `npm ci --prefix tests/tools`")
    result = run([BUF, "lint"], cwd=zones_out / "out" / "proto")
    assert result.returncode == 0, result.stdout + result.stderr


def test_zones_file_proto_options_compile_and_lint(spec_path: Path, tmp_path: Path) -> None:
    """A zones file's `[proto]` table (versioned layout, http rules, prefixes) and a zone's own `go_package` and
    `java_package`: every zone compiles with protoc from the one include path, buf lint is clean on the one module
    (googleapis' files a module of their own), and the descriptors carry the options asked for."""
    out = tmp_path / "proto"
    generate(spec_path, ZONES_FIXTURES / "proto-options.toml", "--proto-out", out)
    assert sorted(path.parent.name for path in out.glob("*/v1")) == sorted(ZONES)
    assert not list(out.glob("*/buf.yaml")) and (out / "third-party" / "googleapis" / "LICENSE").is_file()
    zones = [Zone(out, zone, True) for zone in ZONES]
    buf_lint(zones[0])
    for zone in zones:
        compile_python(zone, tmp_path / "stubs")
        files = {file.name: file for file in descriptor_set(zone, tmp_path).file}
        options = files[f"{zone.name}/v1/service.proto"].options
        if zone.name == "admin":
            assert options.go_package == "example.com/admin/gen;adminpb"
            assert options.java_package == "com.example.backoffice"
        else:
            assert options.go_package == f"example.com/app/gen/go/{zone.name}/v1;{zone.name.replace('_', '')}v1"
            # `public` is a Java keyword: its package segment is `public_`.
            segment = "public_" if zone.name == "public" else zone.name
            assert options.java_package == f"com.example.{segment}.v1"
        assert options.csharp_namespace.startswith("Example.") and options.java_multiple_files


def test_bad_proto_options_are_refused_each_named(spec_path: Path, tmp_path: Path) -> None:
    zones = tmp_path / "zones.toml"
    zones.write_text('[zones.admin]\ntags = ["admin"]\ngo_package = "adminpb"\njava_package = "com.class"\n')
    prefix = ["--proto-go-package-prefix", "example.com/gen/"]
    result = clientgen("generate", "-f", spec_path, "--zones", zones, "--proto-out", tmp_path / "out", *prefix)
    # Problems in the zones file make it an input problem (1), whatever the flags add.
    assert result.returncode == 1, result.stdout + result.stderr
    for expected in ("go_package_prefix", "zone `admin`: go_package", "zone `admin`: java_package", "3 proto options"):
        assert expected in result.stderr, result.stderr
    assert not (tmp_path / "out").exists()


def test_operation_in_two_zones_is_refused_naming_both(spec_path: Path, tmp_path: Path) -> None:
    result = clientgen("generate", "-f", spec_path, "--zones", ZONES_FIXTURES / "conflict.toml", "-o", tmp_path / "out")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "the operation `GET /users` (list_users) is in two zones: `cfg_support` and `admin`" in result.stderr
    assert not (tmp_path / "out").exists()
