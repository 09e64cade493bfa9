"""The generated TypeScript client: it type-checks under `tsc --strict` with NodeNext and Bundler resolution, and a
Node script compiled from tests/typescript/e2e.ts calls every endpoint of the reference app through it.

Every fixture spec's client (and those of tests/typescript/specs, the reference app's, and its zones) type-checks too: all are generated into one
project and checked by one tsc run per resolution mode (one run per spec would take minutes), then each spec's test looks at the errors in its
folder. The same project is clean under typescript-eslint's `strictTypeChecked` (one eslint run) and prettier (one `prettier --check`).
tsc, eslint and prettier come from tests/tools (`npm ci --prefix tests/tools`).
"""

import json
import re
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

import pytest

from support import REPO_ROOT, clientgen_binary

TS_TESTS = REPO_ROOT / "tests" / "typescript"
TSC = REPO_ROOT / "tests" / "tools" / "node_modules" / ".bin" / "tsc"
PRETTIER = REPO_ROOT / "tests" / "tools" / "node_modules" / ".bin" / "prettier"
ESLINT = REPO_ROOT / "tests" / "tools" / "node_modules" / ".bin" / "eslint"
ESBUILD = REPO_ROOT / "tests" / "tools" / "node_modules" / ".bin" / "esbuild"
FIXTURES = REPO_ROOT / "tests" / "fixtures"
# The shared fixtures, the hostile ones that should generate (the `ref_loop*` specs are errors),
# plus this target's own edge cases (name collisions, an empty spec).
HOSTILE = [spec for spec in FIXTURES.glob("hostile/*.json") if not spec.stem.startswith("ref_loop")]
SPECS = sorted(
    [*FIXTURES.glob("specs/*.json"), *FIXTURES.glob("handwritten/*.json"), *HOSTILE, *TS_TESTS.glob("specs/*.json")]
)
MODES = ("nodenext", "bundler")
GENERATED_FILES = {"index.ts", "operations.ts", "models.ts", "client.ts", "package.json", "tsconfig.json", "README.md"}
TSC_TIMEOUT = 600


def run(command: Sequence[str | Path], cwd: Path, timeout: float = TSC_TIMEOUT) -> subprocess.CompletedProcess[str]:
    """Runs `command` in `cwd`, capturing its output."""
    return subprocess.run(
        [str(part) for part in command], cwd=cwd, capture_output=True, text=True, check=False, timeout=timeout
    )


def tsc() -> Path:
    """The tsc of tests/tools, or a failure that says how to install it."""
    if not TSC.is_file():
        pytest.fail(f"no tsc at {TSC}: run `npm ci --prefix tests/tools`")
    return TSC


def generate(spec: Path, out: Path) -> None:
    """`clientgen generate -f SPEC --typescript-out OUT`, which must succeed."""
    result = run([clientgen_binary(), "generate", "-f", spec, "--typescript-out", out], cwd=REPO_ROOT, timeout=120)
    assert result.returncode == 0, f"clientgen failed on {spec.name}:\n{result.stdout}{result.stderr}"


def write_project(folder: Path, mode: str, include: list[str], **options: object) -> Path:
    """A tsconfig in `folder` that extends tests/typescript/tsconfig.<mode>.json for `include`."""
    config = folder / f"tsconfig.{mode}.json"
    body: dict[str, object] = {"extends": str(TS_TESTS / f"tsconfig.{mode}.json"), "include": include}
    if options:
        body["compilerOptions"] = options
    config.write_text(json.dumps(body, indent=2))
    return config


SCRIPTS = ("e2e.ts", "serialization.ts")


def copy_script(script: str, folder: Path) -> None:
    """Copies test script `script` of tests/typescript into `folder`, with the check runner it imports."""
    for name in (script, "checks.ts"):
        shutil.copy(TS_TESTS / name, folder / name)


def script_checks(script: str) -> list[str]:
    """The names of the checks test script `script` declares (`check("name", ...)`), in order."""
    source = (TS_TESTS / script).read_text(encoding="utf-8")
    return re.findall(r'^check\(\s*"([^"]+)"', source, re.MULTILINE)


CHECK_RESULT = re.compile(r"^(ok|FAIL)  +(.*)$")


