from django.apps import AppConfig


class CaseworkConfig(AppConfig):
    name = "casework"

    def ready(self):
        # Not a hidden dependency: Django imports apps.py while it is still loading the app
        # registry, before models can be imported, and access and messages import the models.
        # So they load here, once the registry is ready: the record policy registers its
        # capabilities, and casework's message kinds register with centre/messaging.py, before
        # any request is served; so does the record summary's document kind.
        from . import (  # noqa: PLC0415
            access,  # noqa: F401
            audit_names,
            documents,
            messages,  # noqa: F401
        )

        documents.register()
        audit_names.register()
