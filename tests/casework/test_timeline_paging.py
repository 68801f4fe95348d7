"""The timeline pages through all of her history: every entry once, nothing skipped."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from casework import selectors
from casework.models import Contact
from centre.models import Membership

from .factories import AppointmentFactory, ContactFactory

pytestmark = pytest.mark.django_db


def as_request(user, centre):
    request = RequestFactory().get("/")
    request.user, request.centre = user, centre
    request.membership = Membership.objects.get(user=user, centre=centre)
    return request


def all_pages(request, woman, limit):
    seen, before, pages = [], None, 0
    while True:
        entries, older = selectors.timeline(request, woman, before=before, limit=limit)
        seen.extend(entries)
        pages += 1
        assert pages < 50, "paging did not move on"
        if older is None:
            return seen, pages
        assert before is None or older < before
        before = older


def test_every_contact_appears_exactly_once_across_pages(woman, key_worker, centre):
    today = timezone.localdate()
    # Several contacts on some days, so page edges fall inside a day.
    Contact.objects.bulk_create(
        [
            Contact(
                woman=woman,
                centre=centre,
                worker=key_worker,
                contact_type=Contact.Type.PHONE,
                note=f"note {n}",
                contact_on=today - timedelta(days=n // 3),
            )
            for n in range(95)
        ]
    )
    entries, pages = all_pages(as_request(key_worker, centre), woman, limit=20)
    notes = sorted(e.body for e in entries if e.kind == "contact")
    assert notes == sorted(f"note {n}" for n in range(95))
    assert pages > 4
    dates = [e.when for e in entries]
    assert dates == sorted(dates, reverse=True)


def test_a_day_with_more_than_a_page_still_moves_on(woman, key_worker, centre):
    today = timezone.localdate()
    for _ in range(12):
        ContactFactory(woman=woman, worker=key_worker, contact_on=today)
    ContactFactory(
        woman=woman, worker=key_worker, contact_on=today - timedelta(days=3), note="older one"
    )
    entries, pages = all_pages(as_request(key_worker, centre), woman, limit=5)
    assert any(e.body == "older one" for e in entries)


def test_the_page_links_to_older_entries(woman, key_worker_client, key_worker):
    today = timezone.localdate()
    for n in range(130):
        ContactFactory(
            woman=woman, worker=key_worker, contact_on=today - timedelta(days=n), note=f"entry {n}"
        )
    url = reverse("casework:woman_timeline", args=[woman.pk])
    first = key_worker_client.get(url)
    assert "entry 0" in first.content.decode() and "entry 129" not in first.content.decode()
    older = first.context["older"]
    second = key_worker_client.get(url, {"before": older.isoformat()}).content.decode()
    assert "entry 129" in second and "Back to the newest" in second


def test_a_mangled_before_shows_the_newest(woman, key_worker_client, key_worker):
    ContactFactory(woman=woman, worker=key_worker, note="latest")
    response = key_worker_client.get(
        reverse("casework:woman_timeline", args=[woman.pk]), {"before": "yesterday"}
    )
    assert response.status_code == 200 and "latest" in response.content.decode()


def test_an_entry_just_after_midnight_is_dated_and_paged_by_the_centre_s_day(
    woman, key_worker, centre
):
    # 00:30 on 15 July in Glasgow is 23:30 on 14 July in UTC: the entry belongs to the 15th,
    # on its date and in paging, which counts days in the centre's time zone.
    just_after_midnight = datetime(2026, 7, 15, 0, 30, tzinfo=ZoneInfo("Europe/London"))
    AppointmentFactory(woman=woman, worker=key_worker, starts_at=just_after_midnight)
    request = as_request(key_worker, centre)

    entries, _ = selectors.timeline(request, woman, before=date(2026, 7, 16))
    assert [e.when for e in entries if e.kind == "appointment"] == [date(2026, 7, 15)]
    entries, _ = selectors.timeline(request, woman, before=date(2026, 7, 15))
    assert not [e for e in entries if e.kind == "appointment"]
