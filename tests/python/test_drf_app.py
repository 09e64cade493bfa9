"""The Django REST Framework reference app (tests/drf_app) and its two documents, checked with plain httpx.

The document tests pin the shapes issue 15 is about exactly as drf-spectacular writes them, so that a change of
drf-spectacular (or of the app) that removes a trap shows here instead of silently weakening the client tests.
The server tests are the reference walks the generated-client tests repeat: what the app answers, value by value.
Each server test starts from a reset database holding only the demo user (id 1).
"""

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
import pytest

from drf_support import (
    API,
    DEMO_EMAIL,
    DEMO_PASSWORD,
    DEMO_USER_ID,
    DEMO_USERNAME,
    DRF_APP,
    HTTP_TIMEOUT,
    RESET_PATH,
    DrfSpecs,
    Tokens,
    bearer,
    login,
    signup,
)

OPERATION_IDS = {
    "auth_me_retrieve",
    "auth_me_update",
    "auth_me_partial_update",
    "auth_signup_create",
    "auth_token_create",
    "auth_token_refresh_create",
    "health_retrieve",
    "messages_list",
    "messages_create",
    "messages_retrieve",
    "messages_update",
    "messages_partial_update",
    "messages_destroy",
    "schema_retrieve",
    "tickets_list",
    "tickets_create",
    "tickets_retrieve",
    "tickets_update",
    "tickets_partial_update",
    "tickets_destroy",
    "tickets_attachments_create",
    "tickets_close_create",
}
# The components only the split document has (request shapes), and the ones only the default one has.
SPLIT_ONLY_COMPONENTS = {
    "AttachmentRequest",
    "MessageRequest",
    "PatchedMessageRequest",
    "PatchedTicketRequest",
    "PatchedUserRequest",
    "SignupRequest",
    "TicketRequest",
    "TokenObtainPairRequest",
    "TokenRefreshRequest",
    "UserRequest",
}
DEFAULT_ONLY_COMPONENTS = {"PatchedMessage", "PatchedTicket", "PatchedUser"}
BOTH_DOCUMENTS_COMPONENTS = {
    "Attachment",
    "BlankEnum",
    "ErrorDetail",
    "Health",
    "Message",
    "NullEnum",
    "PaginatedMessageList",
    "PaginatedTicketList",
    "PriorityEnum",
    "Signup",
    "StatusEnum",
    "ThemeEnum",
    "Ticket",
    "TokenObtainPair",
    "TokenRefresh",
    "User",
}
JWT_OR_COOKIE: list[dict[str, list[str]]] = [{"jwtAuth": []}, {"cookieAuth": []}]
THEME = {
    "nullable": True,
    "oneOf": [
        {"$ref": "#/components/schemas/ThemeEnum"},
        {"$ref": "#/components/schemas/BlankEnum"},
        {"$ref": "#/components/schemas/NullEnum"},
    ],
}
DEMO_USER = {"id": DEMO_USER_ID, "username": DEMO_USERNAME, "email": DEMO_EMAIL, "theme": None}
NO_TICKET = {"detail": "No Ticket matches the given query."}


