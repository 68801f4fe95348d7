"""The accessibility statement, in the UK public sector format, open to everyone."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from .access import public

# When the statement was last reviewed; change it whenever the known problems below change.
PREPARED_ON = "2026-12-04"
REVIEW_BY = "2027-06-04"


@public
@require_safe
def accessibility_statement(request: HttpRequest) -> HttpResponse:
    context = {
        "contact_email": settings.ACCESSIBILITY_CONTACT_EMAIL,
        "prepared_on": PREPARED_ON,
        "review_by": REVIEW_BY,
    }
    return render(request, "centre/accessibility.html", context)
