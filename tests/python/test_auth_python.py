"""The credentials contract (README, "Credentials: what each call carries") for the Python clients, against the auth
app (tests/auth_app), whose `echo_*` operations answer with what arrived.

Every style is generated from the auth app's document (tests/rust/specs/auth.json): functions (sync, async: settings
from `<PACKAGE>_*` environment variables), class (sync, async: `Client(credentials=..., bearer_token=...)`) and
package (`Client(...).with_credentials(...)`, `AuthenticatedClient`, `with_api_key(key, scheme=...)`; its `sync` and
`asyncio` functions). Each echo operation must carry exactly the credentials its `security` asks for and that were
set; shortcuts by kind go to the spec's one scheme of that kind or raise naming the schemes; an empty credential is
none; and a call without a base URL fails saying how to set one.

Token refresh: a `Credentials` store's handler runs once on a 401 to a bearer token (once for several concurrent 401s,
across asyncio tasks and across threads), its tokens are stored and the call retried: the auth app's `/me` after
`/test/expire`, and the DRF app's simplejwt rotation. Zones: two zone clients built on one store share its
credentials, and `mypy --strict` accepts one zone's store given to another zone's client.
"""

import asyncio
import base64
import concurrent.futures
import copy
import importlib
import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

import drf_support
from support import AUTH_SPEC, clientgen_binary, generate_python, import_root

NOTHING = {"authorization": None, "x_api_key": None, "api_key": None, "cookie": None}
ALL = {
    "bearerAuth": "bearer-b",
    "oauth2": "oauth-o",
    "basicAuth": ("user", "secret"),
    "headerKey": "header-k",
    "queryKey": "query-k",
    "cookieKey": "cookie-k",
}
BASIC = "Basic " + base64.b64encode(b"user:secret").decode()

# What each echo operation carries when every scheme has its credential (ALL).
EXPECTED_WITH_ALL = {
    "echo_public": {},
    "echo_bearer": {"authorization": "Bearer bearer-b"},
    "echo_oauth2": {"authorization": "Bearer oauth-o"},
    "echo_basic": {"authorization": BASIC},
    "echo_header_key": {"x_api_key": "header-k"},
    "echo_query_key": {"api_key": "query-k"},
    "echo_cookie_key": {"cookie": "session=cookie-k"},
    "echo_bearer_or_header_key": {"authorization": "Bearer bearer-b"},
    "echo_header_key_and_cookie_key": {"x_api_key": "header-k", "cookie": "session=cookie-k"},
}

FLAVOURS: dict[str, tuple[str, list[str]]] = {
    "functions": ("auth_fn", []),
    "functions-async": ("auth_fn_async", ["--asyncio"]),
    "class": ("auth_cls", ["--python-style", "class"]),
    "class-async": ("auth_cls_async", ["--python-style", "class", "--asyncio"]),
    "package": ("auth_pkg", ["--python-style", "package"]),
    "package-async": ("auth_pkg", ["--python-style", "package"]),
}

FLAVOURS_NAMES = sorted({name for name, _ in FLAVOURS.values()})


def one_bearer_spec(path: Path) -> Path:
    """auth.json without the `oauth2` scheme (and the operations that use it): one bearer scheme, `bearerAuth`."""
    spec = json.loads(AUTH_SPEC.read_text())
    spec = copy.deepcopy(spec)
    del spec["components"]["securitySchemes"]["oauth2"]
    for route, item in list(spec["paths"].items()):
        for method, operation in list(item.items()):
            if any("oauth2" in requirement for requirement in operation.get("security", [])):
                del item[method]
        if not item:
            del spec["paths"][route]
    path.write_text(json.dumps(spec))
    return path


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The auth app's clients in every style (and the one-bearer variants), importable while the module runs."""
    folder = tmp_path_factory.mktemp("auth_clients")
    one = one_bearer_spec(folder / "one_bearer.json")
    for name, options in dict(FLAVOURS.values()).items():
        generate_python(AUTH_SPEC, folder / name, *options)
        generate_python(one, folder / f"one_{name}", *options)
    roots = sorted({str(import_root(folder / name)) for name in (*FLAVOURS_NAMES, *(f"one_{n}" for n in FLAVOURS_NAMES))})
    sys.path[:0] = roots
    yield folder
    for root in roots:
        sys.path.remove(root)
    for module in [m for m in sys.modules if m.split(".")[0].startswith(("auth_", "one_auth_"))]:
        del sys.modules[module]


