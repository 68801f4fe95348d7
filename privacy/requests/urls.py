"""Subject rights requests: URLs under /privacy/requests/."""

app_name = "privacy_requests"

urlpatterns: list = []
