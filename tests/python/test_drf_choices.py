"""drf-spectacular's choice fields (tests/fixtures/handwritten/drf-choices.json, no server needed):
`oneOf [XEnum, BlankEnum, NullEnum]` reads as `XEnum | Literal[""] | None`, integer choices take their
names from the description, a value the spec does not list is kept when a response is read, and a
model the caller builds still accepts listed values only."""

import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import httpx
import pydantic
import pytest

from support import REPO_ROOT, clientgen_binary
from venv_support import run_mypy

SPEC = REPO_ROOT / "tests" / "fixtures" / "handwritten" / "drf-choices.json"


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The folder holding the `drf_client` package generated from drf-choices.json."""
    folder = tmp_path_factory.mktemp("drf")
    out = folder / "drf_client"
    subprocess.run([str(clientgen_binary()), "generate", "-f", str(SPEC), "--python-out", str(out)], check=True)
    sys.path.insert(0, str(folder))
    yield folder
    sys.path.remove(str(folder))


@pytest.fixture(scope="module")
def schemas(generated: Path) -> ModuleType:
    import drf_client.schemas as module

    return module


@pytest.fixture(scope="module")
def http(generated: Path) -> ModuleType:
    import drf_client.transport as module

    return module


def response(body: object) -> httpx.Response:
    return httpx.Response(200, json=body, request=httpx.Request("GET", "http://testserver/"))


def test_blank_null_choice_accepts_the_enum_blank_and_none(schemas: ModuleType) -> None:
    for theme, expected in [("dark", schemas.ThemeEnum.DARK), ("", ""), (None, None)]:
        profile = schemas.Profile(id=1, status=schemas.StatusEnum.OPEN, priority=schemas.PriorityEnum.LOW, theme=theme)
        assert profile.theme == expected
        assert profile.model_dump(mode="json")["theme"] == theme
    with pytest.raises(pydantic.ValidationError):
        schemas.Profile(id=1, status=schemas.StatusEnum.OPEN, priority=schemas.PriorityEnum.LOW, theme="blue")


def test_integer_choices_are_named_from_the_description(schemas: ModuleType) -> None:
    assert [member.name for member in schemas.PriorityEnum] == ["LOW", "MEDIUM", "HIGH"]


def test_response_with_unlisted_values_is_read_and_keeps_them(schemas: ModuleType, http: ModuleType) -> None:
    body = {"id": 7, "status": "archived", "priority": 9, "theme": "sepia", "labels": ["open", "frozen"]}
    profile = http.decode_json(response(body), schemas.Profile)
    assert isinstance(profile.status, http.UnknownStr) and profile.status == "archived"
    assert isinstance(profile.priority, http.UnknownInt) and profile.priority == 9
    assert isinstance(profile.theme, http.UnknownStr) and profile.theme == "sepia"
    assert profile.labels == [schemas.StatusEnum.OPEN, "frozen"]
    assert profile.labels[0] is schemas.StatusEnum.OPEN
    assert profile.model_dump(mode="json") == body


def test_response_with_listed_values_reads_enum_members(schemas: ModuleType, http: ModuleType) -> None:
    body = {"id": 7, "status": "closed", "priority": 3, "theme": ""}
    profile = http.decode_json(response(body), schemas.Profile)
    assert profile.status is schemas.StatusEnum.CLOSED and profile.priority is schemas.PriorityEnum.HIGH
    assert profile.theme == "" and not isinstance(profile.theme, http.UnknownStr)
    assert http.decode_json(response("closed"), http.Open[schemas.StatusEnum]) is schemas.StatusEnum.CLOSED
    assert http.decode_json(response("gone"), http.Open[schemas.StatusEnum]) == "gone"


def test_request_models_refuse_unlisted_values(schemas: ModuleType, http: ModuleType) -> None:
    with pytest.raises(pydantic.ValidationError):
        schemas.Search(status="archived")
    with pytest.raises(pydantic.ValidationError):
        schemas.Profile(id=1, status="archived", priority=1)
    with pytest.raises(pydantic.ValidationError):
        schemas.Profile(id=1, status="open", priority=9)
    with pytest.raises(pydantic.ValidationError):
        schemas.Profile.model_validate({"id": 1, "status": "open", "priority": 1, "theme": "sepia"})


def test_choice_fields_type_check_under_mypy_strict(generated: Path) -> None:
    usage = generated / "drf_usage.py"
    usage.write_text(
        textwrap.dedent(
            """
            from drf_client import UnknownStr, client, schemas

            def describe(profile: schemas.Profile) -> str:
                match profile.status:
                    case schemas.StatusEnum.OPEN:
                        state = "open"
                    case schemas.StatusEnum.CLOSED:
                        state = "closed"
                    case UnknownStr():
                        state = "unknown " + profile.status
                if profile.priority == schemas.PriorityEnum.HIGH:
                    state += "!"
                if profile.theme is None or profile.theme == "" or profile.theme is schemas.ThemeEnum.DARK:
                    state += "."
                return state

            def build() -> None:
                for theme in (schemas.ThemeEnum.DARK, "", None):
                    schemas.Profile(id=1, status=schemas.StatusEnum.OPEN, priority=schemas.PriorityEnum.LOW, theme=theme)
                client.searches_create(data=schemas.Search(status=schemas.StatusEnum.CLOSED))
            """
        )
    )
    result = run_mypy("drf_client", str(usage), cwd=generated)
    assert result.returncode == 0, result.stdout + result.stderr
    refused = generated / "drf_refused.py"
    refused.write_text('from drf_client import schemas\n\nschemas.Search(status="archived")\n')
    result = run_mypy(str(refused), cwd=generated)
    assert result.returncode == 1 and 'incompatible type "str"' in result.stdout, result.stdout
