"""The manager's monthly access review: what it shows, marking items, the monthly email (once
per manager per month) and the home panel."""

from datetime import date, datetime, timedelta

import pytest
from axes.models import AccessFailureLog
from django.urls import reverse
from django.utils import timezone

from centre.celery import app
from centre.models import AuditEvent, OutboxMessage
from privacy.review import selectors, services
from privacy.review.models import ReviewMark
from tests.casework.factories import WomanFactory

pytestmark = pytest.mark.django_db

MONTH = date(2026, 11, 1)


def _at(day, hour=10):
    return timezone.make_aware(datetime(2026, 11, day, hour, 0))


def _event(**kwargs):
    return AuditEvent.objects.create(**kwargs)


def _record_read(actor, centre, woman_id, *, grounds, day):
    """`actor` opened a woman's record on `day` of the month, on these grounds."""
    return _event(
        actor=actor,
        centre=centre,
        action="casework.woman.view",
        grounds=grounds,
        woman_id=woman_id,
        created_at=_at(day),
    )


@pytest.fixture
def month_of_events(centre, other_centre, manager, key_worker, settings):
    settings.ACCESS_REVIEW_DAILY_RECORDS = 3
    woman = WomanFactory(centre=centre, first_name="Quintessa")
    glass = _event(
        actor=key_worker,
        centre=centre,
        action="casework.woman.break_glass",
        reason="She rang in crisis and her key worker is away",
        grounds="break_glass",
        woman_id=woman.pk,
        created_at=_at(3),
    )
    # Four women's records on one day: more than the limit of three.
    for _n in range(4):
        other = WomanFactory(centre=centre)
        _record_read(key_worker, centre, other.pk, grounds="team", day=5)
    no_grounds = _record_read(key_worker, centre, woman.pk, grounds="none", day=6)
    role = _event(actor=manager, centre=centre, action="team.change_role", created_at=_at(7))
    # Not in the review: an ordinary read with grounds, another month, another centre.
    _record_read(key_worker, centre, woman.pk, grounds="allocated", day=8)
    _event(
        actor=manager,
        centre=centre,
        action="team.change_role",
        created_at=_at(8) - timedelta(days=40),
    )
    _event(actor=manager, centre=other_centre, action="team.change_role", created_at=_at(8))
    failure = AccessFailureLog.objects.create(
        username=key_worker.username,
        ip_address="10.0.0.9",
        user_agent="x",
        http_accept="*",
        path_info="/accounts/login/",
        locked_out=True,
    )
    AccessFailureLog.objects.filter(pk=failure.pk).update(attempt_time=_at(9))
    AccessFailureLog.objects.create(
        username="nobody-here",
        ip_address="10.0.0.9",
        user_agent="x",
        http_accept="*",
        path_info="/accounts/login/",
    )
    return {"glass": glass, "no_grounds": no_grounds, "role": role, "failure": failure}


def test_the_month_shows_each_kind_of_item(centre, month_of_events, key_worker):
    review = selectors.month_review(centre, MONTH)
    assert review.counts() == {
        "break_glass": 1,
        "heavy_reading": 1,
        "no_grounds": 1,
        "sign_in": 1,
        "account": 1,
    }
    glass = review.sections["break_glass"][0]
    assert glass.reason == "She rang in crisis and her key worker is away"
    assert review.sections["heavy_reading"][0].key == f"{key_worker.pk}:2026-11-05"
    assert "locked out" in review.sections["sign_in"][0].what


def test_the_page_and_marking_an_item(
    manager_client, centre, month_of_events, django_assert_max_num_queries
):
    url = reverse("access_review:index") + "?month=2026-11"
    with django_assert_max_num_queries(25):
        response = manager_client.get(url)
    page = response.content.decode()
    assert response.status_code == 200
    assert "She rang in crisis" in page and "5 items this month" in page
    assert reverse("retention:index") in page
    glass = month_of_events["glass"]
    response = manager_client.post(
        reverse("access_review:mark"),
        {
            "kind": "break_glass",
            "item": str(glass.pk),
            "month": "2026-11",
            "note": "Checked with her",
        },
    )
    assert response.status_code == 302 and response["Location"].endswith("month=2026-11")
    mark = ReviewMark.objects.get()
    assert mark.note == "Checked with her" and mark.kind == "break_glass"
    assert selectors.month_review(centre, MONTH).not_reviewed == 4
    assert AuditEvent.objects.filter(action="review.item.mark").exists()
    page = manager_client.get(url).content.decode()
    assert "Reviewed by" in page and "Checked with her" in page


def test_an_item_from_another_centre_or_month_cannot_be_marked(
    manager_client, outsider_client, month_of_events
):
    glass = month_of_events["glass"]
    data = {"kind": "break_glass", "item": str(glass.pk), "month": "2026-10", "note": ""}
    manager_client.post(reverse("access_review:mark"), data)
    outsider_client.post(reverse("access_review:mark"), {**data, "month": "2026-11"})
    assert not ReviewMark.objects.exists()


def test_only_the_manager(key_worker_client, steering_client):
    for client in (key_worker_client, steering_client):
        assert client.get(reverse("access_review:index")).status_code == 403


def test_the_monthly_email_goes_once_to_each_manager_with_counts_only(
    centre, manager, month_of_events
):
    assert services.monthly_emails_queue(today=date(2026, 12, 1)) == 1
    assert services.monthly_emails_queue(today=date(2026, 12, 2)) == 0
    message = OutboxMessage.objects.get(purpose="access_review_monthly")
    assert message.recipient == manager.email
    assert "November 2026" in message.subject and "Break the glass: 1" in message.body
    assert "Quintessa" not in message.body and "crisis" not in message.body
    assert "month=2026-11" in message.body
    names = {entry["task"] for entry in app.conf.beat_schedule.values()}
    assert "privacy.review.tasks.access_review_email_task" in names


def test_the_managers_home_panel_counts_last_months_items(manager_client, key_worker_client):
    page = manager_client.get(reverse("home")).content.decode()
    assert "Access review for" in page and "items not reviewed" in page
    assert "Access review for" not in key_worker_client.get(reverse("home")).content.decode()


def test_a_note_or_reason_with_markup_stays_inert(manager_client, centre, month_of_events):
    glass = month_of_events["glass"]
    manager_client.post(
        reverse("access_review:mark"),
        {
            "kind": "break_glass",
            "item": str(glass.pk),
            "month": "2026-11",
            "note": "<b onmouseover=x>",
        },
    )
    page = manager_client.get(reverse("access_review:index") + "?month=2026-11").content.decode()
    assert "<b onmouseover=x>" not in page and "&lt;b onmouseover=x&gt;" in page


def test_a_note_too_long_comes_back_with_what_she_wrote(manager_client, month_of_events):
    glass = month_of_events["glass"]
    note = "I rang her key worker and we agreed it was needed. " * 30
    response = manager_client.post(
        reverse("access_review:mark"),
        {"kind": "break_glass", "item": str(glass.pk), "month": "2026-11", "note": note},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert note.strip() in page and "at most 1000 characters" in page.replace(",", "")
    assert 'name="item"' in page and f'value="{glass.pk}"' in page  # posts back the same item
    assert not ReviewMark.objects.exists()
