"""Class-style packages (refclient_class, refclient_async_class): settings are Client arguments or config defaults."""

import contextlib
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from support import API_KEY, API_KEY_OWNER, BASIC_PASSWORD, BASIC_USER, CLASS_PACKAGES, Package, resolve


@pytest.fixture(params=CLASS_PACKAGES, ids=lambda package: package.flavour)
def package(request: pytest.FixtureRequest, generated_packages: Path, server_url: str) -> Package:
    """Each class-style package (the server runs)."""
    return request.param


@contextlib.asynccontextmanager
async def opened(package: Package, **settings: Any) -> AsyncIterator[Any]:
    """`with Client(**settings)` or `async with Client(**settings)`, as the package wants."""
    client = package.module("client").Client(**settings)
    if package.is_async:
        async with client as opened_client:
            yield opened_client
    else:
        with client as opened_client:
            yield opened_client


async def test_client_sends_the_credentials_it_was_given(package: Package, server_url: str) -> None:
    async with opened(
        package, base_url=server_url, credentials={"APIKeyHeader": API_KEY}, user_key=BASIC_USER, pass_key=BASIC_PASSWORD
    ) as client:
        assert (await resolve(client.api_key_whoami())).username == API_KEY_OWNER
        assert (await resolve(client.basic_whoami())).username == BASIC_USER


async def test_client_headers_argument_adds_headers_to_every_call(package: Package, server_url: str) -> None:
    async with opened(package, base_url=server_url, headers={"X-Request-ID": "from-client"}) as client:
        assert (await resolve(client.echo_request())).x_request_id == "from-client"


async def test_client_timeout_argument_is_accepted(package: Package, server_url: str) -> None:
    async with opened(package, base_url=server_url, timeout=5.0) as client:
        assert await resolve(client.is_healthy()) is True


async def test_client_arguments_default_to_the_config_environment(
    package: Package, server_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(package.env_name("base_url"), server_url)
    monkeypatch.setenv(package.env_name("api_key_header"), API_KEY)
    async with opened(package) as client:
        assert (await resolve(client.api_key_whoami())).username == API_KEY_OWNER


async def test_two_clients_keep_separate_credentials(package: Package, server_url: str) -> None:
    async with (
        opened(package, base_url=server_url, credentials={"APIKeyHeader": API_KEY}) as keyed,
        opened(package, base_url=server_url) as anonymous,
    ):
        assert (await resolve(keyed.api_key_whoami())).username == API_KEY_OWNER
        with pytest.raises(package.module("transport").ApiError):
            await resolve(anonymous.api_key_whoami())


def test_sync_client_close_ends_the_client(server_url: str, generated_packages: Path) -> None:
    package = next(p for p in CLASS_PACKAGES if not p.is_async)
    client = package.module("client").Client(base_url=server_url)
    assert client.is_healthy() is True
    client.close()


def test_parameters_are_keyword_only(package: Package, server_url: str) -> None:
    client = package.module("client").Client(base_url=server_url)
    with pytest.raises(TypeError):
        client.get_user(1)
