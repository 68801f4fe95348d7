"""Justice tracker, alerts, consent, move-on, the directory and case review meetings."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from casework import selectors
from casework.models import (
    Action,
    Agency,
    Alert,
    Breach,
    CaseReviewItem,
    CaseReviewMeeting,
    Consent,
    CourtDate,
    JusticeOrder,
    ReferralOut,
)

from .factories import AgencyFactory, WomanFactory
from .pages import sharing_agreement

pytestmark = pytest.mark.django_db


def test_justice_tracker(key_worker_client, woman):
    url = reverse("casework:justice", args=[woman.pk])
    assert key_worker_client.get(url).status_code == 200
    today = timezone.localdate()
    add = lambda kind, data: key_worker_client.post(  # noqa: E731
        reverse("casework:justice_add", args=[woman.pk, kind]), data
    )
    assert (
        add(
            "order",
            {
                "order_type": "CPO",
                "starts_on": today.isoformat(),
                "ends_on": (today - timedelta(days=1)).isoformat(),
            },
        ).status_code
        == 200
    )
    assert not JusticeOrder.objects.exists()
    assert add("order", {"order_type": "CPO", "starts_on": today.isoformat()}).status_code == 302
    when = (timezone.localtime() + timedelta(days=5)).strftime("%Y-%m-%dT%H:%M")
    assert add("court", {"starts_at": when, "court": "Sheriff Court"}).status_code == 302
    order = JusticeOrder.objects.get()
    assert (
        add(
            "breach",
            {
                "occurred_on": today.isoformat(),
                "order": order.pk,
                "description": "Missed appointment",
            },
        ).status_code
        == 302
    )
    assert CourtDate.objects.count() == 1 and Breach.objects.get().order == order
    assert key_worker_client.post(f"/casework/women/{woman.pk}/justice/nope/").status_code == 404


def test_alerts_including_must_not_be_placed_with(key_worker_client, woman, centre):
    other = WomanFactory(centre=centre, first_name="Bea")
    url = reverse("casework:alert_new", args=[woman.pk])
    response = key_worker_client.post(url, {"kind": "not_with", "detail": "Past conflict"})
    assert response.status_code == 200 and b"Choose the other woman" in response.content
    key_worker_client.post(
        url, {"kind": "not_with", "detail": "Past conflict", "other_woman": other.pk}
    )
    assert selectors.placement_conflicts(centre, [woman.pk, other.pk]) == {
        frozenset({woman.pk, other.pk})
    }
    alert = Alert.objects.get()
    key_worker_client.post(reverse("casework:alert_end", args=[alert.pk]))
    assert selectors.placement_conflicts(centre, [woman.pk, other.pk]) == set()


def test_consent_agreed_and_refused(key_worker_client, woman, centre):
    agency = AgencyFactory(centre=centre, name="NHS Addiction Services")
    url = reverse("casework:consents", args=[woman.pk])
    key_worker_client.post(
        url,
        sharing_agreement(
            agency,
            shares=["housing", "contact_notes"],
            what_may_be_shared="Attendance",
            review_on=(timezone.localdate() + timedelta(days=180)).isoformat(),
        ),
    )
    key_worker_client.post(
        url,
        {
            "agency": agency.pk,
            "shares": ["housing"],  # ignored: she refused
            "decided_on": timezone.localdate().isoformat(),
        },
    )
    rows = list(Consent.objects.order_by("pk").values_list("agreed", "shares"))
    assert rows == [(True, ["housing", "contact_notes"]), (False, [])]
    page = key_worker_client.get(url).content
    assert b"Refused" in page
    assert b"Contact notes written by others" in page
    assert b"Needs: Housing" in page


def test_move_on_plan_and_referral_out_status(key_worker_client, woman, centre):
    agency = AgencyFactory(centre=centre, name="Citizens Advice", kind=Agency.Kind.COMMUNITY)
    key_worker_client.post(reverse("casework:move_on", args=[woman.pk]), {"plan": "Link to CAB"})
    assert woman.move_on.plan == "Link to CAB"
    key_worker_client.post(
        reverse("casework:referral_out_new", args=[woman.pk]),
        {"agency": agency.pk, "reason": "Debt", "made_on": timezone.localdate().isoformat()},
    )
    referral = ReferralOut.objects.get()
    key_worker_client.post(
        reverse("casework:referral_out_status", args=[referral.pk]), {"status": "attended"}
    )
    referral.refresh_from_db()
    assert referral.status == ReferralOut.Status.ATTENDED
    page = key_worker_client.get(reverse("casework:directory"))
    assert b"1 referral made, 1 attended" in page.content


def test_directory_edit_rules(key_worker_client, partner_client, centre):
    url = reverse("casework:agency_new")
    data = {"name": "Foodbank", "kind": "community", "is_active": "on"}
    assert key_worker_client.post(url, data).status_code == 302
    response = key_worker_client.post(url, data)
    assert b"already an entry" in response.content
    agency = Agency.objects.get()
    assert partner_client.get(reverse("casework:directory")).status_code == 200
    assert (
        partner_client.post(reverse("casework:agency_edit", args=[agency.pk]), data).status_code
        == 403
    )


def test_case_review_actions_land_on_her_record(manager_client, key_worker_client, woman, centre):
    other = WomanFactory(centre=centre)
    response = manager_client.post(
        reverse("casework:case_review_new"),
        {
            "held_on": timezone.localdate().isoformat(),
            "title": "Weekly review",
            "women": [woman.pk, other.pk],
        },
    )
    meeting = CaseReviewMeeting.objects.get()
    assert response.status_code == 302
    item = CaseReviewItem.objects.get(meeting=meeting, woman=woman)
    key_worker_client.post(
        reverse("casework:case_review_item", args=[item.pk]),
        {
            f"item{item.pk}-notes": "Agreed a housing push",
            f"item{item.pk}-action_text": "Call housing",
            f"item{item.pk}-action_who": "Kate",
        },
    )
    action = Action.objects.get(woman=woman)
    assert action.source == Action.Source.CASE_REVIEW and action.case_review_item == item
    page = key_worker_client.get(
        reverse("casework:case_review", args=[meeting.pk])
    ).content.decode()
    assert "Agreed a housing push" in page
    assert "1 more woman is discussed" in page  # the key worker only sees her own woman
    timeline = key_worker_client.get(reverse("casework:woman_timeline", args=[woman.pk]))
    assert b"Agreed a housing push" in timeline.content
