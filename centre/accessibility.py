"""The accessibility statement, in the UK public sector format, open to everyone."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from .access import public

# When the statement was last reviewed; change it whenever the known problems below change.
PREPARED_ON = "2026-12-05"
REVIEW_BY = "2027-06-05"


def accessibility_context() -> dict:
    """What the statement shows, for the staff site's page and the tablet's."""
    return {
        "contact_email": settings.ACCESSIBILITY_CONTACT_EMAIL,
        "prepared_on": PREPARED_ON,
        "review_by": REVIEW_BY,
    }


@public
@require_safe
def accessibility_statement(request: HttpRequest) -> HttpResponse:
    return render(request, "centre/accessibility.html", accessibility_context())
