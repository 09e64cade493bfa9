"""Settings of the Helpdesk reference app: DRF, simplejwt, django-filter and drf-spectacular at its defaults.

Environment variables (all optional):
- HELPDESK_DB: the SQLite file (default: helpdesk.sqlite3 in the system's temp folder, never in the source tree);
- HELPDESK_MEDIA_ROOT: where uploaded attachments are stored (default: helpdesk-media in the temp folder);
- HELPDESK_COMPONENT_SPLIT_REQUEST=1: drf-spectacular's COMPONENT_SPLIT_REQUEST (separate request components);
- HELPDESK_TEST_RESET=1: enables POST /api/test/reset/, which the tests call before each test.
"""

import os
import tempfile
from datetime import timedelta
from pathlib import Path

TEMP = Path(tempfile.gettempdir())

SECRET_KEY = "helpdesk-reference-app-not-a-secret-only-ever-served-on-127.0.0.1"
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "helpdesk",
]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]
ROOT_URLCONF = "helpdesk.urls"
AUTH_USER_MODEL = "helpdesk.User"
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": os.environ.get("HELPDESK_DB", str(TEMP / "helpdesk.sqlite3")),
    }
}
MEDIA_ROOT = os.environ.get("HELPDESK_MEDIA_ROOT", str(TEMP / "helpdesk-media"))
USE_TZ = True
# Django's advice for test runs: a fast hasher (PBKDF2 takes ~0.5 s per signup and login on a small machine).
# Nothing here stores real passwords.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TIME_ZONE = "UTC"

# Tracebacks of failed requests go to the server's log (the test fixtures show it when the server fails).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"django.request": {"handlers": ["console"], "level": "ERROR"}},
}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework_simplejwt.authentication.JWTAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "helpdesk.pagination.Pagination",
    "PAGE_SIZE": 3,
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "rest_framework.filters.SearchFilter",
        "rest_framework.filters.OrderingFilter",
    ],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}

SIMPLE_JWT = {
    "ACCESS_TOKEN_LIFETIME": timedelta(minutes=5),
    "REFRESH_TOKEN_LIFETIME": timedelta(days=1),
    "ROTATE_REFRESH_TOKENS": True,
}

# drf-spectacular's defaults, except the title and, on request, COMPONENT_SPLIT_REQUEST.
SPECTACULAR_SETTINGS = {
    "TITLE": "Helpdesk API",
    "DESCRIPTION": "The Django REST Framework reference app of clientgen's tests.",
    "VERSION": "1.0.0",
    "COMPONENT_SPLIT_REQUEST": os.environ.get("HELPDESK_COMPONENT_SPLIT_REQUEST") == "1",
}

# POST /api/test/reset/ exists only when this is on (the test fixtures turn it on).
HELPDESK_TEST_RESET = os.environ.get("HELPDESK_TEST_RESET") == "1"
# The account POST /api/test/reset/ leaves in the empty database (id 1).
HELPDESK_DEMO_USER = {"username": "alice", "password": "wonderland-42", "email": "alice@example.com"}
