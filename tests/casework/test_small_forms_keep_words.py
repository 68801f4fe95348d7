"""Small forms on her record and at a case review: when what was typed is refused, the form comes
back on a page of its own with the message and every word she typed (a redirect to the page it
came from used to lose them). Found by the bad-input drill (tests/drills/test_bad_input.py)."""

import pytest
from django.urls import reverse
from django.utils import timezone

from casework.models import Appointment, CaseReviewItem, CaseReviewMeeting, Stage

from .factories import AppointmentFactory

pytestmark = pytest.mark.django_db

TOO_LONG = "She said she would ring back on Monday. " * 20  # over every one-line limit


def _kept(response, *words, status=200):
    page = response.content.decode()
    assert response.status_code == status
    assert "is-invalid" in page or "alert-danger" in page, "no message on the page"
    for word in words:
        assert word in page, f"lost: {word[:40]!r}"


def test_a_refused_stage_change_keeps_her_reason(key_worker_client, woman):
    response = key_worker_client.post(
        reverse("casework:woman_stage", args=[woman.pk]),
        {"stage": Stage.MOVED_ON, "reason": TOO_LONG},
    )
    _kept(response, TOO_LONG.strip())
    woman.refresh_from_db()
    assert woman.stage != Stage.MOVED_ON


def test_a_stage_change_the_service_refuses_keeps_her_reason(key_worker_client, woman):
    response = key_worker_client.post(
        reverse("casework:woman_stage", args=[woman.pk]),
        {"stage": woman.stage, "reason": "Doing well at the group"},
    )
    _kept(response, "She is already at that stage.", 'value="Doing well at the group"')


def test_a_refused_involvement_keeps_the_reason(key_worker_client, woman):
    response = key_worker_client.post(
        reverse("casework:woman_involve", args=[woman.pk]), {"worker": "", "reason": "Housing"}
    )
    _kept(response, 'value="Housing"')


def test_a_refused_appointment_outcome_keeps_the_next_step(key_worker_client, woman):
    appointment = AppointmentFactory(woman=woman, centre=woman.centre)
    response = key_worker_client.post(
        reverse("casework:appointment_outcome", args=[appointment.pk]),
        {"status": "unknown", "re_engagement": "Text her on Friday"},
    )
    _kept(response, 'value="Text her on Friday"')
    appointment.refresh_from_db()
    assert appointment.status == Appointment.Status.BOOKED


def test_refused_case_review_notes_are_kept(manager_client, woman):
    meeting = CaseReviewMeeting.objects.create(centre=woman.centre, held_on=timezone.localdate())
    item = CaseReviewItem.objects.create(meeting=meeting, woman=woman)
    notes = "Agreed to try the art group; her sister helps with the children."
    response = manager_client.post(
        reverse("casework:case_review_item", args=[item.pk]),
        {f"item{item.pk}-notes": notes, f"item{item.pk}-action_due": "2026-02-30"},
    )
    _kept(response, notes, status=400)  # not about one woman: the plain form page
    item.refresh_from_db()
    assert item.notes != notes
