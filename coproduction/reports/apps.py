from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "coproduction.reports"
    label = "reports"
    verbose_name = "Quarterly reports"

    def ready(self):
        # Imported here, not at the top: it imports models, which need the app registry.
        from . import documents

        documents.register()