def load(path: Path) -> dict[str, Any]:
    """A dumped document."""
    return dict(json.loads(path.read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def default_doc(drf_spec_paths: DrfSpecs) -> dict[str, Any]:
    """The document at drf-spectacular's defaults."""
    return load(drf_spec_paths.default)


@pytest.fixture(scope="module")
def split_doc(drf_spec_paths: DrfSpecs) -> dict[str, Any]:
    """The document with COMPONENT_SPLIT_REQUEST=True."""
    return load(drf_spec_paths.split)


def schemas(doc: dict[str, Any]) -> dict[str, Any]:
    """The document's component schemas."""
    return dict(doc["components"]["schemas"])


def operation(doc: dict[str, Any], operation_id: str) -> dict[str, Any]:
    """The operation object with this operationId."""
    for item in doc["paths"].values():
        for candidate in item.values():
            if candidate.get("operationId") == operation_id:
                return dict(candidate)
    raise AssertionError(f"no operation {operation_id}")


def body_refs(op: dict[str, Any]) -> dict[str, str]:
    """The request body's schema $ref per media type."""
    return {media: content["schema"]["$ref"] for media, content in op["requestBody"]["content"].items()}


def response_ref(op: dict[str, Any], status: str) -> str:
    """The JSON response's schema $ref for a status."""
    return str(op["responses"][status]["content"]["application/json"]["schema"]["$ref"])


def ref(name: str) -> str:
    return f"#/components/schemas/{name}"


def read_only(schema: dict[str, Any]) -> set[str]:
    return {name for name, prop in schema["properties"].items() if prop.get("readOnly")}


def write_only(schema: dict[str, Any]) -> set[str]:
    return {name for name, prop in schema["properties"].items() if prop.get("writeOnly")}


# --- the default document: one component per serializer -------------------------------------------------------


def test_both_documents_have_the_same_operations_and_no_test_reset_route(
    default_doc: dict[str, Any], split_doc: dict[str, Any]
) -> None:
    for doc in (default_doc, split_doc):
        assert doc["openapi"] == "3.0.3"
        ids = {op["operationId"] for item in doc["paths"].values() for op in item.values()}
        assert ids == OPERATION_IDS
        assert all(path.startswith(f"{API}/") for path in doc["paths"])
        assert RESET_PATH not in doc["paths"]


def test_default_document_has_one_component_per_serializer(default_doc: dict[str, Any]) -> None:
    assert set(schemas(default_doc)) == BOTH_DOCUMENTS_COMPONENTS | DEFAULT_ONLY_COMPONENTS


def test_default_token_pair_holds_write_only_credentials_and_read_only_tokens_all_required(
    default_doc: dict[str, Any],
) -> None:
    assert schemas(default_doc)["TokenObtainPair"] == {
        "type": "object",
        "properties": {
            "username": {"type": "string", "writeOnly": True},
            "password": {"type": "string", "writeOnly": True},
            "access": {"type": "string", "readOnly": True},
            "refresh": {"type": "string", "readOnly": True},
        },
        "required": ["access", "password", "refresh", "username"],
    }
    login_op = operation(default_doc, "auth_token_create")
    assert set(body_refs(login_op).values()) == {ref("TokenObtainPair")}
    assert response_ref(login_op, "200") == ref("TokenObtainPair")
    assert "security" not in login_op  # simplejwt's views take no credentials


def test_default_token_refresh_sends_and_reads_refresh_because_rotation_is_on(default_doc: dict[str, Any]) -> None:
    assert schemas(default_doc)["TokenRefresh"] == {
        "type": "object",
        "properties": {"access": {"type": "string", "readOnly": True}, "refresh": {"type": "string"}},
        "required": ["access", "refresh"],
    }


def test_default_ticket_lists_read_only_fields_and_nested_objects_as_required(default_doc: dict[str, Any]) -> None:
    ticket = schemas(default_doc)["Ticket"]
    assert ticket["required"] == ["author", "created_at", "id", "message_count", "messages", "title", "updated_at"]
    assert read_only(ticket) == {"id", "author", "messages", "message_count", "created_at", "updated_at"}
    assert write_only(ticket) == set()
    assert ticket["properties"]["author"] == {"allOf": [{"$ref": ref("User")}], "readOnly": True}
    assert ticket["properties"]["messages"] == {"type": "array", "items": {"$ref": ref("Message")}, "readOnly": True}
    assert ticket["properties"]["status"] == {"$ref": ref("StatusEnum")}
    assert ticket["properties"]["priority"] == {
        "allOf": [{"$ref": ref("PriorityEnum")}],
        "minimum": -9223372036854775808,
        "maximum": 9223372036854775807,
    }
    create = operation(default_doc, "tickets_create")
    assert body_refs(create) == {
        "application/json": ref("Ticket"),
        "application/x-www-form-urlencoded": ref("Ticket"),
        "multipart/form-data": ref("Ticket"),
    }
    assert response_ref(create, "201") == ref("Ticket")


def test_default_patch_body_is_patched_ticket_with_nothing_required(default_doc: dict[str, Any]) -> None:
    components = schemas(default_doc)
    patched = components["PatchedTicket"]
    assert "required" not in patched
    assert patched["properties"] == components["Ticket"]["properties"]
    patch = operation(default_doc, "tickets_partial_update")
    assert set(body_refs(patch).values()) == {ref("PatchedTicket")}
    assert response_ref(patch, "200") == ref("Ticket")


def test_default_signup_has_write_only_password_and_read_only_id_both_required(default_doc: dict[str, Any]) -> None:
    signup_schema = schemas(default_doc)["Signup"]
    assert signup_schema["required"] == ["id", "password", "username"]
    assert read_only(signup_schema) == {"id"}
    assert signup_schema["properties"]["password"] == {"type": "string", "writeOnly": True, "minLength": 8}
    assert signup_schema["properties"]["theme"] == THEME
    signup_op = operation(default_doc, "auth_signup_create")
    assert set(body_refs(signup_op).values()) == {ref("Signup")}
    assert response_ref(signup_op, "201") == ref("Signup")
    assert signup_op["security"] == [*JWT_OR_COOKIE, {}]  # AllowAny: credentials optional


def test_blank_null_choice_is_one_of_theme_blank_and_null_enums(default_doc: dict[str, Any]) -> None:
    components = schemas(default_doc)
    assert components["User"]["properties"]["theme"] == THEME
    assert components["ThemeEnum"] == {
        "enum": ["light", "dark"],
        "type": "string",
        "description": "* `light` - Light\n* `dark` - Dark",
    }
    assert components["BlankEnum"] == {"enum": [""]}
    assert components["NullEnum"] == {"enum": [None]}


def test_integer_choices_carry_their_labels_only_in_the_description(default_doc: dict[str, Any]) -> None:
    components = schemas(default_doc)
    assert components["PriorityEnum"] == {
        "enum": [1, 2, 3],
        "type": "integer",
        "description": "* `1` - Low\n* `2` - Medium\n* `3` - High",
    }
    assert components["StatusEnum"] == {
        "enum": ["open", "in_progress", "closed"],
        "type": "string",
        "description": "* `open` - Open\n* `in_progress` - In progress\n* `closed` - Closed",
    }


def test_list_filters_repeat_the_component_enums_values_inline(default_doc: dict[str, Any]) -> None:
    parameters = {p["name"]: p for p in operation(default_doc, "tickets_list")["parameters"]}
    assert set(parameters) == {"ordering", "page", "page_size", "priority", "search", "status"}
    assert all(p["in"] == "query" and not p.get("required", False) for p in parameters.values())
    # django-filter sorts the values; the component keeps the model's order.
    assert parameters["status"]["schema"] == {"type": "string", "enum": ["closed", "in_progress", "open"]}
    assert parameters["status"]["description"] == schemas(default_doc)["StatusEnum"]["description"]
    assert parameters["priority"]["schema"] == {"type": "integer", "enum": [1, 2, 3]}
    assert parameters["priority"]["description"] == "* `1` - Low\n* `2` - Medium\n* `3` - High"
    assert parameters["page"]["schema"] == parameters["page_size"]["schema"] == {"type": "integer"}


def test_list_response_is_paginated_count_next_previous_results(default_doc: dict[str, Any]) -> None:
    page = schemas(default_doc)["PaginatedTicketList"]
    assert page["required"] == ["count", "results"]
    assert page["properties"]["results"] == {"type": "array", "items": {"$ref": ref("Ticket")}}
    assert page["properties"]["count"]["type"] == "integer"
    for link in ("next", "previous"):
        assert page["properties"][link]["type"] == "string"
        assert page["properties"][link]["nullable"] is True
        assert page["properties"][link]["format"] == "uri"
    assert response_ref(operation(default_doc, "tickets_list"), "200") == ref("PaginatedTicketList")


def test_operations_take_jwt_or_session_cookie(default_doc: dict[str, Any]) -> None:
    assert default_doc["components"]["securitySchemes"] == {
        "cookieAuth": {"type": "apiKey", "in": "cookie", "name": "sessionid"},
        "jwtAuth": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"},
    }
    for operation_id in OPERATION_IDS - {"auth_token_create", "auth_token_refresh_create"}:
        security = operation(default_doc, operation_id)["security"]
        if operation_id == "health_retrieve":
            assert security == [{}]
        elif operation_id in {"auth_signup_create", "schema_retrieve"}:
            assert security == [*JWT_OR_COOKIE, {}]
        else:
            assert security == JWT_OR_COOKIE, operation_id


def test_403_and_404_are_documented_with_an_error_detail_body(default_doc: dict[str, Any]) -> None:
    assert schemas(default_doc)["ErrorDetail"] == {
        "type": "object",
        "description": 'DRF\'s error body for 401, 403 and 404: `{"detail": "..."}`.',
        "properties": {"detail": {"type": "string"}},
        "required": ["detail"],
    }
    documented = {
        "tickets_retrieve": {"200", "404"},
        "tickets_update": {"200", "403", "404"},
        "tickets_partial_update": {"200", "403", "404"},
        "tickets_destroy": {"204", "403", "404"},
        "tickets_close_create": {"200", "404"},
        "tickets_attachments_create": {"201", "404"},
    }
    for operation_id, statuses in documented.items():
        responses = operation(default_doc, operation_id)["responses"]
        assert set(responses) == statuses, operation_id
        for status in statuses & {"403", "404"}:
            assert response_ref(operation(default_doc, operation_id), status) == ref("ErrorDetail")


def test_default_upload_is_multipart_only_with_a_write_only_uri_file(default_doc: dict[str, Any]) -> None:
    upload = operation(default_doc, "tickets_attachments_create")
    assert body_refs(upload) == {"multipart/form-data": ref("Attachment")}
    attachment = schemas(default_doc)["Attachment"]
    # Without COMPONENT_SPLIT_REQUEST drf-spectacular types the file as it would read it back: a URI.
    assert attachment["properties"]["file"] == {"type": "string", "format": "uri", "writeOnly": True}
    assert attachment["required"] == ["file", "id", "name", "size", "ticket", "uploaded_at"]
    assert read_only(attachment) == {"id", "ticket", "name", "size", "uploaded_at"}


def test_close_action_takes_no_body_and_returns_the_ticket(default_doc: dict[str, Any]) -> None:
    close = operation(default_doc, "tickets_close_create")
    assert "requestBody" not in close
    assert response_ref(close, "200") == ref("Ticket")
    assert [p["name"] for p in close["parameters"]] == ["id"]


# --- the split document: COMPONENT_SPLIT_REQUEST=True ---------------------------------------------------------


def test_split_document_adds_request_components_and_drops_patched_response_ones(split_doc: dict[str, Any]) -> None:
    assert set(schemas(split_doc)) == BOTH_DOCUMENTS_COMPONENTS | SPLIT_ONLY_COMPONENTS


def test_split_request_shapes_leave_out_read_only_fields(split_doc: dict[str, Any]) -> None:
    components = schemas(split_doc)
    ticket_request = components["TicketRequest"]
    assert set(ticket_request["properties"]) == {"title", "description", "status", "priority"}
    assert ticket_request["required"] == ["title"]
    assert ticket_request["properties"]["title"] == {"type": "string", "minLength": 1, "maxLength": 200}
    assert "required" not in components["PatchedTicketRequest"]
    assert components["PatchedTicketRequest"]["properties"] == ticket_request["properties"]
    assert components["TokenObtainPairRequest"] == {
        "type": "object",
        "properties": {
            "username": {"type": "string", "writeOnly": True, "minLength": 1},
            "password": {"type": "string", "writeOnly": True, "minLength": 1},
        },
        "required": ["password", "username"],
    }
    assert components["TokenRefreshRequest"] == {
        "type": "object",
        "properties": {"refresh": {"type": "string", "minLength": 1}},
        "required": ["refresh"],
    }
    assert set(components["SignupRequest"]["properties"]) == {"username", "email", "password", "theme"}
    assert components["SignupRequest"]["required"] == ["password", "username"]
    assert components["AttachmentRequest"] == {
        "type": "object",
        "description": "An upload: the file is write-only; name and size are what the server stored.",
        "properties": {"file": {"type": "string", "format": "binary", "writeOnly": True}},
        "required": ["file"],
    }


def test_split_response_shapes_leave_out_write_only_fields(split_doc: dict[str, Any]) -> None:
    components = schemas(split_doc)
    assert components["TokenObtainPair"] == {
        "type": "object",
        "properties": {"access": {"type": "string", "readOnly": True}, "refresh": {"type": "string", "readOnly": True}},
        "required": ["access", "refresh"],
    }
    assert set(components["Signup"]["properties"]) == {"id", "username", "email", "theme"}
    assert components["Signup"]["required"] == ["id", "username"]
    assert set(components["Attachment"]["properties"]) == {"id", "ticket", "name", "size", "uploaded_at"}
    # Read-only fields stay required in responses.
    assert components["Ticket"]["required"] == [
        "author",
        "created_at",
        "id",
        "message_count",
        "messages",
        "title",
        "updated_at",
    ]


def test_split_operations_send_request_components_and_read_response_ones(split_doc: dict[str, Any]) -> None:
    expected = {
        "tickets_create": ("TicketRequest", "201", "Ticket"),
        "tickets_partial_update": ("PatchedTicketRequest", "200", "Ticket"),
        "auth_token_create": ("TokenObtainPairRequest", "200", "TokenObtainPair"),
        "auth_token_refresh_create": ("TokenRefreshRequest", "200", "TokenRefresh"),
        "auth_signup_create": ("SignupRequest", "201", "Signup"),
        "auth_me_partial_update": ("PatchedUserRequest", "200", "User"),
        "tickets_attachments_create": ("AttachmentRequest", "201", "Attachment"),
    }
    for operation_id, (request_name, status, response_name) in expected.items():
        op = operation(split_doc, operation_id)
        assert set(body_refs(op).values()) == {ref(request_name)}, operation_id
        assert response_ref(op, status) == ref(response_name), operation_id


def test_migrations_match_the_models(tmp_path: Path) -> None:
    """The server migrates a fresh database; a model change without its migration would serve a stale schema."""
    command = [sys.executable, "manage.py", "makemigrations", "--check", "--dry-run"]
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "helpdesk.settings", "HELPDESK_DB": str(tmp_path / "db.sqlite3")}
    result = subprocess.run(command, cwd=DRF_APP, env=env, capture_output=True, text=True, timeout=120, check=False)
    assert (result.returncode, result.stdout.strip()) == (0, "No changes detected"), result.stderr


# --- the live app ---------------------------------------------------------------------------------------------


@pytest.fixture
def alice(drf_server_url: str) -> Tokens:
    """The demo user's token pair."""
    return login(drf_server_url)


@pytest.fixture
def client(drf_server_url: str, alice: Tokens) -> Iterator[httpx.Client]:
    """An httpx client on the app, logged in as the demo user with a JWT."""
    with httpx.Client(base_url=f"{drf_server_url}{API}", headers=alice.headers, timeout=HTTP_TIMEOUT) as client_:
        yield client_


def create_ticket(client: httpx.Client, **fields: Any) -> dict[str, Any]:
    response = client.post("/tickets/", json=fields)
    assert response.status_code == 201, response.text
    return dict(response.json())


def test_health_answers_without_login(drf_server_url: str) -> None:
    response = httpx.get(f"{drf_server_url}{API}/health/", timeout=HTTP_TIMEOUT)
    assert (response.status_code, response.json()) == (200, {"status": "ok"})


def test_served_schema_is_the_default_document(drf_server_url: str, default_doc: dict[str, Any]) -> None:
    response = httpx.get(f"{drf_server_url}{API}/schema/", params={"format": "json"}, timeout=HTTP_TIMEOUT)
    assert response.status_code == 200
    assert response.json() == default_doc


def test_signup_returns_the_account_without_its_password(drf_server_url: str) -> None:
    account = signup(drf_server_url, "bob", "builder-123", email="bob@example.com", theme="dark")
    assert account == {"id": 2, "username": "bob", "email": "bob@example.com", "theme": "dark"}
    assert login(drf_server_url, "bob", "builder-123").access


def test_signup_rejects_a_short_password(drf_server_url: str) -> None:
    response = httpx.post(
        f"{drf_server_url}{API}/auth/signup/", json={"username": "bob", "password": "short"}, timeout=HTTP_TIMEOUT
    )
    assert response.status_code == 400
    assert response.json() == {"password": ["Ensure this field has at least 8 characters."]}


def test_token_obtain_returns_only_access_and_refresh_and_the_access_token_logs_in(drf_server_url: str) -> None:
    response = httpx.post(
        f"{drf_server_url}{API}/auth/token/",
        json={"username": DEMO_USERNAME, "password": DEMO_PASSWORD},
        timeout=HTTP_TIMEOUT,
    )
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"access", "refresh"}
    me = httpx.get(f"{drf_server_url}{API}/auth/me/", headers=bearer(body["access"]), timeout=HTTP_TIMEOUT)
    assert (me.status_code, me.json()) == (200, DEMO_USER)


