"""Co-production's URLs: each room owns its paths (and its namespace), mounted at the root so the
paths from the one-app days (/coproduction/..., /kiosk/..., /reports/...) stay as they were."""

from django.urls import include, path

urlpatterns = [
    path("coproduction/meetings/", include("coproduction.meetings.urls")),
    path("", include("coproduction.involvement.urls")),
    path("newsletter/", include("coproduction.newsletter.urls")),
    path("", include("coproduction.suggestions.urls")),
    path("", include("coproduction.kiosk.urls")),
    path("", include("coproduction.reports.urls")),
]
