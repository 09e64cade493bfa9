"""The serializers, one drf-spectacular component each (the component is the class name without "Serializer").

They hold the shapes of issue 15 on purpose: read-only ids, dates and nested objects, a write-only password, a
blank+null choice field, and a file that is written but never read back.
"""

from rest_framework import serializers

from .models import Attachment, Message, Ticket, User


class UserSerializer(serializers.ModelSerializer):
    """A user as other objects show it (read-only wherever it is nested)."""

    class Meta:
        model = User
        fields = ["id", "username", "email", "theme"]
        read_only_fields = ["id", "username"]


class SignupSerializer(serializers.ModelSerializer):
    """A new account: the password is write-only, the id read-only."""

    password = serializers.CharField(write_only=True, min_length=8, style={"input_type": "password"})

    class Meta:
        model = User
        fields = ["id", "username", "email", "password", "theme"]
        read_only_fields = ["id"]

    def create(self, validated_data: dict) -> User:
        """Create the user with a hashed password."""
        return User.objects.create_user(**validated_data)


class MessageSerializer(serializers.ModelSerializer):
    """A message on a ticket; its author is the user who posted it."""

    author = UserSerializer(read_only=True)

    class Meta:
        model = Message
        fields = ["id", "ticket", "author", "body", "created_at"]
        read_only_fields = ["id", "created_at"]


class TicketSerializer(serializers.ModelSerializer):
    """A ticket: title, description, status and priority are written; the rest is read-only."""

    author = UserSerializer(read_only=True)
    messages = MessageSerializer(many=True, read_only=True)
    message_count = serializers.SerializerMethodField()

    class Meta:
        model = Ticket
        fields = [
            "id",
            "title",
            "description",
            "status",
            "priority",
            "author",
            "messages",
            "message_count",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["id", "created_at", "updated_at"]

    def get_message_count(self, ticket: Ticket) -> int:
        """How many messages the ticket has."""
        return ticket.messages.count()


class AttachmentSerializer(serializers.ModelSerializer):
    """An upload: the file is write-only; name and size are what the server stored."""

    file = serializers.FileField(write_only=True)

    class Meta:
        model = Attachment
        fields = ["id", "ticket", "file", "name", "size", "uploaded_at"]
        read_only_fields = ["id", "ticket", "name", "size", "uploaded_at"]

    def create(self, validated_data: dict) -> Attachment:
        """Store the file and remember its original name and size."""
        upload = validated_data["file"]
        return Attachment.objects.create(name=upload.name, size=upload.size, **validated_data)


class ErrorDetailSerializer(serializers.Serializer):
    """DRF's error body for 401, 403 and 404: `{"detail": "..."}`."""

    detail = serializers.CharField()


class HealthSerializer(serializers.Serializer):
    """The health check's answer."""

    status = serializers.CharField()
