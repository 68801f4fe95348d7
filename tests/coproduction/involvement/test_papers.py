"""Her certificate and her involvement history, read back from the PDF: hours as people write
them, no rota phrase without hours, dates with no stray separator, and everything oldest first."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from centre.pdf import pdf_text
from coproduction.involvement import services
from coproduction.involvement.models import Placement, Step

from .factories import shift

pytestmark = pytest.mark.django_db


def _text(client, name, helper):
    response = client.get(reverse(f"involvement:{name}", args=[helper.pk]))
    assert response["Content-Type"] == "application/pdf"
    return " ".join(pdf_text(response.content).split())


@pytest.mark.parametrize(
    ("lengths", "given"),
    [((3, 4, 4, 4), "15 hours"), ((2.5,), "2.5 hours"), ((1,), "1 hour")],
)
def test_hours_read_as_people_write_them(volunteer_client, centre, her, lengths, given):
    for days_ago, length in enumerate(lengths, start=1):
        shift(centre, her, in_hours=-24 * days_ago, length=length)
    certificate = _text(volunteer_client, "certificate", her)
    assert f"giving {given} on our rotas" in certificate and ".0 hour" not in certificate
    history = _text(volunteer_client, "history", her)
    assert f"{given} given on the rotas" in history and ".0 hour" not in history


def test_without_hours_the_rotas_are_not_mentioned(volunteer_client, her):
    certificate = _text(volunteer_client, "certificate", her)
    assert "Certificate of thanks" in certificate
    assert "rotas" not in certificate and "0.0" not in certificate
    assert "Page 1 of 1" not in certificate  # a certificate is not a numbered report
    today = date_format(timezone.localdate(), "j F Y")
    assert today in certificate
    history = _text(volunteer_client, "history", her)
    assert f"As at {today}." in history and "rotas" not in history


def test_a_role_ending_in_a_back_seat_has_no_trailing_separator(volunteer_client, her, manager):
    placement = her.placements.get()
    services.placement_move(placement=placement, to_status=Placement.Status.BACK_SEAT, by=manager)
    history = _text(volunteer_client, "history", her)
    month = date_format(timezone.localdate(), "M Y")
    assert f"Active {month}" in history
    assert f"Active {month};" not in history
    assert "Taking a back seat" not in history


def test_training_and_steps_are_both_oldest_first(volunteer_client, her, manager):
    today = timezone.localdate()
    for course, days_ago in (("Newest course", 10), ("Oldest course", 400)):
        services.training_record(
            helper=her,
            by=manager,
            course=course,
            completed_on=today - timedelta(days=days_ago),
            accredited=False,
        )
    for step, days_ago in ((Step.MEETINGS, 20), (Step.FEEDBACK, 300)):
        services.step_record(
            woman=her.woman, step=step, taken_on=today - timedelta(days=days_ago), by=manager
        )
    history = _text(volunteer_client, "history", her)
    assert history.index("Oldest course") < history.index("Newest course")
    feedback = history.index(str(Step.FEEDBACK.label))
    assert feedback < history.index(str(Step.MEETINGS.label), feedback)


def test_her_pages_say_the_hours_the_same_way(volunteer_client, manager_client, centre, her):
    """Her own page and the staff's page about her say "15 hours", as the papers do."""
    for days_ago, length in enumerate((3, 4, 4, 4), start=1):
        shift(centre, her, in_hours=-24 * days_ago, length=length)
    mine = volunteer_client.get(reverse("involvement:mine")).content.decode()
    assert "you have given 15 hours on the rotas" in mine
    staff = manager_client.get(reverse("involvement:helper", args=[her.pk])).content.decode()
    assert "15 hours given on the rotas" in staff and "15.0" not in staff
