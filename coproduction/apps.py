from django.apps import AppConfig


class CoproductionConfig(AppConfig):
    """Co-production's history from when it was one app: its migrations end by handing the
    models to the rooms (coproduction.suggestions, .kiosk, .reports), which keep the tables."""

    name = "coproduction"
    verbose_name = "Co-production (history)"
