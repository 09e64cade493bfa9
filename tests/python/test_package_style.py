"""The package style (`--python-style package`): an installable package per API.

The reference app's spec is generated as the project `cfg_support` (`pyproject.toml` beside the import package
`cfg_support/cfg_support`), installed with `pip install -e` into a fresh venv (which sees this venv's packages through
a `.pth` file, so nothing is downloaded), and every call runs in that venv, in a subprocess started outside the
generated folder: what works there works for a user who installed the package. `mypy --strict` checks the package
and a typed usage file; mypy --strict and pyright --strict check that usage against the editable install, as a
user's IDE sees it. (The corpus gate of the style, every
fixture spec generated as a package, is in test_corpus.py.)
"""

from pathlib import Path

import pytest

from support import API_KEY, API_KEY_OWNER, BASIC_PASSWORD, BASIC_USER, PASSWORD, USERNAME, generate_python
from venv_support import fresh_venv, pip_install_editable, run_in_venv, run_mypy, run_pyright_strict

PACKAGE = "cfg_support"


def generate_package(spec: Path, out: Path) -> None:
    """`clientgen generate --python-style package` of `spec` into `out`; fails the test with clientgen's output."""
    generate_python(spec, out, "--python-style", "package")


@pytest.fixture(scope="module")
def package_dir(tmp_path_factory: pytest.TempPathFactory, spec_path: Path) -> Path:
    """The reference app's client in the package style, as the project folder `cfg_support`."""
    out = tmp_path_factory.mktemp("package_style") / PACKAGE
    generate_package(spec_path, out)
    return out


@pytest.fixture(scope="module")
def venv_python(tmp_path_factory: pytest.TempPathFactory, package_dir: Path) -> Path:
    """The python of a fresh venv where `pip install -e <package_dir>` installed the project, offline."""
    python = fresh_venv(tmp_path_factory.mktemp("venv") / "venv")
    pip_install_editable(python, package_dir)
    return python


def test_package_is_installed_in_the_venv_from_its_folder(venv_python: Path, package_dir: Path, tmp_path: Path) -> None:
    out = run_in_venv(
        venv_python,
        """
        import cfg_support
        from cfg_support import AuthenticatedClient, Client, Response, UnexpectedStatus
        print(cfg_support.__file__)
        print("ok")
        """,
        "",
        tmp_path,
    )
    assert Path(out.splitlines()[0]) == package_dir / PACKAGE / "__init__.py"


def test_editable_install_is_a_path_and_writes_nothing_in_the_project(venv_python: Path, package_dir: Path) -> None:
    """hatchling installs the project as a `.pth` path (what type checkers follow), not an import hook, and builds
    elsewhere: pip leaves no `build/` nor `*.egg-info/` in the project or the import package."""
    purelib = run_in_venv(venv_python, "import sysconfig; print(sysconfig.get_paths()['purelib']); print('ok')", "", package_dir.parent)
    site_packages = Path(purelib.splitlines()[0])
    assert not list(site_packages.glob("*editable*")), "an import hook, which mypy and pyright do not follow"
    paths = [path.read_text().strip() for path in site_packages.glob("*.pth") if path.name != "parent_venv.pth"]
    assert paths == [str(package_dir)]
    written = [
        path.name
        for folder in (package_dir, package_dir / PACKAGE)
        for path in folder.iterdir()
        if path.name.endswith(".egg-info") or path.name in ("build", "dist")
    ]
    assert written == []


def test_package_has_the_documented_layout(package_dir: Path) -> None:
    assert sorted(path.name for path in package_dir.iterdir() if not path.name.startswith(".")) == [
        "README.md",
        "cfg_support",
        "pyproject.toml",
    ]
    package = package_dir / PACKAGE
    for file in ("py.typed", "__init__.py", "client.py", "errors.py", "transport.py"):
        assert (package / file).is_file(), file
    assert (package / "models" / "__init__.py").is_file()
    assert (package / "api" / "__init__.py").is_file()
    assert (package / "api" / "users" / "get_user.py").is_file()
    assert (package / "api" / "tickets" / "create_ticket.py").is_file()
    readme = (package_dir / "README.md").read_text()
    for documented in ("raise_on_unexpected_status", "UnexpectedStatus", "AuthenticatedClient", "with_basic_auth", "with_api_key"):
        assert documented in readme, documented


