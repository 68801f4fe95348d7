from django.urls import path

from . import views

app_name = "coproduction"

urlpatterns = [
    path("", views.index, name="index"),
    path("suggestions/new/", views.suggestion_create, name="create"),
    path("suggestions/<int:pk>/", views.suggestion_detail, name="detail"),
    path("suggestions/<int:pk>/screen/", views.suggestion_screen, name="screen"),
    path("suggestions/<int:pk>/triage/", views.suggestion_triage, name="triage"),
    path("suggestions/<int:pk>/wording/", views.suggestion_wording, name="wording"),
    path("suggestions/<int:pk>/approve/", views.suggestion_approve, name="approve"),
    path("suggestions/<int:pk>/release/", views.suggestion_release, name="release"),
    path("suggestions/<int:pk>/redact/", views.suggestion_redact, name="redact"),
    path(
        "suggestions/<int:pk>/activity/new/",
        views.suggestion_activity_start,
        name="activity_start",
    ),
    path(
        "suggestions/<int:pk>/activity/link/",
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
