"""The README's response contract, row by row, in every Python style, against the contract app (tests/contract_app).

The contract app's document (`CONTRACT_SPEC`) is generated once in each style: functions and class, sync and async
(through `support.connections`, as the reference app's packages are), and the package style, whose operations are
called with `sync`/`sync_detailed` or awaited `asyncio`/`asyncio_detailed`. Each test is one row of the table for
every style: what comes back, or what is raised, and that the status, headers and raw body are reachable.
`typed_contract_usage.py` is the same contract as user code, checked by mypy --strict and pyright --strict.
"""

import contextlib
import importlib
import json
import shutil
import subprocess
import sys
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pydantic
import pytest

from support import CONTRACT_SPEC, REPO_ROOT, Operations, Package, connections, free_port, generate_python
from venv_support import run_mypy

FUNCTION_STYLES = (
    Package("contract_functions", is_async=False, is_class=False),
    Package("contract_class", is_async=False, is_class=True),
    Package("contract_async", is_async=True, is_class=False),
    Package("contract_async_class", is_async=True, is_class=True),
)
PACKAGE_STYLE = "contract_package"
STYLES = (*(package.flavour for package in FUNCTION_STYLES), "package-sync", "package-async")
TYPED_USAGE = Path(__file__).with_name("typed_contract_usage.py")
PYRIGHT = REPO_ROOT / "tests" / "tools" / "node_modules" / ".bin" / "pyright"

TEAPOT_JSON = {"detail": "I'm a teapot"}
BAD_GATEWAY_HTML = "<html><body><h1>502 Bad Gateway</h1></body></html>"


