from django.urls import path

from . import views

app_name = "meetings"

urlpatterns = [
    path("", views.index, name="index"),
    path("groups/new/", views.group_create, name="group_create"),
    path("groups/<int:pk>/", views.group_detail, name="group_detail"),
    path("groups/<int:pk>/edit/", views.group_edit, name="group_edit"),
    path("groups/<int:pk>/actions/", views.group_actions, name="group_actions"),
    path("groups/<int:pk>/members/add/", views.member_add, name="member_add"),
    path("groups/<int:pk>/roles/add/", views.role_elect, name="role_elect"),
    path("groups/<int:pk>/meetings/new/", views.meeting_create, name="meeting_create"),
    path("members/<int:pk>/leave/", views.member_leave, name="member_leave"),
    path("members/<int:pk>/naming/", views.member_naming, name="member_naming"),
    path("<int:pk>/", views.meeting_detail, name="meeting_detail"),
    path("<int:pk>/edit/", views.meeting_edit, name="meeting_edit"),
    path("<int:pk>/move/", views.meeting_reschedule, name="meeting_reschedule"),
    path("<int:pk>/cancel/", views.meeting_cancel, name="meeting_cancel"),
    path("<int:pk>/calendar.ics", views.meeting_ics_download, name="meeting_ics"),
    path("<int:pk>/agenda/bring-in/", views.agenda_bring_in, name="agenda_bring_in"),
    path("<int:pk>/agenda/add/", views.agenda_item_add, name="agenda_item_add"),
    path("<int:pk>/agenda.pdf", views.agenda_pdf, name="agenda_pdf"),
    path("<int:pk>/actions/add/", views.action_add, name="action_add"),
    path("<int:pk>/attendance/", views.attendance, name="attendance"),
    path("<int:pk>/minutes/", views.minutes_edit, name="minutes_edit"),
    path("<int:pk>/minutes/approve/", views.minutes_approve, name="minutes_approve"),
    path("<int:pk>/minutes/publish/", views.minutes_publish, name="minutes_publish"),
    path("<int:pk>/minutes.pdf", views.minutes_pdf, name="minutes_pdf"),
    path("<int:pk>/decisions/add/", views.decision_add, name="decision_add"),
    path("<int:pk>/interests/add/", views.interest_add, name="interest_add"),
    path("<int:pk>/papers/add/", views.paper_add, name="paper_add"),
    path("<int:pk>/invite-members/", views.members_invite, name="members_invite"),
    path("papers/<int:pk>/", views.paper_download, name="paper_download"),
    path("invitations/", views.invitations, name="invitations"),
    path("invitations/women/<int:pk>/", views.invitation_add, name="invitation_add"),
    path("agenda-items/<int:pk>/remove/", views.agenda_item_remove, name="agenda_item_remove"),
    path("actions/<int:pk>/close/", views.action_close, name="action_close"),
]
