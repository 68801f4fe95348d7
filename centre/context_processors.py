from django.conf import settings

from .access import Capabilities
from .features import collect


def platform(request):
    """The navigation and centre switcher every page shows, and the idle timeout for the warning."""
    if not getattr(request, "membership", None):
        return {"nav_items": [], "idle_seconds": settings.SESSION_IDLE_SECONDS}
    return {
        "can": Capabilities(request),
        "nav_items": collect("nav_items", request=request),
        "current_centre": request.centre,
        "current_role_label": request.membership.get_role_display(),
        "idle_seconds": settings.SESSION_IDLE_SECONDS,
        "idle_warning_seconds": settings.SESSION_IDLE_WARNING_SECONDS,
    }
