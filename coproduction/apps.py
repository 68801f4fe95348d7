from django.apps import AppConfig


class CoproductionConfig(AppConfig):
    name = "coproduction"

    def ready(self):
        # The capabilities must be registered before any request asks for them.
        # The activity page shows which woman's idea it started from. Activities does not import
        # co-production (dependencies point one way), so we register the look-up with it.
        from activities.links import register_idea_source

        from . import access  # noqa: F401
        from .selectors import ideas_for_activity

        register_idea_source(ideas_for_activity)

        from . import documents

        documents.register()
        # Register co-production's message kinds with the platform (centre/messaging.py).
        from . import messages  # noqa: F401