def test_token_obtain_with_a_wrong_password_is_401(drf_server_url: str) -> None:
    response = httpx.post(
        f"{drf_server_url}{API}/auth/token/", json={"username": DEMO_USERNAME, "password": "x"}, timeout=HTTP_TIMEOUT
    )
    assert response.status_code == 401
    assert response.json() == {"detail": "No active account found with the given credentials"}


def test_refresh_rotates_the_refresh_token(drf_server_url: str, alice: Tokens) -> None:
    response = httpx.post(
        f"{drf_server_url}{API}/auth/token/refresh/", json={"refresh": alice.refresh}, timeout=HTTP_TIMEOUT
    )
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"access", "refresh"}
    assert body["refresh"] != alice.refresh
    assert body["access"] != alice.access
    me = httpx.get(f"{drf_server_url}{API}/auth/me/", headers=bearer(body["access"]), timeout=HTTP_TIMEOUT)
    assert me.json() == DEMO_USER


def test_requests_without_a_token_are_401_with_a_bearer_challenge(drf_server_url: str) -> None:
    response = httpx.get(f"{drf_server_url}{API}/tickets/", timeout=HTTP_TIMEOUT)
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == 'Bearer realm="api"'
    assert response.json() == {"detail": "Authentication credentials were not provided."}


