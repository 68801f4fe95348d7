"""The manager's retention page in plain words, the period form and legal holds."""

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from casework.models import Stage
from centre.models import AuditEvent
from privacy.retention.models import LegalHold, RetentionPeriod
from tests.casework.factories import WomanFactory

pytestmark = pytest.mark.django_db


def test_the_page_says_each_kind_how_long_what_happens_and_why(
    manager_client, centre, django_assert_max_num_queries
):
    WomanFactory(centre=centre, stage=Stage.CLOSED, closed_at=timezone.now().replace(year=2010))
    with django_assert_max_num_queries(30):
        response = manager_client.get(reverse("retention:index"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Declined and withdrawn referrals" in page and "HM Revenue and Customs" in page
    assert "84 months" in page and "Anonymise" in page
    assert "1 record" in page  # the closed case the next sweep would anonymise
    assert reverse("access_review:index") in page
    assert AuditEvent.objects.filter(action="retention.schedule.view").exists()


def test_only_the_manager_sees_it(key_worker_client, steering_client):
    assert key_worker_client.get(reverse("retention:index")).status_code == 403
    assert steering_client.get(reverse("retention:index")).status_code == 403


def test_a_period_below_the_minimum_keeps_what_was_typed_and_says_why(manager_client, centre):
    url = reverse("retention:period_edit", args=["closed_case"])
    response = manager_client.post(url, {"months": "13", "action": "anonymise", "version": "0"})
    page = response.content.decode()
    assert response.status_code == 400
    assert "at least 6 years" in page and 'value="13"' in page
    assert not RetentionPeriod.objects.exists()

    response = manager_client.post(url, {"months": "96", "action": "anonymise", "version": "0"})
    assert response.status_code == 302
    row = RetentionPeriod.objects.get(centre=centre, kind="closed_case")
    assert row.months == 96 and row.version == 2
    assert AuditEvent.objects.filter(action="retention.period.change").count() == 1


def test_an_unknown_kind_is_not_found(manager_client):
    url = reverse("retention:period_edit", args=["everything"])
    assert manager_client.get(url).status_code == 404


def test_a_hold_needs_a_reason_and_is_audited_and_lifted(manager_client, centre, manager):
    woman = WomanFactory(centre=centre)
    url = reverse("retention:hold_new")
    response = manager_client.post(url, {"woman": woman.pk, "reason": "  "})
    assert response.status_code == 400 and not LegalHold.objects.exists()
    manager_client.post(url, {"woman": woman.pk, "reason": "Court case"})
    hold = LegalHold.objects.get(woman=woman)
    assert hold.placed_by == manager
    # A second hold on the same woman is refused with a message.
    again = manager_client.post(url, {"woman": woman.pk, "reason": "Another"})
    assert "already on hold" in again.content.decode()
    lift = reverse("retention:hold_lift", args=[hold.pk])
    placed_on = date_format(timezone.localdate(hold.placed_at), "j M Y")
    assert (
        f"Held since {placed_on}. Reason: Court case" in manager_client.get(lift).content.decode()
    )
    assert manager_client.post(lift, {"lift_reason": ""}).status_code == 400
    assert manager_client.post(lift, {"lift_reason": "Case over"}).status_code == 302
    hold.refresh_from_db()
    assert hold.lifted_at and hold.lift_reason == "Case over"
    assert set(AuditEvent.objects.filter(woman_id=woman.pk).values_list("action", flat=True)) == {
        "retention.hold.place",
        "retention.hold.lift",
    }


def test_another_centres_hold_is_not_found(outsider_client, centre, manager):
    woman = WomanFactory(centre=centre)
    hold = LegalHold.objects.create(centre=centre, woman=woman, reason="x", placed_by=manager)
    url = reverse("retention:hold_lift", args=[hold.pk])
    assert outsider_client.get(url).status_code == 404
    response = outsider_client.post(
        reverse("retention:hold_new"), {"woman": woman.pk, "reason": "y"}
    )
    assert response.status_code == 400 and LegalHold.objects.count() == 1


def test_a_hold_reason_with_markup_stays_inert(manager_client, centre, manager):
    woman = WomanFactory(centre=centre)
    LegalHold.objects.create(
        centre=centre, woman=woman, reason='<script>alert("x")</script>', placed_by=manager
    )
    page = manager_client.get(reverse("retention:index")).content.decode()
    assert '<script>alert("x")</script>' not in page
    assert "&lt;script&gt;" in page