def test_sync_calls_return_the_documented_models(venv_python: Path, server_url: str, tmp_path: Path) -> None:
    run_in_venv(
        venv_python,
        """
        import os
        from cfg_support import Client
        from cfg_support.api.users import create_user, delete_user, get_user, list_users, update_user
        from cfg_support.models import (
            ConflictError, HTTPValidationError, NotFoundError, Role, User, UserCreate, UserPage, UserUpdate,
        )

        with Client(base_url=os.environ["SERVER_URL"]) as client:
            created = create_user.sync(client=client, json_body=UserCreate(name="Ada", email="ada@example.com", tags=["x"]))
            assert isinstance(created, User) and created.name == "Ada" and created.tags == ["x"], created
            assert created.role is Role.MEMBER

            detailed = create_user.sync_detailed(client=client, json_body=UserCreate(name="Ada", email="ada@example.com"))
            assert detailed.status_code == 409, detailed
            assert isinstance(detailed.parsed, ConflictError) and detailed.parsed.existing_id == created.id
            assert b"existing_id" in detailed.content and detailed.headers["content-type"] == "application/json"

            match get_user.sync(client=client, user_id=created.id):
                case User(name=name):
                    assert name == "Ada"
                case other:
                    raise AssertionError(other)
            missing = get_user.sync(client=client, user_id=999)
            assert isinstance(missing, NotFoundError) and missing.detail == "User 999 not found", missing

            updated = update_user.sync(client=client, user_id=created.id, json_body=UserUpdate(nickname="ada"))
            assert isinstance(updated, User) and updated.nickname == "ada" and updated.email == "ada@example.com"

            page = list_users.sync(client=client, limit=10)
            assert isinstance(page, UserPage) and page.total == 1 and page.limit == 10, page
            invalid = list_users.sync(client=client, limit=0)
            assert isinstance(invalid, HTTPValidationError) and invalid.detail, invalid

            assert delete_user.sync(client=client, user_id=created.id) is None
            gone = delete_user.sync_detailed(client=client, user_id=created.id)
            assert gone.status_code == 404 and isinstance(gone.parsed, NotFoundError)
        print("ok")
        """,
        server_url,
        tmp_path,
    )


def test_async_calls_return_the_documented_models(venv_python: Path, server_url: str, tmp_path: Path) -> None:
    run_in_venv(
        venv_python,
        """
        import asyncio
        import datetime
        import os
        from cfg_support import Client
        from cfg_support.api.meta import get_labels, get_version_text, is_healthy
        from cfg_support.api.tickets import create_ticket, list_tickets
        from cfg_support.models import Priority, Ticket, TicketCreate

        async def main() -> None:
            async with Client(base_url=os.environ["SERVER_URL"]).with_headers({"Authorization": "Bearer t"}) as client:
                ticket = await create_ticket.asyncio(
                    client=client, json_body=TicketCreate(title="Bug", priority=Priority.VALUE_3, due_on=datetime.date(2030, 1, 2))
                )
                assert isinstance(ticket, Ticket) and ticket.title == "Bug" and ticket.due_on == datetime.date(2030, 1, 2)
                await create_ticket.asyncio(client=client, json_body=TicketCreate(title="Chore"))
                high = await list_tickets.asyncio(client=client, priority=Priority.VALUE_3)
                assert isinstance(high, list) and [t.title for t in high] == ["Bug"], high
                detailed = await list_tickets.asyncio_detailed(client=client)
                assert detailed.status_code == 200 and isinstance(detailed.parsed, list) and len(detailed.parsed) == 2
                assert await get_labels.asyncio(client=client) == {"env": "test", "team": "clientgen"}
                assert await get_version_text.asyncio(client=client) == "Reference API 1.0.0"
                assert await is_healthy.asyncio(client=client) is True

        asyncio.run(main())
        print("ok")
        """,
        server_url,
        tmp_path,
    )


