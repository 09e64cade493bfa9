"""Every operation of the reference API, called through each of the four generated packages.

Each test runs four times (ids functions-sync, class-sync, functions-async, class-async); `api.ops` makes every
call awaitable, and `api.schemas` is the package's own schemas module. Select one flavour with `-k class-sync`.
"""

import datetime
import hashlib
import io
import uuid
from pathlib import Path
from typing import Any

import pytest

from support import API_KEY, API_KEY_OWNER, BASIC_PASSWORD, BASIC_USER, BEARER_TOKEN, PASSWORD, USERNAME, Api, Connect

AVATAR = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


async def create_ada(api: Api, **fields: Any) -> Any:
    """Create the user Ada (extra fields go into UserCreate) and return the User that came back."""
    user = await api.ops.create_user(data=api.schemas.UserCreate(name="Ada", email="ada@example.com", **fields))
    assert isinstance(user, api.schemas.User)
    return user


async def test_create_user_returns_user_model_with_typed_fields(api: Api) -> None:
    address = api.schemas.Address(street="1 Main St", city="Springfield", country_code="US")
    created = await api.ops.create_user(
        data=api.schemas.UserCreate(
            name="Ada", email="ada@example.com", role=api.schemas.Role.ADMIN, tags=["math"], address=address
        )
    )
    match created:
        case api.schemas.User():
            assert (created.name, created.email, created.tags) == ("Ada", "ada@example.com", ["math"])
            assert created.role is api.schemas.Role.ADMIN and created.role.value == "admin"
            assert isinstance(created.address, api.schemas.Address) and created.address.city == "Springfield"
            assert isinstance(created.created_at, datetime.datetime) and created.created_at.tzinfo is not None
            assert isinstance(created.external_id, uuid.UUID)
            assert created.nickname is None
        case _:
            pytest.fail(f"expected a User, got {created!r}")


async def test_create_user_applies_defaults_for_unset_fields(api: Api) -> None:
    user = await create_ada(api)
    assert (user.role, user.tags, user.address) == (api.schemas.Role.MEMBER, [], None)


async def test_create_user_with_taken_email_returns_conflict_error(api: Api) -> None:
    first = await create_ada(api)
    again = await api.ops.create_user(data=api.schemas.UserCreate(name="Other", email="ada@example.com"))
    assert isinstance(again, api.schemas.ConflictError)
    assert (again.detail, again.existing_id) == ("Email ada@example.com is taken", first.id)


async def test_get_user_returns_the_stored_user(api: Api) -> None:
    created = await create_ada(api, tags=["x"])
    fetched = await api.ops.get_user(user_id=created.id)
    assert isinstance(fetched, api.schemas.User)
    assert fetched == created


async def test_get_missing_user_returns_not_found_error(api: Api) -> None:
    missing = await api.ops.get_user(user_id=404)
    assert isinstance(missing, api.schemas.NotFoundError)
    assert missing.detail == "User 404 not found"


async def test_list_users_sends_limit_and_offset_query_parameters(api: Api) -> None:
    for n in range(3):
        await api.ops.create_user(data=api.schemas.UserCreate(name=f"user{n}", email=f"user{n}@example.com"))
    page = await api.ops.list_users(limit=2, offset=1)
    assert isinstance(page, api.schemas.UserPage)
    assert [user.name for user in page.items] == ["user1", "user2"]
    assert all(isinstance(user, api.schemas.User) for user in page.items)
    assert (page.total, page.limit, page.offset) == (3, 2, 1)


async def test_list_users_without_arguments_uses_server_defaults(api: Api) -> None:
    page = await api.ops.list_users()
    assert isinstance(page, api.schemas.UserPage)
    assert (page.items, page.total, page.limit, page.offset) == ([], 0, 20, 0)


async def test_invalid_query_value_returns_validation_error(api: Api) -> None:
    invalid = await api.ops.list_users(limit=0)
    assert isinstance(invalid, api.schemas.HTTPValidationError)
    assert invalid.detail is not None
    assert list(invalid.detail[0].loc) == ["query", "limit"]


async def test_update_user_sends_only_the_fields_set(api: Api) -> None:
    user = await create_ada(api)
    nicknamed = await api.ops.update_user(user_id=user.id, data=api.schemas.UserUpdate(nickname="countess"))
    assert (nicknamed.name, nicknamed.nickname) == ("Ada", "countess")
    renamed = await api.ops.update_user(user_id=user.id, data=api.schemas.UserUpdate(name="Ada Lovelace"))
    assert (renamed.name, renamed.email, renamed.nickname) == ("Ada Lovelace", "ada@example.com", "countess")
    demoted = await api.ops.update_user(user_id=user.id, data=api.schemas.UserUpdate(role=api.schemas.Role.GUEST))
    assert (demoted.role, demoted.nickname) == (api.schemas.Role.GUEST, "countess")


