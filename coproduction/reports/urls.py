"""The reports room's pages: the quarterly reports at /reports/, and the suggestion numbers
page at /coproduction/numbers/ (its path from the one-app days)."""

from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("reports/", views.report_list, name="list"),
    path("reports/request/", views.report_request, name="request"),
    path("reports/<int:pk>/", views.report_detail, name="detail"),
    path("reports/<int:pk>/status/", views.report_status, name="status"),
    path("reports/<int:pk>/rebuild/", views.report_rebuild, name="rebuild"),
    path("reports/<int:pk>/download/", views.report_download, name="download"),
    path("reports/<int:pk>/figures.csv", views.report_csv_download, name="csv"),
    path("reports/numbers/", views.report_numbers, name="range"),
    path("reports/targets/", views.report_targets, name="targets"),
    path("coproduction/numbers/", views.numbers, name="numbers"),
]
