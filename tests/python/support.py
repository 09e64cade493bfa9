"""What the end-to-end tests share: the four generated packages and one way to call any of them.

The endpoint tests are written once, as `async` tests, and run against every package: `Api.ops` turns each
operation into an awaitable whatever the package's flavour, so `await api.ops.get_user(user_id=1)` calls
`refclient.client.get_user(user_id=1)` as well as `await Client(...).get_user(user_id=1)` in refclient_async_class.
"""

import contextlib
import importlib
import inspect
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
import os
from pathlib import Path
import socket
import subprocess
from types import ModuleType
from typing import Any

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]


def clientgen_binary() -> Path:
    """The clientgen binary under test: $CLIENTGEN_BIN, else <repo>/target/debug/clientgen."""
    binary = Path(os.environ.get("CLIENTGEN_BIN", REPO_ROOT / "target" / "debug" / "clientgen"))
    if not binary.is_file():
        pytest.fail(f"no clientgen binary at {binary}: run `cargo build -p clientgen-cli` or set CLIENTGEN_BIN")
    return binary


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def generate_python(spec: Path, out: Path, *options: str) -> None:
    """`clientgen generate -f SPEC --python-out OUT OPTIONS…`; fails the test with clientgen's output unless it
    wrote a package."""
    command = [str(clientgen_binary()), "generate", "-f", str(spec), "--python-out", str(out), *options]
    result = subprocess.run(command, check=False, capture_output=True, text=True)
    if result.returncode != 0 or not (import_root(out) / out.name / "__init__.py").is_file():
        pytest.fail(f"`{' '.join(command)}` exited {result.returncode}:\n{result.stdout}{result.stderr}")


def import_root(out: Path) -> Path:
    """The folder to put on the import path for the package generated at `out`: `out` itself when it is the package
    style's project folder (`pyproject.toml` beside the import package `out/<name>/`), else the folder holding it."""
    return out if (out / out.name / "__init__.py").is_file() else out.parent


REFERENCE_APP = REPO_ROOT / "tests" / "reference_app"
DUMP_FASTAPI_OPENAPI = REPO_ROOT / "tests" / "dump_fastapi_openapi.py"
"""Writes the document of one of the tests' FastAPI apps (reference, contract, auth)."""
CONTRACT_APP = REPO_ROOT / "tests" / "contract_app"
AUTH_APP = REPO_ROOT / "tests" / "auth_app"
AUTH_SPEC = REPO_ROOT / "tests" / "rust" / "specs" / "auth.json"
"""The auth app's document as committed."""
CONTRACT_SPEC = REPO_ROOT / "tests" / "rust" / "specs" / "contract.json"
"""The contract app's document as committed: the Rust tests expand the macro on it."""

# The demo accounts of tests/reference_app/app.py.
USERNAME, PASSWORD, BEARER_TOKEN = "alice", "wonderland", "alice-token"
BASIC_USER, BASIC_PASSWORD = "bob", "builder"
API_KEY, API_KEY_OWNER = "carol-key", "carol"

# The settings every client takes, as Client(...) keyword arguments; functions style reads <PACKAGE>_<NAME>.
AUTH_SETTINGS = ("bearer_token", "user_key", "pass_key", "api_key")
CLIENT_SETTINGS = ("base_url", *AUTH_SETTINGS, "timeout")
# The reference app's security schemes (`credentials={...}` keys), with the setting that holds each in the functions
# style's environment (<PACKAGE>_<SCHEME_IN_UPPER_SNAKE_CASE>).
REFERENCE_SCHEME_VARIABLES = {
    "OAuth2PasswordBearer": "o_auth2_password_bearer",
    "HTTPBasic": "http_basic",
    "APIKeyHeader": "api_key_header",
    "APIKeyQuery": "api_key_query",
}


