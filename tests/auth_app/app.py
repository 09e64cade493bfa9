"""Auth app: a FastAPI server that shows which credentials each call carried, and an OAuth2 password flow with
rotating refresh tokens.

The `echo_*` operations each declare one security requirement (or alternatives, or a pair) and answer with what
arrived — the `Authorization` header, `X-API-Key`, the `api_key` query parameter and the `Cookie` header — whatever
it is: they never refuse a call, so a test sees exactly what a client sent. `me` is the one operation that checks
its bearer token, so that a client's refresh hook has a 401 to answer. Run it with `python -m uvicorn app:app` from
this folder; `tests/dump_fastapi_openapi.py tests/auth_app` writes its document (committed as tests/rust/specs/auth.json). State lives in
memory; `POST /test/reset` clears it.
"""

import itertools
import secrets
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Form, HTTPException, Request, status
from fastapi.openapi.utils import get_openapi
from fastapi.security import (
    APIKeyCookie,
    APIKeyHeader,
    APIKeyQuery,
    HTTPBasic,
    HTTPBearer,
    OAuth2PasswordBearer,
)
from pydantic import BaseModel

app = FastAPI(
    title="Auth API",
    version="1.0.0",
    description="Echoes the credentials each call carried; OAuth2 with rotating refresh tokens.",
    generate_unique_id_function=lambda route: route.name,
)

USERNAME, PASSWORD = "alice", "wonderland"

# auto_error=False everywhere: the schemes are declared for the document, and the echo never refuses.
bearer = HTTPBearer(scheme_name="bearerAuth", auto_error=False)
basic = HTTPBasic(scheme_name="basicAuth", auto_error=False)
header_key = APIKeyHeader(name="X-API-Key", scheme_name="headerKey", auto_error=False)
query_key = APIKeyQuery(name="api_key", scheme_name="queryKey", auto_error=False)
cookie_key = APIKeyCookie(name="session", scheme_name="cookieKey", auto_error=False)
oauth2 = OAuth2PasswordBearer(
    tokenUrl="token", refreshUrl="token/refresh", scheme_name="oauth2", auto_error=False
)


class Received(BaseModel):
    """The credentials a call carried, as they arrived (null: absent)."""

    authorization: str | None
    x_api_key: str | None
    api_key: str | None
    cookie: str | None


class Tokens(BaseModel):
    """An OAuth2 token response; every refresh rotates the refresh token."""

    access_token: str
    refresh_token: str
    token_type: str = "bearer"


class RefreshRequest(BaseModel):
    """The refresh token to trade for a new pair."""

    refresh_token: str


class Identity(BaseModel):
    """Who a valid access token belongs to."""

    username: str


class Counters(BaseModel):
    """How many refreshes and 401s the server has seen since the last reset."""

    refreshes: int
    unauthorized: int


class Store:
    """The server's tokens."""

    def __init__(self) -> None:
        self.clear()

    def clear(self) -> None:
        self.access: set[str] = set()
        self.refresh: set[str] = set()
        self.refreshes = 0
        self.unauthorized = 0
        self.serial = itertools.count(1)

    def issue(self) -> Tokens:
        n = next(self.serial)
        tokens = Tokens(access_token=f"access-{n}-{secrets.token_hex(4)}", refresh_token=f"refresh-{n}-{secrets.token_hex(4)}")
        self.access.add(tokens.access_token)
        self.refresh.add(tokens.refresh_token)
        return tokens


store = Store()


def received(request: Request) -> Received:
    return Received(
        authorization=request.headers.get("authorization"),
        x_api_key=request.headers.get("x-api-key"),
        api_key=request.query_params.get("api_key"),
        cookie=request.headers.get("cookie"),
    )


@app.get("/health", include_in_schema=False)
def health() -> dict[str, str]:
    return {"status": "ok"}


@app.get("/echo/public")
def echo_public(request: Request) -> Received:
    """No security: a client sends no credential."""
    return received(request)


