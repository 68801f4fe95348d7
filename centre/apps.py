from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.utils.module_loading import autodiscover_modules

from .database import connection_start


class CentreConfig(AppConfig):
    name = "centre"
    verbose_name = "Centre platform"

    def ready(self) -> None:
        # Every app's `personal_data.py` declares its models in the personal data registry
        # (centre/personal_data.py); they import models, so they load once the registry is ready.
        autodiscover_modules("personal_data")
        connection_created.connect(connection_start, dispatch_uid="centre.connection_start")
