from django.apps import AppConfig


class CaseworkConfig(AppConfig):
    name = "casework"

    def ready(self):
        # Register casework's message kinds with the platform (centre/messaging.py).
        from . import messages  # noqa: F401
