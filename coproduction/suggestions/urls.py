"""The suggestions room's pages, under /coproduction/ (their paths from the one-app days)."""

from django.urls import path

from . import views

app_name = "suggestions"

urlpatterns = [
    path("coproduction/", views.index, name="index"),
    path("coproduction/suggestions/new/", views.suggestion_create, name="create"),
    path("coproduction/suggestions/<int:pk>/", views.suggestion_detail, name="detail"),
    path("coproduction/suggestions/<int:pk>/screen/", views.suggestion_screen, name="screen"),
    path("coproduction/suggestions/<int:pk>/triage/", views.suggestion_triage, name="triage"),
    path("coproduction/suggestions/<int:pk>/wording/", views.suggestion_wording, name="wording"),
    path("coproduction/suggestions/<int:pk>/approve/", views.suggestion_approve, name="approve"),
    path("coproduction/suggestions/<int:pk>/release/", views.suggestion_release, name="release"),
    path("coproduction/suggestions/<int:pk>/redact/", views.suggestion_redact, name="redact"),
    path(
        "coproduction/suggestions/<int:pk>/activity/new/",
        views.suggestion_activity_start,
        name="activity_start",
    ),
    path(
        "coproduction/suggestions/<int:pk>/activity/link/",
        views.suggestion_activity_link,
        name="activity_link",
    ),
    path("coproduction/poster/", views.poster, name="poster"),
    path("coproduction/poster/status/", views.poster_status, name="poster_status"),
    path("coproduction/poster/rebuild/", views.poster_rebuild, name="poster_rebuild"),
    path("coproduction/poster/download/", views.poster_download, name="poster_download"),
]
