"""The kiosk room's pages: the tablet at /kiosk/, and the managers' tablet pages under
/coproduction/tablets/ (their paths from the one-app days)."""

from django.urls import path

from . import views

app_name = "kiosk"

urlpatterns = [
    path("kiosk/", views.start, name="start"),
    path("kiosk/idea/", views.idea, name="idea"),
    path("kiosk/code/", views.code, name="code"),
    path("kiosk/feedback/", views.feedback, name="feedback"),
    path("kiosk/board/", views.board, name="board"),
    path("kiosk/activities/", views.activities, name="activities"),
    path("kiosk/newsletter/", views.newsletter, name="newsletter"),
    path("kiosk/newsletter/photos/<int:pk>/", views.newsletter_photo, name="newsletter_photo"),
    path("kiosk/accessibility/", views.accessibility, name="accessibility"),
    path("kiosk/enrol/", views.enrol, name="enrol"),
    path("kiosk/enrol/<str:token>/", views.enrol_link, name="enrol_link"),
    path("coproduction/tablets/", views.tablets, name="tablets"),
    path("coproduction/tablets/<int:pk>/link/", views.tablet_link, name="tablet_link"),
    path("coproduction/tablets/<int:pk>/revoke/", views.tablet_revoke, name="tablet_revoke"),
]
