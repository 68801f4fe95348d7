from django.apps import AppConfig


class ActivitiesConfig(AppConfig):
    name = "activities"

    def ready(self):
        # Imported here, not at the top: these modules import the models, which Django loads
        # only after every app's config (the app registry is not ready at module import).
        from . import documents

        documents.register()
        # Register the activities' message kinds with the platform (centre/messaging.py).
        # The capabilities must be registered before any request asks for them.
        from . import (
            access,  # noqa: F401
            messages,  # noqa: F401
        )
