"""Every code block of README.md is compiled, type-checked or run, as a user would paste it.

The blocks are read from the README when the tests run, so an edited README is checked as it stands. Each
language has its check:

- ```python: `mypy --strict` against a client of the reference app's document (tests/rust/specs/reference.json)
  generated in the style the block imports (functions, class or package);
- ```ts, ```typescript and ```tsx: `tsc --strict` (Bundler resolution, React's types and Vue from tests/tools)
  against the reference app's TypeScript client, and its zones client under the README's zones file;
- ```rust: compiled in a scratch workspace: a block holding a build script is the build script of a package of its
  own (and runs), any other block a binary that depends on the runtime, with `generate_clients!` on the reference
  document;
- ```toml: parsed; a dependency table names workspace crates (by their folders) or crates of Cargo.lock, and the
  zones file is the one the TypeScript zones client is generated with;
- ```sh: each command is checked: `clientgen` and `cargo` flags against their `--help`, `-p` against the
  workspace's packages, paths against the checkout, `pip install` against tests/requirements.txt;
- ```proto: found in the tree clientgen writes for the reference document, which protoc compiles;
- ```text: the command synopsis's flags against `clientgen --help`.

A block that cannot be checked is listed in `NOT_CHECKED`, keyed by a line of it, with the reason; a block that is
neither checked nor listed fails `test_every_block_is_checked_or_listed`.
"""

import importlib.util
import json
import os
import re
import shlex
import subprocess
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest

from support import REPO_ROOT, clientgen_binary

README = REPO_ROOT / "README.md"
TOOLS = REPO_ROOT / "tests" / "tools" / "node_modules"
REFERENCE_SPEC = REPO_ROOT / "tests" / "rust" / "specs" / "reference.json"
"""The reference app's document: the spec the README's examples name (`list_users`, `create_ticket`, …)."""

NOT_CHECKED = {
    ".list_issues(": "a fragment of a client of GitHub's 13 MB description, too big to generate and compile here",
    "clients/python/cfg/cfg_support/": "a folder listing, not code",
}
"""Blocks no test checks, keyed by a line they hold, with the reason."""


@dataclass(frozen=True)
class Block:
    """One fenced code block of the README."""

    language: str
    text: str
    line: int
    """The line of its opening fence."""

    @property
    def name(self) -> str:
        return f"README.md:{self.line} ({self.language})"


def readme_blocks() -> list[Block]:
    """Every fenced block of the README, in order."""
    text = README.read_text()
    return [
        Block(match[1], match[2], text.count("\n", 0, match.start()) + 1)
        for match in re.finditer(r"^```(\w*)\n(.*?)^```", text, re.S | re.M)
    ]


def blocks_of(*languages: str) -> list[Block]:
    """The README's blocks in `languages` that `NOT_CHECKED` does not list."""
    return [block for block in readme_blocks() if block.language in languages and not_checked(block) is None]


def not_checked(block: Block) -> str | None:
    """Why `block` is not checked, when `NOT_CHECKED` lists it."""
    return next((reason for marker, reason in NOT_CHECKED.items() if marker in block.text), None)


CHECKED_LANGUAGES = {"python", "ts", "typescript", "tsx", "rust", "toml", "sh", "proto", "text"}


def test_every_block_is_checked_or_listed() -> None:
    blocks = readme_blocks()
    assert blocks, "no code blocks found in the README"
    unchecked = [
        block.name for block in blocks if block.language not in CHECKED_LANGUAGES and not_checked(block) is None
    ]
    assert not unchecked, f"blocks in a language no test checks (check them, or list them in NOT_CHECKED): {unchecked}"
    stale = [marker for marker in NOT_CHECKED if not any(marker in block.text for block in blocks)]
    assert not stale, f"NOT_CHECKED lists blocks the README no longer has: {stale}"
    for block in blocks:
        if block.language == "text" and not_checked(block) is None:
            assert "clientgen " in block.text, f"{block.name}: a text block that is no command synopsis: list it"


def run(command: list[str], cwd: Path | None = None, env: dict[str, str] | None = None) -> str:
    """Runs `command`; fails the test with its output unless it succeeds; returns its stdout and stderr."""
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    output = result.stdout + result.stderr
    assert result.returncode == 0, f"`{shlex.join(command)}` exited {result.returncode}:\n{output}"
    return output


def generate(out_flag: str, out: Path, *options: str) -> None:
    """`clientgen generate -f <reference document> OUT_FLAG OUT OPTIONS…`."""
    run([str(clientgen_binary()), "generate", "-f", str(REFERENCE_SPEC), out_flag, str(out), *options])


# ---- Python ----

