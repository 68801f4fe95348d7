from django.apps import AppConfig


class PrivacyRequestsConfig(AppConfig):
    name = "privacy.requests"
    label = "privacy_requests"
    verbose_name = "Subject rights requests"

    def ready(self):
        # The capability and the document kind are registered once every app's config is ready.
        from . import access, documents  # noqa: F401, PLC0415

        documents.register()