def test_bearer_basic_and_api_key_auth(venv_python: Path, server_url: str, tmp_path: Path) -> None:
    run_in_venv(
        venv_python,
        f"""
        import asyncio
        import os
        from cfg_support import AuthenticatedClient, Client
        from cfg_support.api.auth import api_key_query_whoami, api_key_whoami, basic_whoami, get_me, token
        from cfg_support.models import BodyToken, Identity, Token

        url = os.environ["SERVER_URL"]
        client = Client(base_url=url)
        issued = token.sync(client=client, form_data=BodyToken(username={USERNAME!r}, password={PASSWORD!r}))
        assert isinstance(issued, Token), issued

        authed = AuthenticatedClient(base_url=url, token=issued.access_token)
        me = get_me.sync(client=authed)
        assert me == Identity(username={USERNAME!r}, scheme="bearer"), me
        assert asyncio.run(get_me.asyncio(client=authed)) == me
        assert get_me.sync(client=client.with_headers({{"Authorization": "Bearer " + issued.access_token}})) == me

        basic = basic_whoami.sync(client=client.with_basic_auth({BASIC_USER!r}, {BASIC_PASSWORD!r}))
        assert basic == Identity(username={BASIC_USER!r}, scheme="basic"), basic

        keyed = client.with_api_key({API_KEY!r}, scheme="APIKeyHeader")
        assert api_key_whoami.sync(client=keyed) == Identity(username={API_KEY_OWNER!r}, scheme="api_key_header")
        by_query = client.with_credentials({{"APIKeyQuery": {API_KEY!r}}})
        assert api_key_query_whoami.sync(client=by_query) == Identity(username={API_KEY_OWNER!r}, scheme="api_key_query")
        print("ok")
        """,
        server_url,
        tmp_path,
    )


def test_undocumented_status_raises_and_detailed_gives_none_when_lenient(venv_python: Path, server_url: str, tmp_path: Path) -> None:
    run_in_venv(
        venv_python,
        """
        import asyncio
        import os
        from cfg_support import Client, UnexpectedStatus
        from cfg_support.api.auth import get_me

        client = Client(base_url=os.environ["SERVER_URL"])
        try:
            get_me.sync(client=client)
        except UnexpectedStatus as error:
            assert error.status_code == 401 and error.body == {"detail": "Not authenticated"}, error
            assert b"Not authenticated" in error.content
        else:
            raise AssertionError("401 did not raise")
        try:
            asyncio.run(get_me.asyncio(client=client))
        except UnexpectedStatus as error:
            assert error.status_code == 401
        else:
            raise AssertionError("401 did not raise in asyncio")

        lenient = Client(base_url=os.environ["SERVER_URL"], raise_on_unexpected_status=False)
        try:
            get_me.sync(client=lenient)
        except UnexpectedStatus as error:
            assert error.status_code == 401  # `sync` has nothing to return but the body: it raises all the same
        else:
            raise AssertionError("401 did not raise with raise_on_unexpected_status=False")
        detailed = get_me.sync_detailed(client=lenient)
        assert detailed.status_code == 401 and detailed.parsed is None and b"Not authenticated" in detailed.content
        print("ok")
        """,
        server_url,
        tmp_path,
    )


