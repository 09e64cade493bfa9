"""Asyncio packages (refclient_async, refclient_async_class): calls are coroutines that run concurrently."""

import asyncio
import inspect
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from support import ASYNC_PACKAGES, Api, connections


@pytest.fixture(params=ASYNC_PACKAGES, ids=lambda package: package.flavour)
async def api(
    request: pytest.FixtureRequest, generated_packages: Path, server_url: str, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[Api]:
    """Each asyncio package, connected without credentials."""
    async with connections(request.param, server_url, monkeypatch) as connect:
        yield await connect()


def test_every_operation_is_a_coroutine_function(server_url: str, generated_packages: Path) -> None:
    for package in ASYNC_PACKAGES:
        client = package.module("client")
        target = client.Client if package.is_class else client
        for operation in ("list_users", "create_user", "upload_avatar", "token", "is_healthy", "echo_request"):
            assert inspect.iscoroutinefunction(getattr(target, operation)), f"{package.name}: {operation}"


async def test_concurrent_calls_all_arrive(api: Api) -> None:
    users = [api.schemas.UserCreate(name=f"user{n}", email=f"user{n}@example.com") for n in range(10)]
    created = await asyncio.gather(*(api.ops.create_user(data=user) for user in users))
    assert sorted(user.email for user in created) == sorted(user.email for user in users)
    page = await api.ops.list_users(limit=100)
    assert page.total == 10
