"""Access review: URLs under /privacy/review/."""

from django.urls import path

from . import views

app_name = "access_review"

urlpatterns = [
    path("", views.index, name="index"),
    path("mark/", views.mark, name="mark"),
]