def test_multipart_upload_and_binary_download(venv_python: Path, server_url: str, tmp_path: Path) -> None:
    run_in_venv(
        venv_python,
        """
        import hashlib
        import io
        import os
        from cfg_support import Client
        from cfg_support.api.users import create_user, get_avatar, upload_avatar
        from cfg_support.models import AvatarUpload, BodyUploadAvatar, NotFoundError, User, UserCreate

        image = b"\\x89PNG fake image bytes"
        client = Client(base_url=os.environ["SERVER_URL"])
        user = create_user.sync(client=client, json_body=UserCreate(name="Bo", email="bo@example.com"))
        assert isinstance(user, User)
        assert isinstance(get_avatar.sync(client=client, user_id=user.id), NotFoundError)
        uploaded = upload_avatar.sync(
            client=client,
            user_id=user.id,
            multipart_data=BodyUploadAvatar(file=("me.png", image, "image/png"), description="me"),
        )
        assert isinstance(uploaded, AvatarUpload), uploaded
        assert (uploaded.filename, uploaded.size, uploaded.content_type, uploaded.description) == ("me.png", len(image), "image/png", "me")
        assert uploaded.sha256 == hashlib.sha256(image).hexdigest()
        assert get_avatar.sync(client=client, user_id=user.id) == image

        from_file = upload_avatar.sync(client=client, user_id=user.id, multipart_data=BodyUploadAvatar(file=io.BytesIO(b"raw")))
        assert isinstance(from_file, AvatarUpload) and from_file.size == 3
        print("ok")
        """,
        server_url,
        tmp_path,
    )


def test_headers_cookies_timeout_and_own_httpx_client(venv_python: Path, server_url: str, tmp_path: Path) -> None:
    run_in_venv(
        venv_python,
        """
        import asyncio
        import os
        import httpx
        from cfg_support import Client
        from cfg_support.api.meta import echo_request
        from cfg_support.models import RequestEcho

        base = Client(base_url=os.environ["SERVER_URL"])
        tagged = base.with_headers({"X-Request-ID": "from-client"})
        assert tagged is not base and base.headers == {} and tagged.headers == {"X-Request-ID": "from-client"}
        assert echo_request.sync(client=tagged) == RequestEcho(x_request_id="from-client", session_id=None)
        assert echo_request.sync(client=base, x_request_id="arg", session_id="s1") == RequestEcho(x_request_id="arg", session_id="s1")

        patient = base.with_timeout(12.5)
        assert patient.timeout == 12.5 and base.timeout is None and patient.settings.timeout == 12.5

        seen: list[str] = []
        own = httpx.Client(event_hooks={"request": [lambda request: seen.append(request.url.path)]})
        base.set_httpx_client(own)
        assert base.get_httpx_client() is own
        assert isinstance(echo_request.sync(client=base), RequestEcho) and seen == ["/echo"]

        async def call_async() -> object:
            async with httpx.AsyncClient(headers={"X-Request-ID": "own-async"}) as own_async:
                client = Client(base_url=base.base_url).set_async_httpx_client(own_async)
                return await echo_request.asyncio(client=client)

        assert asyncio.run(call_async()) == RequestEcho(x_request_id="own-async", session_id=None)
        print("ok")
        """,
        server_url,
        tmp_path,
    )


def test_client_closes_only_the_connections_it_opened(venv_python: Path, server_url: str, tmp_path: Path) -> None:
    run_in_venv(
        venv_python,
        """
        import asyncio
        import os
        import httpx
        from cfg_support import Client
        from cfg_support.api.meta import echo_request

        own = httpx.Client()
        with Client(base_url=os.environ["SERVER_URL"]).set_httpx_client(own) as client:
            echo_request.sync(client=client)
        assert not own.is_closed, "the caller's httpx client was closed"

        with Client(base_url=os.environ["SERVER_URL"]) as client:
            tagged = client.with_headers({"X-Request-ID": "t"})
            echo_request.sync(client=tagged)
            created = client.get_httpx_client()
            assert tagged.get_httpx_client() is created, "with_headers() opened another pool"
        assert created.is_closed, "leaving `with` left the client's own connections open"

        async def main() -> None:
            own_async = httpx.AsyncClient()
            async with Client(base_url=os.environ["SERVER_URL"]).set_async_httpx_client(own_async) as client:
                await echo_request.asyncio(client=client)
            assert not own_async.is_closed
            await own_async.aclose()
            async with Client(base_url=os.environ["SERVER_URL"]) as client:
                await echo_request.asyncio(client=client)
                created_async = client.get_async_httpx_client()
            assert created_async.is_closed

        asyncio.run(main())
        print("ok")
        """,
        server_url,
        tmp_path,
    )


