"""Fast contact logging, last contact and follow-ups."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from casework import services
from casework.models import Action, Contact
from centre import tasks
from centre.models import OutboxMessage

from .factories import ContactFactory

pytestmark = pytest.mark.django_db


def url(woman):
    return reverse("casework:contact_new", args=[woman.pk])


def quick(**extra):
    return {
        "contact_on": timezone.localdate().isoformat(),
        "contact_type": "phone",
        "note": "Checked in; all fine",
        **extra,
    }


def test_three_fields_are_enough(key_worker_client, key_worker, woman):
    response = key_worker_client.post(url(woman), quick())
    assert response.status_code == 302
    contact = Contact.objects.get(woman=woman)
    assert contact.worker == key_worker and contact.made
    woman.refresh_from_db()
    assert woman.last_contact_at is not None
    assert timezone.now() - woman.last_contact_at < timedelta(minutes=1)


def test_the_form_page_works(key_worker_client, woman):
    response = key_worker_client.get(url(woman))
    assert response.status_code == 200
    assert b"More details (optional)" in response.content


def test_a_future_date_is_refused_and_what_she_typed_is_kept(key_worker_client, woman):
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    response = key_worker_client.post(url(woman), quick(contact_on=tomorrow, note="Typed note"))
    assert response.status_code == 200
    assert "cannot be in the future" in response.content.decode()
    assert b"Typed note" in response.content
    assert not Contact.objects.exists()


def test_missing_note_gets_a_clear_message(key_worker_client, woman):
    response = key_worker_client.post(url(woman), quick(note=""))
    assert response.status_code == 200
    assert b"This field is required" in response.content


def test_an_attempt_does_not_count_as_contact(key_worker, woman):
    services.contact_log(
        woman=woman,
        worker=key_worker,
        data={
            "contact_on": timezone.localdate(),
            "contact_type": "outreach",
            "note": "No answer",
            "made": False,
        },
    )
    woman.refresh_from_db()
    assert woman.last_contact_at is None


def test_an_older_contact_never_moves_last_contact_back(key_worker, woman):
    services.contact_log(
        woman=woman,
        worker=key_worker,
        data={"contact_on": timezone.localdate(), "contact_type": "phone", "note": "Today"},
    )
    woman.refresh_from_db()
    latest = woman.last_contact_at
    services.contact_log(
        woman=woman,
        worker=key_worker,
        data={
            "contact_on": timezone.localdate() - timedelta(days=10),
            "contact_type": "phone",
            "note": "Typed up late",
        },
    )
    woman.refresh_from_db()
    assert woman.last_contact_at == latest


def test_a_follow_up_due_in_the_past_or_far_ahead_is_refused_and_the_note_kept(
    key_worker_client, woman
):
    """A date box can turn a slip into year 2 or 22026: it is refused with a clear message."""
    for due, message in [("0002-03-10", "It cannot be due before"), ("2100-01-01", "three years")]:
        response = key_worker_client.post(
            url(woman), quick(follow_up="Ring the housing officer", follow_up_due=due)
        )
        assert response.status_code == 200 and message in response.text
        assert "Ring the housing officer" in response.text
    assert not Contact.objects.exists()


def test_optional_details_and_follow_up(key_worker_client, woman):
    due = (timezone.localdate() + timedelta(days=3)).isoformat()
    response = key_worker_client.post(
        url(woman),
        quick(
            contact_type="home_visit",
            duration_minutes="45",
            contact_format="three_way",
            tool_used="outcome_star",
            needs_discussed=["housing", "money"],
            practical_support=["food", "phone_top_up"],
            follow_up="Ring the housing officer",
            follow_up_due=due,
            restricted="on",
        ),
    )
    assert response.status_code == 302
    contact = Contact.objects.get(woman=woman)
    assert contact.needs_discussed == ["housing", "money"]
    assert contact.practical_support == ["food", "phone_top_up"]
    assert contact.restricted
    action = Action.objects.get(contact=contact)
    assert action.text == "Ring the housing officer"
    assert action.source == Action.Source.CONTACT


def test_free_text_is_escaped(key_worker_client, woman):
    ContactFactory(woman=woman, note="<script>alert(1)</script>")
    response = key_worker_client.get(reverse("casework:woman_timeline", args=[woman.pk]))
    assert b"<script>alert(1)</script>" not in response.content
    assert b"&lt;script&gt;" in response.content


def test_wrong_method(key_worker_client, woman):
    assert key_worker_client.put(url(woman)).status_code == 405


def test_partner_not_involved_may_not_log(partner_client, woman):
    assert partner_client.post(url(woman), quick()).status_code == 403
    assert not Contact.objects.exists()


def test_work_carries_on_with_the_broker_down(
    manager,
    key_worker_client,
    partner_client,
    woman,
    monkeypatch,
    django_capture_on_commit_callbacks,
):
    """Redis down: contacts, bookings and break the glass still work; the outbox rows wait for
    the periodic sender."""

    def broker_down(*args, **kwargs):
        raise ConnectionError("Redis is down")

    monkeypatch.setattr(tasks.outbox_message_send_task, "apply_async", broker_down)
    woman.reminders_opt_in = woman.safe_to_text = True
    woman.save()
    with django_capture_on_commit_callbacks(execute=True):
        assert key_worker_client.post(url(woman), quick()).status_code == 302
        soon = (timezone.localtime() + timedelta(hours=5)).strftime("%Y-%m-%dT%H:%M")
        response = key_worker_client.post(
            reverse("casework:appointment_new", args=[woman.pk]),
            {"starts_at": soon, "send_reminder": "on"},
        )
        assert response.status_code == 302
        response = partner_client.post(
            reverse("casework:break_glass", args=[woman.pk]),
            {"reason": "She is at reception and needs help now."},
        )
        assert response.status_code == 302
    assert Contact.objects.filter(woman=woman).count() == 1
    queued = set(
        OutboxMessage.objects.filter(status=OutboxMessage.Status.QUEUED).values_list(
            "purpose", flat=True
        )
    )
    assert queued == {"casework_appointment_reminder", "casework_break_glass"}