@app.get("/echo/bearer", dependencies=[Depends(bearer)])
def echo_bearer(request: Request) -> Received:
    """Secured by `bearerAuth` (HTTP bearer)."""
    return received(request)


@app.get("/echo/oauth2", dependencies=[Depends(oauth2)])
def echo_oauth2(request: Request) -> Received:
    """Secured by `oauth2` (OAuth2 password flow: a bearer token too, under another scheme)."""
    return received(request)


@app.get("/echo/basic", dependencies=[Depends(basic)])
def echo_basic(request: Request) -> Received:
    """Secured by `basicAuth` (HTTP basic)."""
    return received(request)


@app.get("/echo/header-key", dependencies=[Depends(header_key)])
def echo_header_key(request: Request) -> Received:
    """Secured by `headerKey` (API key in the `X-API-Key` header)."""
    return received(request)


@app.get("/echo/query-key", dependencies=[Depends(query_key)])
def echo_query_key(request: Request) -> Received:
    """Secured by `queryKey` (API key in the `api_key` query parameter)."""
    return received(request)


@app.get("/echo/cookie-key", dependencies=[Depends(cookie_key)])
def echo_cookie_key(request: Request) -> Received:
    """Secured by `cookieKey` (API key in the `session` cookie)."""
    return received(request)


@app.get("/echo/bearer-or-header-key", dependencies=[Depends(bearer), Depends(header_key)])
def echo_bearer_or_header_key(request: Request) -> Received:
    """Secured by `bearerAuth` or `headerKey` (two alternatives: the first whose credentials are set goes)."""
    return received(request)


@app.get("/echo/header-key-and-cookie-key", dependencies=[Depends(header_key), Depends(cookie_key)])
def echo_header_key_and_cookie_key(request: Request) -> Received:
    """Secured by `headerKey` and `cookieKey` together (one requirement naming both: both or nothing)."""
    return received(request)


@app.post("/token")
def token(username: Annotated[str, Form()], password: Annotated[str, Form()]) -> Tokens:
    """OAuth2 password flow: a username and password (form-urlencoded) for an access and a refresh token."""
    if (username, password) != (USERNAME, PASSWORD):
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "Invalid credentials")
    return store.issue()


@app.post("/token/refresh")
def refresh_token(body: RefreshRequest) -> Tokens:
    """A refresh token for a new pair; the refresh token given is spent (rotation)."""
    if body.refresh_token not in store.refresh:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "Invalid refresh token")
    store.refresh.discard(body.refresh_token)
    store.refreshes += 1
    return store.issue()


@app.get("/me", dependencies=[Depends(oauth2)])
def me(request: Request) -> Identity:
    """Who the access token belongs to; 401 when it is unknown or expired (see `POST /test/expire`)."""
    authorization = request.headers.get("authorization", "")
    if authorization.removeprefix("Bearer ") not in store.access:
        store.unauthorized += 1
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "Token expired", {"WWW-Authenticate": "Bearer"})
    return Identity(username=USERNAME)


@app.post("/test/expire", status_code=204, include_in_schema=False)
def expire() -> None:
    """Every access token issued so far stops working (refresh tokens keep working)."""
    store.access.clear()


@app.get("/test/counters", include_in_schema=False)
def counters() -> Counters:
    return Counters(refreshes=store.refreshes, unauthorized=store.unauthorized)


@app.post("/test/reset", status_code=204, include_in_schema=False)
def reset() -> None:
    store.clear()


def openapi() -> dict[str, Any]:
    """FastAPI's document, with `echo_header_key_and_cookie_key` requiring both keys in one requirement (FastAPI
    writes one requirement per dependency, which means either)."""
    if app.openapi_schema is None:
        document = get_openapi(
            title=app.title, version=app.version, description=app.description, routes=app.routes
        )
        operation = document["paths"]["/echo/header-key-and-cookie-key"]["get"]
        operation["security"] = [{"headerKey": [], "cookieKey": []}]
        app.openapi_schema = document
    return app.openapi_schema


app.openapi = openapi  # type: ignore[method-assign]
