"""The generated Python clients of the DRF reference app (tests/drf_app), one per document and style, behind one
small `Walker` interface so that test_drf_walk.py writes each walk step once.

Packages are named `drf_<document>_<style>` (`drf_default_functions`, `drf_split_package`...) and generated into
one folder that the session puts on sys.path. Each style is configured its own documented way: the functions
style through its `config.py` environment variables (`<PACKAGE>_BASE_URL`, `<PACKAGE>_BEARER_TOKEN`), the class
styles through `Client(base_url=..., bearer_token=...)`, the package style through `Client(base_url=...)` and
`AuthenticatedClient(base_url=..., token=...)`.
"""

import importlib
import inspect
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from support import clientgen_binary

DOCUMENTS = ("default", "split")
GENERATE_TIMEOUT = 120.0


@dataclass(frozen=True)
class Style:
    """A Python style of the generator: its short name and the `clientgen generate` options that select it."""

    name: str
    options: tuple[str, ...]

    def package(self, document: str) -> str:
        """The import name of this style's client of `document`."""
        return f"drf_{document}_{self.name}"


STYLES = (
    Style("functions", ()),
    Style("class", ("--python-style", "class")),
    Style("async_class", ("--python-style", "class", "--asyncio")),
    Style("package", ("--python-style", "package")),
)


def generate_python_clients(spec_by_document: dict[str, Path], out: Path) -> list[str]:
    """Every style's client of every document under `out`; returns the package names. Fails the test with
    clientgen's output when it fails."""
    names = []
    for document, spec in spec_by_document.items():
        for style in STYLES:
            name = style.package(document)
            command = [str(clientgen_binary()), "generate", "-f", str(spec), "--python-out", str(out / name)]
            command += style.options
            result = subprocess.run(command, capture_output=True, text=True, check=False, timeout=GENERATE_TIMEOUT)
            if result.returncode != 0:
                pytest.fail(f"`{' '.join(command)}` exited {result.returncode}:\n{result.stdout}{result.stderr}")
            names.append(name)
    return names


class Walker:
    """One generated client connected to the live DRF app.

    `await call(operation, body, **params)` calls the operation whatever the style (`body` is the request model:
    `data=` in the functions and class styles, `json_body=`/`multipart_data=` in the package style) and returns
    what the client returns: the documented model of the status (2xx model, or `ErrorDetail` for a documented 403
    or 404). An undocumented status raises `api_error` (the package's `ApiError`, or `errors.UnexpectedStatus` in the package
    style), which carries `status_code` and `body`.
    """

    def __init__(self, document: str, style: Style, server_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
        self.document, self.style, self.server_url = document, style, server_url
        self.package = style.package(document)
        self._monkeypatch = monkeypatch
        self._clients: list[Any] = []
        if style.name == "package":
            self.models = importlib.import_module(f"{self.package}.models")
            self.api_error: type[Exception] = importlib.import_module(f"{self.package}.errors").UnexpectedStatus
            root = Path(importlib.import_module(self.package).__file__ or "").parent
            self._modules = {
                path.stem: f"{self.package}.api.{path.parent.name}.{path.stem}"
                for path in root.glob("api/*/*.py")
                if path.stem != "__init__"
            }
        else:
            self.models = importlib.import_module(f"{self.package}.schemas")
            self.api_error = importlib.import_module(self.package).ApiError
            self._module = importlib.import_module(f"{self.package}.client")
        if style.name == "functions":
            monkeypatch.setenv(f"{self.package.upper()}_BASE_URL", server_url)
        self.set_token(None)

    def set_token(self, access: str | None) -> None:
        """Send `Authorization: Bearer <access>` from now on (`None`: no credentials), the style's own way."""
        if self.style.name == "functions":
            variable = f"{self.package.upper()}_BEARER_TOKEN"
            if access is None:
                self._monkeypatch.delenv(variable, raising=False)
            else:
                self._monkeypatch.setenv(variable, access)
        elif self.style.name == "package":
            package = importlib.import_module(self.package)
            if access is None:
                self._client = package.Client(base_url=self.server_url)
            else:
                self._client = package.AuthenticatedClient(base_url=self.server_url, token=access)
            self._clients.append(self._client)
        else:
            self._client = self._module.Client(base_url=self.server_url, bearer_token=access)
            self._clients.append(self._client)

    async def call(self, operation: str, body: Any = None, **params: Any) -> Any:
        """The operation's result (see the class docstring)."""
        if self.style.name == "package":
            module = importlib.import_module(self._modules[operation])
            if body is not None:
                names = inspect.signature(module.sync).parameters
                body_name = next(name for name in ("json_body", "multipart_data", "form_data") if name in names)
                params[body_name] = body
            return module.sync(client=self._client, **params)
        if body is not None:
            params["data"] = body
        target = self._module if self.style.name == "functions" else self._client
        result = getattr(target, operation)(**params)
        return await result if inspect.isawaitable(result) else result

    async def close(self) -> None:
        """Close the clients this walker opened."""
        for client in self._clients:
            closed = client.close()
            if inspect.isawaitable(closed):
                await closed


def walker_params() -> Iterator[Any]:
    """pytest params: every (document, style), with ids like `default-functions`."""
    for document in DOCUMENTS:
        for style in STYLES:
            yield pytest.param((document, style), id=f"{document}-{style.name}")