def env_name(package: str, scheme_or_setting: str) -> str:
    snake = "".join(f"_{c.lower()}" if c.isupper() else c for c in scheme_or_setting).lstrip("_")
    return f"{package.upper()}_{snake.upper()}"


LOOP = asyncio.new_event_loop()
"""One event loop for every async call of the module: an async client's connections belong to the loop that opened
them."""


def run(value: Any) -> Any:
    return LOOP.run_until_complete(value) if asyncio.iscoroutine(value) else value


class Caller:
    """Calls an operation of one flavour with the given settings, returning what the server received (a dict)."""

    def __init__(self, flavour: str, server_url: str | None, monkeypatch: pytest.MonkeyPatch, prefix: str = "") -> None:
        self.flavour = flavour
        self.package = prefix + FLAVOURS[flavour][0]
        self.server_url = server_url
        self.monkeypatch = monkeypatch
        self.module = importlib.import_module(self.package)

    def client(self, credentials: dict[str, Any] | None = None, **shortcuts: Any) -> Callable[[str], dict[str, Any]]:
        """`call(operation)` on a client given `credentials` by scheme name and the kind shortcuts."""
        credentials = credentials or {}
        if self.flavour.startswith("functions"):
            for variable in ("BASE_URL", "BEARER_TOKEN", "USER_KEY", "PASS_KEY", "API_KEY"):
                self.monkeypatch.delenv(f"{self.package.upper()}_{variable}", raising=False)
            for scheme in ALL:
                self.monkeypatch.delenv(env_name(self.package, scheme), raising=False)
            if self.server_url:
                self.monkeypatch.setenv(env_name(self.package, "base_url"), self.server_url)
            for scheme, value in credentials.items():
                text = ":".join(value) if isinstance(value, tuple) else value
                self.monkeypatch.setenv(env_name(self.package, scheme), text)
            for setting, value in shortcuts.items():
                self.monkeypatch.setenv(env_name(self.package, setting), value)
            client = importlib.import_module(f"{self.package}.client")
            return lambda operation: self._received(run(getattr(client, operation)()))
        if self.flavour.startswith("class"):
            instance = self.module.Client(base_url=self.server_url, credentials=credentials, **shortcuts)
            return lambda operation: self._received(run(getattr(instance, operation)()))
        client = self.module.Client(base_url=self.server_url or "").with_credentials(credentials)
        return self.package_caller(client)

    def package_caller(self, client: Any) -> Callable[[str], dict[str, Any]]:
        """`call(operation)` through the package style's `sync` or `asyncio` on `client`."""

        def call(operation: str) -> dict[str, Any]:
            module = importlib.import_module(f"{self.package}.api.default.{operation}")
            if self.flavour.endswith("async"):
                return self._received(run(module.asyncio(client=client)))
            return self._received(module.sync(client=client))

        return call

    @staticmethod
    def _received(value: Any) -> dict[str, Any]:
        return value.model_dump()


@pytest.fixture(params=list(FLAVOURS))
def caller(request: pytest.FixtureRequest, packages: Path, auth_server_url: str, monkeypatch: pytest.MonkeyPatch) -> Caller:
    return Caller(request.param, auth_server_url, monkeypatch)


@pytest.mark.parametrize("operation", list(EXPECTED_WITH_ALL))
def test_each_operation_carries_exactly_the_credentials_its_security_names(caller: Caller, operation: str) -> None:
    call = caller.client(ALL)
    assert call(operation) == {**NOTHING, **EXPECTED_WITH_ALL[operation]}


def test_nothing_set_sends_nothing(caller: Caller) -> None:
    call = caller.client()
    for operation in EXPECTED_WITH_ALL:
        assert call(operation) == NOTHING, operation


def test_alternatives_take_the_first_complete_one(caller: Caller) -> None:
    call = caller.client({"headerKey": "header-k"})
    assert call("echo_bearer_or_header_key") == {**NOTHING, "x_api_key": "header-k"}
    assert call("echo_bearer") == NOTHING


def test_a_requirement_naming_two_schemes_needs_both(caller: Caller) -> None:
    call = caller.client({"headerKey": "header-k"})
    assert call("echo_header_key_and_cookie_key") == NOTHING
    call = caller.client({"cookieKey": "cookie-k"})
    assert call("echo_header_key_and_cookie_key") == NOTHING
    assert call("echo_header_key") == NOTHING
    assert call("echo_cookie_key") == {**NOTHING, "cookie": "session=cookie-k"}