PYTHON_CLIENTS: list[tuple[str, str, tuple[str, ...]]] = [
    ("from cfg_support", "cfg_support", ("--python-style", "package")),
    ("my_client.Client(", "my_client", ("--python-style", "class")),
    ("import my_client", "my_client", ()),
]
"""What a Python block imports (the first marker it holds) → the package name and the style to generate."""

PYTHON_PRELUDES = {
    "refresh_handler=refresh": "BASE = 'http://127.0.0.1:8000'\naccess = 'access-token'\nrefresh_token = 'r'\n",
}
"""Names a block takes as given (the user's values), by a marker it holds."""


def test_python_blocks_type_check_against_the_client_they_import(tmp_path: Path) -> None:
    blocks = blocks_of("python")
    assert blocks, "the README has no Python block"
    by_client: dict[tuple[str, tuple[str, ...]], list[Block]] = {}
    for block in blocks:
        client = next(((name, style) for marker, name, style in PYTHON_CLIENTS if marker in block.text), None)
        assert client is not None, f"{block.name} imports no client PYTHON_CLIENTS knows"
        by_client.setdefault(client, []).append(block)
    failures = []
    for index, ((package, style), client_blocks) in enumerate(sorted(by_client.items())):
        folder = tmp_path / f"client{index}"
        generate("--python-out", folder / package, *style)
        files = []
        for block in client_blocks:
            prelude = "".join(text for marker, text in PYTHON_PRELUDES.items() if marker in block.text)
            path = folder / f"readme_line_{block.line}.py"
            path.write_text(prelude + block.text)
            files.append(path.name)
        # The package style's folder is a project holding the import package.
        env = {**os.environ, "MYPYPATH": os.pathsep.join([str(folder / package), str(folder)])}
        command = [sys.executable, "-m", "mypy", "--strict", "--no-incremental", *files]
        result = subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            failures.append(result.stdout + result.stderr)
    assert not failures, "\n".join(failures)


# ---- TypeScript ----

TS_PRELUDES = {
    "renew(": "declare function renew(refreshToken: string | null): Promise<{ access: string; refresh: string }>;\n",
    "(url,": "declare const url: string;\n",
}
"""Names a block takes as given (the user's own code), by a marker it holds."""


def zones_file() -> str:
    """The README's zones file (the toml block with `[zones.…]` tables)."""
    found = [block.text for block in blocks_of("toml") if "[zones." in block.text]
    assert len(found) == 1, "the README should hold one zones file"
    return found[0]


def test_typescript_blocks_type_check_against_the_reference_clients(tmp_path: Path) -> None:
    blocks = blocks_of("ts", "typescript", "tsx")
    assert blocks, "the README has no TypeScript block"
    # One project per client: `./api/my_api` is the reference client, `./api` its zones under the README's zones
    # file (with `cfg_support`, `admin` and `public`).
    single, zoned = tmp_path / "single", tmp_path / "zoned"
    generate("--typescript-out", single / "api" / "my_api")
    (tmp_path / "zones.toml").write_text(zones_file())
    generate("--typescript-out", zoned / "api", "--zones", str(tmp_path / "zones.toml"))
    files = []
    for block in blocks:
        project = single if "/api/my_api" in block.text else zoned
        prelude = "".join(text for marker, text in TS_PRELUDES.items() if marker in block.text)
        extension = "tsx" if block.language == "tsx" else "ts"
        path = project / f"readme_line_{block.line}.{extension}"
        # `export {}`: a module, whose top-level names and `await` stay its own.
        path.write_text(prelude + block.text + "\nexport {};\n")
        files.append(str(path.relative_to(tmp_path)))
    # What Vite's `vite/client` types declare for the snippets' `import.meta.env`.
    (tmp_path / "env.d.ts").write_text("interface ImportMeta { readonly env: { readonly VITE_API_URL: string } }\n")
    tsconfig = {
        "compilerOptions": {
            "strict": True,
            "noEmit": True,
            "target": "ES2022",
            "lib": ["ES2022", "DOM"],
            "module": "ESNext",
            "moduleResolution": "Bundler",
            "jsx": "react-jsx",
            "types": [],
            "skipLibCheck": True,
            "paths": {
                "react": [str(TOOLS / "@types" / "react")],
                "react/*": [str(TOOLS / "@types" / "react" / "*")],
                "vue": [str(TOOLS / "vue")],
            },
        },
        "files": [*files, "env.d.ts"],
    }
    (tmp_path / "tsconfig.json").write_text(json.dumps(tsconfig, indent=2))
    run([str(TOOLS / ".bin" / "tsc"), "-p", str(tmp_path / "tsconfig.json")])


# ---- Rust ----


def workspace_packages() -> dict[str, Path]:
    """The workspace's packages by name, with their folders."""
    metadata = json.loads(run(["cargo", "metadata", "--no-deps", "--format-version", "1", "--offline"], cwd=REPO_ROOT))
    return {package["name"]: Path(package["manifest_path"]).parent for package in metadata["packages"]}


