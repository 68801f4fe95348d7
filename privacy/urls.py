"""Data protection's URLs: each part owns its paths and namespace under /privacy/."""

from django.urls import include, path

urlpatterns = [
    path("requests/", include("privacy.requests.urls")),
    path("retention/", include("privacy.retention.urls")),
    path("review/", include("privacy.review.urls")),
]
