"""The README's response contract, row by row, for the TypeScript client (tests/typescript/contract.ts).

The contract app's client is generated beside contract.ts and contract_types.ts and compiled with `tsc --strict`
(tsconfig.nodenext.json). contract_types.ts is compile-only: it proves that `status` narrows `data` (404 →
NotFoundError, 422 → HTTPValidationError, an undocumented status → unknown, 201/202 on `…WithResponse`).
contract.ts runs against the live app once; each of its checks (one per row) is reported here as a test.
"""

import shutil
from pathlib import Path

import pytest

from support import CONTRACT_SPEC
from test_typescript import MODES, TS_TESTS, copy_script, generate, run, run_checks, script_checks, tsc, write_project

SCRIPT = "contract.ts"
TYPES = "contract_types.ts"
# The checks of contract.ts, read from its source so that a new check is a new test here.
CHECKS = script_checks(SCRIPT)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A Node project with the contract app's client in contract/ and the two scripts."""
    folder = tmp_path_factory.mktemp("contract-typescript")
    (folder / "package.json").write_text('{"type": "module"}\n')
    generate(CONTRACT_SPEC, folder / "contract")
    copy_script(SCRIPT, folder)
    shutil.copy(TS_TESTS / TYPES, folder / TYPES)
    return folder


@pytest.mark.parametrize("mode", MODES)
def test_status_narrows_the_data_of_responses_and_errors_under_tsc_strict(project: Path, mode: str) -> None:
    config = write_project(project, mode, [TYPES, "contract/*.ts"])
    checked = run([tsc(), "-p", config, "--pretty", "false"], cwd=project)
    assert checked.returncode == 0, checked.stdout + checked.stderr


@pytest.fixture(scope="module")
def results(project: Path, contract_server_url: str) -> dict[str, str]:
    """Check name → `ok`, or the failure and its stack: contract.ts compiled and run once against the app."""
    return run_checks(project, SCRIPT, ["contract/*.ts"], contract_server_url)


def test_every_check_of_the_script_is_reported(results: dict[str, str]) -> None:
    assert list(results) == CHECKS


@pytest.mark.parametrize("check", CHECKS)
def test_contract_row(check: str, results: dict[str, str]) -> None:
    assert results.get(check) == "ok", results.get(check, "not run")
