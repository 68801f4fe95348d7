from django.apps import AppConfig


class KioskConfig(AppConfig):
    name = "coproduction.kiosk"
    label = "kiosk"
    verbose_name = "Kiosk tablets"

    def ready(self):
        # Registers the capabilities before any request asks for them (imported here, not at
        # the top: it imports models, which need the app registry).
        from . import access  # noqa: F401
