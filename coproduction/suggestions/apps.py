from django.apps import AppConfig

from activities.links import register_idea_source


class SuggestionsConfig(AppConfig):
    name = "coproduction.suggestions"
    label = "suggestions"
    verbose_name = "Suggestions"

    def ready(self):
        # Imported here, not at the top: they import models, which need the app registry.
        # `access` registers the room's capabilities, `messages` its message kinds.
        from . import access, documents, messages  # noqa: F401
        from .selectors import ideas_for_activity

        # The activity page shows which woman's idea it started from. Activities does not import
        # co-production (dependencies point one way), so we register the look-up with it.
        register_idea_source(ideas_for_activity)
        documents.register()
