"""What the tests of the Django REST Framework reference app (tests/drf_app) share: where it is, its demo account,
its two OpenAPI documents, and plain-httpx helpers to sign up and log in.

The fixtures themselves live in conftest.py: `drf_spec_paths` (the documents), `drf_server_url` (the live app,
`http://127.0.0.1:<port>`; every route is under `/api/`). Each test that uses `drf_server_url` starts from a reset
database: no tickets, messages or attachments, and one user, the demo account below, whose id is 1.
"""

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

import httpx
import pytest

from support import REPO_ROOT

DRF_APP = REPO_ROOT / "tests" / "drf_app"
# The app's routes are all under this prefix (the documents' paths include it).
API = "/api"
# The route the fixtures call before each test; it exists only when the server runs with HELPDESK_TEST_RESET=1.
RESET_PATH = "/api/test/reset/"
# The demo account POST /api/test/reset/ recreates (HELPDESK_DEMO_USER in tests/drf_app/helpdesk/settings.py).
DEMO_USER_ID, DEMO_USERNAME, DEMO_PASSWORD, DEMO_EMAIL = 1, "alice", "wonderland-42", "alice@example.com"
DUMP_TIMEOUT = 120.0
HTTP_TIMEOUT = 10.0


class DrfSpecs(NamedTuple):
    """The app's two OpenAPI documents: drf-spectacular's defaults, and COMPONENT_SPLIT_REQUEST=True."""

    default: Path
    split: Path


def dump_drf_specs(folder: Path) -> DrfSpecs:
    """Write both documents into `folder` with this Python's drf-spectacular; fail the test with its output if not."""
    specs = DrfSpecs(default=folder / "openapi.json", split=folder / "openapi-split-request.json")
    for options, path in (([], specs.default), (["--split-request"], specs.split)):
        command = [sys.executable, str(DRF_APP / "dump_openapi.py"), *options, str(path)]
        result = subprocess.run(command, check=False, capture_output=True, text=True, timeout=DUMP_TIMEOUT)
        if result.returncode != 0 or not path.is_file():
            pytest.fail(f"`{' '.join(command)}` exited {result.returncode}:\n{result.stdout}{result.stderr}")
    return specs


@dataclass(frozen=True)
class Tokens:
    """A simplejwt token pair."""

    access: str
    refresh: str

    @property
    def headers(self) -> dict[str, str]:
        """The Authorization header that logs in with the access token."""
        return bearer(self.access)


def bearer(access: str) -> dict[str, str]:
    """`{"Authorization": "Bearer <access>"}`."""
    return {"Authorization": f"Bearer {access}"}


def signup(url: str, username: str, password: str, **fields: Any) -> dict[str, Any]:
    """POST /api/auth/signup/ and return the created account (fails the test unless 201)."""
    response = httpx.post(
        f"{url}{API}/auth/signup/", json={"username": username, "password": password, **fields}, timeout=HTTP_TIMEOUT
    )
    assert response.status_code == 201, response.text
    return dict(response.json())


def login(url: str, username: str = DEMO_USERNAME, password: str = DEMO_PASSWORD) -> Tokens:
    """POST /api/auth/token/ and return the pair (fails the test unless 200); the demo account by default."""
    response = httpx.post(
        f"{url}{API}/auth/token/", json={"username": username, "password": password}, timeout=HTTP_TIMEOUT
    )
    assert response.status_code == 200, response.text
    body = response.json()
    return Tokens(access=body["access"], refresh=body["refresh"])


def reset(url: str) -> None:
    """Empty the app's database and uploads and recreate the demo account (what each test starts from)."""
    httpx.post(f"{url}{RESET_PATH}", timeout=HTTP_TIMEOUT).raise_for_status()
