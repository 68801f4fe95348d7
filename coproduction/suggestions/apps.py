from django.apps import AppConfig

from activities.links import register_idea_source


class SuggestionsConfig(AppConfig):
    name = "coproduction.suggestions"
    label = "suggestions"
    verbose_name = "Suggestions"

    def ready(self):
        # The activity page shows which woman's idea it started from. Activities does not import
        # co-production (dependencies point one way), so we register the look-up with it.
        # Imported here, not at the top: selectors import models, which need the app registry.
        from .selectors import ideas_for_activity

        register_idea_source(ideas_for_activity)
