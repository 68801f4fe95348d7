"""Subject rights requests: URLs under /privacy/requests/."""

from django.urls import path

from . import views

app_name = "privacy_requests"

urlpatterns = [
    path("", views.request_list, name="list"),
    path("new/", views.request_new, name="new"),
    path("<int:pk>/", views.request_detail, name="detail"),
    path("<int:pk>/bundle/build/", views.bundle_build, name="bundle_build"),
    path("<int:pk>/bundle/download/", views.bundle_download, name="bundle_download"),
    path("<int:pk>/corrections/", views.correction_add, name="correction_add"),
    path("<int:pk>/done/", views.request_done, name="done"),
    path("<int:pk>/erasure/propose/", views.erasure_propose, name="erasure_propose"),
    path("<int:pk>/erasure/approve/", views.erasure_approve, name="erasure_approve"),
]
