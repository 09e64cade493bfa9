"""The generated TypeScript client walks the Django REST Framework reference app (tests/drf_app) from Node.

For each of the app's two documents, the client is generated into a Node project beside tests/typescript/
drf_walk.ts and drf_upload.ts, compiled with `tsc --strict` (tsconfig.nodenext.json: every strict option) and run
against the live app: log in with `authTokenCreate` + `setToken`, create with `{ title }` only, read, PATCH, page,
filter, the `close` action, refresh through `setRefreshHandler` (rotation: a new refresh token), signup, and the
403 and 404 through `isApiError`. The upload is its own script: only the split document types the file as binary.
"""

from pathlib import Path

import pytest

from drf_support import DrfSpecs
from test_typescript import copy_script, generate, run, run_script, tsc, write_project

SCRIPTS = ("drf_walk.ts", "drf_upload.ts")


def compile_project(folder: Path, spec: Path, script: str) -> Path:
    """The client of `spec` in folder/helpdesk and `script`, compiled to folder/dist (returned); fails the test
    with tsc's errors."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "package.json").write_text('{"type": "module"}\n')
    generate(spec, folder / "helpdesk")
    copy_script(script, folder)
    config = write_project(folder, "nodenext", [script, "helpdesk/*.ts"], noEmit=False, outDir="dist", rootDir=".")
    result = run([tsc(), "-p", config, "--pretty", "false"], cwd=folder)
    assert result.returncode == 0, result.stdout + result.stderr
    return folder / "dist"


def spec_of(specs: DrfSpecs, document: str) -> Path:
    return specs.default if document == "default" else specs.split


@pytest.mark.parametrize("document", ["default", "split"])
def test_node_walks_the_drf_app_through_the_typescript_client(
    document: str, drf_spec_paths: DrfSpecs, drf_server_url: str, tmp_path: Path
) -> None:
    dist = compile_project(tmp_path, spec_of(drf_spec_paths, document), "drf_walk.ts")
    run_script(dist / "drf_walk.js", drf_server_url)


@pytest.mark.parametrize("document", ("default", "split"))
def test_node_uploads_a_file_as_multipart_through_the_typescript_client(
    document: str, drf_spec_paths: DrfSpecs, drf_server_url: str, tmp_path: Path
) -> None:
    dist = compile_project(tmp_path, spec_of(drf_spec_paths, document), "drf_upload.ts")
    run_script(dist / "drf_upload.js", drf_server_url)
