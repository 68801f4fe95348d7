"""The base config of every app of ours (centre.apps holds only the platform's own config:
Django picks an app's config from its apps.py only where that module has one)."""

from importlib import import_module

from django.apps import AppConfig
from django.utils.module_loading import module_has_submodule

# The modules by which an app registers itself with the platform: `access` its capabilities
# (centre/access.py), `messages` its message kinds (centre/messaging.py), `documents` its
# document kinds (centre/documents/), `audit_names` the words for its audit codes.
REGISTERING_MODULES = ("access", "messages", "documents", "audit_names")


class RoomConfig(AppConfig):
    """An app of ours. Once the app registry is ready (these modules import models, which cannot
    load while Django is still reading the app configs) it imports each of its registering
    modules that exists and calls the module's own `register()` where it defines one (not one it
    imports, such as `centre.messaging.register`), so every capability, message kind and
    document kind is known before the first request."""

    # Each app's apps.py says `from centre import room_config` and subclasses the class through
    # the module: with the class itself imported there, Django would find two configs in it.

    def ready(self) -> None:
        for name in REGISTERING_MODULES:
            if not module_has_submodule(self.module, name):
                continue
            module = import_module(f"{self.name}.{name}")
            register = getattr(module, "register", None)
            if callable(register) and register.__module__ == module.__name__:
                register()