def test_create_ticket_fills_the_read_only_fields(client: httpx.Client) -> None:
    ticket = create_ticket(client, title="Printer on fire", priority=3)
    created_at = datetime.fromisoformat(ticket.pop("created_at"))
    updated_at = datetime.fromisoformat(ticket.pop("updated_at"))
    assert created_at.tzinfo is not None and updated_at >= created_at
    assert ticket == {
        "id": 1,
        "title": "Printer on fire",
        "description": "",
        "status": "open",
        "priority": 3,
        "author": DEMO_USER,
        "messages": [],
        "message_count": 0,
    }


def test_read_only_fields_sent_on_create_are_ignored(client: httpx.Client) -> None:
    ticket = create_ticket(
        client,
        title="Sent with read-only fields",
        id=99,
        author={"id": 7, "username": "mallory"},
        message_count=5,
        created_at="2001-01-01T00:00:00Z",
    )
    assert (ticket["id"], ticket["author"], ticket["message_count"]) == (1, DEMO_USER, 0)
    assert not ticket["created_at"].startswith("2001")


def test_ticket_shows_its_messages_nested_with_their_authors(client: httpx.Client) -> None:
    ticket = create_ticket(client, title="Slow VPN")
    for body in ("It is slow", "Still slow"):
        assert client.post("/messages/", json={"ticket": ticket["id"], "body": body}).status_code == 201
    read = client.get(f"/tickets/{ticket['id']}/").json()
    assert read["message_count"] == 2
    assert [(m["id"], m["ticket"], m["author"], m["body"]) for m in read["messages"]] == [
        (1, ticket["id"], DEMO_USER, "It is slow"),
        (2, ticket["id"], DEMO_USER, "Still slow"),
    ]


