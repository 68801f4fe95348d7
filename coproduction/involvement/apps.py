from django.apps import AppConfig


class InvolvementConfig(AppConfig):
    name = "coproduction.involvement"
    label = "involvement"
    verbose_name = "Getting involved"

    def ready(self):
        # Imported here, not at the top: these modules import models, which need the app
        # registry. `access` registers capabilities, `messages` message kinds, `documents` the
        # certificate and history, `personal_data` what is held about a woman.
        from . import access, documents, messages  # noqa: F401

        documents.register()
