"""Issue 10, hole 6: a suggestion from the tablet is kept and shown to the day, never the time,
and nothing lists suggestions in the order they were written within a day."""

import importlib
import re
from datetime import datetime

import pytest
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.urls import reverse
from django.utils import timezone

from coproduction.kiosk import services as kiosk_services
from coproduction.suggestions import selectors, services
from coproduction.suggestions.models import Suggestion, SuggestionChange
from tests.coproduction.factories import SuggestionFactory, enrolled_tablet

pytestmark = pytest.mark.django_db


def from_tablet(centre, text="Soup on Wednesdays please"):
    tablet, _cookie = enrolled_tablet(centre)
    return kiosk_services.suggestion_submit_from_tablet(tablet=tablet, about="food", text=text)


def test_a_tablet_suggestion_keeps_the_day_not_the_time(centre):
    suggestion = from_tablet(centre, text="I am scared at home")  # held: two notes
    changes = list(suggestion.changes.all())
    assert len(changes) == 2
    for change in changes:
        assert change.at is None and change.on == timezone.localdate()


def test_typed_up_by_staff_keeps_her_time(centre, key_worker):
    suggestion = services.suggestion_create(
        centre=centre, source="paper", about="food", text="Tea", by=key_worker
    )
    change = suggestion.changes.get()
    assert change.at is not None and change.by == key_worker


def test_the_page_shows_the_day_only(centre, manager_client):
    suggestion = from_tablet(centre)
    page = manager_client.get(reverse("suggestions:detail", args=[suggestion.receipt_code])).text
    assert re.search(r"\d{4}</span> · Received \(Tablet\)", page)
    assert not re.search(r"\d\d:\d\d</span> · Received", page)


def test_within_a_day_nothing_follows_the_order_they_were_written(rf, centre, manager):
    day = timezone.localdate()
    first = SuggestionFactory(centre=centre, receipt_code="AAA-11", received_on=day)
    second = SuggestionFactory(centre=centre, receipt_code="ZZZ-99", received_on=day)
    assert first.pk < second.pk  # newest first would put the second one on top
    request = rf.get("/")
    request.centre, request.user = centre, manager
    request.membership = manager.memberships.get()
    assert list(selectors.suggestion_list(request, {})) == [first, second]
    assert list(Suggestion.objects.filter(centre=centre)) == [first, second]
    for suggestion in (first, second):
        suggestion.wording = Suggestion.Wording.APPROVED
        suggestion.wording_approved_on = day
        suggestion.you_said, suggestion.we_did = "Soup", "Soup on Wednesdays"
        suggestion.save()
    assert list(selectors.you_said_we_did_items(centre)) == [first, second]


def test_the_migration_truncates_anonymous_times_and_keeps_every_row(centre, manager):
    migration = importlib.import_module("coproduction.migrations.0008_suggestion_change_day_only")
    tablet = SuggestionFactory(centre=centre, source="tablet")
    paper = SuggestionFactory(centre=centre, source="paper")
    at = timezone.make_aware(datetime(2026, 3, 10, 14, 37))
    SuggestionChange.objects.create(suggestion=tablet, at=at, what="Received (Tablet)")
    SuggestionChange.objects.create(suggestion=tablet, by=manager, at=at, what="Checked")
    SuggestionChange.objects.create(suggestion=paper, at=at, what="Received (Paper)")
    before = SuggestionChange.objects.count()
    # The models as that migration saw them (they belonged to the one-app co-production then).
    node = ("coproduction", "0008_suggestion_change_day_only")
    migration.day_only_for_anonymous(MigrationLoader(connection).project_state(node).apps, None)
    assert SuggestionChange.objects.count() == before
    received = SuggestionChange.objects.get(suggestion=tablet, by=None)
    assert received.at is None and received.on == at.date()
    checked = SuggestionChange.objects.get(suggestion=tablet, by=manager)
    assert checked.at == at and checked.on == at.date()
    assert SuggestionChange.objects.get(suggestion=paper).at == at


def test_pages_address_a_suggestion_by_its_receipt_code_not_its_id(centre, manager_client):
    suggestion = from_tablet(centre)
    url = reverse("suggestions:detail", args=[suggestion.receipt_code])
    assert url == f"/coproduction/suggestions/{suggestion.receipt_code}/"  # the code, not the id
    assert manager_client.get(url).status_code == 200
    assert manager_client.get(f"/coproduction/suggestions/{suggestion.pk}/").status_code == 404
    listing = manager_client.get(reverse("suggestions:index")).text
    assert f"/coproduction/suggestions/{suggestion.pk}/" not in listing
