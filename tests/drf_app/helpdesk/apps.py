"""The Django app config of the Helpdesk reference app (models, migrations)."""

from django.apps import AppConfig


class HelpdeskConfig(AppConfig):
    """The one app of the project."""

    name = "helpdesk"
    default_auto_field = "django.db.models.BigAutoField"
