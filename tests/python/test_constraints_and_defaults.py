"""Constraints and defaults from the spec (issue 15, item 5), through each of the four generated packages.

The reference app's `TicketCreate.title` is `Field(min_length=1, max_length=100, pattern=r"^\\S")` and
`GET /users` takes `limit: Query(ge=1, le=100) = 20` and `offset: Query(ge=0) = 0`. What goes on the wire is
recorded by wrapping httpx's `send`, so the tests see exactly what each client sent, or that it sent nothing.
"""

import inspect
from collections.abc import Iterator
from typing import Any

import httpx
import pydantic
import pytest

from support import Api


@pytest.fixture
def sent(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[httpx.Request]]:
    """Every request any httpx client sends while the test runs, in order."""
    requests: list[httpx.Request] = []
    sync_send, async_send = httpx.Client.send, httpx.AsyncClient.send

    def record(client: httpx.Client, request: httpx.Request, **kwargs: Any) -> httpx.Response:
        requests.append(request)
        return sync_send(client, request, **kwargs)

    async def record_async(client: httpx.AsyncClient, request: httpx.Request, **kwargs: Any) -> httpx.Response:
        requests.append(request)
        return await async_send(client, request, **kwargs)

    monkeypatch.setattr(httpx.Client, "send", record)
    monkeypatch.setattr(httpx.AsyncClient, "send", record_async)
    yield requests


@pytest.mark.parametrize(
    ("title", "message"),
    [
        ("", "String should have at least 1 character"),
        ("x" * 101, "String should have at most 100 characters"),
        (" leading space", "String should match pattern '^\\S'"),
    ],
)
async def test_request_model_breaking_a_constraint_fails_before_anything_is_sent(
    api: Api, sent: list[httpx.Request], title: str, message: str
) -> None:
    with pytest.raises(pydantic.ValidationError) as raised:
        await api.ops.create_ticket(data=api.schemas.TicketCreate(title=title))
    assert raised.value.errors()[0]["msg"] == message
    assert sent == []
    assert await api.ops.list_tickets() == []


async def test_request_model_within_its_constraints_is_sent(api: Api) -> None:
    ticket = await api.ops.create_ticket(data=api.schemas.TicketCreate(title="x" * 100))
    assert isinstance(ticket, api.schemas.Ticket) and ticket.title == "x" * 100


def test_parameter_defaults_appear_in_the_signature(api: Api) -> None:
    target = api.ops._target
    parameters = inspect.signature(target.list_users).parameters
    assert (parameters["limit"].default, parameters["offset"].default) == (20, 0)
    assert parameters["limit"].annotation in (int, "int")
    assert "Defaults to 20" in (inspect.getdoc(target.list_users) or "")


async def test_parameter_left_at_its_default_is_not_sent_and_the_server_default_applies(
    api: Api, sent: list[httpx.Request]
) -> None:
    page = await api.ops.list_users()
    assert (page.limit, page.offset) == (20, 0)
    assert [request.url.query for request in sent] == [b""]


async def test_parameter_given_another_value_is_sent(api: Api, sent: list[httpx.Request]) -> None:
    page = await api.ops.list_users(limit=5)
    assert page.limit == 5
    assert [request.url.params.get("limit") for request in sent] == ["5"]


async def test_model_default_is_not_sent_unless_set(api: Api, sent: list[httpx.Request]) -> None:
    ticket_create = api.schemas.TicketCreate(title="Later")
    assert ticket_create.status is api.schemas.Status.OPEN
    ticket = await api.ops.create_ticket(data=ticket_create)
    assert ticket.status is api.schemas.Status.OPEN
    await api.ops.create_ticket(data=api.schemas.TicketCreate(title="Now", status=api.schemas.Status.OPEN))
    assert [request.content for request in sent] == [b'{"title": "Later"}', b'{"title": "Now", "status": "open"}']
