"""Contract app: a FastAPI server that answers every row of the README's response contract.

Each operation stands for one situation a client meets when a server steps off the happy path:
documented and undocumented error statuses, `default`, foreign and empty bodies, a 204, two
documented 2xx, headers worth reading. Run it with `python -m uvicorn app:app` from this folder;
`tests/dump_fastapi_openapi.py tests/contract_app` writes its document (committed as tests/rust/specs/contract.json). It keeps no
state: every answer depends on the request alone.
"""

import asyncio
from typing import Any

from fastapi import FastAPI, Query
from fastapi.openapi.utils import get_openapi
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from pydantic import BaseModel

app = FastAPI(
    title="Contract API",
    version="1.0.0",
    description="Answers every row of clientgen's response contract.",
    generate_unique_id_function=lambda route: route.name,
)

BAD_GATEWAY_HTML = "<html><body><h1>502 Bad Gateway</h1></body></html>"
"""What a proxy in front of the app answers when the app is down."""

ETAG = '"items-v1"'
NEXT_PAGE = '</items?page=2>; rel="next"'


class Item(BaseModel):
    """A thing the API keeps."""

    id: int
    name: str


class ItemCreate(BaseModel):
    """What creating an item takes."""

    name: str


class ImportJob(BaseModel):
    """An import that runs later."""

    job_id: str


class NotFoundError(BaseModel):
    """No item has this id."""

    detail: str


class Conflict(BaseModel):
    """The name is taken by another item."""

    detail: str
    existing_id: int


class Message(BaseModel):
    """What the `default`-only operation answers, success or not."""

    message: str


class Problem(BaseModel):
    """The error every status but 200 of `get_with_default` answers."""

    title: str
    status: int


ITEMS = {1: Item(id=1, name="anvil"), 2: Item(id=2, name="bucket")}
ARCHIVED = 2
TEAPOT = 418
BAD_GATEWAY = 502
NOT_FOUND = {404: {"model": NotFoundError, "description": "No item has this id"}}


def not_found(item_id: int) -> JSONResponse:
    return JSONResponse({"detail": f"Item {item_id} not found"}, status_code=404)


def bad_gateway() -> HTMLResponse:
    return HTMLResponse(BAD_GATEWAY_HTML, status_code=BAD_GATEWAY)


@app.get("/health", include_in_schema=False)
def health() -> dict[str, str]:
    return {"status": "ok"}


@app.get("/items", response_model=list[Item])
def list_items() -> Response:
    """Every item, with pagination and caching headers (`Link`, `ETag`, `X-Total-Count`)."""
    body = [item.model_dump() for item in ITEMS.values()]
    headers = {"Link": NEXT_PAGE, "ETag": ETAG, "X-Total-Count": str(len(body))}
    return JSONResponse(body, headers=headers)


@app.post(
    "/items",
    response_model=Item,
    status_code=201,
    responses={409: {"model": Conflict, "description": "The name is taken"}},
)
def create_item(item: ItemCreate) -> Any:
    """Creates an item; a taken name answers 409 with the item that has it."""
    for existing in ITEMS.values():
        if existing.name == item.name:
            detail = f"{item.name} exists"
            return JSONResponse({"detail": detail, "existing_id": existing.id}, status_code=409)
    return Item(id=len(ITEMS) + 1, name=item.name)


@app.get("/items/{item_id}", response_model=Item, responses=NOT_FOUND)
def get_item(item_id: int) -> Any:
    """One item. Id 418 answers an undocumented 418 (JSON), id 502 an HTML 502 as a proxy would."""
    if item_id == TEAPOT:
        return JSONResponse({"detail": "I'm a teapot"}, status_code=TEAPOT)
    if item_id == BAD_GATEWAY:
        return bad_gateway()
    if item_id not in ITEMS:
        return not_found(item_id)
    return ITEMS[item_id]


@app.delete("/items/{item_id}", status_code=204, response_class=Response, responses=NOT_FOUND)
def delete_item(item_id: int) -> Response:
    """Deletes nothing, but answers as if it did: 204 without a body, or 404."""
    if item_id not in ITEMS:
        return not_found(item_id)
    return Response(status_code=204)


