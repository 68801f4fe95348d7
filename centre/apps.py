from django.apps import AppConfig


class CentreConfig(AppConfig):
    name = "centre"
    verbose_name = "Centre platform"

    def ready(self):
        # Every app's `personal_data.py` declares its models in the personal data registry
        # (centre/personal_data.py); they import models, so they load once the registry is ready.
        from django.utils.module_loading import autodiscover_modules  # noqa: PLC0415

        autodiscover_modules("personal_data")
