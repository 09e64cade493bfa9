"""The reference server itself, called with plain httpx: it answers as the client tests expect.

These tests need no generated client, so they pin the server's side of every end-to-end test on their own.
"""

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from support import API_KEY, API_KEY_OWNER, BASIC_PASSWORD, BASIC_USER, BEARER_TOKEN, PASSWORD, USERNAME

OPERATION_IDS = [
    "reset",
    "list_users",
    "create_user",
    "get_user",
    "update_user",
    "delete_user",
    "upload_avatar",
    "get_avatar",
    "token",
    "get_me",
    "basic_whoami",
    "api_key_whoami",
    "api_key_query_whoami",
    "create_ticket",
    "list_tickets",
    "get_labels",
    "get_version_text",
    "is_healthy",
    "echo_request",
]
NEW_USER = {"name": "Ada", "email": "ada@example.com"}


@pytest.fixture
def http(server_url: str) -> Iterator[httpx.Client]:
    """A plain httpx client on the reference server."""
    with httpx.Client(base_url=server_url) as client:
        yield client


def test_spec_names_each_operation_after_its_function(spec_path: Path) -> None:
    spec = json.loads(spec_path.read_text())
    operation_ids = [operation["operationId"] for path in spec["paths"].values() for operation in path.values()]
    assert spec["openapi"].startswith("3.1")
    assert sorted(operation_ids) == sorted(OPERATION_IDS)


def test_spec_documents_multipart_and_form_bodies_under_fastapi_names(spec_path: Path) -> None:
    schemas = json.loads(spec_path.read_text())["components"]["schemas"]
    assert schemas["Body_upload_avatar"]["properties"]["file"]["contentMediaType"] == "application/octet-stream"
    assert schemas["Body_token"]["required"] == ["username", "password"]
    assert schemas["Priority"]["enum"] == [1, 2, 3]


def test_create_user_fills_server_fields(http: httpx.Client) -> None:
    response = http.post("/users", json=NEW_USER)
    assert response.status_code == 201
    user = response.json()
    assert user | NEW_USER == user
    assert user["id"] == 1 and user["role"] == "member" and user["tags"] == [] and user["nickname"] is None
    assert user["created_at"] and user["external_id"]


def test_create_user_with_taken_email_answers_409_with_existing_id(http: httpx.Client) -> None:
    first = http.post("/users", json=NEW_USER).json()
    response = http.post("/users", json={**NEW_USER, "name": "Other"})
    assert response.status_code == 409
    assert response.json() == {"detail": "Email ada@example.com is taken", "existing_id": first["id"]}


def test_list_users_pages_with_limit_and_offset(http: httpx.Client) -> None:
    for n in range(3):
        http.post("/users", json={"name": f"u{n}", "email": f"u{n}@example.com"})
    page = http.get("/users", params={"limit": 2, "offset": 1}).json()
    assert [u["name"] for u in page["items"]] == ["u1", "u2"]
    assert (page["total"], page["limit"], page["offset"]) == (3, 2, 1)


def test_out_of_range_query_answers_422(http: httpx.Client) -> None:
    response = http.get("/users", params={"limit": 0})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "limit"]


def test_get_update_delete_user_round_trip(http: httpx.Client) -> None:
    user_id = http.post("/users", json=NEW_USER).json()["id"]
    assert http.get(f"/users/{user_id}").json()["name"] == "Ada"
    assert http.patch(f"/users/{user_id}", json={"nickname": "ace"}).json()["nickname"] == "ace"
    assert http.patch(f"/users/{user_id}", json={"name": "Ada L."}).json()["nickname"] == "ace"
    cleared = http.patch(f"/users/{user_id}", json={"nickname": None}).json()
    assert (cleared["name"], cleared["nickname"]) == ("Ada L.", None)
    deleted = http.delete(f"/users/{user_id}")
    assert (deleted.status_code, deleted.content) == (204, b"")
    missing = http.get(f"/users/{user_id}")
    assert (missing.status_code, missing.json()) == (404, {"detail": f"User {user_id} not found"})


def test_upload_avatar_reports_what_arrived(http: httpx.Client) -> None:
    user_id = http.post("/users", json=NEW_USER).json()["id"]
    content = bytes(range(256)) * 3
    files = {"file": ("me.png", content, "image/png")}
    received = http.post(f"/users/{user_id}/avatar", files=files, data={"description": "me"}).json()
    assert received == {
        "filename": "me.png",
        "size": 768,
        "content_type": "image/png",
        "description": "me",
        "sha256": hashlib.sha256(content).hexdigest(),
    }


def test_token_then_get_me_identifies_the_bearer(http: httpx.Client) -> None:
    token = http.post("/token", data={"username": USERNAME, "password": PASSWORD}).json()
    assert token == {"access_token": BEARER_TOKEN, "token_type": "bearer"}
    me = http.get("/me", headers={"Authorization": f"Bearer {BEARER_TOKEN}"}).json()
    assert me == {"username": USERNAME, "scheme": "bearer"}
    assert http.post("/token", data={"username": USERNAME, "password": "nope"}).status_code == 400


def test_basic_and_api_key_routes_identify_the_caller(http: httpx.Client) -> None:
    assert http.get("/whoami/basic", auth=(BASIC_USER, BASIC_PASSWORD)).json()["username"] == BASIC_USER
    assert http.get("/whoami/basic", auth=(BASIC_USER, "nope")).status_code == 401
    assert http.get("/whoami/api-key", headers={"X-API-Key": API_KEY}).json()["username"] == API_KEY_OWNER
    assert http.get("/whoami/api-key-query", params={"api_key": API_KEY}).json()["username"] == API_KEY_OWNER


@pytest.mark.parametrize("path", ["/me", "/whoami/basic", "/whoami/api-key", "/whoami/api-key-query"])
def test_protected_routes_answer_401_without_credentials(http: httpx.Client, path: str) -> None:
    assert http.get(path).status_code == 401


def test_tickets_filter_by_int_enum_priority(http: httpx.Client) -> None:
    http.post("/tickets", json={"title": "low", "priority": 1})
    created = http.post("/tickets", json={"title": "high", "priority": 3, "due_on": "2030-01-31"})
    assert created.status_code == 201
    assert created.json()["status"] == "open" and created.json()["due_on"] == "2030-01-31"
    assert [t["title"] for t in http.get("/tickets", params={"priority": 3}).json()] == ["high"]
    assert len(http.get("/tickets").json()) == 2


def test_plain_map_text_and_bool_responses(http: httpx.Client) -> None:
    assert http.get("/labels").json() == {"env": "test", "team": "clientgen"}
    version = http.get("/version")
    assert version.headers["content-type"].startswith("text/plain") and version.text == "Reference API 1.0.0"
    assert http.get("/health").content == b"true"


def test_echo_request_returns_header_and_cookie(http: httpx.Client) -> None:
    headers = {"X-Request-ID": "req-1", "Cookie": "session_id=sess-1"}
    assert http.get("/echo", headers=headers).json() == {"x_request_id": "req-1", "session_id": "sess-1"}
    assert http.get("/echo").json() == {"x_request_id": None, "session_id": None}


def test_reset_forgets_users(http: httpx.Client) -> None:
    http.post("/users", json=NEW_USER)
    assert http.post("/reset").status_code == 204
    assert http.get("/users").json()["total"] == 0