def test_patch_changes_only_the_fields_sent(client: httpx.Client) -> None:
    ticket = create_ticket(client, title="Broken chair", description="Leg is loose")
    response = client.patch(f"/tickets/{ticket['id']}/", json={"status": "in_progress", "priority": 1})
    assert response.status_code == 200
    patched = response.json()
    assert (patched["title"], patched["description"]) == ("Broken chair", "Leg is loose")
    assert (patched["status"], patched["priority"]) == ("in_progress", 1)
    assert patched["created_at"] == ticket["created_at"]
    assert patched["updated_at"] > ticket["updated_at"]


def test_patch_rejects_an_unknown_choice(client: httpx.Client) -> None:
    ticket = create_ticket(client, title="Typo")
    response = client.patch(f"/tickets/{ticket['id']}/", json={"status": "done", "priority": 4})
    assert response.status_code == 400
    assert response.json() == {
        "status": ['"done" is not a valid choice.'],
        "priority": ['"4" is not a valid choice.'],
    }


def test_list_is_paginated_three_per_page(drf_server_url: str, client: httpx.Client) -> None:
    for n in range(1, 8):
        create_ticket(client, title=f"Ticket {n}")
    first = client.get("/tickets/").json()
    assert (first["count"], [t["id"] for t in first["results"]]) == (7, [1, 2, 3])
    assert (first["next"], first["previous"]) == (f"{drf_server_url}{API}/tickets/?page=2", None)
    last = client.get("/tickets/", params={"page": 3}).json()
    assert [t["id"] for t in last["results"]] == [7]
    assert (last["next"], last["previous"]) == (None, f"{drf_server_url}{API}/tickets/?page=2")
    bigger = client.get("/tickets/", params={"page_size": 5, "page": 2}).json()
    assert [t["id"] for t in bigger["results"]] == [6, 7]
    assert bigger["previous"] == f"{drf_server_url}{API}/tickets/?page_size=5"
    beyond = client.get("/tickets/", params={"page": 4})
    assert (beyond.status_code, beyond.json()) == (404, {"detail": "Invalid page."})


