from activities.links import register_idea_source
from centre import room_config


class SuggestionsConfig(room_config.RoomConfig):
    name = "coproduction.suggestions"
    label = "suggestions"
    verbose_name = "Suggestions"

    def ready(self) -> None:
        super().ready()
        # The activity page shows which woman's idea it started from. Activities does not import
        # co-production (dependencies point one way), so we register the look-up with it; the
        # selectors import models, so they load once the registry is ready.
        from .selectors import ideas_for_activity  # noqa: PLC0415

        register_idea_source(ideas_for_activity)
