"""Zones end to end: the reference app split by tests/fixtures/zones/reference.toml into `cfg_support` (path prefixes
/users and /tickets), `admin` (tag admin) and `public` (the default zone, plus an explicit operation list).

Each Python zone package calls its endpoints against the live server, sync and async, in a fresh interpreter whose
path holds only the zone folders (`cfg/` and `custom/`): a `style` parameter (today's functions style) selects how
the packages are generated and called, and the interpreter is where a later change installs them with `pip install
-e`. The TypeScript zones pass strict tsc under NodeNext and Bundler and one Node script calls the server; the proto
zones compile with protoc and `buf lint` is clean on the one buf.yaml workspace; a conflict names both zones.
"""

import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from support import API_KEY, API_KEY_OWNER, PASSWORD, USERNAME, REPO_ROOT, clientgen_binary
from test_typescript import MODES, TS_TESTS, run, run_script, tsc, write_project
from proto_support import BUF

ZONES_FIXTURES = REPO_ROOT / "tests" / "fixtures" / "zones"
ZONES = {"cfg_support": "cfg/cfg_support", "admin": "custom/admin", "public": "custom/public"}
FLAVOURS = ("sync", "async")
STYLES = ("functions",)


def clientgen(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """`clientgen ARGS`, its output captured."""
    return run([clientgen_binary(), *args], cwd=REPO_ROOT, timeout=120)


def generate(spec: Path, zones: Path, *args: str | Path) -> None:
    """`clientgen generate -f SPEC --zones ZONES ARGS`, which must succeed."""
    result = clientgen("generate", "-f", spec, "--zones", zones, *args)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="module")
def zones_out(tmp_path_factory: pytest.TempPathFactory, spec_path: Path) -> Path:
    """Every target of the reference app in zones under <tmp>/out (`-o`), plus Python packages per style and
    flavour under <tmp>/python-<style>-<flavour>."""
    root = tmp_path_factory.mktemp("zones")
    zones = ZONES_FIXTURES / "reference.toml"
    generate(spec_path, zones, "-o", root / "out")
    for style in STYLES:
        for flavour in FLAVOURS:
            options = ["--python-style", style, *(["--asyncio"] if flavour == "async" else [])]
            generate(spec_path, zones, "--python-out", root / f"python-{style}-{flavour}", *options)
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
        token = await resolve(public.token(data=public_schemas.Body_token(username=sys.argv[1], password=sys.argv[2])))
        os.environ["PUBLIC_BEARER_TOKEN"] = token.access_token
        me = await resolve(public.get_me())
        assert (me.username, me.scheme) == (sys.argv[1], "bearer"), me
        os.environ["PUBLIC_API_KEY"] = sys.argv[3]
        assert (await resolve(public.api_key_whoami())).username == sys.argv[4]
        # Each zone holds only its operations and the types they reach.
        assert not hasattr(admin, "list_users") and not hasattr(public, "create_ticket")
        assert not hasattr(public_schemas, "TicketCreate") and not hasattr(support_schemas, "Token")
        print("zones ok")


    asyncio.run(main())
    """
)


@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize("style", STYLES)
def test_python_zones_call_the_server(
    zones_out: Path, server_url: str, style: str, flavour: str, tmp_path: Path
) -> None:
    packages = zones_out / f"python-{style}-{flavour}"
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
def ts_project(zones_out: Path) -> Path:
    """A Node project holding the TypeScript zones in api/ and the zone test scripts of tests/typescript."""
    project = zones_out / "ts"
    project.mkdir()
    (project / "package.json").write_text('{"type": "module"}\n')
    shutil.copytree(zones_out / "out" / "typescript", project / "api")
    for script in ("zones_e2e.ts", "zones_usage.ts"):
        shutil.copy(TS_TESTS / script, project / script)
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


def test_operation_in_two_zones_is_refused_naming_both(spec_path: Path, tmp_path: Path) -> None:
    result = clientgen("generate", "-f", spec_path, "--zones", ZONES_FIXTURES / "conflict.toml", "-o", tmp_path / "out")
    assert result.returncode == 2, result.stdout + result.stderr
    assert "the operation `GET /users` (list_users) is in two zones: `cfg_support` and `admin`" in result.stderr
    assert not (tmp_path / "out").exists()
