from django.urls import path

from . import views

app_name = "activities"

urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.activity_create, name="activity_create"),
    path("<int:pk>/", views.activity_detail, name="activity_detail"),
    path("<int:pk>/edit/", views.activity_edit, name="activity_edit"),
    path("<int:pk>/status/", views.activity_status, name="activity_status"),
    path("<int:pk>/idea/", views.activity_idea, name="activity_idea"),
    path("<int:pk>/facilitators/add/", views.facilitator_add, name="facilitator_add"),
    path("<int:pk>/costs/add/", views.cost_add, name="cost_add"),
    path("<int:pk>/schedules/add/", views.schedule_add, name="schedule_add"),
    path("<int:pk>/sessions/add/", views.session_add, name="session_add"),
    path("<int:pk>/sign-ups/add/", views.enrolment_add, name="enrolment_add"),
    path("<int:pk>/completions/", views.completions_award, name="completions_award"),
    path("facilitators/<int:pk>/remove/", views.facilitator_remove, name="facilitator_remove"),
    path("sign-ups/<int:pk>/leave/", views.enrolment_leave, name="enrolment_leave"),
    path("completions/<int:pk>/certificate.pdf", views.certificate_pdf, name="certificate_pdf"),
    path("sessions/<int:pk>/cancel/", views.session_cancel, name="session_cancel"),
    path("sessions/<int:pk>/reinstate/", views.session_reinstate, name="session_reinstate"),
    path("sessions/<int:pk>/register/", views.register, name="register"),
    path("sessions/<int:pk>/register/search/", views.register_search, name="register_search"),
    path(
        "sessions/<int:pk>/register/photo/<int:woman>/",
        views.register_photo,
        name="register_photo",
    ),
    path("sessions/<int:pk>/feedback/", views.feedback, name="feedback"),
    path("programme/", views.programme, name="programme"),
    path("programme/week/", views.programme_week, name="programme_week"),
    path("programme/print.pdf", views.programme_pdf, name="programme_pdf"),
    path("numbers/", views.numbers, name="numbers"),
    path("women/search/", views.woman_search, name="woman_search"),
    path("setup/", views.setup, name="setup"),
    path("setup/rooms/add/", views.room_add, name="room_add"),
    path("setup/terms/add/", views.term_add, name="term_add"),
]
