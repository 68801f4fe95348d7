"""Retention: URLs under /privacy/retention/."""

from django.urls import path

from . import views

app_name = "retention"

urlpatterns = [
    path("", views.index, name="index"),
    path("periods/<slug:kind>/", views.period_edit, name="period_edit"),
    path("holds/new/", views.hold_new, name="hold_new"),
    path("holds/<int:pk>/lift/", views.hold_lift, name="hold_lift"),
]
