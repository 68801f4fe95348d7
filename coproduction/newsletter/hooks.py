"""The newsletter on the platform: its navigation link, home panels (a key worker's women who
want to hear about a running call; an editor's issue), a panel on a woman's record (her
pieces), and its demo data."""

from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from casework.models import Woman
from centre.access import can
from centre.features import HomePanel, NavItem

from . import access, selectors
from .demo import seed_newsletter
from .models import Contribution


def nav_items(request: HttpRequest) -> list[NavItem]:
    if can(request, "see_newsletter"):
        return [NavItem(_("Newsletter"), reverse("newsletter:index"), "/newsletter/")]
    return []


def home_panels(request: HttpRequest) -> list[HomePanel]:
    centre = getattr(request, "centre", None)
    if centre is None:
        return []
    issue = selectors.current_call(centre)
    panels = []
    if issue is not None and can(request, "enter_pieces_for_women"):
        tell = selectors.women_to_tell(request)
        if tell["count"]:
            panels.append(
                HomePanel(
                    _("Newsletter: tell her about the call"),
                    "newsletter/_panel_call.html",
                    {"issue": issue, **tell},
                    order=40,
                )
            )
    editing = list(selectors.open_issues_she_edits(request))
    if editing:
        panels.append(
            HomePanel(
                _("Newsletter you are editing"),
                "newsletter/_panel_editing.html",
                {"issues": editing},
                order=45,
            )
        )
    return panels


def record_panels(request: HttpRequest, woman: Woman) -> list[HomePanel]:
    """Her newsletter pieces on her record, for those the record policy lets see it."""
    if not access.sees_her_record(request, woman):  # type: ignore[arg-type]
        return []
    pieces = list(selectors.her_contributions(woman)[:20])
    context: dict[str, Any] = {"pieces": pieces, "published": Contribution.State.PUBLISHED}
    return [HomePanel(_("Newsletter"), "newsletter/_record_panel.html", context, order=60)]


def seed_demo(*, centres, scale, stdout):
    """Three past issues and one in progress for each demo centre. Safe to run twice."""
    seed_newsletter(centres=centres, stdout=stdout)
