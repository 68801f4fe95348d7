"""Who may read the quarterly reports and the suggestion numbers: the one place it is decided.

The quarterly report is for the manager and the steering group; the suggestion numbers for
everyone but volunteers (small numbers are suppressed for all who see them).
"""

from django.http import HttpRequest

from centre.access import can, capability, role_in
from centre.roles import MANAGER_ONLY, NUMBERS_READERS, REPORT_READERS


@capability("read_suggestion_numbers")
def _read_suggestion_numbers(request: HttpRequest) -> bool:
    return role_in(request, NUMBERS_READERS)


@capability("read_reports")
def _read_reports(request: HttpRequest) -> bool:
    return role_in(request, REPORT_READERS)


@capability("ask_for_reports")
def _ask_for_reports(request: HttpRequest) -> bool:
    """Steering members may ask for a quarter's report that has not been built; only managers
    rebuild one (views.report_request)."""
    return role_in(request, REPORT_READERS)


@capability("build_reports")
def _build_reports(request: HttpRequest) -> bool:
    return role_in(request, MANAGER_ONLY)


def sees_numbers_only(request: HttpRequest) -> bool:
    """The steering group: numbers and reports, never a suggestion."""
    return can(request, "read_suggestion_numbers") and not can(request, "take_suggestions")
