"""Rotas: day-before reminders through the outbox, exactly once; a swap moves the reminder to
the woman who took the shift; two people taking a shift at once, the first gets it."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from centre.models import OutboxMessage
from coproduction.involvement import services
from coproduction.involvement.messages import SHIFT_REMINDER_PURPOSE
from coproduction.involvement.models import Opportunity, Shift
from tests.conftest import client_for
from tests.factories import member

from .factories import active_helper, shift

pytestmark = pytest.mark.django_db


@pytest.fixture
def colleague(centre, manager):
    user = member(centre, "volunteer", "t_colleague", first_name="Col", email="col@example.org")
    return active_helper(centre, Opportunity.Role.GREETER, user=user, by=manager)


def _reminders():
    return OutboxMessage.objects.filter(purpose=SHIFT_REMINDER_PURPOSE)


def test_a_reminder_is_queued_once_however_often_the_beat_runs(centre, her, volunteer):
    volunteer.email = "her@example.org"
    volunteer.save()
    upcoming = shift(centre, her, in_hours=20)
    shift(centre, her, in_hours=60)  # not due yet
    assert services.shift_reminders_queue() == 1
    assert services.shift_reminders_queue() == 0
    assert services.shift_reminders_queue(now=timezone.now() + timedelta(minutes=15)) == 0
    message = _reminders().get()
    assert message.recipient == "her@example.org"
    assert message.scheduled_for == upcoming.starts_at - timedelta(hours=24)
    assert her.woman.known_as in message.body and "centre" not in message.body.lower()


def test_a_swap_moves_the_reminder_to_whoever_takes_the_shift(
    centre, her, volunteer, volunteer_client, colleague
):
    volunteer.email = "her@example.org"
    volunteer.save()
    upcoming = shift(centre, her, in_hours=20)
    services.shift_reminders_queue()
    assert (
        volunteer_client.post(reverse("involvement:shift_swap", args=[upcoming.pk])).status_code
        == 302
    )
    upcoming.refresh_from_db()
    assert upcoming.swap_asked_at is not None and upcoming.helper == her  # still hers until taken

    taken = client_for(colleague.user).post(reverse("involvement:shift_take", args=[upcoming.pk]))
    assert taken.status_code == 302
    upcoming.refresh_from_db()
    assert upcoming.helper == colleague and upcoming.swap_asked_at is None
    services.shift_reminders_queue()
    services.shift_reminders_queue()
    assert _reminders().get(recipient="her@example.org").status == OutboxMessage.Status.CANCELLED
    assert _reminders().filter(recipient="col@example.org", status="queued").count() == 1


def test_two_taking_the_same_shift_the_first_gets_it(centre, her, colleague, manager):
    third = active_helper(centre, Opportunity.Role.GREETER, by=manager)
    upcoming = shift(centre, her)
    services.shift_swap_ask(shift=upcoming, helper=her)
    services.shift_take(shift=upcoming, helper=colleague)
    with pytest.raises(ValidationError):
        services.shift_take(shift=upcoming, helper=third)
    upcoming.refresh_from_db()
    assert upcoming.helper == colleague


def test_only_someone_active_in_the_role_goes_on_its_rota(centre, manager):
    greeter = active_helper(centre, Opportunity.Role.GREETER, by=manager)
    with pytest.raises(ValidationError):
        shift(centre, greeter, kind=Shift.Kind.CO_FACILITATION)


def test_a_cancelled_shift_withdraws_its_reminder(centre, her, volunteer, manager):
    volunteer.email = "her@example.org"
    volunteer.save()
    upcoming = shift(centre, her)
    services.shift_reminders_queue()
    services.shift_cancel(shift=upcoming, by=manager)
    assert _reminders().get().status == OutboxMessage.Status.CANCELLED
    assert services.shift_reminders_queue() == 0


def test_the_manager_builds_the_rota(manager_client, centre, her):
    starts = (timezone.localtime() + timedelta(days=2)).replace(hour=9, minute=30, second=0)
    response = manager_client.post(
        reverse("involvement:shift_create"),
        {
            "kind": "greeter",
            "starts_at": starts.strftime("%Y-%m-%dT%H:%M"),
            "ends_at": (starts + timedelta(hours=3)).strftime("%Y-%m-%dT%H:%M"),
            "place": "Front door",
            "helper": her.pk,
        },
    )
    assert response.status_code == 302
    assert Shift.objects.get().helper == her
    bad = manager_client.post(
        reverse("involvement:shift_create"),
        {
            "kind": "greeter",
            "starts_at": starts.strftime("%Y-%m-%dT%H:%M"),
            "ends_at": starts.strftime("%Y-%m-%dT%H:%M"),
        },
    )
    assert bad.status_code == 400 and "must end after it starts" in bad.content.decode()


def test_the_rota_page_keeps_a_fixed_query_budget(
    manager_client, her_weeks_of_shifts, django_assert_max_num_queries
):
    with django_assert_max_num_queries(12):
        assert manager_client.get(reverse("involvement:rota")).status_code == 200


def test_without_an_account_a_text_goes_only_if_she_said_it_is_safe(centre, manager):
    safe = active_helper(centre, Opportunity.Role.GREETER, by=manager)
    safe.woman.reminders_opt_in = safe.woman.safe_to_text = True
    safe.woman.save()
    unsafe = active_helper(centre, Opportunity.Role.GREETER, by=manager)
    unsafe.woman.reminders_opt_in, unsafe.woman.safe_to_text = True, False
    unsafe.woman.save()
    shift(centre, safe)
    shift(centre, unsafe)
    assert services.shift_reminders_queue() == 1
    text = _reminders().get()
    assert text.channel == "sms" and text.recipient == safe.woman.mobile
    assert safe.woman.known_as in text.body and safe.woman.last_name not in text.body
