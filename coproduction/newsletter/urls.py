from django.urls import path

from . import views

app_name = "newsletter"

urlpatterns = [
    path("", views.index, name="index"),
    path("subscription/", views.subscription, name="subscription"),
    path("issues/new/", views.issue_create, name="issue_create"),
    path("issues/<int:pk>/", views.issue_detail, name="issue_detail"),
    path("issues/<int:pk>/edit/", views.issue_edit, name="issue_edit"),
    path("issues/<int:pk>/read/", views.issue_read, name="issue_read"),
    path("issues/<int:pk>/editors/add/", views.editor_add, name="editor_add"),
    path("issues/<int:pk>/call/", views.call_send, name="call_send"),
    path("issues/<int:pk>/build/", views.issue_build, name="issue_build"),
    path("issues/<int:pk>/publish/", views.issue_publish, name="issue_publish"),
    path("issues/<int:pk>/pieces/new/", views.piece_create, name="piece_create"),
    path("issues/<int:pk>/pieces/new-for-a-woman/", views.piece_for_woman, name="piece_for_woman"),
    path("editors/<int:pk>/remove/", views.editor_remove, name="editor_remove"),
    path("checklist/<int:pk>/toggle/", views.checklist_toggle, name="checklist_toggle"),
    path("pieces/<int:pk>/", views.piece_detail, name="piece_detail"),
    path("pieces/<int:pk>/edit/", views.piece_edit, name="piece_edit"),
    path("pieces/<int:pk>/consent/", views.piece_consent, name="piece_consent"),
    path("pieces/<int:pk>/move/", views.piece_move, name="piece_move"),
    path("pieces/<int:pk>/withdraw/", views.piece_withdraw, name="piece_withdraw"),
    path("pieces/<int:pk>/comment/", views.comment_add, name="comment_add"),
    path("pieces/<int:pk>/photo/", views.piece_photo, name="piece_photo"),
]