@pytest.fixture(scope="module")
def contract_packages(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The folder holding the contract client in every style, importable while the module's tests run."""
    folder = tmp_path_factory.mktemp("contract") / "pkgs"
    folder.mkdir()
    for package in FUNCTION_STYLES:
        generate_python(CONTRACT_SPEC, folder / package.name, *package.generator_options)
    generate_python(CONTRACT_SPEC, folder / PACKAGE_STYLE, "--python-style", "package")
    # The package style's folder is a project that holds the import package.
    roots = [str(folder / PACKAGE_STYLE), str(folder)]
    sys.path[:0] = roots
    yield folder
    for root in roots:
        sys.path.remove(root)


class PackageOperations:
    """The package style's operations as `ops.get_item(...)` and `ops.get_item_detailed(...)`: `sync`/`sync_detailed`
    of `api.default.get_item`, or their `asyncio` forms; a JSON body is `data=` as in the other styles."""

    def __init__(self, client: Any, is_async: bool) -> None:
        self._client = client
        self._prefix = "asyncio" if is_async else "sync"

    def __getattr__(self, name: str) -> Callable[..., Any]:
        operation = name.removesuffix("_detailed")
        suffix = "_detailed" if operation != name else ""
        module = importlib.import_module(f"{PACKAGE_STYLE}.api.default.{operation}")
        function = getattr(module, self._prefix + suffix)
        return lambda data=None, **kwargs: function(
            client=self._client, **kwargs, **({} if data is None else {"json_body": data})
        )


@dataclass
class Contract:
    """The contract client of one style: its operations (each awaitable), its models, and its package, which exports
    `Response`, `ApiError`, `UnexpectedStatus` and `UnexpectedBody`."""

    ops: Operations
    schemas: ModuleType
    package: ModuleType
    base_url: str


Connect = Callable[..., Awaitable[Contract]]


@pytest.fixture(params=STYLES)
async def connect(
    request: pytest.FixtureRequest, contract_packages: Path, contract_server_url: str, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[Connect]:
    """`await connect(base_url=..., timeout=..., raise_on_unexpected_status=...)`: the contract client of each style
    in turn, on the contract app unless `base_url` says otherwise."""
    style: str = request.param
    async with contextlib.AsyncExitStack() as stack:

        async def connect_(base_url: str = contract_server_url, **settings: Any) -> Contract:
            if style.startswith("package"):
                package = importlib.import_module(PACKAGE_STYLE)
                client = package.Client(base_url=base_url, **settings)
                if style == "package-async":
                    await stack.enter_async_context(client)
                else:
                    stack.enter_context(client)
                ops = Operations(PackageOperations(client, style == "package-async"), lambda: None)
                return Contract(ops, importlib.import_module(f"{PACKAGE_STYLE}.models"), package, base_url)
            flavour = next(package for package in FUNCTION_STYLES if package.flavour == style)
            connect_flavour = await stack.enter_async_context(connections(flavour, base_url, monkeypatch))
            api = await connect_flavour(**settings)
            return Contract(api.ops, api.schemas, importlib.import_module(flavour.name), base_url)

        yield connect_


@pytest.fixture
async def contract(connect: Connect) -> Contract:
    """The contract client of each style in turn, on the contract app."""
    return await connect()


def assert_json_content(response: Any, expected: object) -> None:
    """The raw body of a `Response` or an `ApiError` is the JSON `expected`, sent as JSON."""
    assert response.headers["content-type"] == "application/json"
    assert json.loads(response.content) == expected


async def test_documented_2xx_with_a_body_returns_the_model(contract: Contract) -> None:
    item = await contract.ops.get_item(item_id=1)
    assert type(item) is contract.schemas.Item and item == contract.schemas.Item(id=1, name="anvil")
    detailed = await contract.ops.get_item_detailed(item_id=1)
    assert isinstance(detailed, contract.package.Response)
    assert (detailed.status_code, detailed.parsed) == (200, item)
    assert_json_content(detailed, {"id": 1, "name": "anvil"})


async def test_headers_are_reachable_through_detailed(contract: Contract) -> None:
    items = await contract.ops.list_items()
    assert [item.name for item in items] == ["anvil", "bucket"]
    detailed = await contract.ops.list_items_detailed()
    assert detailed.parsed == items and detailed.status_code == 200
    assert detailed.headers["ETag"] == '"items-v1"'
    assert detailed.headers["Link"] == '</items?page=2>; rel="next"'
    assert detailed.headers["X-Total-Count"] == "2"


async def test_documented_2xx_without_a_body_returns_none(contract: Contract) -> None:
    assert await contract.ops.delete_item(item_id=1) is None
    detailed = await contract.ops.delete_item_detailed(item_id=1)
    assert (detailed.status_code, detailed.parsed, detailed.content) == (204, None, b"")


async def test_several_documented_2xx_return_the_model_of_the_status(contract: Contract) -> None:
    schemas = contract.schemas
    body = schemas.ItemCreate(name="crate")
    assert await contract.ops.import_item(data=body) == schemas.Item(id=3, name="crate")
    queued = await contract.ops.import_item_detailed(data=body, queue=True)
    assert queued.status_code == 202 and queued.parsed == schemas.ImportJob(job_id="job-crate")
    assert type(queued.parsed) is schemas.ImportJob
    assert (await contract.ops.import_item_detailed(data=body)).status_code == 201


async def test_documented_409_is_returned_as_a_value(contract: Contract) -> None:
    taken = contract.schemas.ItemCreate(name="anvil")
    conflict = await contract.ops.create_item(data=taken)
    assert type(conflict) is contract.schemas.Conflict
    assert conflict == contract.schemas.Conflict(detail="anvil exists", existing_id=1)
    detailed = await contract.ops.create_item_detailed(data=taken)
    assert detailed.status_code == 409 and detailed.parsed == conflict
    assert_json_content(detailed, {"detail": "anvil exists", "existing_id": 1})


async def test_documented_404_is_returned_as_a_value(contract: Contract) -> None:
    missing = await contract.ops.get_item(item_id=9)
    assert type(missing) is contract.schemas.NotFoundError and missing.detail == "Item 9 not found"
    detailed = await contract.ops.get_item_detailed(item_id=9)
    assert detailed.status_code == 404 and detailed.parsed == missing


async def test_documented_error_without_a_body_raises_api_error(contract: Contract) -> None:
    assert await contract.ops.archive_item(item_id=1) is None
    for call in (contract.ops.archive_item, contract.ops.archive_item_detailed):
        with pytest.raises(contract.package.ApiError) as raised:
            await call(item_id=2)
        assert type(raised.value) is contract.package.ApiError  # neither UnexpectedStatus nor UnexpectedBody
        assert (raised.value.status_code, raised.value.content, raised.value.body) == (409, b"", "")
        assert raised.value.headers["content-length"] == "0"


async def test_undocumented_status_raises_unexpected_status(contract: Contract) -> None:
    for call in (contract.ops.get_item, contract.ops.get_item_detailed):
        with pytest.raises(contract.package.UnexpectedStatus) as raised:
            await call(item_id=418)
        error = raised.value
        assert isinstance(error, contract.package.ApiError)
        assert error.status_code == 418 and error.body == TEAPOT_JSON
        assert_json_content(error, TEAPOT_JSON)


async def test_undocumented_html_502_raises_unexpected_status(contract: Contract) -> None:
    with pytest.raises(contract.package.UnexpectedStatus) as raised:
        await contract.ops.get_item(item_id=502)
    error = raised.value
    assert error.status_code == 502 and error.headers["content-type"].startswith("text/html")
    assert error.content == BAD_GATEWAY_HTML.encode() and error.body == BAD_GATEWAY_HTML


@pytest.mark.parametrize("kind", ["html", "empty", "invalid", "text"])
async def test_body_that_is_not_the_documented_one_raises_unexpected_body(contract: Contract, kind: str) -> None:
    for call in (contract.ops.get_broken_item, contract.ops.get_broken_item_detailed):
        with pytest.raises(contract.package.UnexpectedBody) as raised:
            await call(kind=kind)
        error = raised.value
        assert isinstance(error, contract.package.ApiError) and not isinstance(error, pydantic.ValidationError)
        assert error.status_code == 200
        raw = httpx.get(f"{contract.base_url}/broken/{kind}")
        assert error.content == raw.content and error.headers["content-type"] == raw.headers["content-type"]
        if kind == "invalid":
            assert isinstance(error.__cause__, pydantic.ValidationError)
            assert error.body == {"id": "one", "label": 5}
        if kind == "empty":
            assert error.content == b"" and error.body == ""


async def test_default_only_2xx_returns_the_default_body_as_success(contract: Contract) -> None:
    message = await contract.ops.run_default_only(status=200)
    assert type(message) is contract.schemas.Message and message.message == "answered 200"
    detailed = await contract.ops.run_default_only_detailed(status=201)
    assert detailed.status_code == 201 and detailed.parsed == contract.schemas.Message(message="answered 201")


async def test_default_only_error_status_returns_the_default_body_as_a_value(contract: Contract) -> None:
    assert await contract.ops.run_default_only(status=500) == contract.schemas.Message(message="answered 500")
    detailed = await contract.ops.run_default_only_detailed(status=500)
    assert detailed.status_code == 500 and detailed.parsed.message == "answered 500"
    assert_json_content(detailed, {"message": "answered 500"})


async def test_default_only_html_502_raises_unexpected_body(contract: Contract) -> None:
    with pytest.raises(contract.package.UnexpectedBody) as raised:
        await contract.ops.run_default_only(status=502, html=True)
    assert raised.value.status_code == 502 and raised.value.body == BAD_GATEWAY_HTML


async def test_listed_200_beside_default_returns_the_model(contract: Contract) -> None:
    assert await contract.ops.get_with_default() == contract.schemas.Item(id=1, name="anvil")


async def test_default_beside_a_listed_200_is_returned_for_errors(contract: Contract) -> None:
    problem = await contract.ops.get_with_default(status=503)
    assert type(problem) is contract.schemas.Problem and problem == contract.schemas.Problem(title="It failed", status=503)
    assert (await contract.ops.get_with_default_detailed(status=503)).status_code == 503


async def test_unlisted_2xx_beside_a_listed_200_raises_unexpected_status(contract: Contract) -> None:
    with pytest.raises(contract.package.UnexpectedStatus) as raised:
        await contract.ops.get_with_default(status=201)
    assert raised.value.status_code == 201 and raised.value.body == {"id": 1, "name": "anvil"}


async def test_documented_text_error_is_returned_as_str(contract: Contract) -> None:
    assert await contract.ops.get_item_label(item_id=1) == "anvil"
    label = await contract.ops.get_item_label(item_id=9)
    assert type(label) is str and label == "no item 9"
    detailed = await contract.ops.get_item_label_detailed(item_id=9)
    assert (detailed.status_code, detailed.parsed, detailed.content) == (404, "no item 9", b"no item 9")
    assert detailed.headers["content-type"].startswith("text/plain")


async def test_timeout_raises_httpx_timeout(connect: Connect) -> None:
    contract = await connect(timeout=0.2)
    with pytest.raises(httpx.TimeoutException):
        await contract.ops.slow(seconds=2)


async def test_closed_port_raises_httpx_connect_error(connect: Connect) -> None:
    contract = await connect(base_url=f"http://127.0.0.1:{free_port()}")
    with pytest.raises(httpx.ConnectError):
        await contract.ops.get_item(item_id=1)


@pytest.mark.parametrize("connect", ["package-sync", "package-async"], indirect=True)
async def test_package_style_lenient_client_gives_none_in_detailed_only(connect: Connect) -> None:
    """`raise_on_unexpected_status=False`: `sync_detailed` gives `parsed=None` for an undocumented status, `sync`
    still raises (it has nothing to return); documented statuses and bodies read as ever."""
    contract = await connect(raise_on_unexpected_status=False)
    detailed = await contract.ops.get_item_detailed(item_id=418)
    assert (detailed.status_code, detailed.parsed) == (418, None)
    assert_json_content(detailed, TEAPOT_JSON)
    errors = importlib.import_module(f"{PACKAGE_STYLE}.errors")
    with pytest.raises(errors.UnexpectedStatus) as raised:
        await contract.ops.get_item(item_id=418)
    assert raised.value.status_code == 418 and json.loads(raised.value.content) == TEAPOT_JSON
    with pytest.raises(errors.UnexpectedBody):
        await contract.ops.get_broken_item_detailed(kind="html")
    assert (await contract.ops.get_item_detailed(item_id=1)).parsed.name == "anvil"


def test_package_style_errors_module_reexports_the_errors(contract_packages: Path) -> None:
    package = importlib.import_module(PACKAGE_STYLE)
    errors = importlib.import_module(f"{PACKAGE_STYLE}.errors")
    assert (errors.ApiError, errors.UnexpectedStatus, errors.UnexpectedBody) == (
        package.ApiError,
        package.UnexpectedStatus,
        package.UnexpectedBody,
    )
    assert issubclass(errors.UnexpectedStatus, errors.ApiError) and issubclass(errors.UnexpectedBody, errors.ApiError)


def test_typed_usage_passes_mypy_strict(contract_packages: Path) -> None:
    roots = [contract_packages / PACKAGE_STYLE, contract_packages]
    result = run_mypy(str(TYPED_USAGE), cwd=contract_packages, mypy_path=roots)
    assert result.returncode == 0, result.stdout + result.stderr


def test_typed_usage_passes_pyright_strict(contract_packages: Path) -> None:
    assert PYRIGHT.is_file(), f"no pyright at {PYRIGHT}: run `npm install --prefix tests/tools` (tests/run.sh does)"
    usage = contract_packages / TYPED_USAGE.name
    shutil.copyfile(TYPED_USAGE, usage)
    config = contract_packages / "pyrightconfig.json"
    config.write_text(
        json.dumps({"typeCheckingMode": "strict", "include": [usage.name], "extraPaths": [PACKAGE_STYLE]})
    )
    command = [str(PYRIGHT), "--project", str(config), "--pythonpath", sys.executable]
    result = subprocess.run(command, cwd=contract_packages, check=False, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
