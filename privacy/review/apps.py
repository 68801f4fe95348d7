from django.apps import AppConfig


class AccessReviewConfig(AppConfig):
    name = "privacy.review"
    label = "access_review"
    verbose_name = "Access review"

    def ready(self) -> None:
        # Imported here: these modules import models, which need the app registry. `access`
        # registers capabilities, `messages` the monthly email.
        from . import access, messages  # noqa: F401