async def test_update_user_sends_explicit_null_to_clear_a_field(api: Api) -> None:
    user = await create_ada(api)
    await api.ops.update_user(user_id=user.id, data=api.schemas.UserUpdate(nickname="countess"))
    cleared = await api.ops.update_user(user_id=user.id, data=api.schemas.UserUpdate(nickname=None))
    assert isinstance(cleared, api.schemas.User)
    assert (cleared.name, cleared.nickname) == ("Ada", None)


async def test_update_missing_user_returns_not_found_error(api: Api) -> None:
    missing = await api.ops.update_user(user_id=404, data=api.schemas.UserUpdate(name="x"))
    assert isinstance(missing, api.schemas.NotFoundError)


async def test_delete_user_returns_none_for_204(api: Api) -> None:
    user = await create_ada(api)
    assert await api.ops.delete_user(user_id=user.id) is None
    assert isinstance(await api.ops.get_user(user_id=user.id), api.schemas.NotFoundError)


async def test_delete_missing_user_returns_not_found_error(api: Api) -> None:
    assert isinstance(await api.ops.delete_user(user_id=404), api.schemas.NotFoundError)


@pytest.mark.parametrize("form", ["bytes", "file object", "tuple"])
async def test_upload_avatar_sends_the_file_bytes(api: Api, form: str, tmp_path: Path) -> None:
    user = await create_ada(api)
    path = tmp_path / "avatar.png"
    path.write_bytes(AVATAR)
    with path.open("rb") as file_object:
        file = {"bytes": AVATAR, "file object": file_object, "tuple": ("avatar.png", AVATAR, "image/png")}[form]
        body = api.schemas.BodyUploadAvatar(file=file, description="my face")
        received = await api.ops.upload_avatar(user_id=user.id, data=body)
    assert isinstance(received, api.schemas.AvatarUpload)
    assert (received.size, received.sha256) == (len(AVATAR), hashlib.sha256(AVATAR).hexdigest())
    assert received.description == "my face"
    if form == "tuple":
        assert (received.filename, received.content_type) == ("avatar.png", "image/png")


async def test_get_avatar_returns_the_uploaded_bytes(api: Api) -> None:
    user = await create_ada(api)
    await api.ops.upload_avatar(user_id=user.id, data=api.schemas.BodyUploadAvatar(file=("a.png", AVATAR, "image/png")))
    assert await api.ops.get_avatar(user_id=user.id) == AVATAR
    missing = await api.ops.get_avatar(user_id=404)
    assert isinstance(missing, api.schemas.NotFoundError)


async def test_upload_avatar_without_optional_form_field(api: Api) -> None:
    user = await create_ada(api)
    received = await api.ops.upload_avatar(user_id=user.id, data=api.schemas.BodyUploadAvatar(file=io.BytesIO(b"")))
    assert isinstance(received, api.schemas.AvatarUpload)
    assert (received.size, received.description) == (0, None)


async def test_upload_avatar_for_missing_user_returns_not_found_error(api: Api) -> None:
    body = api.schemas.BodyUploadAvatar(file=AVATAR)
    assert isinstance(await api.ops.upload_avatar(user_id=404, data=body), api.schemas.NotFoundError)


async def test_token_sends_form_and_returns_bearer_token(api: Api) -> None:
    token = await api.ops.token(data=api.schemas.BodyToken(username=USERNAME, password=PASSWORD))
    assert isinstance(token, api.schemas.Token)
    assert (token.access_token, token.token_type) == (BEARER_TOKEN, "bearer")


async def test_token_with_wrong_password_raises_api_error(api: Api) -> None:
    with pytest.raises(api.http.ApiError) as raised:
        await api.ops.token(data=api.schemas.BodyToken(username=USERNAME, password="wrong"))
    error = raised.value
    assert error.status_code == 400
    assert error.body == {"detail": "Incorrect username or password"}
    assert isinstance(error.content, bytes) and b"Incorrect" in error.content
    assert error.headers["content-type"] == "application/json"


async def test_get_me_sends_the_bearer_token(api: Api, connect: Connect) -> None:
    token = await api.ops.token(data=api.schemas.BodyToken(username=USERNAME, password=PASSWORD))
    authed = await connect(bearer_token=token.access_token)
    me = await authed.ops.get_me()
    assert isinstance(me, authed.schemas.Identity)
    assert (me.username, me.scheme) == (USERNAME, "bearer")


async def test_basic_whoami_sends_basic_credentials(connect: Connect) -> None:
    authed = await connect(user_key=BASIC_USER, pass_key=BASIC_PASSWORD)
    seen = await authed.ops.basic_whoami()
    assert (seen.username, seen.scheme) == (BASIC_USER, "basic")


