"""The README's React and Vue snippets type-check against a generated TypeScript client.

They are compiled, as a user's app would be, under strict Bundler resolution with React's types
and Vue from tests/tools, against the client of the reference app (which has the snippets'
`getUser`, `listTickets`, `User`, `Ticket` and `Priority`).
"""

import json
import re
import subprocess
from pathlib import Path

from support import REPO_ROOT, clientgen_binary

README = REPO_ROOT / "README.md"
TOOLS = REPO_ROOT / "tests" / "tools" / "node_modules"


def snippet(marker: str) -> str:
    """The first ```ts or ```tsx block of the README that contains ``marker``."""
    for block in re.findall(r"```tsx?\n(.*?)```", README.read_text(), re.S):
        if marker in block:
            return str(block)
    raise AssertionError(f"the README has no TypeScript snippet containing {marker!r}")


def test_readme_react_and_vue_snippets_type_check(tmp_path: Path, spec_path: Path) -> None:
    client = tmp_path / "api" / "my_api"
    generated = subprocess.run(
        [str(clientgen_binary()), "generate", "-f", str(spec_path), "--typescript-out", str(client)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert generated.returncode == 0, generated.stderr
    (tmp_path / "react.tsx").write_text(snippet('from "react"'))
    (tmp_path / "vue.ts").write_text(snippet('from "vue"'))
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
        "files": ["react.tsx", "vue.ts", "env.d.ts"],
    }
    (tmp_path / "tsconfig.json").write_text(json.dumps(tsconfig, indent=2))
    checked = subprocess.run(
        [str(TOOLS / ".bin" / "tsc"), "-p", str(tmp_path / "tsconfig.json")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
