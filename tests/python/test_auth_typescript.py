"""The README's credentials contract (## Credentials: what each call carries) for the TypeScript client
(tests/typescript/auth.ts).

The auth app's client (tests/rust/specs/auth.json) is generated into auth/ and its zones
(tests/fixtures/zones/auth.toml) into zones/, compiled with auth.ts under `tsc --strict` (tsconfig.nodenext.json),
and run once against the live app; each check of auth.ts (one per behaviour) is reported here as a test.
"""

from pathlib import Path

import pytest

from support import AUTH_SPEC, REPO_ROOT, clientgen_binary
from test_typescript import copy_script, generate, run, run_checks, script_checks

SCRIPT = "auth.ts"
ZONES = REPO_ROOT / "tests" / "fixtures" / "zones" / "auth.toml"
# The checks of auth.ts, read from its source so that a new check is a new test here.
CHECKS = script_checks(SCRIPT)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A Node project with the auth app's client in auth/, its zones in zones/, and auth.ts."""
    folder = tmp_path_factory.mktemp("auth-typescript")
    (folder / "package.json").write_text('{"type": "module"}\n')
    generate(AUTH_SPEC, folder / "auth")
    zoned = run(
        [clientgen_binary(), "generate", "-f", AUTH_SPEC, "--zones", ZONES, "--typescript-out", folder / "zones"],
        cwd=REPO_ROOT,
        timeout=120,
    )
    assert zoned.returncode == 0, zoned.stdout + zoned.stderr
    copy_script(SCRIPT, folder)
    return folder


@pytest.fixture(scope="module")
def results(project: Path, auth_server_session_url: str) -> dict[str, str]:
    """Check name → `ok`, or the failure and its stack: auth.ts compiled and run once (it resets the app per check)."""
    return run_checks(project, SCRIPT, ["auth/*.ts", "zones/**/*.ts"], auth_server_session_url)


def test_every_check_of_the_script_is_reported(results: dict[str, str]) -> None:
    assert list(results) == CHECKS


@pytest.mark.parametrize("check", CHECKS)
def test_credentials_contract(check: str, results: dict[str, str]) -> None:
    assert results.get(check) == "ok", results.get(check, "not run")
