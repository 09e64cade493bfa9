"""The contract app (tests/contract_app) and the auth app (tests/auth_app) themselves: their committed documents
match what they serve, and they answer as the clients' tests expect (each row of the README's response contract;
the credential echo and token rotation). The clients' own contract tests live in test_contract_python.py,
test_contract_typescript.py and tests/tests/contract_e2e.rs."""

import json

import httpx

from support import AUTH_APP, AUTH_SPEC, CONTRACT_APP, CONTRACT_SPEC


def test_committed_document_matches_the_app(contract_server_url: str) -> None:
    """tests/rust/specs/contract.json is what the app serves. To refresh it:
    `.venv/bin/python tests/dump_fastapi_openapi.py tests/contract_app tests/rust/specs/contract.json`."""
    served = httpx.get(f"{contract_server_url}/openapi.json").json()
    assert served == json.loads(CONTRACT_SPEC.read_text(encoding="utf-8")), f"refresh {CONTRACT_SPEC} from {CONTRACT_APP}"


def test_default_only_operation_documents_default_alone() -> None:
    responses = json.loads(CONTRACT_SPEC.read_text(encoding="utf-8"))["paths"]["/default-only"]["get"]["responses"]
    assert list(responses) == ["default"]


def test_app_answers_each_row(contract_server_url: str) -> None:
    """The raw answers the client tests build on, seen through plain httpx."""
    with httpx.Client(base_url=contract_server_url) as http:
        listed = http.get("/items")
        assert listed.status_code == 200 and listed.headers["ETag"] == '"items-v1"'
        assert 'rel="next"' in listed.headers["Link"]
        assert http.get("/items/9").status_code == 404
        assert http.get("/items/418").status_code == 418
        gateway = http.get("/items/502")
        assert gateway.status_code == 502 and gateway.headers["content-type"].startswith("text/html")
        assert http.delete("/items/1").status_code == 204
        assert http.post("/imports", params={"queue": True}, json={"name": "x"}).status_code == 202
        assert http.post("/items", json={"name": "anvil"}).json() == {"detail": "anvil exists", "existing_id": 1}
        empty = http.get("/broken/empty")
        assert empty.status_code == 200 and empty.content == b""
        assert http.get("/default-only", params={"status": 500}).json() == {"message": "answered 500"}
        assert http.get("/with-default", params={"status": 201}).status_code == 201
        assert http.get("/items/9/label").text == "no item 9"


def test_committed_auth_document_matches_the_auth_app(auth_server_url: str) -> None:
    """tests/rust/specs/auth.json is what the auth app serves. To refresh it:
    `.venv/bin/python tests/dump_fastapi_openapi.py tests/auth_app tests/rust/specs/auth.json`."""
    served = httpx.get(f"{auth_server_url}/openapi.json").json()
    assert served == json.loads(AUTH_SPEC.read_text(encoding="utf-8")), f"refresh {AUTH_SPEC} from {AUTH_APP}"


def test_auth_app_echoes_and_rotates(auth_server_url: str) -> None:
    """The raw answers the auth tests build on: the echo, a 401 on an expired token, and rotation."""
    with httpx.Client(base_url=auth_server_url) as http:
        echo = http.get("/echo/header-key", params={"api_key": "q"}, headers={"X-API-Key": "k", "Cookie": "session=s"})
        assert echo.json() == {"authorization": None, "x_api_key": "k", "api_key": "q", "cookie": "session=s"}
        tokens = http.post("/token", data={"username": "alice", "password": "wonderland"}).json()
        bearer = {"Authorization": f"Bearer {tokens['access_token']}"}
        assert http.get("/me", headers=bearer).json() == {"username": "alice"}
        assert http.post("/test/expire").status_code == 204
        assert http.get("/me", headers=bearer).status_code == 401
        renewed = http.post("/token/refresh", json={"refresh_token": tokens["refresh_token"]}).json()
        assert renewed["refresh_token"] != tokens["refresh_token"]
        assert http.post("/token/refresh", json={"refresh_token": tokens["refresh_token"]}).status_code == 401
        assert http.get("/me", headers={"Authorization": f"Bearer {renewed['access_token']}"}).status_code == 200
        assert http.get("/test/counters").json() == {"refreshes": 1, "unauthorized": 1}