def test_empty_credentials_are_none(caller: Caller) -> None:
    call = caller.client({"bearerAuth": "", "headerKey": "", "basicAuth": ("", "")})
    for operation in ("echo_bearer", "echo_header_key", "echo_basic", "echo_bearer_or_header_key"):
        assert call(operation) == NOTHING, operation


@pytest.mark.parametrize("flavour", [f for f in FLAVOURS if not f.startswith("package")])
def test_basic_shortcut_goes_to_the_one_basic_scheme(
    flavour: str, packages: Path, auth_server_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    call = Caller(flavour, auth_server_url, monkeypatch).client(user_key="user", pass_key="secret")
    assert call("echo_basic") == {**NOTHING, "authorization": BASIC}
    assert call("echo_bearer") == NOTHING


@pytest.mark.parametrize("flavour", [f for f in FLAVOURS if not f.startswith("package")])
@pytest.mark.parametrize(
    ("shortcut", "schemes"), [("bearer_token", "'bearerAuth', 'oauth2'"), ("api_key", "'headerKey', 'queryKey'")]
)
def test_a_shortcut_with_several_schemes_of_its_kind_is_an_error_naming_them(
    flavour: str, shortcut: str, schemes: str, packages: Path, auth_server_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    caller = Caller(flavour, auth_server_url, monkeypatch)
    with pytest.raises(caller.module.CredentialError, match=f"{shortcut}=.* it has 2: {schemes}"):
        caller.client(**{shortcut: "x"})("echo_public")


@pytest.mark.parametrize("flavour", [f for f in FLAVOURS if not f.startswith("package")])
def test_the_bearer_shortcut_goes_to_the_one_bearer_scheme(
    flavour: str, packages: Path, auth_server_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    call = Caller(flavour, auth_server_url, monkeypatch, prefix="one_").client(bearer_token="tok")
    assert call("echo_bearer") == {**NOTHING, "authorization": "Bearer tok"}
    assert call("echo_header_key") == NOTHING
    assert call("echo_cookie_key") == NOTHING


@pytest.mark.parametrize("flavour", ["class", "class-async"])
def test_an_empty_bearer_token_turns_off_the_one_config_gives(
    flavour: str, packages: Path, auth_server_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    caller = Caller(flavour, auth_server_url, monkeypatch)
    monkeypatch.setenv(env_name(caller.package, "bearerAuth"), "from-env")
    monkeypatch.setenv(env_name(caller.package, "oauth2"), "from-env-too")
    assert caller.client()("echo_bearer") == {**NOTHING, "authorization": "Bearer from-env"}
    assert caller.client(bearer_token="")("echo_bearer") == NOTHING
    assert caller.client(bearer_token="")("echo_oauth2") == NOTHING


@pytest.mark.parametrize("flavour", ["functions", "functions-async"])
def test_empty_environment_variables_are_no_credentials(
    flavour: str, packages: Path, auth_server_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    call = Caller(flavour, auth_server_url, monkeypatch).client(
        {"bearerAuth": "", "headerKey": "", "queryKey": ""}, bearer_token="", api_key=""
    )
    for operation in ("echo_bearer", "echo_header_key", "echo_query_key", "echo_bearer_or_header_key"):
        assert call(operation) == NOTHING, operation


def test_a_scheme_the_spec_does_not_have_is_an_error(packages: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    caller = Caller("class", "http://127.0.0.1:9", monkeypatch)
    with pytest.raises(caller.module.CredentialError, match="no security scheme is named 'headerkey'.*'headerKey'"):
        caller.client({"headerkey": "k"})


@pytest.mark.parametrize("flavour", ["package", "package-async"])
def test_package_shortcuts(flavour: str, packages: Path, auth_server_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    caller = Caller(flavour, auth_server_url, monkeypatch)
    module = caller.module
    with pytest.raises(module.CredentialError, match="AuthenticatedClient.* it has 2: 'bearerAuth', 'oauth2'"):
        module.AuthenticatedClient(base_url=auth_server_url, token="t")
    with pytest.raises(module.CredentialError, match=r"with_api_key\(\).* it has 2: 'headerKey', 'queryKey'"):
        module.Client(base_url=auth_server_url).with_api_key("k")
    authed = module.AuthenticatedClient(base_url=auth_server_url, token="t", scheme="oauth2")
    call = caller.package_caller(authed)
    assert call("echo_oauth2") == {**NOTHING, "authorization": "Bearer t"}
    assert call("echo_bearer") == NOTHING
    assert call("echo_cookie_key") == NOTHING
    keyed = module.Client(base_url=auth_server_url).with_api_key("c", scheme="cookieKey").with_basic_auth("user", "secret")
    call = caller.package_caller(keyed)
    assert call("echo_cookie_key") == {**NOTHING, "cookie": "session=c"}
    assert call("echo_basic") == {**NOTHING, "authorization": BASIC}
    assert call("echo_header_key") == NOTHING
    emptied = keyed.with_api_key("", scheme="cookieKey")
    assert caller.package_caller(emptied)("echo_cookie_key") == NOTHING
    empty_token = module.AuthenticatedClient(base_url=auth_server_url, token="", scheme="bearerAuth")
    assert caller.package_caller(empty_token)("echo_bearer") == NOTHING


@pytest.mark.parametrize("flavour", ["package", "package-async"])
def test_package_authenticated_client_takes_the_one_bearer_scheme(
    flavour: str, packages: Path, auth_server_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    caller = Caller(flavour, auth_server_url, monkeypatch, prefix="one_")
    call = caller.package_caller(caller.module.AuthenticatedClient(base_url=auth_server_url, token="tok"))
    assert call("echo_bearer") == {**NOTHING, "authorization": "Bearer tok"}
    assert call("echo_cookie_key") == NOTHING
    assert call("echo_public") == NOTHING


@pytest.mark.parametrize("flavour", [f for f in FLAVOURS if not f.startswith("package")])
def test_without_a_base_url_a_call_says_how_to_set_one(
    flavour: str, packages: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    caller = Caller(flavour, None, monkeypatch)
    variable = env_name(caller.package, "base_url")
    with pytest.raises(caller.module.BaseUrlMissing, match=rf"\${variable}.*config\.py.*Client\(base_url="):
        caller.client()("echo_public")


# Token refresh: the store's handler runs once on a 401 to a bearer token, its tokens are stored, the call retried.


def issue(server_url: str) -> tuple[str, str]:
    """An access and a refresh token from the auth app's password flow."""
    body = httpx.post(f"{server_url}/token", data={"username": "alice", "password": "wonderland"}).json()
    return body["access_token"], body["refresh_token"]


def counters(server_url: str) -> dict[str, int]:
    return httpx.get(f"{server_url}/test/counters").json()


class Refresher:
    """A refresh handler (sync and async) on the auth app's rotating `/token/refresh`, counting its calls."""

    def __init__(self, server_url: str, module: Any) -> None:
        self.server_url, self.module, self.calls = server_url, module, 0

    def __call__(self, refresh_token: str | None) -> Any:
        self.calls += 1
        response = httpx.post(f"{self.server_url}/token/refresh", json={"refresh_token": refresh_token})
        if response.status_code != 200:
            return None
        return self.module.Tokens(response.json()["access_token"], response.json()["refresh_token"])

    async def asynchronous(self, refresh_token: str | None) -> Any:
        await asyncio.sleep(0.05)  # let the other calls' 401s arrive while this one refreshes
        return self(refresh_token)


def store_client(caller: Caller, store: Any) -> Callable[[], Any]:
    """`me()` through a client of `caller`'s flavour reading `store` (the functions style: its module store)."""
    if caller.flavour.startswith("functions"):
        module_store = importlib.import_module(caller.package).credentials
        module_store.clear()
        module_store.set("oauth2", store.get("oauth2"))
        module_store.refresh_token = store.refresh_token
        module_store.refresh_handler = store.refresh_handler
        module_store.async_refresh_handler = store.async_refresh_handler
        caller.client()
        client = importlib.import_module(f"{caller.package}.client")
        return client.me
    if caller.flavour.startswith("class"):
        instance = caller.module.Client(base_url=caller.server_url, store=store)
        return instance.me
    client = caller.module.Client(base_url=caller.server_url, store=store)
    me = importlib.import_module(f"{caller.package}.api.default.me")
    if caller.flavour.endswith("async"):
        return lambda: me.asyncio(client=client)
    return lambda: me.sync(client=client)


def functions_store(caller: Caller, store: Any) -> Any:
    """The store the calls of `caller` read: the module's in the functions style."""
    if caller.flavour.startswith("functions"):
        return importlib.import_module(caller.package).credentials
    return store


@pytest.fixture
def reset_module_stores(packages: Path) -> Iterator[None]:
    yield
    for name in ("auth_fn", "auth_fn_async"):
        store = importlib.import_module(name).credentials
        store.clear()
        store.refresh_handler = store.async_refresh_handler = None


@pytest.mark.usefixtures("reset_module_stores")
def test_a_401_to_a_bearer_token_refreshes_once_and_retries(caller: Caller, auth_server_url: str) -> None:
    access, refresh = issue(auth_server_url)
    refresher = Refresher(auth_server_url, caller.module)
    store = caller.module.Credentials(
        {"oauth2": access}, refresh_token=refresh, refresh_handler=refresher, async_refresh_handler=refresher.asynchronous
    )
    me = store_client(caller, store)
    assert run(me()).username == "alice"
    httpx.post(f"{auth_server_url}/test/expire").raise_for_status()
    assert run(me()).username == "alice"
    used = functions_store(caller, store)
    assert refresher.calls == 1
    assert used.refresh_token not in (None, refresh)  # rotated: the new one is kept
    assert used.get("oauth2") not in (None, access)
    assert counters(auth_server_url) == {"refreshes": 1, "unauthorized": 1}
    # A spent refresh token: the handler gives up, the 401 stands, and the call is not retried again.
    httpx.post(f"{auth_server_url}/test/expire").raise_for_status()
    used.refresh_token = refresh
    with pytest.raises(caller.module.ApiError) as raised:
        run(me())
    assert raised.value.status_code == 401
    assert refresher.calls == 2


@pytest.mark.usefixtures("reset_module_stores")
@pytest.mark.parametrize("flavour", ["functions-async", "class-async", "package-async"])
def test_concurrent_401s_share_one_refresh(
    flavour: str, packages: Path, auth_server_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    caller = Caller(flavour, auth_server_url, monkeypatch)
    access, refresh = issue(auth_server_url)
    refresher = Refresher(auth_server_url, caller.module)
    store = caller.module.Credentials({"oauth2": access}, refresh_token=refresh, async_refresh_handler=refresher.asynchronous)
    me = store_client(caller, store)
    httpx.post(f"{auth_server_url}/test/expire").raise_for_status()

    async def together() -> list[Any]:
        return await asyncio.gather(*(me() for _ in range(5)))

    assert [identity.username for identity in run(together())] == ["alice"] * 5
    assert refresher.calls == 1
    assert counters(auth_server_url) == {"refreshes": 1, "unauthorized": 5}


def test_concurrent_401s_share_one_refresh_across_threads(
    packages: Path, auth_server_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    caller = Caller("class", auth_server_url, monkeypatch)
    access, refresh = issue(auth_server_url)
    refresher = Refresher(auth_server_url, caller.module)
    store = caller.module.Credentials({"oauth2": access}, refresh_token=refresh, refresh_handler=refresher)
    client = caller.module.Client(base_url=auth_server_url, store=store)
    httpx.post(f"{auth_server_url}/test/expire").raise_for_status()
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        assert [identity.username for identity in pool.map(lambda _: client.me(), range(4))] == ["alice"] * 4
    assert refresher.calls == 1
    assert counters(auth_server_url)["refreshes"] == 1


@pytest.mark.parametrize("operation", ["echo_public", "echo_header_key"])
def test_no_refresh_without_a_bearer_token(operation: str, packages: Path, auth_server_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    caller = Caller("class", auth_server_url, monkeypatch)
    refresher = Refresher(auth_server_url, caller.module)
    store = caller.module.Credentials({"headerKey": "k"}, refresh_token="r", refresh_handler=refresher)
    client = caller.module.Client(base_url=auth_server_url, store=store)
    assert getattr(client, operation)().x_api_key == ("k" if operation == "echo_header_key" else None)
    assert refresher.calls == 0


@pytest.mark.parametrize("style", ["class", "package"])
def test_drf_simplejwt_rotation_is_stored_by_the_refresh_handler(
    style: str, drf_spec_paths: Any, drf_server_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    name = f"drf_refresh_{style}"
    generate_python(drf_spec_paths.default, tmp_path / name, "--python-style", style)
    monkeypatch.syspath_prepend(str(import_root(tmp_path / name)))
    module = importlib.import_module(name)
    pair = drf_support.login(drf_server_url)
    calls: list[str | None] = []

    def handler(refresh_token: str | None) -> Any:
        calls.append(refresh_token)
        response = httpx.post(f"{drf_server_url}{drf_support.API}/auth/token/refresh/", json={"refresh": refresh_token})
        body = response.json()
        return module.Tokens(body["access"], body.get("refresh")) if response.status_code == 200 else None

    store = module.Credentials({"jwtAuth": "garbage"}, refresh_token=pair.refresh, refresh_handler=handler)
    if style == "class":
        me = module.Client(base_url=drf_server_url, store=store).auth_me_retrieve()
    else:
        operation = importlib.import_module(f"{name}.api.auth.auth_me_retrieve")
        me = operation.sync(client=module.Client(base_url=drf_server_url, store=store))
    assert me.username == drf_support.DEMO_USERNAME
    assert calls == [pair.refresh]
    assert store.refresh_token not in (None, pair.refresh)  # simplejwt rotated it, and the store kept the new one
    assert store.get("jwtAuth") != "garbage"


# Zones: the clients of several zones share one credential store.

ZONES_TOML = """
default_zone = "{prefix}_keys"
[zones.{prefix}_tokens]
operations = ["echo_bearer", "echo_oauth2", "me", "token", "refresh_token"]
"""

ZONES_MYPY = """
from {prefix}_keys import Client as KeysClient
from {prefix}_tokens import Client as TokensClient, Credentials

shared = Credentials()
shared.set("bearerAuth", "t")
keys = KeysClient({base_url}store=shared)  # another zone's store fits: `store=` is a Protocol
tokens = TokensClient({base_url}store=shared)
"""


ZONES_FUNCTIONS_MYPY = """
import {prefix}_keys as keys
import {prefix}_tokens as tokens

keys.use_credentials(tokens.credentials)  # another zone's store fits: a Protocol
tokens.credentials.set("bearerAuth", "t")
"""


@pytest.mark.parametrize("style", ["functions", "class", "package"])
def test_zone_clients_share_one_store(
    style: str, tmp_path: Path, auth_server_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    prefix = f"zone_{style}"
    zones = tmp_path / "zones.toml"
    zones.write_text(ZONES_TOML.format(prefix=prefix))
    result = subprocess.run(
        [str(clientgen_binary()), "generate", "-f", str(AUTH_SPEC), "--zones", str(zones),
         "--python-out", str(tmp_path / "out"), "--python-style", style],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    for zone in ("keys", "tokens"):
        monkeypatch.syspath_prepend(str(import_root(tmp_path / "out" / f"{prefix}_{zone}")))
    keys, tokens = (importlib.import_module(f"{prefix}_{zone}") for zone in ("keys", "tokens"))
    shared = tokens.Credentials()
    if style == "functions":
        for zone in (keys, tokens):
            monkeypatch.setenv(f"{zone.__name__.upper()}_BASE_URL", auth_server_url)
            zone.use_credentials(shared)
        keys_ops, tokens_ops = (importlib.import_module(f"{zone.__name__}.client") for zone in (keys, tokens))
        both = lambda: (keys_ops.echo_bearer_or_header_key(), tokens_ops.echo_bearer())  # noqa: E731
    elif style == "class":
        keys_client = keys.Client(base_url=auth_server_url, store=shared)
        tokens_client = tokens.Client(base_url=auth_server_url, store=shared)
        both = lambda: (keys_client.echo_bearer_or_header_key(), tokens_client.echo_bearer())  # noqa: E731
    else:
        either = importlib.import_module(f"{prefix}_keys.api.default.echo_bearer_or_header_key")
        bearer = importlib.import_module(f"{prefix}_tokens.api.default.echo_bearer")
        keys_client = keys.Client(base_url=auth_server_url, store=shared)
        tokens_client = tokens.Client(base_url=auth_server_url, store=shared)
        both = lambda: (either.sync(client=keys_client), bearer.sync(client=tokens_client))  # noqa: E731
    assert [seen.authorization for seen in both()] == [None, None]
    shared.set("bearerAuth", "once")
    assert [seen.authorization for seen in both()] == ["Bearer once", "Bearer once"]
    shared.set("bearerAuth", "")
    assert [seen.authorization for seen in both()] == [None, None]
    script = tmp_path / "out" / "shared_store.py"
    usage = ZONES_FUNCTIONS_MYPY if style == "functions" else ZONES_MYPY
    script.write_text(usage.format(prefix=prefix, base_url="" if style == "class" else '"http://x", '))
    zones = [import_root(tmp_path / "out" / f"{prefix}_{zone}") / f"{prefix}_{zone}" for zone in ("keys", "tokens")]
    roots = {str(zone.parent) for zone in zones}
    checked = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "shared_store.py", *map(str, zones)],
        cwd=tmp_path / "out", capture_output=True, text=True, timeout=300,
        env={**os.environ, "MYPYPATH": os.pathsep.join(sorted(roots))},
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
