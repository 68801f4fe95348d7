from django.urls import path

from . import views

app_name = "coproduction"

urlpatterns = [
    path("", views.index, name="index"),
]
