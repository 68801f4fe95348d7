from django.urls import path

from . import kiosk_views

app_name = "kiosk"

urlpatterns = [
    path("", kiosk_views.start, name="start"),
    path("idea/", kiosk_views.idea, name="idea"),
    path("code/", kiosk_views.code, name="code"),
    path("feedback/", kiosk_views.feedback, name="feedback"),
    path("board/", kiosk_views.board, name="board"),
    path("activities/", kiosk_views.activities, name="activities"),
    path("enrol/", kiosk_views.enrol, name="enrol"),
    path("enrol/<str:token>/", kiosk_views.enrol_link, name="enrol_link"),
]
