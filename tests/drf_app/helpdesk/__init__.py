"""Helpdesk: the Django REST Framework reference app that clientgen's generated clients are tested against."""
