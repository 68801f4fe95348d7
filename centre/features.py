"""How the feature apps plug into the platform without the platform importing them.

Each app in settings.CENTRE_FEATURE_APPS may have a `hooks` module with any of:

- `nav_items(request) -> list[NavItem]`: links in the top navigation for this person.
- `home_panels(request) -> list[HomePanel]`: panels on this person's home page, with real counts.
- `tablet_panels(*, centre) -> list[HomePanel]`: sections on the shared tablet's board (the
  kiosk), rendered inside the kiosk's page. Never a person: plain words for anyone to read.
- `record_panels(request, woman) -> list[HomePanel]`: panels on a woman's record (her overview),
  each app asking casework's record policy what this person may see of her.
- `seed_demo(*, centres, scale, stdout) -> None`: demo data, called in app order by seed_demo.
"""

from dataclasses import dataclass, field
from importlib import import_module

from django.conf import settings


@dataclass(frozen=True)
class NavItem:
    label: str
    url: str
    section: str  # the URL prefix that marks the item as current


@dataclass
class HomePanel:
    title: str
    template: str
    context: dict = field(default_factory=dict)
    order: int = 50


def _hook_modules():
    for app in settings.CENTRE_FEATURE_APPS:
        try:
            yield import_module(f"{app}.hooks")
        except ModuleNotFoundError as error:
            if error.name != f"{app}.hooks":
                raise


def collect(hook_name, **kwargs):
    results = []
    for module in _hook_modules():
        hook = getattr(module, hook_name, None)
        if hook is not None:
            results.extend(hook(**kwargs) or [])
    return results


def run_each(hook_name, **kwargs):
    for module in _hook_modules():
        hook = getattr(module, hook_name, None)
        if hook is not None:
            hook(**kwargs)
