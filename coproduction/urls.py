from django.urls import path, register_converter

from . import views

app_name = "coproduction"


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
    path("", views.index, name="index"),
    path("suggestions/new/", views.suggestion_create, name="create"),
    path("suggestions/<receipt:code>/", views.suggestion_detail, name="detail"),
    path("suggestions/<receipt:code>/screen/", views.suggestion_screen, name="screen"),
    path("suggestions/<receipt:code>/triage/", views.suggestion_triage, name="triage"),
    path("suggestions/<receipt:code>/wording/", views.suggestion_wording, name="wording"),
    path("suggestions/<receipt:code>/approve/", views.suggestion_approve, name="approve"),
    path("suggestions/<receipt:code>/release/", views.suggestion_release, name="release"),
    path("suggestions/<receipt:code>/redact/", views.suggestion_redact, name="redact"),
    path(
        "suggestions/<receipt:code>/activity/new/",
        views.suggestion_activity_start,
        name="activity_start",
    ),
    path(
        "suggestions/<receipt:code>/activity/link/",
        views.suggestion_activity_link,
        name="activity_link",
    ),
    path("tablets/", views.tablets, name="tablets"),
    path("tablets/<int:pk>/link/", views.tablet_link, name="tablet_link"),
    path("tablets/<int:pk>/revoke/", views.tablet_revoke, name="tablet_revoke"),
    path("poster/", views.poster, name="poster"),
    path("poster/status/", views.poster_status, name="poster_status"),
    path("poster/rebuild/", views.poster_rebuild, name="poster_rebuild"),
    path("poster/download/", views.poster_download, name="poster_download"),
    path("numbers/", views.numbers, name="numbers"),
]
