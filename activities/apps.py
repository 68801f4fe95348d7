from django.apps import AppConfig


class ActivitiesConfig(AppConfig):
    name = "activities"

    def ready(self):
        from . import documents

        documents.register()
        # Register the activities' message kinds with the platform (centre/messaging.py).
        from . import messages  # noqa: F401