def scratch_target_dir() -> Path:
    """The target folder the Rust integration tests compile their scratch crates in (tests/tests/rust_regeneration.rs),
    so that the runtime's dependencies and clientgen-build are built once for all."""
    target = Path(os.environ.get("CARGO_TARGET_DIR", REPO_ROOT / "target"))
    return target / "tmp" / "rust-fixtures" / "target"


def manifest(name: str, dependencies: str) -> str:
    return f'[package]\nname = "{name}"\nversion = "0.0.0"\nedition = "2024"\npublish = false\n\n{dependencies}\n'


def test_rust_blocks_compile(tmp_path: Path) -> None:
    blocks = blocks_of("rust")
    assert blocks, "the README has no Rust block"
    packages = workspace_packages()
    build_support, runtime = packages["clientgen-build"], packages["clientgen"]
    members = []
    binaries = []
    for block in blocks:
        if "clientgen_build::" in block.text:
            # A build script: a package of its own, whose build runs it on the reference document.
            name = f"readme-build-{block.line}"
            package = tmp_path / name
            (package / "src").mkdir(parents=True)
            (package / "Cargo.toml").write_text(
                manifest(name, f'[build-dependencies]\nclientgen-build = {{ path = "{build_support}" }}')
            )
            (package / "build.rs").write_text(block.text)
            (package / "src" / "lib.rs").write_text("")
            (package / "openapi.json").write_text(REFERENCE_SPEC.read_text())
            members.append(name)
        else:
            main = "" if "fn main(" in block.text else "\nfn main() {}\n"
            binaries.append((f"readme_line_{block.line}", block.text + main))
    if binaries:
        package = tmp_path / "readme-snippets"
        (package / "src" / "bin").mkdir(parents=True)
        dependencies = (
            f'[dependencies]\nclientgen = {{ path = "{runtime}" }}\n'
            'tokio = { version = "1", features = ["macros", "rt-multi-thread"] }'
        )
        (package / "Cargo.toml").write_text(manifest("readme-snippets", dependencies))
        for name, text in binaries:
            (package / "src" / "bin" / f"{name}.rs").write_text(text)
        (package / "openapi.json").write_text(REFERENCE_SPEC.read_text())
        members.append("readme-snippets")
    (tmp_path / "Cargo.toml").write_text(f'[workspace]\nresolver = "3"\nmembers = {json.dumps(members)}\n')
    # The workspace's lock keeps the versions the ones already built.
    (tmp_path / "Cargo.lock").write_text((REPO_ROOT / "Cargo.lock").read_text())
    env = {key: value for key, value in os.environ.items() if key != "RUSTFLAGS"}
    env["CARGO_TARGET_DIR"] = str(scratch_target_dir())
    run(["cargo", "check", "--workspace", "--message-format", "short"], cwd=tmp_path, env=env)


# ---- TOML ----


def locked_crates() -> set[str]:
    return {package["name"] for package in tomllib.loads((REPO_ROOT / "Cargo.lock").read_text())["package"]}


def test_toml_blocks_parse_and_name_crates_that_exist() -> None:
    blocks = blocks_of("toml")
    assert blocks, "the README has no TOML block"
    packages, locked = workspace_packages(), locked_crates()
    for block in blocks:
        document = tomllib.loads(block.text)
        for table in ("dependencies", "build-dependencies", "dev-dependencies"):
            for name, spec in document.get(table, {}).items():
                if name in packages:
                    # Not on crates.io yet: a version alone fails with "no matching package".
                    assert isinstance(spec, dict) and ("path" in spec or "git" in spec), (
                        f"{block.name}: {name} is not published: give it as a path or git dependency"
                    )
                    # A path dependency on a checkout ends with the crate's folder.
                    if "path" in spec:
                        folder = packages[name].relative_to(REPO_ROOT)
                        assert Path(spec["path"]).parts[-len(folder.parts) :] == folder.parts, (
                            f"{block.name}: {name} lives in {folder}/, not {spec['path']}"
                        )
                else:
                    assert name in locked, f"{block.name}: {name} is neither a workspace crate nor in Cargo.lock"
                    assert not name.startswith("clientgen"), f"{block.name}: there is no crate {name}"


# ---- Shell ----


def help_flags(command: list[str]) -> set[str]:
    """The flags `COMMAND --help` lists."""
    return set(re.findall(r"(?<![\w-])(--?[A-Za-z][\w-]*)", run([*command, "--help"])))


