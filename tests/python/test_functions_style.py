"""Functions-style packages (refclient, refclient_async): settings come from the environment, read at call time."""

import json
from pathlib import Path

import pytest

from support import API_KEY, API_KEY_OWNER, FUNCTIONS_PACKAGES, Package, resolve


@pytest.fixture(params=FUNCTIONS_PACKAGES, ids=lambda package: package.flavour)
def package(
    request: pytest.FixtureRequest, generated_packages: Path, server_url: str, monkeypatch: pytest.MonkeyPatch
) -> Package:
    """Each functions-style package, its base URL pointing at the reference server."""
    package: Package = request.param
    monkeypatch.setenv(package.env_name("base_url"), server_url)
    return package


def test_config_reads_base_url_from_environment(package: Package, server_url: str) -> None:
    assert package.module("config").get_base_url() == server_url


async def test_base_url_is_read_at_call_time(
    package: Package, server_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    client, http = package.module("client"), package.module("transport")
    assert await resolve(client.is_healthy()) is True
    monkeypatch.setenv(package.env_name("base_url"), f"{server_url}/elsewhere")
    with pytest.raises(http.ApiError) as raised:
        await resolve(client.is_healthy())
    assert raised.value.status_code == 404


async def test_headers_setting_adds_json_headers_to_every_call(
    package: Package, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(package.env_name("headers"), json.dumps({"X-Request-ID": "from-config"}))
    echoed = await resolve(package.module("client").echo_request())
    assert echoed.x_request_id == "from-config"


async def test_api_key_setting_is_read_at_call_time(package: Package, monkeypatch: pytest.MonkeyPatch) -> None:
    client, http = package.module("client"), package.module("transport")
    monkeypatch.delenv(package.env_name("api_key_header"), raising=False)
    with pytest.raises(http.ApiError):
        await resolve(client.api_key_whoami())
    monkeypatch.setenv(package.env_name("api_key_header"), API_KEY)
    assert (await resolve(client.api_key_whoami())).username == API_KEY_OWNER


async def test_timeout_setting_is_accepted(package: Package, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(package.env_name("timeout"), "5")
    assert await resolve(package.module("client").is_healthy()) is True


def test_parameters_are_keyword_only(package: Package) -> None:
    with pytest.raises(TypeError):
        package.module("client").get_user(1)
