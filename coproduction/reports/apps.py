from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "coproduction.reports"
    label = "reports"
    verbose_name = "Quarterly reports"

    def ready(self):
        # Imported here, not at the top: they import models, which need the app registry.
        # `access` registers the room's capabilities.
        from . import access, documents  # noqa: F401

        documents.register()
