"""The Helpdesk API's routes, all under /api/ (a DefaultRouter for tickets and messages)."""

from django.conf import settings
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import DefaultRouter
from rest_framework_simplejwt.views import TokenObtainPairView, TokenRefreshView

from . import views

router = DefaultRouter()
router.register("tickets", views.TicketViewSet)
router.register("messages", views.MessageViewSet)

urlpatterns = [
    path("api/", include(router.urls)),
    path("api/auth/signup/", views.SignupView.as_view()),
    path("api/auth/token/", TokenObtainPairView.as_view()),
    path("api/auth/token/refresh/", TokenRefreshView.as_view()),
    path("api/auth/me/", views.MeView.as_view()),
    path("api/health/", views.HealthView.as_view()),
    path("api/schema/", SpectacularAPIView.as_view()),
]
if settings.HELPDESK_TEST_RESET:
    urlpatterns.append(path("api/test/reset/", views.ResetView.as_view()))