@dataclass(frozen=True)
class Package:
    """One generated package: its import name and flavour."""

    name: str
    is_async: bool
    is_class: bool

    @property
    def flavour(self) -> str:
        """A short test id: functions-sync, class-sync, functions-async or class-async."""
        return f"{'class' if self.is_class else 'functions'}-{'async' if self.is_async else 'sync'}"

    @property
    def generator_options(self) -> list[str]:
        """The `clientgen generate` options that select this flavour."""
        return (["--python-style", "class"] if self.is_class else []) + (["--asyncio"] if self.is_async else [])

    def env_name(self, setting: str) -> str:
        """The environment variable the package's config module reads for a setting (`base_url`, `api_key`…)."""
        return f"{self.name.upper()}_{setting.upper()}"

    def module(self, name: str) -> ModuleType:
        """One of the package's modules: client, schemas, transport or config."""
        return importlib.import_module(f"{self.name}.{name}")


PACKAGES = (
    Package("refclient", is_async=False, is_class=False),
    Package("refclient_class", is_async=False, is_class=True),
    Package("refclient_async", is_async=True, is_class=False),
    Package("refclient_async_class", is_async=True, is_class=True),
)
FUNCTIONS_PACKAGES = tuple(p for p in PACKAGES if not p.is_class)
CLASS_PACKAGES = tuple(p for p in PACKAGES if p.is_class)
ASYNC_PACKAGES = tuple(p for p in PACKAGES if p.is_async)


async def resolve(value: Any) -> Any:
    """The value itself, or what it resolves to when an async client returned an awaitable."""
    return await value if inspect.isawaitable(value) else value


class Operations:
    """The operations of a client module or Client object, each returning an awaitable.

    `before_call` runs right before each call: functions-style packages read their settings from the environment
    at call time, so each `Api` applies its own settings then.
    """

    def __init__(self, target: Any, before_call: Callable[[], None]) -> None:
        self._target = target
        self._before_call = before_call

    def __getattr__(self, operation: str) -> Callable[..., Awaitable[Any]]:
        function = getattr(self._target, operation)

        async def call(*args: Any, **kwargs: Any) -> Any:
            self._before_call()
            return await resolve(function(*args, **kwargs))

        return call


@dataclass
class Api:
    """A generated package connected to the reference server."""

    package: Package
    ops: Operations
    schemas: ModuleType
    http: ModuleType


def functions_api(package: Package, settings: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> Api:
    """A functions-style package whose calls see exactly `settings` (base_url, auth, timeout) in the environment."""

    def apply_settings() -> None:
        for setting in CLIENT_SETTINGS:
            if setting in settings:
                monkeypatch.setenv(package.env_name(setting), str(settings[setting]))
            else:
                monkeypatch.delenv(package.env_name(setting), raising=False)
        credentials = settings.get("credentials", {})
        for scheme, variable in REFERENCE_SCHEME_VARIABLES.items():
            if scheme in credentials:
                monkeypatch.setenv(package.env_name(variable), str(credentials[scheme]))
            else:
                monkeypatch.delenv(package.env_name(variable), raising=False)

    return package_api(package, package.module("client"), apply_settings)


def package_api(package: Package, target: Any, before_call: Callable[[], None] = lambda: None) -> Api:
    """An Api whose operations are `target`'s (a client module, or an opened `Client`)."""
    return Api(package, Operations(target, before_call), package.module("schemas"), package.module("transport"))


Connect = Callable[..., Awaitable[Api]]


@contextlib.asynccontextmanager
async def connections(package: Package, server_url: str, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[Connect]:
    """`connect(**settings)` returns an `Api` on `package` with those settings (auth, `timeout`); clients close on
    exit."""
    async with contextlib.AsyncExitStack() as clients:

        async def connect(**settings: Any) -> Api:
            if not package.is_class:
                return functions_api(package, {"base_url": server_url, **settings}, monkeypatch)
            client = package.module("client").Client(base_url=server_url, **settings)
            if package.is_async:
                return package_api(package, await clients.enter_async_context(client))
            return package_api(package, clients.enter_context(client))

        yield connect
