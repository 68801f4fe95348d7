"""Who may handle data protection requests: the one place this is decided.

Only the centre manager: she records a request, builds the bundle, records corrections and
proposes or approves an erasure (approval by a different manager). Key workers, partners,
volunteers, the steering group and the tablet never reach these pages. A request of another
centre is a 404 (`selectors.get_request`).
"""

from django.http import HttpRequest

from centre.access import capability, role_in
from centre.roles import MANAGER_ONLY

# The roles in the `@roles_required` rules of the requests' views.
HANDLERS = MANAGER_ONLY


@capability("handle_data_requests")
def _handle_data_requests(request: HttpRequest) -> bool:
    """Record and answer a woman's requests about her data."""
    return role_in(request, HANDLERS)