def run_checks(project: Path, script: str, clients: list[str], server_url: str) -> dict[str, str]:
    """Compiles `script` (copied into `project`) with the `clients` globs under `tsc --strict` (NodeNext), runs it
    once against `server_url`, and returns check name → `ok`, or the failure and its stack (checks.ts's report)."""
    config = write_project(project, "nodenext", [script, *clients], noEmit=False, outDir="dist", rootDir=".")
    compiled = run([tsc(), "-p", config, "--pretty", "false"], cwd=project)
    assert compiled.returncode == 0, compiled.stdout + compiled.stderr
    javascript = project / "dist" / script.replace(".ts", ".js")
    ran = run(["node", javascript, server_url], cwd=project, timeout=120)
    outcomes: dict[str, str] = {}
    current = ""
    for line in ran.stdout.splitlines():
        matched = CHECK_RESULT.match(line)
        if matched:
            current = matched.group(2)
            outcomes[current] = matched.group(1)
        elif current and outcomes[current] != "ok" and line.strip():
            outcomes[current] += "\n" + line
    assert outcomes, f"{javascript.name} reported nothing (exit {ran.returncode}):\n{ran.stdout}{ran.stderr}"
    return outcomes


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory, spec_path: Path) -> Path:
    """A Node project (`"type": "module"`) holding the reference app's client in refclient/, the features spec's
    in features/, and the test scripts of tests/typescript."""
    folder = tmp_path_factory.mktemp("typescript")
    (folder / "package.json").write_text('{"type": "module"}\n')
    generate(spec_path, folder / "refclient")
    generate(FIXTURES / "handwritten" / "features.json", folder / "features")
    for script in SCRIPTS:
        copy_script(script, folder)
    return folder


