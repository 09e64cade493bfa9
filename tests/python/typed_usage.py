"""The generated clients used as their README shows, checked by `mypy --strict` (test_mypy.py); never run.

`assert_type` fails on `Any`, so each one proves the generator emitted that exact type; `assert_never` after a
`match` proves the return union holds no other member.
"""

import datetime
import uuid
from pathlib import Path
from typing import assert_never, assert_type

import httpx

import refclient
import refclient.config
import refclient_async
import refclient_async.config
import refclient_async_class
import refclient_class
from refclient import client, schemas
from refclient_async import client as async_client
from refclient_async import schemas as async_schemas
from refclient_async_class import schemas as async_class_schemas
from refclient_async_class.client import Client as AsyncClient
from refclient_class import schemas as class_schemas
from refclient_class.client import Client


def create_user_readme() -> str:
    """The README's first example: create a user and match on what came back."""
    created = client.create_user(data=schemas.UserCreate(name="Ada", email="ada@example.com"))
    assert_type(created, schemas.User | schemas.ConflictError | schemas.HTTPValidationError)
    match created:
        case schemas.User():
            assert_type(created.created_at, datetime.datetime)
            assert_type(created.external_id, uuid.UUID)
            assert_type(created.role, schemas.Role | refclient.UnknownStr)  # read: an unlisted role is kept
            assert_type(created.nickname, str | None)
            assert_type(created.address, schemas.Address | None)
            return f"created {created.id}"
        case schemas.ConflictError():
            return f"email taken by {created.existing_id}"
        case schemas.HTTPValidationError():
            return f"invalid: {created.detail}"
        case _:
            assert_never(created)


def functions_style_returns() -> None:
    """Each kind of response has its own Python type."""
    assert_type(client.get_user(user_id=1), schemas.User | schemas.NotFoundError | schemas.HTTPValidationError)
    assert_type(client.list_users(limit=10, offset=0), schemas.UserPage | schemas.HTTPValidationError)
    assert_type(client.delete_user(user_id=1), schemas.NotFoundError | schemas.HTTPValidationError | None)
    client.reset()
    assert_type(client.get_labels(), dict[str, str])
    assert_type(client.get_version_text(), str)
    assert_type(client.is_healthy(), bool)
    assert_type(client.get_me(), schemas.Identity)
    assert_type(
        client.list_tickets(priority=schemas.Priority.VALUE_1), list[schemas.Ticket] | schemas.HTTPValidationError
    )
    assert_type(
        client.echo_request(x_request_id="r", session_id="s"), schemas.RequestEcho | schemas.HTTPValidationError
    )
    update = schemas.UserUpdate(nickname=None)
    assert_type(
        client.update_user(user_id=1, data=update), schemas.User | schemas.NotFoundError | schemas.HTTPValidationError
    )
    ticket = schemas.TicketCreate(title="t", priority=schemas.Priority.VALUE_3, status=schemas.Status.IN_PROGRESS)
    assert_type(ticket.due_on, datetime.date | None)


def upload_forms(path: Path) -> None:
    """A multipart file field takes bytes, a binary file object or a (filename, content, content type) tuple."""
    client.upload_avatar(user_id=1, data=schemas.BodyUploadAvatar(file=b"\x89PNG"))
    with path.open("rb") as file:
        client.upload_avatar(user_id=1, data=schemas.BodyUploadAvatar(file=file, description="me"))
    client.upload_avatar(user_id=1, data=schemas.BodyUploadAvatar(file=("me.png", b"\x89PNG", "image/png")))
    client.token(data=schemas.BodyToken(username="alice", password="wonderland"))


def api_error_fields() -> None:
    """Undocumented statuses raise ApiError."""
    try:
        client.get_me()
    except refclient.ApiError as error:
        assert_type(error.status_code, int)
        assert_type(error.content, bytes)
        print(error.headers, error.body)


def config_values() -> None:
    """The functions style reads its settings from the environment at call time."""
    print(refclient.config.get_base_url(), refclient_async.config.get_base_url())


def class_style() -> None:
    """`Client` takes the settings; `with` closes it."""
    with Client(base_url="http://127.0.0.1:8000", credentials={"APIKeyHeader": "k"}, headers={"X-Request-ID": "r"}, timeout=5.0) as c:
        user = c.get_user(user_id=1)
        assert_type(user, class_schemas.User | class_schemas.NotFoundError | class_schemas.HTTPValidationError)
    other = Client(bearer_token="t", user_key="u", pass_key="p")
    assert_type(other.get_me(), class_schemas.Identity)
    try:
        other.get_me()
    except refclient_class.ApiError as error:
        assert_type(error.status_code, int)
    finally:
        other.close()


async def asyncio_styles() -> None:
    """The asyncio packages: the same operations, awaited."""
    page = await async_client.list_users(limit=10)
    assert_type(page, async_schemas.UserPage | async_schemas.HTTPValidationError)
    async with AsyncClient(base_url="http://127.0.0.1:8000") as c:
        assert_type(await c.is_healthy(), bool)
        created = await c.create_user(data=async_class_schemas.UserCreate(name="Ada", email="ada@example.com"))
        match created:
            case async_class_schemas.User():
                print(created.email)
            case async_class_schemas.ConflictError() | async_class_schemas.HTTPValidationError():
                print(created)
            case _:
                assert_never(created)
        try:
            await c.get_me()
        except refclient_async_class.ApiError as error:
            assert_type(error.content, bytes)


class TracedClient(Client):
    """A user's subclass: entering it gives the subclass back (`__enter__` returns `Self`)."""

    def trace_id(self) -> str:
        return "trace"


class TracedAsyncClient(AsyncClient):
    """As `TracedClient`, for the async class style."""

    def trace_id(self) -> str:
        return "trace"


async def subclasses_keep_their_type() -> None:
    """`with`/`async with` on a subclass, and the caller's own httpx client."""
    with TracedClient(http_client=httpx.Client()) as traced:
        assert_type(traced, TracedClient)
        print(traced.trace_id())
    async with TracedAsyncClient(http_client=httpx.AsyncClient()) as traced_async:
        assert_type(traced_async, TracedAsyncClient)
    refclient.clients.use(httpx.Client())
    refclient.clients.close()
    refclient_async.clients.use_async(httpx.AsyncClient())
    await refclient_async.clients.aclose()