async def test_api_key_whoami_sends_the_key_in_the_header(connect: Connect) -> None:
    authed = await connect(credentials={"APIKeyHeader": API_KEY})
    seen = await authed.ops.api_key_whoami()
    assert (seen.username, seen.scheme) == (API_KEY_OWNER, "api_key_header")


async def test_api_key_query_whoami_sends_the_key_in_the_query(connect: Connect) -> None:
    authed = await connect(credentials={"APIKeyQuery": API_KEY})
    seen = await authed.ops.api_key_query_whoami()
    assert (seen.username, seen.scheme) == (API_KEY_OWNER, "api_key_query")


@pytest.mark.parametrize("operation", ["get_me", "basic_whoami", "api_key_whoami", "api_key_query_whoami"])
async def test_protected_operation_without_credentials_raises_api_error(api: Api, operation: str) -> None:
    with pytest.raises(api.http.ApiError) as raised:
        await getattr(api.ops, operation)()
    assert raised.value.status_code == 401
    assert raised.value.body == {"detail": "Not authenticated"}


@pytest.mark.parametrize(
    ("operation", "settings"),
    [
        ("get_me", {"bearer_token": "stolen"}),
        ("basic_whoami", {"user_key": BASIC_USER, "pass_key": "wrong"}),
        ("api_key_whoami", {"credentials": {"APIKeyHeader": "wrong"}}),
        ("api_key_query_whoami", {"credentials": {"APIKeyQuery": "wrong"}}),
    ],
    ids=["bearer", "basic", "api-key-header", "api-key-query"],
)
async def test_protected_operation_with_wrong_credentials_raises_api_error(
    connect: Connect, operation: str, settings: dict[str, Any]
) -> None:
    authed = await connect(**settings)
    with pytest.raises(authed.http.ApiError) as raised:
        await getattr(authed.ops, operation)()
    assert (raised.value.status_code, raised.value.body) == (401, {"detail": "Invalid credentials"})


async def test_create_ticket_round_trips_int_and_str_enums_and_dates(api: Api) -> None:
    due_on = datetime.date(2030, 1, 31)
    ticket = await api.ops.create_ticket(
        data=api.schemas.TicketCreate(
            title="Fix the build",
            priority=api.schemas.Priority.VALUE_3,
            status=api.schemas.Status.IN_PROGRESS,
            due_on=due_on,
        )
    )
    assert isinstance(ticket, api.schemas.Ticket)
    assert ticket.priority is api.schemas.Priority.VALUE_3 and ticket.priority.value == 3
    assert ticket.status is api.schemas.Status.IN_PROGRESS and ticket.status.value == "in_progress"
    assert ticket.due_on == due_on and isinstance(ticket.created_at, datetime.datetime)


async def test_create_ticket_applies_enum_defaults(api: Api) -> None:
    ticket = await api.ops.create_ticket(data=api.schemas.TicketCreate(title="Later"))
    assert (ticket.priority, ticket.status, ticket.due_on) == (
        api.schemas.Priority.VALUE_2,
        api.schemas.Status.OPEN,
        None,
    )


async def test_list_tickets_filters_by_int_enum_query_parameter(api: Api) -> None:
    Priority = api.schemas.Priority
    for title, priority in [("a", Priority.VALUE_1), ("b", Priority.VALUE_3), ("c", Priority.VALUE_3)]:
        await api.ops.create_ticket(data=api.schemas.TicketCreate(title=title, priority=priority))
    urgent = await api.ops.list_tickets(priority=Priority.VALUE_3)
    assert [ticket.title for ticket in urgent] == ["b", "c"]
    assert all(isinstance(ticket, api.schemas.Ticket) for ticket in urgent)
    assert [ticket.title for ticket in await api.ops.list_tickets()] == ["a", "b", "c"]


async def test_get_labels_returns_a_dict(api: Api) -> None:
    assert await api.ops.get_labels() == {"env": "test", "team": "clientgen"}


async def test_get_version_text_returns_plain_text_as_str(api: Api) -> None:
    assert await api.ops.get_version_text() == "Reference API 1.0.0"


async def test_is_healthy_returns_bare_json_bool(api: Api) -> None:
    assert await api.ops.is_healthy() is True


async def test_echo_request_sends_header_and_cookie_parameters(api: Api) -> None:
    echoed = await api.ops.echo_request(x_request_id="req-42", session_id="sess-7")
    assert isinstance(echoed, api.schemas.RequestEcho)
    assert (echoed.x_request_id, echoed.session_id) == ("req-42", "sess-7")


async def test_echo_request_omits_unset_header_and_cookie(api: Api) -> None:
    echoed = await api.ops.echo_request()
    assert (echoed.x_request_id, echoed.session_id) == (None, None)


async def test_reset_returns_none_and_empties_the_server(api: Api) -> None:
    await create_ada(api)
    assert await api.ops.reset() is None
    page = await api.ops.list_users()
    assert page.total == 0