def test_list_filters_searches_and_orders(client: httpx.Client) -> None:
    create_ticket(client, title="Printer jammed", priority=1)
    create_ticket(client, title="Printer out of toner", priority=3)
    create_ticket(client, title="Laptop fan", priority=3, description="printer nearby is loud")
    create_ticket(client, title="Closed printer issue", priority=2, status="closed")

    def ids(**params: Any) -> list[int]:
        page = client.get("/tickets/", params={"page_size": 50, **params}).json()
        return [t["id"] for t in page["results"]]

    assert ids(status="closed") == [4]
    assert ids(priority=3) == [2, 3]
    assert ids(search="printer") == [1, 2, 3, 4]  # title or description, case-insensitive
    assert ids(search="toner") == [2]
    assert ids(ordering="-priority") == [2, 3, 4, 1]
    assert ids(status="open", search="printer", ordering="-id") == [3, 2, 1]
    bad = client.get("/tickets/", params={"status": "done"})
    assert bad.status_code == 400
    assert bad.json() == {"status": ["Select a valid choice. done is not one of the available choices."]}


def test_multipart_upload_returns_the_stored_name_and_size(client: httpx.Client) -> None:
    ticket = create_ticket(client, title="Screenshot attached")
    content = b"hello helpdesk\n"
    response = client.post(
        f"/tickets/{ticket['id']}/attachments/", files={"file": ("screen.txt", content, "text/plain")}
    )
    assert response.status_code == 201, response.text
    attachment = response.json()
    datetime.fromisoformat(attachment.pop("uploaded_at"))
    assert attachment == {"id": 1, "ticket": ticket["id"], "name": "screen.txt", "size": len(content)}


