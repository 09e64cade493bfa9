"""The Helpdesk API's views: signup and JWT login, tickets with messages and attachments, health and test reset.

Every view needs a logged-in user (JWT bearer token or Django session) unless it says otherwise. The 403 and 404
answers are documented with `ErrorDetail` where they can happen.
"""

import shutil
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics, permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from .models import Message, Ticket, User
from .serializers import (
    AttachmentSerializer,
    ErrorDetailSerializer,
    HealthSerializer,
    MessageSerializer,
    SignupSerializer,
    TicketSerializer,
    UserSerializer,
)

NOT_FOUND = {404: ErrorDetailSerializer}
FORBIDDEN = {403: ErrorDetailSerializer}


class IsAuthorToChange(permissions.BasePermission):
    """Anyone logged in reads; only the author updates or deletes (else 403)."""

    message = "Only the author may change or delete this."

    def has_object_permission(self, request: Request, view: APIView, obj: Ticket | Message) -> bool:
        changes = getattr(view, "action", None) in {"update", "partial_update", "destroy"}
        return not changes or obj.author == request.user


def changes_by_author_only(serializer: type) -> dict:
    """The extend_schema_view arguments of a ModelViewSet whose objects only their author may change."""
    return {
        "retrieve": extend_schema(responses={200: serializer, **NOT_FOUND}),
        "update": extend_schema(responses={200: serializer, **FORBIDDEN, **NOT_FOUND}),
        "partial_update": extend_schema(responses={200: serializer, **FORBIDDEN, **NOT_FOUND}),
        "destroy": extend_schema(responses={204: None, **FORBIDDEN, **NOT_FOUND}),
    }


@extend_schema_view(**changes_by_author_only(TicketSerializer))
class TicketViewSet(viewsets.ModelViewSet):
    """Tickets: filter by status and priority, search title and description, order by id, priority, created_at."""

    queryset = Ticket.objects.select_related("author").prefetch_related("messages__author").order_by("id")
    serializer_class = TicketSerializer
    permission_classes = [permissions.IsAuthenticated, IsAuthorToChange]
    filterset_fields = ["status", "priority"]
    search_fields = ["title", "description"]
    ordering_fields = ["id", "priority", "created_at", "title"]
    ordering = ["id"]

    def perform_create(self, serializer: TicketSerializer) -> None:
        serializer.save(author=self.request.user)

    @extend_schema(request=None, responses={200: TicketSerializer, **NOT_FOUND})
    @action(detail=True, methods=["post"])
    def close(self, request: Request, pk: str | None = None) -> Response:
        """Close the ticket (anyone logged in may)."""
        ticket = self.get_object()
        ticket.status = Ticket.Status.CLOSED
        ticket.save(update_fields=["status", "updated_at"])
        return Response(TicketSerializer(ticket, context=self.get_serializer_context()).data)

    @extend_schema(responses={201: AttachmentSerializer, **NOT_FOUND})
    @action(detail=True, methods=["post"], parser_classes=[MultiPartParser], serializer_class=AttachmentSerializer)
    def attachments(self, request: Request, pk: str | None = None) -> Response:
        """Upload a file to the ticket (multipart/form-data, field `file`)."""
        ticket = self.get_object()
        serializer = AttachmentSerializer(data=request.data, context=self.get_serializer_context())
        serializer.is_valid(raise_exception=True)
        serializer.save(ticket=ticket)
        return Response(serializer.data, status=status.HTTP_201_CREATED)


@extend_schema_view(**changes_by_author_only(MessageSerializer))
class MessageViewSet(viewsets.ModelViewSet):
    """Messages on tickets, oldest first; filter by ticket."""

    queryset = Message.objects.select_related("author").order_by("id")
    serializer_class = MessageSerializer
    permission_classes = [permissions.IsAuthenticated, IsAuthorToChange]
    filterset_fields = ["ticket"]

    def perform_create(self, serializer: MessageSerializer) -> None:
        serializer.save(author=self.request.user)


class SignupView(generics.CreateAPIView):
    """Create an account (no login needed); log in with POST /api/auth/token/ afterwards."""

    queryset = User.objects.all()
    serializer_class = SignupSerializer
    permission_classes = [permissions.AllowAny]


class MeView(generics.RetrieveUpdateAPIView):
    """The logged-in user; PATCH changes the email or the theme (null or "" for none)."""

    serializer_class = UserSerializer

    def get_object(self) -> User:
        return self.request.user


class HealthView(APIView):
    """Answers 200 once the server is up (no login needed)."""

    authentication_classes: list = []
    permission_classes = [permissions.AllowAny]

    @extend_schema(responses=HealthSerializer)
    def get(self, request: Request) -> Response:
        return Response({"status": "ok"})


@extend_schema(exclude=True)
class ResetView(APIView):
    """Test support, routed only when HELPDESK_TEST_RESET=1: empty the database and uploads, recreate the demo user.

    Ids start again at 1, so the demo user (settings.HELPDESK_DEMO_USER) is user 1.
    """

    authentication_classes: list = []
    permission_classes = [permissions.AllowAny]

    def post(self, request: Request) -> Response:
        # flush empties every table and resets SQLite's id sequences; post_migrate (content types,
        # permissions) is not needed by this app and would only slow each reset down.
        call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
        shutil.rmtree(Path(settings.MEDIA_ROOT) / "attachments", ignore_errors=True)
        User.objects.create_user(**settings.HELPDESK_DEMO_USER)
        return Response(status=status.HTTP_204_NO_CONTENT)
