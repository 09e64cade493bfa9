"""The environment prefix of a functions-style package is settable (`--python-env-prefix`), and a Clientele user's
`-o my_client/ --lang python` writes an importable package into the folder itself."""

import asyncio
from collections.abc import Iterator
import contextlib
import importlib
from pathlib import Path
import subprocess
import sys
from types import ModuleType

import pytest

from support import clientgen_binary, generate_python


@contextlib.contextmanager
def imported(folder: Path, module: str) -> Iterator[ModuleType]:
    """`<package>.<module>` of the package in `folder`, forgotten afterwards so that no other test sees it."""
    package = folder.name
    sys.path.insert(0, str(folder.parent))
    try:
        yield importlib.import_module(f"{package}.{module}")
    finally:
        sys.path.remove(str(folder.parent))
        for name in [name for name in sys.modules if name.split(".")[0] == package]:
            del sys.modules[name]


def test_env_prefix_flag_names_the_variables_the_client_reads(
    tmp_path: Path, spec_path: Path, server_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "my_async"
    generate_python(spec_path, out, "--asyncio", "--python-env-prefix", "REFAPP")
    monkeypatch.setenv("MY_ASYNC_BASE_URL", "http://127.0.0.1:9/not-this-one")
    monkeypatch.setenv("REFAPP_BASE_URL", server_url)
    with imported(out, "config") as config:
        assert config.get_base_url() == server_url
        client = importlib.import_module("my_async.client")
        assert asyncio.run(client.is_healthy()) is True


def test_out_with_lang_python_writes_an_importable_package_into_the_folder(
    tmp_path: Path, spec_path: Path, server_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "my_client"
    command = [str(clientgen_binary()), "generate", "-f", str(spec_path), "-o", f"{out}/", "--lang", "python"]
    result = subprocess.run(command, check=False, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert not (out / "python").exists()
    monkeypatch.setenv("MY_CLIENT_BASE_URL", server_url)
    with imported(out, "client") as client:
        assert client.is_healthy() is True
