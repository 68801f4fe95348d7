"""The manager's home panel: how many of last month's access review items are not reviewed."""

from django.http import HttpRequest
from django.utils import formats
from django.utils.translation import gettext as _

from centre.access import can
from centre.features import HomePanel

from . import selectors


def home_panels(request: HttpRequest) -> list[HomePanel]:
    if not can(request, "review_access"):
        return []
    month = selectors.previous_month(selectors.month_start(None))
    not_reviewed = selectors.month_not_reviewed(request.centre, month)  # type: ignore[attr-defined]
    return [
        HomePanel(
            _("Access review for %(month)s") % {"month": formats.date_format(month, "F Y")},
            "access_review/_panel.html",
            {"not_reviewed": not_reviewed, "month": month.strftime("%Y-%m")},
            order=60,
        )
    ]
