"""Rota reminders with real Celery workers and a real Redis: each goes exactly once, and a swap
made before the beat runs sends the reminder to whoever took the shift, not to her."""

import pytest

from centre.models import OutboxMessage
from coproduction.involvement import services
from coproduction.involvement.models import Opportunity
from coproduction.involvement.tasks import shift_reminders_queue_task
from tests.conftest import assert_racing_reminder_runs_send_once, sent_messages
from tests.factories import member

from .factories import active_helper, shift

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


def _mail(tmp_path):
    return list((tmp_path / "mail").glob("*.log"))


def _volunteer(centre, manager, username, email):
    user = member(centre, "volunteer", username, email=email)
    return active_helper(centre, Opportunity.Role.GREETER, user=user, by=manager)


def test_repeated_and_racing_runs_send_each_reminder_once(
    centre, manager, celery_workers, tmp_path
):
    first = _volunteer(centre, manager, "t_ann", "ann@example.org")
    second = _volunteer(centre, manager, "t_bea", "bea@example.org")
    shift(centre, first, in_hours=20)
    swapped = shift(centre, second, in_hours=22)
    services.shift_swap_ask(shift=swapped, helper=second)
    services.shift_take(shift=swapped, helper=first)
    celery_workers(2)
    assert_racing_reminder_runs_send_once(
        shift_reminders_queue_task, lambda: _mail(tmp_path), count=2
    )
    assert set(sent_messages().values_list("recipient", flat=True)) == {"ann@example.org"}
    assert OutboxMessage.objects.count() == 2
