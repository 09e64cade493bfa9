#!/usr/bin/env python
"""Django's command line for the Helpdesk reference app (migrate, runserver, spectacular...).

Run from this folder: `python manage.py migrate && python manage.py runserver 127.0.0.1:8000`.
The environment variables it reads are listed in helpdesk/settings.py.
"""

import os
import sys


def main() -> None:
    """Run the Django command given on the command line with this app's settings."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "helpdesk.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
