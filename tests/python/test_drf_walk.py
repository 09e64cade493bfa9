"""The generated Python clients walk the Django REST Framework reference app (tests/drf_app) end to end.

For both of its documents (drf-spectacular's defaults, and COMPONENT_SPLIT_REQUEST=True) and every Python style
(functions, class, async class, package), each test runs one step of what a DRF user does through the client: log
in with a JWT, create a ticket from its writable fields only, read it, PATCH it, page through the list, filter,
search and order it, call the custom `close` action, upload a file, refresh the token, sign up, and meet a 403,
a 404 and an undocumented status through the client's error contract. The values that come back are asserted
(test_drf_app.py pins what the app answers with plain httpx). Each test starts from a reset database holding only
the demo user (id 1).

Enum values are built from their values (`StatusEnum("closed")`), not their member names, which issue 15 is
changing. mypy --strict on the generated packages and on a typed walk is at the end.
"""

import importlib
import re
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from support import REPO_ROOT, import_root
from drf_support import DEMO_EMAIL, DEMO_PASSWORD, DEMO_USER_ID, DEMO_USERNAME, DrfSpecs
from drf_walk_support import DOCUMENTS, STYLES, Walker, generate_python_clients, walker_params
from venv_support import run_mypy

NO_TICKET = "No Ticket matches the given query."
NOT_THE_AUTHOR = "Only the author may change or delete this."
NO_CREDENTIALS = "Authentication credentials were not provided."

# The default document types the upload as drf-spectacular reads it back (`{type: string, format: uri,
# writeOnly: true}`); in a body sent only as multipart, clientgen's request shape takes a file or text there.

@pytest.fixture(scope="module")
def drf_clients(tmp_path_factory: pytest.TempPathFactory, drf_spec_paths: DrfSpecs) -> Any:
    """The folder holding every style's client of both documents, importable while the module runs."""
    folder = tmp_path_factory.mktemp("drf_clients")
    names = generate_python_clients({"default": drf_spec_paths.default, "split": drf_spec_paths.split}, folder)
    roots = import_roots(folder, names)
    sys.path[:0] = [str(root) for root in roots]
    yield folder
    for root in roots:
        sys.path.remove(str(root))


def import_roots(folder: Path, names: list[str]) -> list[Path]:
    """The import path that makes every client under `folder` importable (the package style's are projects)."""
    return sorted({import_root(folder / name) for name in names})


