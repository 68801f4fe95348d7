from django.apps import AppConfig


class RetentionConfig(AppConfig):
    name = "privacy.retention"
    label = "retention"
    verbose_name = "Retention"

    def ready(self) -> None:
        # Imported here: these modules import models, which need the app registry. `access`
        # registers capabilities.
        from . import access  # noqa: F401
