"""The suggestions room's pages, under /coproduction/ (their paths from the one-app days)."""

from django.urls import path, register_converter

from . import views

app_name = "suggestions"


class ReceiptCode:
    """Suggestions are addressed by their receipt code, not a row id: ids are given out in
    order, so they would tell which of a day's suggestions was written first."""

    regex = "[A-Z0-9]{3}-[0-9]{2}"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(ReceiptCode, "receipt")

urlpatterns = [
    path("coproduction/", views.index, name="index"),
    path("coproduction/suggestions/new/", views.suggestion_create, name="create"),
    path("coproduction/suggestions/<receipt:code>/", views.suggestion_detail, name="detail"),
    path("coproduction/suggestions/<receipt:code>/screen/", views.suggestion_screen, name="screen"),
    path("coproduction/suggestions/<receipt:code>/triage/", views.suggestion_triage, name="triage"),
    path(
        "coproduction/suggestions/<receipt:code>/wording/", views.suggestion_wording, name="wording"
    ),
    path(
        "coproduction/suggestions/<receipt:code>/approve/", views.suggestion_approve, name="approve"
    ),
    path(
        "coproduction/suggestions/<receipt:code>/release/", views.suggestion_release, name="release"
    ),
    path("coproduction/suggestions/<receipt:code>/redact/", views.suggestion_redact, name="redact"),
    path(
        "coproduction/suggestions/<receipt:code>/activity/new/",
        views.suggestion_activity_start,
        name="activity_start",
    ),
    path(
        "coproduction/suggestions/<receipt:code>/activity/link/",
        views.suggestion_activity_link,
        name="activity_link",
    ),
    path("coproduction/poster/", views.poster, name="poster"),
    path("coproduction/poster/status/", views.poster_status, name="poster_status"),
    path("coproduction/poster/rebuild/", views.poster_rebuild, name="poster_rebuild"),
    path("coproduction/poster/download/", views.poster_download, name="poster_download"),
]
