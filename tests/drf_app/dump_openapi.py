"""Write the Helpdesk API's OpenAPI document as JSON, as drf-spectacular's `spectacular` command writes it.

Usage: python dump_openapi.py [--split-request] [OUT.json]   (no OUT: print to standard output)

Without --split-request the document is drf-spectacular's default (one component per serializer for requests and
responses); with it, COMPONENT_SPLIT_REQUEST=True (`TicketRequest`, `PatchedTicketRequest`...). The document is
validated against the OpenAPI schema, and any drf-spectacular warning fails the dump.
"""

import os
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    """Dump the document chosen by argv's options to the path it names, or to standard output."""
    args = argv[1:]
    split_request = "--split-request" in args
    paths = [arg for arg in args if arg != "--split-request"]
    if len(paths) > 1 or any(arg.startswith("-") for arg in paths):
        sys.stderr.write(__doc__)
        return 2
    # settings.py reads this when Django sets up, so it is set first.
    os.environ["HELPDESK_COMPONENT_SPLIT_REQUEST"] = "1" if split_request else "0"
    os.environ["DJANGO_SETTINGS_MODULE"] = "helpdesk.settings"
    sys.path.insert(0, str(Path(__file__).resolve().parent))

    import django
    from django.core.management import call_command

    django.setup()
    options = {"file": paths[0]} if paths else {}
    call_command("spectacular", format="openapi-json", validate=True, fail_on_warn=True, **options)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
