"""`ruff format --isolated --check` (ruff's defaults: 88 columns, double quotes, black's style) over generated code:
one process for many folders, its findings read back per folder."""

import json
import subprocess
import sys
from pathlib import Path

RUFF_TIMEOUT = 600


def ruff_format_findings(root: Path, folders: list[str]) -> dict[str, list[str]]:
    """The files under `root`/`folders` that `ruff format --isolated --check` would reformat, by folder (its first
    path part under `root`)."""
    if not folders:
        return {}
    command = [sys.executable, "-m", "ruff", "format", "--isolated", "--check", "--output-format", "json", *folders]
    ran = subprocess.run(command, cwd=root, capture_output=True, text=True, check=False, timeout=RUFF_TIMEOUT)
    # ruff exits 1 when it would reformat a file, 2 when it could not run (bad arguments, a file it cannot parse).
    if ran.returncode not in (0, 1):
        raise AssertionError(f"`{' '.join(command)}` exited {ran.returncode}:\n{ran.stdout}{ran.stderr}")
    findings: dict[str, list[str]] = {}
    for finding in json.loads(ran.stdout or "[]"):
        relative = Path(finding["filename"]).resolve().relative_to(root.resolve())
        files = findings.setdefault(relative.parts[0], [])
        if str(relative) not in files:
            files.append(str(relative))
    if ran.returncode == 1 and not findings:
        raise AssertionError(f"`{' '.join(command)}` exited 1 without findings:\n{ran.stdout}{ran.stderr}")
    return findings


def ruff_format_failure(findings: list[str]) -> str:
    """The failure message of a folder ruff would reformat files in."""
    return f"ruff format would reformat {len(findings)} files:\n" + "\n".join(findings[:40])
