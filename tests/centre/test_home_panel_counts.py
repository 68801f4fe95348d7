"""The numbers on the home page's caseload and activities panels, each counted in one aggregate:
the same women and sessions as the pages they link to."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from activities.models import Session
from casework.models import Stage
from coproduction.suggestions.models import Suggestion
from privacy.requests.models import DataRequest
from tests.activities.factories import ActivityFactory, SessionFactory
from tests.casework.factories import WomanFactory
from tests.conftest import client_for
from tests.coproduction.factories import SuggestionFactory, you_said_we_did
from tests.privacy.factories import new_data_request

pytestmark = pytest.mark.django_db


def _panel(response, title):
    panel = next(p for p in response.context["panels"] if p.title == title)
    return panel.context


def test_caseload_panel_counts_her_open_cases_and_who_is_quiet(
    centre, other_centre, key_worker, other_key_worker, manager
):
    now = timezone.now()
    quiet = now - timedelta(days=centre.not_heard_from_days + 1)
    WomanFactory(centre=centre, key_worker=key_worker, last_contact_at=now)
    WomanFactory(centre=centre, key_worker=key_worker, last_contact_at=quiet)
    WomanFactory(centre=centre, key_worker=key_worker, last_contact_at=None)
    WomanFactory(centre=centre, key_worker=key_worker, stage=Stage.CLOSED, last_contact_at=quiet)
    WomanFactory(centre=centre, key_worker=other_key_worker, last_contact_at=quiet)
    WomanFactory(centre=other_centre, last_contact_at=quiet)

    mine = _panel(client_for(key_worker).get(reverse("home")), "Caseload")
    assert (mine["count"], mine["not_heard"]) == (3, 2)

    everyone = _panel(client_for(manager).get(reverse("home")), "Caseload")
    assert (everyone["count"], everyone["not_heard"]) == (4, 3)


def test_activities_panel_counts_today_and_the_fortnight_without_a_register(centre, manager):
    today = timezone.localdate()
    art = ActivityFactory(centre=centre)
    SessionFactory(activity=art, date=today)
    SessionFactory(activity=art, date=today)
    SessionFactory(activity=art, date=today, status=Session.Status.CANCELLED)
    SessionFactory(activity=art, date=today - timedelta(days=3))  # no register yet
    SessionFactory(activity=art, date=today - timedelta(days=14))  # no register yet
    SessionFactory(activity=art, date=today - timedelta(days=15))  # too long ago to nag
    SessionFactory(activity=art, date=today - timedelta(days=2), register_taken_at=timezone.now())
    SessionFactory(activity=art, date=today - timedelta(days=1), status=Session.Status.CANCELLED)
    SessionFactory(activity=ActivityFactory(), date=today)  # another centre's

    panel = _panel(client_for(manager).get(reverse("home")), "Activities today")
    assert (panel["count"], panel["unregistered"]) == (2, 2)


def test_data_requests_panel_counts_the_overdue_and_those_due_this_week(centre, manager):
    today = timezone.localdate()
    woman = WomanFactory(centre=centre)
    new_data_request(woman, due_on=today - timedelta(days=1))
    new_data_request(woman, due_on=today)
    new_data_request(woman, due_on=today + timedelta(days=7))
    new_data_request(woman, due_on=today + timedelta(days=8))  # not yet
    new_data_request(woman, due_on=today - timedelta(days=3), status=DataRequest.Status.DONE)
    new_data_request(WomanFactory(), due_on=today - timedelta(days=1))  # another centre's

    counts = _panel(client_for(manager).get(reverse("home")), "Data protection requests")["counts"]
    assert (counts.overdue, counts.due_this_week) == (1, 2)


def test_suggestions_panel_counts_only_what_is_waiting_and_not_the_years_answered(
    centre, other_centre, manager
):
    """The panel reads only suggestions still open, at the safeguarding check or with wording to
    approve; each number is the same as counting every suggestion the centre ever had."""
    long_ago = timezone.localdate() - timedelta(days=400)
    you_said_we_did(centre, "Soup", "We made soup", received_on=long_ago)
    SuggestionFactory(centre=centre, status=Suggestion.Status.NOT_POSSIBLE, received_on=long_ago)
    you_said_we_did(centre, "Tea", "We bought tea", wording=Suggestion.Wording.DRAFT)
    SuggestionFactory(centre=centre, screening=Suggestion.Screening.TO_SCREEN)
    SuggestionFactory(centre=centre, screening=Suggestion.Screening.HELD)
    SuggestionFactory(centre=centre, received_on=long_ago)  # open, unanswered, overdue
    SuggestionFactory(centre=centre, status=Suggestion.Status.LOOKING, owner=manager)
    SuggestionFactory(centre=other_centre, screening=Suggestion.Screening.TO_SCREEN)

    panel = _panel(client_for(manager).get(reverse("home")), "Women's suggestions")

    # The manager sees every suggestion, held ones too.
    every = Suggestion.objects.filter(centre=centre)
    open_ = every.filter(status__in=Suggestion.OPEN_STATUSES)
    assert {key: panel[key] for key in ("to_screen", "held", "open", "unanswered", "mine")} == {
        "to_screen": every.filter(screening=Suggestion.Screening.TO_SCREEN).count(),
        "held": every.filter(screening=Suggestion.Screening.HELD).count(),
        "open": open_.count(),
        "unanswered": open_.filter(status=Suggestion.Status.RECEIVED).count(),
        "mine": open_.filter(owner=manager).count(),
    }
    assert (panel["to_screen"], panel["held"], panel["open"], panel["unanswered"]) == (1, 1, 4, 3)
    assert (panel["mine"], panel["wording_to_approve"], panel["overdue"]) == (1, 1, 1)
