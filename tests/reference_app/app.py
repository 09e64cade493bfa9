"""Reference API: the FastAPI server that clientgen's generated Python clients are tested against.

Run it with `python -m uvicorn app:app` from this folder. State lives in memory; `POST /reset` clears it.
Every route's function name is its operationId, and its docstring becomes its description; the schemas
are in models.py.
"""

import hashlib
import itertools
from datetime import UTC, datetime
from typing import Annotated
from uuid import uuid4

from fastapi import Cookie, Depends, FastAPI, Form, Header, HTTPException, Query, UploadFile, status
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from fastapi.security import (
    APIKeyHeader,
    APIKeyQuery,
    HTTPBasic,
    HTTPBasicCredentials,
    OAuth2PasswordBearer,
    OAuth2PasswordRequestForm,
)

from models import (
    AvatarUpload,
    ConflictError,
    Identity,
    NotFoundError,
    Priority,
    RequestEcho,
    Ticket,
    TicketCreate,
    Token,
    User,
    UserCreate,
    UserPage,
    UserUpdate,
)

VERSION = "1.0.0"

# The demo accounts, one per auth scheme (the tests import these).
PASSWORD_USERS = {"alice": "wonderland"}  # OAuth2 password flow: username -> password
BEARER_TOKENS = {"alice-token": "alice"}  # token -> username
BASIC_USERS = {"bob": "builder"}  # HTTP Basic: username -> password
API_KEYS = {"carol-key": "carol"}  # X-API-Key header or api_key query: key -> username
LABELS = {"env": "test", "team": "clientgen"}

# generate_unique_id_function: each operationId is the route function's name.
app = FastAPI(title="Reference API", version=VERSION, generate_unique_id_function=lambda route: route.name)


class Store:
    """The server's in-memory state."""

    def __init__(self) -> None:
        self.clear()

    def clear(self) -> None:
        """Go back to the empty state the server starts in."""
        self.users: dict[int, User] = {}
        self.tickets: list[Ticket] = []
        self.avatars: dict[int, tuple[bytes, str]] = {}
        self.ids = itertools.count(1)  # users and tickets share the counter


store = Store()
oauth2_scheme = OAuth2PasswordBearer(tokenUrl="token")
basic_scheme = HTTPBasic()
api_key_header = APIKeyHeader(name="X-API-Key")
api_key_query = APIKeyQuery(name="api_key")
NOT_FOUND = {404: {"model": NotFoundError, "description": "No user has this id"}}
CONFLICT = {409: {"model": ConflictError, "description": "The email is taken"}}


def identify(username: str | None, scheme: str) -> Identity:
    """Who the credentials belong to, or a 401 when nobody (`username` is None)."""
    if username is None:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "Invalid credentials", {"WWW-Authenticate": scheme})
    return Identity(username=username, scheme=scheme)


def find_user(user_id: int) -> User:
    """The user with this id, or a 404 whose body matches NotFoundError."""
    if user_id not in store.users:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"User {user_id} not found")
    return store.users[user_id]


@app.post("/reset", status_code=status.HTTP_204_NO_CONTENT, tags=["admin"])
def reset() -> None:
    """Forget every user and ticket (tests call this before each test)."""
    store.clear()


@app.get("/users", tags=["users"])
def list_users(limit: Annotated[int, Query(ge=1, le=100)] = 20, offset: Annotated[int, Query(ge=0)] = 0) -> UserPage:
    """List users in creation order, one page at a time."""
    users = list(store.users.values())
    return UserPage(items=users[offset : offset + limit], total=len(users), limit=limit, offset=offset)


@app.get("/users/{user_id}", responses=NOT_FOUND, tags=["users"])
def get_user(user_id: int) -> User:
    """Fetch one user."""
    return find_user(user_id)


@app.post("/users", status_code=status.HTTP_201_CREATED, response_model=User, responses=CONFLICT, tags=["users"])
def create_user(body: UserCreate) -> User | JSONResponse:
    """Create a user; emails are unique."""
    for existing in store.users.values():
        if existing.email == body.email:
            conflict = ConflictError(detail=f"Email {body.email} is taken", existing_id=existing.id)
            return JSONResponse(conflict.model_dump(), status_code=status.HTTP_409_CONFLICT)
    user = User(id=next(store.ids), created_at=datetime.now(UTC), external_id=uuid4(), **body.model_dump())
    store.users[user.id] = user
    return user


@app.patch("/users/{user_id}", responses=NOT_FOUND, tags=["users"])
def update_user(user_id: int, body: UserUpdate) -> User:
    """Change the fields the client sent, and only those."""
    updated = find_user(user_id).model_copy(update=body.model_dump(exclude_unset=True))
    store.users[user_id] = updated
    return updated


