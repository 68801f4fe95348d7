from django.apps import AppConfig


class CaseworkConfig(AppConfig):
    name = "casework"

    def ready(self):
        # The record policy registers its capabilities before any request is served.
        # Register casework's message kinds with the platform (centre/messaging.py).
        from . import (
            access,  # noqa: F401, PLC0415
            messages,  # noqa: F401
        )
