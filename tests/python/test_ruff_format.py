"""The reference app's generated Python passes `ruff format --isolated --check` in every style: functions and class,
sync and asyncio, the package style, and split into zones (tests/fixtures/zones/reference.toml) in the functions and
the package style. (Every fixture spec's Python is checked in test_corpus.py.)"""

import subprocess
from pathlib import Path

import pytest

from ruff_support import ruff_format_failure, ruff_format_findings
from support import PACKAGES, REPO_ROOT, clientgen_binary, generate_python

ZONES = REPO_ROOT / "tests" / "fixtures" / "zones" / "reference.toml"

# Each client's folder under the fixture's root and the `clientgen generate` options that write it.
CLIENTS = {
    **{package.flavour: package.generator_options for package in PACKAGES},
    "package": ["--python-style", "package"],
}
ZONED_CLIENTS = {
    "zones-functions-sync": ["--python-style", "functions"],
    "zones-functions-async": ["--python-style", "functions", "--asyncio"],
    "zones-package": ["--python-style", "package"],
}


@pytest.fixture(scope="module")
def ruff_findings(tmp_path_factory: pytest.TempPathFactory, spec_path: Path) -> dict[str, list[str]]:
    """Every client above generated under one folder, and what one `ruff format --check` over them found, by
    client."""
    root = tmp_path_factory.mktemp("ruff_format")
    for name, options in CLIENTS.items():
        generate_python(spec_path, root / name / "refclient", *options)
    for name, options in ZONED_CLIENTS.items():
        command = [clientgen_binary(), "generate", "-f", spec_path, "--zones", ZONES, "--python-out", root / name]
        result = subprocess.run([*map(str, command), *options], capture_output=True, text=True, check=False)
        assert result.returncode == 0, result.stdout + result.stderr
    return ruff_format_findings(root, [*CLIENTS, *ZONED_CLIENTS])


@pytest.mark.parametrize("client", [*CLIENTS, *ZONED_CLIENTS])
def test_reference_client_passes_ruff_format(client: str, ruff_findings: dict[str, list[str]]) -> None:
    files = ruff_findings.get(client, [])
    assert not files, ruff_format_failure(files)