def test_upload_without_multipart_is_415_and_without_a_file_is_400(client: httpx.Client) -> None:
    ticket = create_ticket(client, title="No file")
    as_json = client.post(f"/tickets/{ticket['id']}/attachments/", json={"file": "x"})
    assert as_json.status_code == 415
    assert as_json.json() == {"detail": 'Unsupported media type "application/json" in request.'}
    no_file = client.post(f"/tickets/{ticket['id']}/attachments/", files={"other": ("a.txt", b"a")})
    assert (no_file.status_code, no_file.json()) == (400, {"file": ["No file was submitted."]})


def test_close_action_closes_the_ticket(client: httpx.Client) -> None:
    ticket = create_ticket(client, title="Done soon")
    response = client.post(f"/tickets/{ticket['id']}/close/")
    assert response.status_code == 200
    assert response.json()["status"] == "closed"
    assert client.get(f"/tickets/{ticket['id']}/").json()["status"] == "closed"


def test_only_the_author_may_change_or_delete_a_ticket(drf_server_url: str, client: httpx.Client) -> None:
    ticket = create_ticket(client, title="Alice's ticket")
    signup(drf_server_url, "bob", "builder-123")
    bob = login(drf_server_url, "bob", "builder-123")
    url = f"{drf_server_url}{API}/tickets/{ticket['id']}/"
    forbidden = {"detail": "Only the author may change or delete this."}
    deleted = httpx.delete(url, headers=bob.headers, timeout=HTTP_TIMEOUT)
    assert (deleted.status_code, deleted.json()) == (403, forbidden)
    patched = httpx.patch(url, headers=bob.headers, json={"title": "Bob's now"}, timeout=HTTP_TIMEOUT)
    assert (patched.status_code, patched.json()) == (403, forbidden)
    # Anyone logged in reads and closes.
    assert httpx.get(url, headers=bob.headers, timeout=HTTP_TIMEOUT).json()["title"] == "Alice's ticket"
    assert httpx.post(f"{url}close/", headers=bob.headers, timeout=HTTP_TIMEOUT).status_code == 200
    assert client.delete(f"/tickets/{ticket['id']}/").status_code == 204
    gone = client.get(f"/tickets/{ticket['id']}/")
    assert (gone.status_code, gone.json()) == (404, NO_TICKET)