@pytest.fixture(scope="module")
def compiled(project: Path) -> Path:
    """The test scripts and the clients compiled to JavaScript in dist/ (NodeNext, every strict option)."""
    include = [*SCRIPTS, "refclient/*.ts", "features/*.ts"]
    config = write_project(project, "nodenext", include, noEmit=False, outDir="dist", rootDir=".")
    result = run([tsc(), "-p", config], cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "dist"


def run_script(script: Path, *args: str) -> None:
    """Runs a compiled test script with node; it must exit 0 and report no failed check."""
    result = run(["node", script, *args], cwd=script.parent, timeout=120)
    print(result.stdout)
    assert result.returncode == 0, result.stdout + result.stderr
    summary = result.stdout.strip().splitlines()[-1]
    assert re.fullmatch(r"[1-9]\d* passed, 0 failed, \d+ checks", summary), summary


def test_generated_folder_holds_the_six_files(project: Path) -> None:
    files = {path.name for path in (project / "refclient").iterdir() if not path.name.startswith(".")}
    assert files == GENERATED_FILES
    package = json.loads((project / "refclient" / "package.json").read_text())
    assert (package["name"], package["type"], package["types"]) == ("refclient", "module", "./index.ts")
    assert package["exports"]["."] == {"types": "./index.ts", "default": "./index.ts"}
    assert "dependencies" not in package and "scripts" not in package


def test_client_works_as_a_local_npm_dependency(tmp_path: Path, spec_path: Path, server_url: str) -> None:
    """As the README shows it: `npm install ./<folder>` in an app, `import API from "<kebab-name>"`, type-checked
    under both resolutions, bundled by esbuild and run by node against the reference app: no build step."""
    generate(spec_path, tmp_path / "api" / "my_api")
    app = tmp_path / "app"
    app.mkdir()
    (app / "package.json").write_text('{"name": "consumer", "private": true, "type": "module"}\n')
    installed = run(["npm", "install", "--offline", "--no-audit", "--no-fund", "../api/my_api"], cwd=app, timeout=120)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    assert json.loads((app / "package.json").read_text())["dependencies"] == {"my-api": "file:../api/my_api"}
    (app / "health.ts").write_text(
        'import API from "my-api";\n\n'
        "export async function healthy(url: string): Promise<boolean> {\n  return new API(url).isHealthy();\n}\n"
    )
    (app / "main.ts").write_text('import { healthy } from "./health.js";\n\nconsole.log(await healthy(process.argv[2] ?? ""));\n')
    for mode, files in (("nodenext", ["main.ts", "health.ts"]), ("bundler", ["health.ts"])):
        checked = run([tsc(), "-p", write_project(app, mode, files)], cwd=app)
        assert checked.returncode == 0, f"{mode}: {checked.stdout}{checked.stderr}"
    bundled = run([ESBUILD, "main.ts", "--bundle", "--platform=node", "--format=esm", "--outfile=main.js"], cwd=app)
    assert bundled.returncode == 0, bundled.stdout + bundled.stderr
    ran = run(["node", "main.js", server_url], cwd=app, timeout=60)
    assert (ran.returncode, ran.stdout.strip()) == (0, "true"), ran.stdout + ran.stderr


@pytest.mark.parametrize("mode", MODES)
def test_reference_client_passes_tsc_strict(project: Path, mode: str) -> None:
    config = write_project(project, mode, ["refclient/*.ts"])
    checked = run([tsc(), "-p", config], cwd=project)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_reference_client_builds_with_its_own_tsconfig(project: Path, tmp_path: Path) -> None:
    copy = tmp_path / "refclient"
    shutil.copytree(project / "refclient", copy)
    built = run([tsc(), "-p", copy], cwd=copy)
    assert built.returncode == 0, built.stdout + built.stderr
    assert {"index.js", "index.d.ts", "client.js", "models.d.ts"} <= {p.name for p in (copy / "dist").iterdir()}


def test_node_script_calls_every_endpoint_of_the_reference_app(compiled: Path, server_url: str) -> None:
    run_script(compiled / "e2e.js", server_url)


def test_node_script_checks_what_the_client_sends_through_a_fake_fetch(compiled: Path) -> None:
    run_script(compiled / "serialization.js")


def folder_name(spec: Path) -> str:
    """The folder of `spec`'s client in the corpus project."""
    return spec.stem


# The reference app's client and its zones (tests/fixtures/zones/reference.toml) in the corpus project: no fixture spec is named so.
REFERENCE_FOLDER = "reference-app"
ZONES_FOLDER = "reference-app-zones"


@pytest.fixture(scope="module")
def corpus_folder(tmp_path_factory: pytest.TempPathFactory, spec_path: Path) -> Path:
    """Every fixture spec's client generated into one project, a folder each, beside the reference app's client and zones."""
    folder = tmp_path_factory.mktemp("typescript-corpus")
    (folder / "package.json").write_text('{"type": "module"}\n')
    for spec in SPECS:
        generate(spec, folder / folder_name(spec))
    generate(spec_path, folder / REFERENCE_FOLDER)
    zones = [clientgen_binary(), "generate", "-f", spec_path, "--zones", FIXTURES / "zones" / "reference.toml"]
    generated = run([*zones, "--typescript-out", folder / ZONES_FOLDER], cwd=REPO_ROOT, timeout=120)
    assert generated.returncode == 0, generated.stdout + generated.stderr
    return folder


@pytest.fixture(scope="module")
def corpus_errors(corpus_folder: Path) -> dict[str, dict[str, list[str]]]:
    """The corpus type-checked by one tsc run per mode: mode → folder → the tsc error lines of the files in that
    folder."""
    folder = corpus_folder
    runs = {
        mode: subprocess.Popen(
            [str(tsc()), "-p", str(write_project(folder, mode, ["*/*.ts"])), "--pretty", "false"],
            cwd=folder,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for mode in MODES
    }
    errors: dict[str, dict[str, list[str]]] = {}
    for mode, process in runs.items():
        output, _ = process.communicate(timeout=TSC_TIMEOUT)
        by_folder: dict[str, list[str]] = {}
        current: list[str] = by_folder.setdefault("", [])
        for line in output.splitlines():
            # `folder/file.ts(line,col): error TS…`; continuation lines are indented.
            if not line.startswith(" "):
                current = by_folder.setdefault(line.split("/", 1)[0] if "/" in line else "", [])
            current.append(line)
        if process.returncode != 0 and not any(by_folder.values()):
            pytest.fail(f"tsc ({mode}) exited {process.returncode} without errors:\n{output}")
        errors[mode] = by_folder
    return errors


def test_corpus_tsc_reports_nothing_outside_the_spec_folders(corpus_errors: dict[str, dict[str, list[str]]]) -> None:
    """Nor in the reference app's client and zones (`*/*.ts` holds the zones' index, which imports every zone)."""
    for mode in MODES:
        for folder in ("", REFERENCE_FOLDER, ZONES_FOLDER):
            assert corpus_errors[mode].get(folder, []) == [], f"{mode}: {folder}"


@pytest.mark.parametrize("spec", SPECS, ids=[spec.stem for spec in SPECS])
@pytest.mark.parametrize("mode", MODES)
def test_spec_generates_typescript_that_passes_tsc_strict(
    spec: Path, mode: str, corpus_errors: dict[str, dict[str, list[str]]]
) -> None:
    errors = corpus_errors[mode].get(folder_name(spec), [])
    assert errors == [], "\n".join(errors[:40])


def test_corpus_is_prettier_clean(corpus_folder: Path) -> None:
    """Every generated file of every fixture spec's client is as prettier (its defaults) prints it: one
    `prettier --check` over the whole corpus."""
    if not PRETTIER.is_file():
        pytest.fail(f"no prettier at {PRETTIER}: run `npm ci --prefix tests/tools`")
    checked = run([PRETTIER, "--check", "*/*.ts", "*/*.json", "*/README.md"], cwd=corpus_folder)
    assert checked.returncode == 0, checked.stdout[-4000:] + checked.stderr[-4000:]


# The flat config of the eslint gate: typescript-eslint's `strictTypeChecked`, each file typed by its folder's generated
# tsconfig.json (the zones' index files, which no generated tsconfig holds, by ESLINT_DEFAULT_PROJECT). Every rule is on,
# no-deprecated too: the generated code names what the spec deprecates by names that are not (see
# test_editors_strike_through_what_the_spec_deprecates).
ESLINT_CONFIG = """\
// Written by tests/python/test_typescript.py.
import {{ createRequire }} from "node:module";

const require = createRequire({tools});
const tseslint = require("typescript-eslint");

export default tseslint.config({{
  files: ["**/*.ts"],
  extends: [tseslint.configs.strictTypeChecked],
  languageOptions: {{
    parserOptions: {{
      projectService: {{
        allowDefaultProject: {zone_roots},
        defaultProject: "tsconfig.eslint.json",
      }},
      tsconfigRootDir: {root},
    }},
  }},
}});
"""
# The compiler options of the generated tsconfig.json, for the files outside every generated folder.
ESLINT_DEFAULT_PROJECT = {
    "compilerOptions": {
        "target": "ES2022",
        "module": "NodeNext",
        "moduleResolution": "NodeNext",
        "lib": ["ES2022", "DOM"],
        "strict": True,
        "verbatimModuleSyntax": True,
        "skipLibCheck": True,
        "noEmit": True,
    }
}
ESLINT_TIMEOUT = 1_200


def test_corpus_is_eslint_strict_type_checked_clean(corpus_folder: Path) -> None:
    """Every generated TypeScript file of the corpus passes typescript-eslint's `strictTypeChecked` (typed linting):
    one eslint run over the whole corpus, with the flat config above."""
    if not ESLINT.is_file():
        pytest.fail(f"no eslint at {ESLINT}: run `npm ci --prefix tests/tools`")
    zone_roots = [f"{ZONES_FOLDER}/*.ts", f"{ZONES_FOLDER}/*/index.ts"]
    config = ESLINT_CONFIG.format(
        tools=json.dumps(str(REPO_ROOT / "tests" / "tools" / "package.json")),
        zone_roots=json.dumps(zone_roots),
        root=json.dumps(str(corpus_folder)),
    )
    (corpus_folder / "eslint.config.mjs").write_text(config)
    (corpus_folder / "tsconfig.eslint.json").write_text(json.dumps(ESLINT_DEFAULT_PROJECT, indent=2))
    linted = run([ESLINT, "--max-warnings", "0", "."], cwd=corpus_folder, timeout=ESLINT_TIMEOUT)
    assert linted.returncode == 0, linted.stdout[:8000] + linted.stderr[-4000:]


def test_editors_strike_through_what_the_spec_deprecates(tmp_path: Path) -> None:
    """A deprecated operation's functions and methods and a deprecated schema's type are deprecated where a user names
    them (tests/typescript/deprecations.ts marks the lines), as the TypeScript language service reports it to editors;
    the generated code itself names only what is not (the eslint gate's `no-deprecated`)."""
    generate(TS_TESTS / "specs" / "collisions.json", tmp_path / "collisions")
    shutil.copy(TS_TESTS / "deprecations.ts", tmp_path)
    (tmp_path / "package.json").write_text('{"type": "module"}\n')
    config = write_project(tmp_path, "nodenext", ["deprecations.ts"])
    checked = run([tsc(), "-p", config, "--pretty", "false"], cwd=tmp_path)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    typescript = REPO_ROOT / "tests" / "tools" / "node_modules" / "typescript"
    script = TS_TESTS / "deprecations.mjs"
    reported = run(["node", script, typescript, config, tmp_path / "deprecations.ts"], cwd=tmp_path)
    assert reported.returncode == 0, reported.stdout + reported.stderr
    struck = {int(line.split(":", 1)[0]) for line in reported.stdout.splitlines()}
    source = (TS_TESTS / "deprecations.ts").read_text(encoding="utf-8").splitlines()
    marked = {number for number, line in enumerate(source, start=1) if line.endswith("// deprecated")}
    assert struck == marked, reported.stdout
