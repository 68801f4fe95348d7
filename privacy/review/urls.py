"""Access review: URLs under /privacy/review/."""

app_name = "access_review"

urlpatterns: list = []
