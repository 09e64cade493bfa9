"""Connections (#17): every style reuses one httpx client, takes the caller's own, and never closes the caller's.

Each style sends to the live reference app: the functions style through the package's `clients` (one client for every
thread, one per event loop when async; `use`/`use_async` put the caller's in place), the class style through
`Client(http_client=...)`. The package style's `set_httpx_client` is covered in test_package_style.py, in its venv.
"""

import asyncio
import threading
from pathlib import Path

import httpx
import pytest

from support import CLASS_PACKAGES, FUNCTIONS_PACKAGES, Package, functions_api, resolve


def recording(client_type: type[httpx.Client] | type[httpx.AsyncClient], seen: list[str]) -> httpx.Client | httpx.AsyncClient:
    """An httpx client of `client_type` that appends each request's path to `seen`."""
    if client_type is httpx.AsyncClient:

        async def record_async(request: httpx.Request) -> None:
            seen.append(request.url.path)

        return httpx.AsyncClient(event_hooks={"request": [record_async]})
    return httpx.Client(event_hooks={"request": [lambda request: seen.append(request.url.path)]})


@pytest.mark.parametrize("package", FUNCTIONS_PACKAGES, ids=lambda package: package.flavour)
async def test_functions_reuse_one_client_and_close_only_their_own(
    package: Package, generated_packages: Path, server_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    api = functions_api(package, {"base_url": server_url}, monkeypatch)
    clients = package.module("transport").clients
    current = clients.async_client if package.is_async else clients.client
    assert await api.ops.is_healthy() is not None
    created = current()
    assert await api.ops.is_healthy() is not None
    assert current() is created, "a second call opened another httpx client"
    await resolve(clients.aclose() if package.is_async else clients.close())
    assert created.is_closed
    assert current() is not created, "after close, the next call gets a fresh client"

    seen: list[str] = []
    own = recording(httpx.AsyncClient if package.is_async else httpx.Client, seen)
    (clients.use_async if package.is_async else clients.use)(own)
    try:
        await api.ops.is_healthy()
        assert seen == ["/health"]
        await resolve(clients.aclose() if package.is_async else clients.close())
        assert not own.is_closed, "the caller's client was closed"
    finally:
        (clients.use_async if package.is_async else clients.use)(None)
        await resolve(own.aclose() if isinstance(own, httpx.AsyncClient) else own.close())
        await resolve(clients.aclose() if package.is_async else clients.close())


def test_threads_share_one_created_client(generated_packages: Path) -> None:
    http = FUNCTIONS_PACKAGES[0].module("transport")
    holder = http.HttpxClients()
    start = threading.Barrier(8)
    got: list[httpx.Client] = []

    def take() -> None:
        start.wait()
        got.append(holder.client())

    threads = [threading.Thread(target=take) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(got) == 8 and all(client is got[0] for client in got)
    holder.close()
    assert got[0].is_closed


async def test_async_clients_are_kept_per_event_loop(generated_packages: Path) -> None:
    http = FUNCTIONS_PACKAGES[0].module("transport")
    holder = http.HttpxClients()
    here = holder.async_client()
    assert holder.async_client() is here

    async def in_other_loop() -> httpx.AsyncClient:
        other = holder.async_client()
        await holder.aclose()
        return other

    other = await asyncio.to_thread(asyncio.run, in_other_loop())
    assert other is not here and other.is_closed and not here.is_closed
    await holder.aclose()
    assert here.is_closed


@pytest.mark.parametrize("package", CLASS_PACKAGES, ids=lambda package: package.flavour)
async def test_class_client_closes_what_it_opened_and_never_the_callers(
    package: Package, generated_packages: Path, server_url: str
) -> None:
    client_class = package.module("client").Client
    seen: list[str] = []
    own = recording(httpx.AsyncClient if package.is_async else httpx.Client, seen)
    if package.is_async:
        async with client_class(base_url=server_url, http_client=own) as api:
            await api.is_healthy()
        async with client_class(base_url=server_url) as mine:
            await mine.is_healthy()
            created = mine._clients.async_client()
    else:
        with client_class(base_url=server_url, http_client=own) as api:
            api.is_healthy()
        with client_class(base_url=server_url) as mine:
            mine.is_healthy()
            created = mine._clients.client()
    assert seen == ["/health"]
    assert not own.is_closed, "the caller's client was closed"
    assert created.is_closed, "the client the Client opened was left open"
    await resolve(own.aclose() if isinstance(own, httpx.AsyncClient) else own.close())
