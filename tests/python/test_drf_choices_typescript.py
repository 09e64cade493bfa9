"""drf-spectacular's choice fields in the TypeScript client (tests/fixtures/handwritten/drf-choices.json, no server
needed): the client of the fixture beside tests/typescript/drf_choices.ts is compiled with `tsc --strict`
(tsconfig.nodenext.json: every strict option) and run with node, through a fake `fetch`. A response with enum values
the spec does not list keeps them, typed `StatusEnum | (string & {})`, and a `switch` on the listed members compiles;
tests/typescript/drf_choices_refused.ts sends unlisted values and must fail to compile, on exactly its marked lines.
"""

import re
from pathlib import Path

from support import REPO_ROOT
from test_typescript import copy_script, generate, run, run_script, tsc, write_project

SPEC = REPO_ROOT / "tests" / "fixtures" / "handwritten" / "drf-choices.json"
REFUSED = "drf_choices_refused.ts"


def project(folder: Path, script: str) -> Path:
    """A Node project in `folder` with the fixture's client in choices/ and `script`."""
    (folder / "package.json").write_text('{"type": "module"}\n')
    generate(SPEC, folder / "choices")
    copy_script(script, folder)
    return folder


def test_node_reads_unlisted_enum_values_and_switches_on_listed_ones(tmp_path: Path) -> None:
    folder = project(tmp_path, "drf_choices.ts")
    config = write_project(
        folder, "nodenext", ["drf_choices.ts", "choices/*.ts"], noEmit=False, outDir="dist", rootDir="."
    )
    result = run([tsc(), "-p", config, "--pretty", "false"], cwd=folder)
    assert result.returncode == 0, result.stdout + result.stderr
    run_script(folder / "dist" / "drf_choices.js")


def test_tsc_strict_refuses_unlisted_enum_values_in_what_the_client_sends(tmp_path: Path) -> None:
    folder = project(tmp_path, REFUSED)
    config = write_project(folder, "nodenext", [REFUSED, "choices/*.ts"])
    result = run([tsc(), "-p", config, "--pretty", "false"], cwd=folder)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    errors = re.findall(rf"^{re.escape(REFUSED)}\((\d+),\d+\): error (TS\d+): (.*)$", result.stdout, re.MULTILINE)
    lines = (folder / REFUSED).read_text().splitlines()
    marked = {number for number, line in enumerate(lines, start=1) if "// refused" in line}
    assert {int(number) for number, _, _ in errors} == marked, output
    assert all(code == "TS2322" for _, code, _ in errors), output
    # Nothing else fails: the errors are the refused values, not the generated client.
    assert len(re.findall(r"error TS", output)) == len(errors), output
    for value in ('"archived"', "9", '"sepia"', '"frozen"'):
        assert any(value in message for _, _, message in errors), (value, output)