@app.post(
    "/items/{item_id}/archive",
    status_code=204,
    response_class=Response,
    responses={**NOT_FOUND, 409: {"description": "Already archived (no body)"}},
)
def archive_item(item_id: int) -> Response:
    """Archives an item: 204, or a documented 409 without a body (item 2 is archived already)."""
    if item_id not in ITEMS:
        return not_found(item_id)
    if item_id == ARCHIVED:
        return Response(status_code=409)
    return Response(status_code=204)


@app.post(
    "/imports",
    response_model=Item,
    status_code=201,
    responses={202: {"model": ImportJob, "description": "Queued: the item comes later"}},
)
def import_item(item: ItemCreate, queue: bool = False) -> Any:
    """Two documented successes: 201 with the item now, or 202 with a job when `queue` is true."""
    if queue:
        return JSONResponse({"job_id": f"job-{item.name}"}, status_code=202)
    return Item(id=len(ITEMS) + 1, name=item.name)


@app.get(
    "/items/{item_id}/label",
    response_class=PlainTextResponse,
    responses={404: {"content": {"text/plain": {"schema": {"type": "string"}}}, "description": "No item has this id"}},
)
def get_item_label(item_id: int) -> PlainTextResponse:
    """The item's name as text; a 404 answers text too."""
    if item_id not in ITEMS:
        return PlainTextResponse(f"no item {item_id}", status_code=404)
    return PlainTextResponse(ITEMS[item_id].name)


@app.get("/broken/{kind}", response_model=Item)
def get_broken_item(kind: str) -> Response:
    """A 200 whose body is not the documented `Item`: `html` (an HTML page), `empty` (no body at
    all), `invalid` (JSON of another shape), `text` (`text/plain`)."""
    if kind == "html":
        return HTMLResponse("<html><body>maintenance</body></html>")
    if kind == "empty":
        return Response(status_code=200, media_type="application/json")
    if kind == "text":
        return PlainTextResponse("anvil")
    return JSONResponse({"id": "one", "label": 5})


@app.get("/default-only", responses={"default": {"model": Message, "description": "Any answer"}})
def run_default_only(status: int = 200, html: bool = False) -> Response:
    """Documents `default` alone. Answers `status` with a `Message`, or with an HTML page when
    `html` is true."""
    if html:
        return HTMLResponse(BAD_GATEWAY_HTML, status_code=status)
    return JSONResponse({"message": f"answered {status}"}, status_code=status)


@app.get(
    "/with-default",
    response_model=Item,
    responses={"default": {"model": Problem, "description": "Any error"}},
)
def get_with_default(status: int = 200, html: bool = False) -> Response:
    """Documents 200 and `default`. Answers `status`: 200 with an item, another 2xx with an item
    too (undocumented: `default` stands for the errors), else a `Problem` (an HTML page when
    `html` is true)."""
    if html:
        return HTMLResponse(BAD_GATEWAY_HTML, status_code=status)
    if 200 <= status < 300:
        return JSONResponse(ITEMS[1].model_dump(), status_code=status)
    return JSONResponse({"title": "It failed", "status": status}, status_code=status)


@app.get("/slow", response_model=Message)
async def slow(seconds: float = Query(1.0, ge=0, le=30)) -> Message:
    """Answers after `seconds`: for timeouts."""
    await asyncio.sleep(seconds)
    return Message(message=f"slept {seconds}")


def openapi() -> dict[str, Any]:
    """FastAPI's document, with `run_default_only` documenting `default` alone (FastAPI always
    adds the route's own status and a 422)."""
    if app.openapi_schema is None:
        document = get_openapi(
            title=app.title, version=app.version, description=app.description, routes=app.routes
        )
        responses = document["paths"]["/default-only"]["get"]["responses"]
        for status in ("200", "422"):
            responses.pop(status, None)
        app.openapi_schema = document
    return app.openapi_schema


app.openapi = openapi  # type: ignore[method-assign]
