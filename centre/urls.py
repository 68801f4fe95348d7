from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from . import views
from .accessibility import accessibility_statement

handler403 = "centre.views.error_403"
handler404 = "centre.views.error_404"
handler500 = "centre.views.error_500"

accounts = [
    path("login/", views.sign_in, name="login"),
    path("logout/", views.sign_out, name="logout"),
    path("two-factor/", views.two_factor, name="two_factor"),
    path("keepalive/", views.session_keepalive, name="session_keepalive"),
    path("password/change/", views.password_change, name="password_change"),
    path("password/change/done/", views.password_change_done, name="password_change_done"),
    path("password/reset/", views.password_reset, name="password_reset"),
    path("password/reset/sent/", views.password_reset_done, name="password_reset_done"),
    path(
        "password/reset/<uidb64>/<token>/",
        views.password_reset_confirm,
        name="password_reset_confirm",
    ),
    path("password/reset/complete/", views.password_reset_complete, name="password_reset_complete"),
    path("invitation/<str:token>/", views.invitation_open, name="invitation_open"),
    path("invitations/", views.my_invitations, name="my_invitations"),
    path("invitations/<int:pk>/", views.invitation_respond, name="invitation_respond"),
]

urlpatterns = [
    path("", views.home, name="home"),
    path("centre/choose/", views.centre_choose, name="centre_choose"),
    path("audit/", views.audit_log, name="audit_log"),
    path("centre/settings/", views.centre_settings, name="centre_settings"),
    path("centre/holidays/add/", views.centre_holiday_add, name="centre_holiday_add"),
    path(
        "centre/holidays/<int:pk>/remove/",
        views.centre_holiday_remove,
        name="centre_holiday_remove",
    ),
    path("centre/team/", views.team, name="team"),
    path("centre/team/invite/", views.team_invite, name="team_invite"),
    path(
        "centre/team/invitations/<int:pk>/withdraw/",
        views.team_invitation_withdraw,
        name="team_invitation_withdraw",
    ),
    path("centre/team/<int:pk>/", views.team_edit, name="team_edit"),
    path("centre/team/<int:pk>/access/", views.team_access, name="team_access"),
    path("centre/team/<int:pk>/triage/", views.team_triage, name="team_triage"),
    path(
        "centre/team/<int:pk>/second-factor/",
        views.team_second_factor_reset,
        name="team_second_factor_reset",
    ),
    path("healthz", views.healthz, name="healthz"),
    path("accessibility/", accessibility_statement, name="accessibility"),
    path("accounts/", include(accounts)),
    path("casework/", include("casework.urls")),
    path("activities/", include("activities.urls")),
    # Co-production's rooms: /coproduction/, /kiosk/ and /reports/ (see coproduction/urls.py).
    path("", include("coproduction.urls")),
    path("documents/", include("centre.documents.urls")),
    path("privacy/", include("privacy.urls")),
    path("admin/", admin.site.urls),
]

if settings.BENCH:
    # The benchmark's floor page: routed only in benchmark mode, so it never exists in production.
    urlpatterns.append(path("bench/floor/", views.bench_floor, name="bench_floor"))
