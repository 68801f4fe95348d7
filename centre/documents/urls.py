from django.urls import path

from . import views

app_name = "documents"

urlpatterns = [
    path("<int:pk>/progress/", views.document_progress, name="progress"),
    path("<int:pk>/download/", views.document_download, name="download"),
]
