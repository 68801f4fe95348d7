from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "coproduction.meetings"
    label = "meetings"
    verbose_name = "Meetings"

    def ready(self):
        # Imported here, not at the top: the policy module imports models, which need the app
        # registry. Importing `access` registers the room's capabilities, `messages` its message kinds.
        from . import access, documents, messages  # noqa: F401

        documents.register()
