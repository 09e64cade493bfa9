"""The Helpdesk models: users (with an optional theme), tickets, their messages and attachments."""

from django.contrib.auth.models import AbstractUser
from django.db import models


class Theme(models.TextChoices):
    """A user's colour theme; blank and null both mean "not chosen"."""

    LIGHT = "light", "Light"
    DARK = "dark", "Dark"


class User(AbstractUser):
    """Django's user, with a blank+null choice field (drf-spectacular: oneOf ThemeEnum, BlankEnum, NullEnum)."""

    theme = models.CharField(max_length=10, choices=Theme.choices, blank=True, null=True)


class Ticket(models.Model):
    """A support ticket, opened by its author."""

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        IN_PROGRESS = "in_progress", "In progress"
        CLOSED = "closed", "Closed"

    class Priority(models.IntegerChoices):
        LOW = 1, "Low"
        MEDIUM = 2, "Medium"
        HIGH = 3, "High"

    title = models.CharField(max_length=200)
    description = models.TextField(blank=True, default="")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN)
    priority = models.IntegerField(choices=Priority.choices, default=Priority.MEDIUM)
    author = models.ForeignKey(User, on_delete=models.CASCADE, related_name="tickets")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)


class Message(models.Model):
    """A message posted on a ticket."""

    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(User, on_delete=models.CASCADE, related_name="messages")
    body = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)


class Attachment(models.Model):
    """A file uploaded to a ticket, with the name and size it was uploaded with."""

    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to="attachments/")
    name = models.CharField(max_length=255)
    size = models.PositiveIntegerField()
    uploaded_at = models.DateTimeField(auto_now_add=True)