def test_unknown_ticket_is_404_for_read_update_action_and_upload(client: httpx.Client) -> None:
    assert client.get("/tickets/999/").json() == NO_TICKET
    for response in (
        client.get("/tickets/999/"),
        client.patch("/tickets/999/", json={"title": "x"}),
        client.delete("/tickets/999/"),
        client.post("/tickets/999/close/"),
        client.post("/tickets/999/attachments/", files={"file": ("a.txt", b"a")}),
    ):
        assert (response.status_code, response.json()) == (404, NO_TICKET), response.request.method


def test_theme_accepts_a_choice_blank_and_null_and_rejects_others(client: httpx.Client) -> None:
    for theme in ("dark", "", None, "light"):
        response = client.patch("/auth/me/", json={"theme": theme})
        assert (response.status_code, response.json()) == (200, {**DEMO_USER, "theme": theme})
    rejected = client.patch("/auth/me/", json={"theme": "blue"})
    assert (rejected.status_code, rejected.json()) == (400, {"theme": ['"blue" is not a valid choice.']})


def test_reset_empties_the_database_and_keeps_the_demo_account(drf_server_url: str, client: httpx.Client) -> None:
    create_ticket(client, title="Before reset")
    signup(drf_server_url, "bob", "builder-123")
    assert httpx.post(f"{drf_server_url}{RESET_PATH}", timeout=HTTP_TIMEOUT).status_code == 204
    tokens = login(drf_server_url)  # the old token's user id still exists: the demo user is id 1 again
    page = httpx.get(f"{drf_server_url}{API}/tickets/", headers=tokens.headers, timeout=HTTP_TIMEOUT).json()
    assert page == {"count": 0, "next": None, "previous": None, "results": []}
    assert create_ticket(client, title="After reset")["id"] == 1
    bob = httpx.post(
        f"{drf_server_url}{API}/auth/token/", json={"username": "bob", "password": "builder-123"}, timeout=HTTP_TIMEOUT
    )
    assert bob.status_code == 401
