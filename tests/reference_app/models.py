"""The Reference API's schemas: pydantic models and enums (their class names become the spec's schema names)."""

from datetime import date, datetime
from enum import Enum, IntEnum
from uuid import UUID

from pydantic import BaseModel, Field


class Role(str, Enum):
    """What a user may do."""

    admin = "admin"
    member = "member"
    guest = "guest"


class Priority(IntEnum):
    """Ticket priority, 1 (low) to 3 (high); OpenAPI carries only the numbers."""

    low = 1
    normal = 2
    high = 3


class Status(str, Enum):
    """Where a ticket is in its life."""

    open = "open"
    in_progress = "in_progress"
    closed = "closed"


class Address(BaseModel):
    """A postal address."""

    street: str
    city: str
    country_code: str | None = None


class UserCreate(BaseModel):
    """What a client sends to create a user."""

    name: str
    email: str
    role: Role = Role.member
    tags: list[str] = []
    address: Address | None = None


class UserUpdate(BaseModel):
    """A partial update: only the fields the client sends are applied; an explicit null clears a field."""

    name: str | None = None
    email: str | None = None
    role: Role | None = None
    nickname: str | None = None


class User(UserCreate):
    """A user as stored by the server."""

    id: int
    nickname: str | None = None
    created_at: datetime
    external_id: UUID


class UserPage(BaseModel):
    """One page of users."""

    items: list[User]
    total: int
    limit: int
    offset: int


class NotFoundError(BaseModel):
    """The thing named in the path does not exist."""

    detail: str


class ConflictError(BaseModel):
    """The request clashes with an existing user."""

    detail: str
    existing_id: int


class AvatarUpload(BaseModel):
    """What the server received in an avatar upload."""

    filename: str | None
    size: int
    content_type: str | None
    description: str | None
    sha256: str


class Token(BaseModel):
    """An OAuth2 access token."""

    access_token: str
    token_type: str


class Identity(BaseModel):
    """Who the server saw, and through which auth scheme."""

    username: str
    scheme: str


class TicketCreate(BaseModel):
    """What a client sends to open a ticket."""

    title: str = Field(min_length=1, max_length=100, pattern=r"^\S")
    priority: Priority = Priority.normal
    status: Status = Status.open
    due_on: date | None = None


class Ticket(TicketCreate):
    """A ticket as stored by the server."""

    id: int
    created_at: datetime


class RequestEcho(BaseModel):
    """The header and cookie values the server received."""

    x_request_id: str | None
    session_id: str | None
