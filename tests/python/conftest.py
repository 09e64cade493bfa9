"""Fixtures for the end-to-end tests: generate the four client packages once, run the reference server once.

Session: the reference app's spec is dumped with the installed FastAPI, `clientgen generate` (the binary at
$CLIENTGEN_BIN, else <repo>/target/debug/clientgen) writes refclient, refclient_class, refclient_async and
refclient_async_class under <tmp>/pkgs (put on sys.path), and uvicorn serves the app on a free local port.
Each test that talks to the server starts from an empty server (POST /reset).

The Django REST Framework reference app (tests/drf_app) has its own session fixtures: `drf_spec_paths` (its two
OpenAPI documents) and `drf_server_url` (Django's runserver on a free local port, over a migrated SQLite file in
the session's temp folder). Each test that uses `drf_server_url` starts from a reset database (drf_support.py).

The contract app (tests/contract_app, the README's response contract) is served by `contract_server_url`; it keeps
no state. Its document is committed as tests/rust/specs/contract.json (`CONTRACT_SPEC`). The auth app
(tests/auth_app: credential echo, OAuth2 with rotating refresh tokens) is served by `auth_server_url`, reset before
each test that uses it; its document is tests/rust/specs/auth.json (`AUTH_SPEC`).
"""

import contextlib
import os
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest

from support import PACKAGES, free_port, generate_python, AUTH_APP, DUMP_FASTAPI_OPENAPI, CONTRACT_APP, REFERENCE_APP, REPO_ROOT, Api, Connect, connections
from drf_support import DRF_APP, DrfSpecs, dump_drf_specs, reset as reset_drf_app

SERVER_START_TIMEOUT = 30.0


@pytest.fixture(scope="session")
def spec_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The reference app's OpenAPI document, as the installed FastAPI writes it."""
    path = tmp_path_factory.mktemp("spec") / "openapi.json"
    subprocess.run([sys.executable, str(DUMP_FASTAPI_OPENAPI), str(REFERENCE_APP), str(path)], check=True)
    return path


@pytest.fixture(scope="session")
def generated_packages(tmp_path_factory: pytest.TempPathFactory, spec_path: Path) -> Iterator[Path]:
    """The folder holding the four generated packages, importable while the session runs."""
    packages_dir = tmp_path_factory.mktemp("clientgen") / "pkgs"
    packages_dir.mkdir()
    for package in PACKAGES:
        generate_python(spec_path, packages_dir / package.name, *package.generator_options)
    sys.path.insert(0, str(packages_dir))
    yield packages_dir
    sys.path.remove(str(packages_dir))


def wait_until_serving(health_url: str, server: subprocess.Popen[bytes], log: Path, name: str = "uvicorn") -> None:
    """Return once GET `health_url` answers 200; fail with the server's log if it exits or takes too long."""
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"{name} exited with {server.returncode}:\n{log.read_text()}")
        with contextlib.suppress(httpx.TransportError):
            if httpx.get(health_url, timeout=1.0).status_code == 200:
                return
        time.sleep(0.1)
    pytest.fail(f"{name} did not answer within {SERVER_START_TIMEOUT} s:\n{log.read_text()}")


def stop(server: subprocess.Popen[bytes]) -> None:
    """Terminate a server subprocess, killing it when it has not exited 10 s later."""
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def serve_fastapi_app(folder: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Serves the FastAPI app `app:app` of `folder` with uvicorn on a free local port; yields its base URL."""
    port = free_port()
    log = tmp_path_factory.mktemp(folder.name) / "uvicorn.log"
    command = [sys.executable, "-m", "uvicorn", "app:app", "--host", "127.0.0.1", "--port", str(port)]
    with log.open("wb") as log_file:
        server = subprocess.Popen(command, cwd=folder, stdout=log_file, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(f"{url}/health", server, log)
        yield url
    finally:
        stop(server)


@pytest.fixture(scope="session")
def server_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The base URL of the reference app, served by uvicorn in a subprocess for the whole session."""
    yield from serve_fastapi_app(REFERENCE_APP, tmp_path_factory)


@pytest.fixture(scope="session")
def contract_server_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The base URL of the contract app, served by uvicorn in a subprocess for the whole session."""
    yield from serve_fastapi_app(CONTRACT_APP, tmp_path_factory)


@pytest.fixture(scope="session")
def auth_server_session_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The base URL of the auth app, served by uvicorn in a subprocess for the whole session."""
    yield from serve_fastapi_app(AUTH_APP, tmp_path_factory)


@pytest.fixture
def auth_server_url(auth_server_session_url: str) -> str:
    """The auth app's base URL, its tokens and counters reset (POST /test/reset)."""
    httpx.post(f"{auth_server_session_url}/test/reset").raise_for_status()
    return auth_server_session_url


@pytest.fixture(scope="session")
def drf_spec_paths(tmp_path_factory: pytest.TempPathFactory) -> DrfSpecs:
    """The DRF app's two OpenAPI documents (`.default`, `.split`), as this Python's drf-spectacular writes them."""
    return dump_drf_specs(tmp_path_factory.mktemp("drf_spec"))


@pytest.fixture(scope="session")
def drf_server_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The base URL of the DRF app (routes under /api/), served by Django's runserver for the whole session."""
    state = tmp_path_factory.mktemp("drf_server")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "helpdesk.settings",
        "HELPDESK_DB": str(state / "db.sqlite3"),
        "HELPDESK_MEDIA_ROOT": str(state / "media"),
        "HELPDESK_TEST_RESET": "1",
        "HELPDESK_COMPONENT_SPLIT_REQUEST": "0",
        "PYTHONUNBUFFERED": "1",
    }
    migrate = [sys.executable, "manage.py", "migrate", "--noinput"]
    result = subprocess.run(migrate, cwd=DRF_APP, env=env, check=False, capture_output=True, text=True, timeout=120)
    if result.returncode != 0:
        pytest.fail(f"`{' '.join(migrate)}` exited {result.returncode}:\n{result.stdout}{result.stderr}")
    port = free_port()
    log = state / "runserver.log"
    command = [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"]
    with log.open("wb") as log_file:
        server = subprocess.Popen(command, cwd=DRF_APP, env=env, stdout=log_file, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(f"{url}/api/health/", server, log, name="Django runserver")
        yield url
    finally:
        stop(server)


@pytest.fixture(autouse=True)
def fresh_server_state(request: pytest.FixtureRequest) -> None:
    """Empty the server's store before each test that uses the server (either reference app)."""
    if "server_url" in request.fixturenames:
        httpx.post(f"{request.getfixturevalue('server_url')}/reset").raise_for_status()
    if "drf_server_url" in request.fixturenames:
        reset_drf_app(request.getfixturevalue("drf_server_url"))


@pytest.fixture(params=PACKAGES, ids=lambda package: package.flavour)
async def connect(
    request: pytest.FixtureRequest, generated_packages: Path, server_url: str, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[Connect]:
    """`await connect(api_key=...)`: an Api on each of the four packages in turn, with the auth settings given."""
    async with connections(request.param, server_url, monkeypatch) as connect_:
        yield connect_


@pytest.fixture
async def api(connect: Connect) -> Api:
    """An Api on each of the four packages in turn, without credentials."""
    return await connect()