def check_flags(words: list[str], command: list[str], where: str) -> None:
    known = help_flags(command)
    for word in words:
        flag = word.split("=", 1)[0]
        if flag.startswith("-") and flag != "-":
            assert flag in known, f"{where}: `{shlex.join(command)}` has no flag {flag}"


def check_clientgen(words: list[str], where: str) -> None:
    binary = str(clientgen_binary())
    if len(words) > 1 and not words[1].startswith("-"):
        check_flags(words[2:], [binary, words[1]], where)
    else:
        check_flags(words[1:], [binary], where)


def check_cargo(words: list[str], where: str, cwd: Path) -> None:
    subcommand = words[1]
    check_flags(words[2:], ["cargo", subcommand], where)
    packages = workspace_packages()
    for flag, value in zip(words, words[1:]):
        if flag in ("-p", "--package"):
            assert value in packages, f"{where}: no workspace package {value}"
        if flag == "--path":
            assert (cwd / value / "Cargo.toml").is_file(), f"{where}: no crate at {value}"
        if flag == "--bench":
            benches = [path.stem for path in REPO_ROOT.glob("*/benches/*.rs")]
            assert value in benches, f"{where}: no bench {value}"


def check_pip(words: list[str], where: str) -> None:
    assert words[1] == "install", f"{where}: pip {words[1]} is not checked"
    requirements = (REPO_ROOT / "tests" / "requirements.txt").read_text().lower()
    # Flags and the user's own folders (`-e clients/python/…`) are left alone.
    for name in [word for word in words[2:] if not word.startswith("-") and "/" not in word]:
        assert re.search(rf"^{re.escape(name.lower())}\b", requirements, re.M), (
            f"{where}: {name} is not among the packages the tests install (tests/requirements.txt)"
        )


def check_command(words: list[str], where: str, cwd: Path) -> Path:
    """Checks one command; returns the folder the next one runs in."""
    program = Path(words[0]).name
    if program == "cd":
        folder = cwd / words[1]
        assert folder.is_dir(), f"{where}: no folder {words[1]}"
        return folder
    if program == "clientgen":
        check_clientgen(words, where)
    elif program == "cargo":
        check_cargo(words, where, cwd)
    elif program == "pip":
        check_pip(words, where)
    elif program.startswith("python") and words[1] == "-m":
        found = importlib.util.find_spec(words[2].split(".")[0]) is not None
        assert found, f"{where}: no module {words[2]} (tests/requirements.txt installs what may be run)"
    elif program == "bash" or program.startswith("python"):
        assert program == "bash" or "/" not in words[0] or (cwd / words[0]).exists(), f"{where}: no {words[0]}"
        assert (cwd / words[1]).is_file(), f"{where}: no script {words[1]}"
    else:
        pytest.fail(f"{where}: no check knows `{program}` (add one, or list the block in NOT_CHECKED)")
    return cwd


def test_sh_blocks_run_commands_and_flags_that_exist() -> None:
    blocks = blocks_of("sh")
    assert blocks, "the README has no sh block"
    for block in blocks:
        cwd = REPO_ROOT
        for offset, line in enumerate(block.text.splitlines(), start=1):
            command = line.split(" #", 1)[0].strip()
            if command:
                cwd = check_command(shlex.split(command), f"README.md:{block.line + offset}", cwd)


def test_text_blocks_name_clientgen_flags_that_exist() -> None:
    for block in blocks_of("text"):
        synopsis = " ".join(block.text.split())
        for usage in re.split(r"(?=\bclientgen )", synopsis):
            words = re.findall(r"(?<![\w-])(--?[a-z][\w-]*|clientgen|generate|check)", usage)
            if words[:1] == ["clientgen"]:
                check_clientgen(words, block.name)


# ---- Protocol Buffers ----


def test_proto_blocks_are_what_clientgen_writes_and_compile(tmp_path: Path) -> None:
    blocks = blocks_of("proto")
    assert blocks, "the README has no proto block"
    tree = tmp_path / "proto"
    generate("--proto-out", tree, "--proto-http-annotations")
    files = sorted(tree.rglob("*.proto"))
    generated = {path: [line.strip() for line in path.read_text().splitlines()] for path in files}
    for block in blocks:
        wanted = [line.strip() for line in block.text.splitlines() if line.strip()]
        found = [
            path
            for path, lines in generated.items()
            if any(lines[i : i + len(wanted)] == wanted for i in range(len(lines)))
        ]
        assert found, f"{block.name}: clientgen writes no such lines for the reference document"
        zone = found[0].parent.parent
        run(
            [
                sys.executable,
                "-m",
                "grpc_tools.protoc",
                "-I",
                ".",
                "-I",
                str(tree / "third-party" / "googleapis"),
                f"--descriptor_set_out={tmp_path / 'out.pb'}",
                str(found[0].relative_to(zone)),
            ],
            cwd=zone,
        )

