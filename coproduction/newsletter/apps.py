from django.apps import AppConfig


class NewsletterConfig(AppConfig):
    name = "coproduction.newsletter"
    label = "newsletter"
    verbose_name = "Newsletter"

    def ready(self):
        # Imported here, not at the top: the policy module imports models, which need the app
        # registry. Importing `access` registers the room's capabilities, `messages` its message
        # kinds; `documents.register()` the printed issue.
        from . import access, documents, messages  # noqa: F401

        documents.register()