@app.delete("/users/{user_id}", status_code=status.HTTP_204_NO_CONTENT, responses=NOT_FOUND, tags=["users"])
def delete_user(user_id: int) -> None:
    """Delete a user."""
    find_user(user_id)
    del store.users[user_id]


@app.post("/users/{user_id}/avatar", responses=NOT_FOUND, tags=["users"])
async def upload_avatar(
    user_id: int, file: UploadFile, description: Annotated[str | None, Form()] = None
) -> AvatarUpload:
    """Upload a user's avatar image (multipart); the server reports what it received."""
    find_user(user_id)
    content = await file.read()
    store.avatars[user_id] = (content, file.content_type or "application/octet-stream")
    return AvatarUpload(
        filename=file.filename,
        size=len(content),
        content_type=file.content_type,
        description=description,
        sha256=hashlib.sha256(content).hexdigest(),
    )


AVATAR_IMAGE = {200: {"content": {"image/png": {"schema": {"type": "string", "format": "binary"}}}, "description": "The image"}}


@app.get("/users/{user_id}/avatar", response_class=Response, responses=AVATAR_IMAGE | NOT_FOUND, tags=["users"])
def get_avatar(user_id: int) -> Response:
    """Download the avatar image last uploaded for a user (a binary response)."""
    if user_id not in store.avatars:
        return JSONResponse({"detail": f"user {user_id} has no avatar"}, status_code=status.HTTP_404_NOT_FOUND)
    content, media_type = store.avatars[user_id]
    return Response(content, media_type=media_type)


@app.post("/token", tags=["auth"])
def token(form: Annotated[OAuth2PasswordRequestForm, Depends()]) -> Token:
    """Trade a username and password (form-urlencoded) for a bearer token."""
    if PASSWORD_USERS.get(form.username) != form.password:
        raise HTTPException(status.HTTP_400_BAD_REQUEST, "Incorrect username or password")
    access_token = next(t for t, name in BEARER_TOKENS.items() if name == form.username)
    return Token(access_token=access_token, token_type="bearer")


@app.get("/me", tags=["auth"])
def get_me(access_token: Annotated[str, Depends(oauth2_scheme)]) -> Identity:
    """Who the bearer token belongs to."""
    return identify(BEARER_TOKENS.get(access_token), "bearer")


@app.get("/whoami/basic", tags=["auth"])
def basic_whoami(credentials: Annotated[HTTPBasicCredentials, Depends(basic_scheme)]) -> Identity:
    """Who the HTTP Basic credentials belong to."""
    known = BASIC_USERS.get(credentials.username) == credentials.password
    return identify(credentials.username if known else None, "basic")


@app.get("/whoami/api-key", tags=["auth"])
def api_key_whoami(key: Annotated[str, Depends(api_key_header)]) -> Identity:
    """Who the X-API-Key header belongs to."""
    return identify(API_KEYS.get(key), "api_key_header")


@app.get("/whoami/api-key-query", tags=["auth"])
def api_key_query_whoami(key: Annotated[str, Depends(api_key_query)]) -> Identity:
    """Who the api_key query parameter belongs to."""
    return identify(API_KEYS.get(key), "api_key_query")


@app.post("/tickets", status_code=status.HTTP_201_CREATED, tags=["tickets"])
def create_ticket(body: TicketCreate) -> Ticket:
    """Open a ticket."""
    ticket = Ticket(id=next(store.ids), created_at=datetime.now(UTC), **body.model_dump())
    store.tickets.append(ticket)
    return ticket


@app.get("/tickets", tags=["tickets"])
def list_tickets(priority: Priority | None = None) -> list[Ticket]:
    """List tickets, optionally only those of one priority."""
    return [t for t in store.tickets if priority is None or t.priority == priority]


@app.get("/labels", tags=["meta"])
def get_labels() -> dict[str, str]:
    """The server's labels, as a free-form string map."""
    return LABELS


@app.get("/version", response_class=PlainTextResponse, tags=["meta"])
def get_version_text() -> str:
    """The server's version, as plain text."""
    return f"Reference API {VERSION}"


@app.get("/health", tags=["meta"])
def is_healthy() -> bool:
    """Whether the server is up: a bare JSON `true`."""
    return True


@app.get("/echo", tags=["meta"])
def echo_request(
    x_request_id: Annotated[str | None, Header(alias="X-Request-ID")] = None,
    session_id: Annotated[str | None, Cookie()] = None,
) -> RequestEcho:
    """Echo the X-Request-ID header and the session_id cookie."""
    return RequestEcho(x_request_id=x_request_id, session_id=session_id)