@pytest.fixture(params=list(walker_params()))
async def walker(
    request: pytest.FixtureRequest, drf_clients: Path, drf_server_url: str, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[Walker]:
    """Each style's client of each document, on the live app, without credentials."""
    document, style = request.param
    walker_ = Walker(document, style, drf_server_url, monkeypatch)
    try:
        yield walker_
    finally:
        await walker_.close()


async def log_in(walker: Walker, username: str = DEMO_USERNAME, password: str = DEMO_PASSWORD) -> Any:
    """Obtain a JWT pair with the client and set its access token; return the pair."""
    pair = await walker.call(
        "auth_token_create", walker.models.TokenObtainPairRequest(username=username, password=password)
    )
    assert isinstance(pair, walker.models.TokenObtainPair), pair
    walker.set_token(pair.access)
    return pair


async def new_ticket(walker: Walker, title: str, **fields: Any) -> Any:
    """Create a ticket from its writable fields; return the `Ticket` read back."""
    ticket = await walker.call("tickets_create", walker.models.TicketRequest(title=title, **fields))
    assert isinstance(ticket, walker.models.Ticket), ticket
    return ticket


def is_jwt(token: object) -> bool:
    return isinstance(token, str) and token.count(".") == 2


# --- the walk ---------------------------------------------------------------------------------------------------


async def test_login_obtains_a_token_pair_whose_access_token_logs_in(walker: Walker) -> None:
    with pytest.raises(walker.api_error) as anonymous:
        await walker.call("auth_me_retrieve")
    error: Any = anonymous.value
    assert (error.status_code, error.body) == (401, {"detail": NO_CREDENTIALS})
    pair = await log_in(walker)
    assert is_jwt(pair.access) and is_jwt(pair.refresh) and pair.access != pair.refresh
    # Write-only: never read back (the split document leaves them out of the response shape).
    assert getattr(pair, "username", None) is None and getattr(pair, "password", None) is None
    me = await walker.call("auth_me_retrieve")
    assert isinstance(me, walker.models.User)
    assert (me.id, me.username, me.email, me.theme) == (DEMO_USER_ID, DEMO_USERNAME, DEMO_EMAIL, None)


async def test_wrong_password_is_an_undocumented_401_raised_with_its_body(walker: Walker) -> None:
    with pytest.raises(walker.api_error) as raised:
        await walker.call("auth_token_create", walker.models.TokenObtainPairRequest(username="alice", password="x"))
    error: Any = raised.value
    assert (error.status_code, error.body) == (401, {"detail": "No active account found with the given credentials"})


async def test_create_sends_only_the_writable_fields_and_reads_the_ticket_back(walker: Walker) -> None:
    await log_in(walker)
    models = walker.models
    ticket = await new_ticket(walker, "Printer on fire", priority=models.PriorityEnum(3))
    assert (ticket.id, ticket.title, ticket.description) == (1, "Printer on fire", "")
    assert (ticket.status, ticket.priority) == (models.StatusEnum("open"), models.PriorityEnum(3))
    assert (ticket.author.id, ticket.author.username, ticket.author.email) == (DEMO_USER_ID, DEMO_USERNAME, DEMO_EMAIL)
    assert (ticket.messages, ticket.message_count) == ([], 0)
    assert ticket.created_at.tzinfo is not None and ticket.updated_at >= ticket.created_at
    read = await walker.call("tickets_retrieve", id=ticket.id)
    assert isinstance(read, models.Ticket) and read == ticket


async def test_patch_sends_only_the_fields_set_and_the_others_keep_their_values(walker: Walker) -> None:
    await log_in(walker)
    models = walker.models
    ticket = await new_ticket(walker, "Broken chair", description="Leg is loose")
    patch = models.PatchedTicketRequest(status=models.StatusEnum("in_progress"), priority=models.PriorityEnum(1))
    patched = await walker.call("tickets_partial_update", patch, id=ticket.id)
    assert isinstance(patched, models.Ticket), patched
    assert (patched.id, patched.title, patched.description) == (ticket.id, "Broken chair", "Leg is loose")
    assert (patched.status, patched.priority) == (models.StatusEnum("in_progress"), models.PriorityEnum(1))
    assert patched.created_at == ticket.created_at and patched.updated_at > ticket.updated_at
    retitled = await walker.call("tickets_partial_update", models.PatchedTicketRequest(title="Chair"), id=ticket.id)
    assert (retitled.title, retitled.description, retitled.status) == ("Chair", "Leg is loose", patched.status)


async def test_list_pages_three_tickets_at_a_time_with_count_next_and_previous(walker: Walker) -> None:
    await log_in(walker)
    for n in range(1, 8):
        await new_ticket(walker, f"Ticket {n}")
    tickets_url = f"{walker.server_url}/api/tickets/"
    first = await walker.call("tickets_list")
    assert isinstance(first, walker.models.PaginatedTicketList), first
    assert (first.count, [t.id for t in first.results]) == (7, [1, 2, 3])
    assert [t.title for t in first.results] == ["Ticket 1", "Ticket 2", "Ticket 3"]
    assert (first.next, first.previous) == (f"{tickets_url}?page=2", None)
    last = await walker.call("tickets_list", page=3)
    assert (last.count, [t.id for t in last.results]) == (7, [7])
    assert (last.next, last.previous) == (None, f"{tickets_url}?page=2")
    bigger = await walker.call("tickets_list", page=2, page_size=5)
    assert [t.id for t in bigger.results] == [6, 7] and bigger.previous == f"{tickets_url}?page_size=5"


async def test_list_filters_by_status_and_priority_searches_and_orders(walker: Walker) -> None:
    await log_in(walker)
    models = walker.models
    await new_ticket(walker, "Printer jammed", priority=models.PriorityEnum(1))
    await new_ticket(walker, "Printer out of toner", priority=models.PriorityEnum(3))
    await new_ticket(walker, "Laptop fan", priority=models.PriorityEnum(3), description="printer nearby is loud")
    await new_ticket(walker, "Closed printer issue", priority=models.PriorityEnum(2), status=models.StatusEnum("closed"))

    async def ids(**params: Any) -> list[int]:
        page = await walker.call("tickets_list", page_size=50, **params)
        return [ticket.id for ticket in page.results]

    # The component enums are passed: issue 15 wants the filters to take them (their values are the same).
    assert await ids(status=models.StatusEnum("closed")) == [4]
    assert await ids(priority=models.PriorityEnum(3)) == [2, 3]
    assert await ids(search="printer") == [1, 2, 3, 4]
    assert await ids(search="toner") == [2]
    assert await ids(ordering="-priority") == [2, 3, 4, 1]
    assert await ids(status=models.StatusEnum("open"), search="printer", ordering="-id") == [3, 2, 1]


async def test_close_action_returns_the_closed_ticket(walker: Walker) -> None:
    await log_in(walker)
    ticket = await new_ticket(walker, "Done soon")
    closed = await walker.call("tickets_close_create", id=ticket.id)
    assert isinstance(closed, walker.models.Ticket)
    assert (closed.id, closed.title, closed.status) == (ticket.id, "Done soon", walker.models.StatusEnum("closed"))
    assert (await walker.call("tickets_retrieve", id=ticket.id)).status == walker.models.StatusEnum("closed")


async def test_upload_sends_the_file_as_multipart_and_reads_name_and_size(walker: Walker) -> None:
    await log_in(walker)
    ticket = await new_ticket(walker, "Screenshot attached")
    content = b"hello helpdesk\n"
    upload = walker.models.AttachmentRequest(file=("screen.txt", content, "text/plain"))
    attachment = await walker.call("tickets_attachments_create", upload, id=ticket.id)
    assert isinstance(attachment, walker.models.Attachment), attachment
    assert (attachment.id, attachment.ticket, attachment.name, attachment.size) == (1, ticket.id, "screen.txt", 15)
    assert getattr(attachment, "file", None) is None  # write-only: never read back


async def test_refresh_rotates_the_refresh_token_and_the_new_access_token_logs_in(walker: Walker) -> None:
    pair = await log_in(walker)
    fresh = await walker.call("auth_token_refresh_create", walker.models.TokenRefreshRequest(refresh=pair.refresh))
    assert isinstance(fresh, walker.models.TokenRefresh), fresh
    assert is_jwt(fresh.access) and is_jwt(fresh.refresh)
    assert fresh.refresh != pair.refresh and fresh.access != pair.access
    walker.set_token(fresh.access)
    assert (await walker.call("auth_me_retrieve")).username == DEMO_USERNAME


async def test_signup_sends_the_write_only_password_and_the_account_logs_in(walker: Walker) -> None:
    models = walker.models
    account = models.SignupRequest(
        username="bob", password="builder-123", email="bob@example.com", theme=models.ThemeEnum("dark")
    )
    created = await walker.call("auth_signup_create", account)
    assert isinstance(created, models.Signup), created
    assert (created.id, created.username, created.email) == (2, "bob", "bob@example.com")
    assert created.theme == models.ThemeEnum("dark") and getattr(created, "password", None) is None
    await log_in(walker, "bob", "builder-123")
    me = await walker.call("auth_me_retrieve")
    assert (me.id, me.username) == (2, "bob")
    with pytest.raises(walker.api_error) as taken:
        await walker.call("auth_signup_create", models.SignupRequest(username="bob", password="another-123"))
    error: Any = taken.value
    assert (error.status_code, error.body) == (400, {"username": ["A user with that username already exists."]})


async def test_theme_takes_a_choice_blank_and_null(walker: Walker) -> None:
    await log_in(walker)
    models = walker.models
    for theme in (models.ThemeEnum("dark"), "", None):
        me = await walker.call("auth_me_partial_update", models.PatchedUserRequest(theme=theme))
        assert isinstance(me, models.User) and (me.username, me.theme) == (DEMO_USERNAME, theme)


async def test_403_and_404_come_back_as_the_documented_error_detail(walker: Walker) -> None:
    await log_in(walker)
    models = walker.models
    ticket = await new_ticket(walker, "Alice's ticket")
    missing = await walker.call("tickets_retrieve", id=999)
    assert missing == models.ErrorDetail(detail=NO_TICKET)
    gone = await walker.call("tickets_partial_update", models.PatchedTicketRequest(title="x"), id=999)
    assert gone == models.ErrorDetail(detail=NO_TICKET)
    await walker.call("auth_signup_create", models.SignupRequest(username="bob", password="builder-123"))
    await log_in(walker, "bob", "builder-123")
    forbidden = await walker.call("tickets_partial_update", models.PatchedTicketRequest(title="Bob's now"), id=ticket.id)
    assert forbidden == models.ErrorDetail(detail=NOT_THE_AUTHOR)
    assert await walker.call("tickets_destroy", id=ticket.id) == models.ErrorDetail(detail=NOT_THE_AUTHOR)
    still = await walker.call("tickets_retrieve", id=ticket.id)
    assert isinstance(still, models.Ticket) and still.title == "Alice's ticket"


# --- names and types --------------------------------------------------------------------------------------------

# What each operation's body parameter is typed as, in both documents.
REQUEST_MODELS = {
    "auth_token_create": "TokenObtainPairRequest",
    "auth_token_refresh_create": "TokenRefreshRequest",
    "auth_signup_create": "SignupRequest",
    "tickets_create": "TicketRequest",
    "tickets_partial_update": "PatchedTicketRequest",
    "tickets_attachments_create": "AttachmentRequest",
}


@pytest.mark.parametrize("document", DOCUMENTS)
def test_operations_take_the_same_request_models_in_both_documents(drf_clients: Path, document: str) -> None:
    source = (drf_clients / f"drf_{document}_functions" / "client.py").read_text()
    taken = {}
    for operation in REQUEST_MODELS:
        signature = source.split(f"def {operation}(", 1)[1].split(")", 1)[0]
        found = re.search(r"data: schemas\.(\w+)", signature)
        taken[operation] = found.group(1) if found else None
    assert taken == REQUEST_MODELS


@pytest.mark.parametrize("document", DOCUMENTS)
def test_generated_packages_pass_mypy_strict(drf_clients: Path, document: str) -> None:
    packages = [style.package(document) for style in STYLES]
    targets = [argument for package in packages for argument in ("-p", package)]
    result = run_mypy(*targets, cwd=drf_clients, mypy_path=import_roots(drf_clients, packages))
    assert result.returncode == 0, result.stdout + result.stderr


TYPED_WALK = '''\
"""The DRF walk written as a user would, checked by mypy --strict (never run)."""

from typing import assert_never, assert_type

import {package}
from {package} import client, schemas
from {prefix}_async_class.client import Client as AsyncClient
from {prefix}_async_class import schemas as async_schemas
from {prefix}_package import AuthenticatedClient, Client, UnexpectedStatus
from {prefix}_package.api.auth import auth_token_create
from {prefix}_package.api.tickets import tickets_attachments_create, tickets_create, tickets_partial_update
from {prefix}_package import models


def functions_walk() -> str:
    pair = client.auth_token_create(data=schemas.TokenObtainPairRequest(username="alice", password="pw"))
    assert_type(pair, schemas.TokenObtainPair)
    assert_type(pair.access, str)
    ticket = client.tickets_create(data=schemas.TicketRequest(title="Printer on fire"))
    assert_type(ticket, schemas.Ticket)
    assert_type(ticket.author, schemas.User)
    assert_type(ticket.status, schemas.StatusEnum | {package}.UnknownStr | None)  # open: a status the spec does not list is kept
    patch = schemas.PatchedTicketRequest(status=schemas.StatusEnum.CLOSED)
    match client.tickets_partial_update(id=ticket.id, data=patch):
        case schemas.Ticket() as patched:
            return patched.title
        case schemas.ErrorDetail(detail=detail):
            return detail
        case other:
            assert_never(other)


def page_titles() -> list[str]:
    page = client.tickets_list(page=2, page_size=3, search="printer", ordering="-id")
    assert_type(page, schemas.PaginatedTicketList)
    assert_type(page.next, str | None)
    return [ticket.title for ticket in page.results]


def signup_and_refresh(refresh: str) -> str:
    account = client.auth_signup_create(data=schemas.SignupRequest(username="bob", password="builder-123"))
    assert_type(account.id, int)
    fresh = client.auth_token_refresh_create(data=schemas.TokenRefreshRequest(refresh=refresh))
    return fresh.refresh


def errors() -> int:
    try:
        client.auth_me_retrieve()
    except {package}.ApiError as error:
        assert_type(error.status_code, int)
        return error.status_code
    return 200


async def async_class_walk() -> None:
    async with AsyncClient(base_url="http://127.0.0.1:8000", bearer_token="t") as api:
        found = await api.tickets_retrieve(id=1)
        match found:
            case async_schemas.Ticket():
                print(found.message_count)
            case async_schemas.ErrorDetail():
                print(found.detail)
            case _:
                assert_never(found)


def package_walk(file: bytes) -> None:
    anonymous = Client(base_url="http://127.0.0.1:8000")
    pair = auth_token_create.sync(
        client=anonymous, json_body=models.TokenObtainPairRequest(username="alice", password="pw")
    )
    assert_type(pair, models.TokenObtainPair)  # an undocumented status raises: `sync` never gives None
    authed = AuthenticatedClient(base_url="http://127.0.0.1:8000", token=pair.access)
    created = tickets_create.sync(client=authed, json_body=models.TicketRequest(title="Printer on fire"))
    assert_type(created, models.Ticket)
    assert_type(
        tickets_create.sync_detailed(client=authed, json_body=models.TicketRequest(title="x")).parsed,
        models.Ticket | None,
    )
    try:
        patched = tickets_partial_update.sync(
            client=authed, id=1, json_body=models.PatchedTicketRequest(title="Chair")
        )
    except UnexpectedStatus as error:
        assert_type(error.status_code, int)
        return
    match patched:
        case models.Ticket() | models.ErrorDetail():
            pass
        case _:
            assert_never(patched)
'''

# The upload, on its own: only the split document types the file as binary.
TYPED_UPLOAD = '''\
from {package} import client, schemas


def upload(content: bytes) -> int:
    attachment = client.tickets_attachments_create(
        id=1, data=schemas.AttachmentRequest(file=("screen.txt", content, "text/plain"))
    )
    return attachment.size if isinstance(attachment, schemas.Attachment) else 0
'''

# Issue 15 item 4: a filter whose values repeat a component enum takes that enum.
TYPED_FILTER = '''\
from {package} import client, schemas


def closed_tickets() -> int:
    return client.tickets_list(status=schemas.StatusEnum.CLOSED, priority=schemas.PriorityEnum(3)).count
'''


def mypy_on(drf_clients: Path, document: str, name: str, template: str) -> subprocess.CompletedProcess[str]:
    """mypy --strict on `template` filled in for `document`'s packages."""
    usage = drf_clients / f"{name}_{document}.py"
    prefix = f"drf_{document}"
    usage.write_text(template.format(package=f"{prefix}_functions", prefix=prefix))
    packages = [style.package(document) for style in STYLES]
    return run_mypy(usage.name, cwd=drf_clients, mypy_path=import_roots(drf_clients, packages))


def test_the_default_documents_upload_field_takes_a_file_or_text(drf_clients: Path) -> None:
    """`{type: string, format: uri}` in a multipart-only body: a file goes as a file part, text as a text field."""
    http = importlib.import_module("drf_default_functions.transport")
    schemas = importlib.import_module("drf_default_functions.schemas")
    as_text = http.multipart_body(schemas.AttachmentRequest(file="https://example.com/a.txt"))
    assert (as_text.data, as_text.files) == ({"file": ["https://example.com/a.txt"]}, None)
    as_file = http.multipart_body(schemas.AttachmentRequest(file=("a.txt", b"hi", "text/plain")))
    assert as_file.data == {}
    assert [name for name, _ in as_file.files] == ["file"]


@pytest.mark.parametrize("document", DOCUMENTS)
def test_typed_walk_passes_mypy_strict(drf_clients: Path, document: str) -> None:
    result = mypy_on(drf_clients, document, "typed_walk", TYPED_WALK)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("document", DOCUMENTS)
def test_typed_upload_of_bytes_passes_mypy_strict(drf_clients: Path, document: str) -> None:
    result = mypy_on(drf_clients, document, "typed_upload", TYPED_UPLOAD)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("document", DOCUMENTS)
def test_list_filters_take_the_component_enums_under_mypy_strict(drf_clients: Path, document: str) -> None:
    result = mypy_on(drf_clients, document, "typed_filter", TYPED_FILTER)
    assert result.returncode == 0, result.stdout + result.stderr


RUST_FIXTURE = REPO_ROOT / "tests" / "rust" / "specs" / "drf.json"
RUST_SPLIT_FIXTURE = REPO_ROOT / "tests" / "rust" / "specs" / "drf-split.json"


def test_rust_fixture_is_the_default_document_as_dumped_now(drf_spec_paths: DrfSpecs) -> None:
    """tests/tests/drf_e2e.rs compiles the macro client from this committed copy (the macro reads its spec at
    compile time); it must not drift from what the app serves. To refresh it:
    `python tests/drf_app/dump_openapi.py tests/rust/specs/drf.json`."""
    assert RUST_FIXTURE.read_bytes() == drf_spec_paths.default.read_bytes()


def test_rust_fixture_is_the_split_document_as_dumped_now(drf_spec_paths: DrfSpecs) -> None:
    """tests/tests/drf_e2e.rs also compiles a macro client from this committed copy of the COMPONENT_SPLIT_REQUEST
    document; it must not drift either. To refresh it:
    `python tests/drf_app/dump_openapi.py --split-request tests/rust/specs/drf-split.json`."""
    assert RUST_SPLIT_FIXTURE.read_bytes() == drf_spec_paths.split.read_bytes()
