"""Write the Auth API's OpenAPI document as JSON (FastAPI's key order, indent 2).

Usage: python dump_openapi.py [OUT.json]   (no argument: print to standard output)
"""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from app import app


def main(argv: list[str]) -> int:
    """Dump the spec to argv[1], or to standard output when no path is given."""
    text = json.dumps(app.openapi(), indent=2, ensure_ascii=False) + "\n"
    if len(argv) > 1:
        Path(argv[1]).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
