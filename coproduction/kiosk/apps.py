from django.apps import AppConfig


class KioskConfig(AppConfig):
    name = "coproduction.kiosk"
    label = "kiosk"
    verbose_name = "Kiosk tablets"