def test_invalid_model_data_raises_validation_error(venv_python: Path, tmp_path: Path) -> None:
    run_in_venv(
        venv_python,
        """
        import pydantic
        from cfg_support.models import TicketCreate, User

        for build in (lambda: TicketCreate.model_validate({"priority": 2}), lambda: TicketCreate(title="x", priority=7)):
            try:
                build()
            except pydantic.ValidationError:
                pass
            else:
                raise AssertionError("invalid data was accepted")
        try:
            User.model_validate_json(b'{"id": "not a number"}')
        except pydantic.ValidationError as error:
            assert {e["loc"][0] for e in error.errors()} >= {"id", "name", "email"}, error
        else:
            raise AssertionError("invalid JSON was accepted")
        print("ok")
        """,
        "",
        tmp_path,
    )


TYPED_USAGE = '''\
"""The package style's documented usage, checked by mypy --strict."""

from typing import assert_never, assert_type

from cfg_support import AuthenticatedClient, Client, Response, UnexpectedStatus
from cfg_support.api.tickets import create_ticket, list_tickets
from cfg_support.api.users import delete_user, get_user
from cfg_support.models import HTTPValidationError, NotFoundError, Ticket, TicketCreate, User

client = Client(base_url="https://api.example.com").with_headers({"Authorization": "Bearer t"})
authed: Client = AuthenticatedClient(base_url="https://api.example.com", token="t", prefix="Token")


def show_user(user_id: int) -> str:
    user = get_user.sync(client=client, user_id=user_id)
    assert_type(user, User | NotFoundError | HTTPValidationError)
    match user:
        case User():
            return user.name
        case NotFoundError():
            return user.detail
        case HTTPValidationError():
            return "invalid"
        case _:
            assert_never(user)


def detailed(user_id: int) -> int:
    response = get_user.sync_detailed(client=authed.with_timeout(3.0), user_id=user_id)
    assert_type(response, Response[User | NotFoundError | HTTPValidationError | None])
    assert_type(delete_user.sync(client=client, user_id=user_id), None | NotFoundError | HTTPValidationError)
    return response.status_code


async def open_ticket() -> Ticket | None:
    try:
        ticket = await create_ticket.asyncio(client=client, json_body=TicketCreate(title="Bug"))
    except UnexpectedStatus as error:
        assert_type(error.status_code, int)
        assert_type(error.content, bytes)
        return None
    tickets = await list_tickets.asyncio(client=client)
    assert_type(tickets, list[Ticket] | HTTPValidationError)
    return ticket if isinstance(ticket, Ticket) else None
'''


def test_package_and_typed_usage_pass_mypy_strict(package_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "typed_package_usage.py").write_text(TYPED_USAGE)
    result = run_mypy(str(package_dir / PACKAGE), "typed_package_usage.py", cwd=tmp_path, mypy_path=[package_dir])
    assert result.returncode == 0, result.stdout + result.stderr


def test_typed_usage_passes_mypy_strict_against_the_editable_install(venv_python: Path, tmp_path: Path) -> None:
    """mypy finds the package where the venv's interpreter does: through the `.pth` file of `pip install -e`."""
    (tmp_path / "typed_package_usage.py").write_text(TYPED_USAGE)
    result = run_mypy("--python-executable", str(venv_python), "typed_package_usage.py", cwd=tmp_path, mypy_path=[tmp_path])
    assert result.returncode == 0, result.stdout + result.stderr


def test_typed_usage_passes_pyright_strict_against_the_editable_install(venv_python: Path, tmp_path: Path) -> None:
    """pyright --strict on user code in its own folder, resolving the package through the venv's editable install
    (through an import hook it found nothing, and every name from the package was an error)."""
    (tmp_path / "typed_package_usage.py").write_text(TYPED_USAGE)
    result = run_pyright_strict(tmp_path, python=venv_python)
    assert result.returncode == 0, result.stdout + result.stderr
