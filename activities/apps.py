from django.apps import AppConfig


class ActivitiesConfig(AppConfig):
    name = "activities"

    def ready(self):
        # The capabilities must be registered before any request asks for them.
        from . import access  # noqa: F401
