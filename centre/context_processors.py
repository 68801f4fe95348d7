from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .access import Capabilities
from .features import NavItem, collect

# The menu fits one line at 1280 px: items under these URL prefixes fold into one dropdown
# each (when there are two or more), so a room added later joins its group on its own.
NAV_GROUPS = [
    (_("Co-production"), ("/coproduction/", "/newsletter/", "/involvement/", "/reports/")),
    (_("Running the centre"), ("/centre/", "/audit/", "/privacy/")),
]
# A person's own page (by its address) stays on the menu's top line, whatever its group.
NAV_OWN = ("/involvement/mine/",)


@dataclass
class NavGroup:
    label: str
    items: list[NavItem] = field(default_factory=list)


def grouped_nav(items: list[NavItem]) -> list[NavItem | NavGroup]:
    """The menu in order: plain items, and a dropdown per group of two or more."""
    groups = [NavGroup(str(label)) for label, _prefixes in NAV_GROUPS]
    menu: list[NavItem | NavGroup] = []
    for item in items:
        index = next(
            (
                i
                for i, (_label, prefixes) in enumerate(NAV_GROUPS)
                if item.section.startswith(prefixes) and not item.url.startswith(NAV_OWN)
            ),
            None,
        )
        if index is None:
            menu.append(item)
            continue
        if not groups[index].items:
            menu.append(groups[index])
        groups[index].items.append(item)
    return [
        entry.items[0] if isinstance(entry, NavGroup) and len(entry.items) == 1 else entry
        for entry in menu
    ]


def platform(request):
    """The navigation and centre switcher every page shows, and the idle timeout for the warning."""
    if not getattr(request, "membership", None):
        return {"nav_items": [], "idle_seconds": settings.SESSION_IDLE_SECONDS}
    return {
        "can": Capabilities(request),
        "nav_items": grouped_nav(collect("nav_items", request=request)),
        "current_centre": request.centre,
        "current_role_label": request.membership.get_role_display(),
        "idle_seconds": settings.SESSION_IDLE_SECONDS,
        "idle_warning_seconds": settings.SESSION_IDLE_WARNING_SECONDS,
    }
