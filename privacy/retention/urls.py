"""Retention: URLs under /privacy/retention/."""

app_name = "retention"

urlpatterns: list = []
