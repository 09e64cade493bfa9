"""Write the OpenAPI document of one of the tests' FastAPI apps as JSON (FastAPI's key order, indent 2).

Usage: python tests/dump_fastapi_openapi.py APP_FOLDER [OUT.json]   (no OUT: print to standard output)

APP_FOLDER holds `app.py` with the FastAPI `app`: tests/reference_app, tests/contract_app, tests/auth_app.
"""

import importlib
import json
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    """Dump the document of the app in argv[1] to argv[2], or to standard output when no path is given."""
    if len(argv) < 2:
        sys.stderr.write(__doc__ or "")
        return 2
    sys.path.insert(0, str(Path(argv[1]).resolve()))
    app = importlib.import_module("app").app
    text = json.dumps(app.openapi(), indent=2, ensure_ascii=False) + "\n"
    if len(argv) > 2:
        Path(argv[2]).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
