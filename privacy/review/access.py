"""Who may see the access review and mark its items: the centre's manager only (steering, the
tablet and everyone else never). Views keep `@roles_required(MANAGER_ONLY)` for the matrix."""

from django.http import HttpRequest

from centre.access import capability, role_in
from centre.roles import MANAGER_ONLY

MANAGERS = MANAGER_ONLY


@capability("review_access")
def _review_access(request: HttpRequest) -> bool:
    """Read the month's access review and mark items reviewed."""
    return role_in(request, MANAGERS)
