"""A stale save of her details, her plan or a review keeps what was typed and writes nothing."""

import pytest
from django.urls import reverse
from django.utils import timezone

from casework import services
from casework.models import Review, SupportPlan, Woman
from centre.models import AuditEvent

pytestmark = pytest.mark.django_db

MESSAGE = (
    "Someone else saved this while you were editing. Here is what they changed; "
    "your text is kept below."
)


def _assert_conflict_page(response, *, theirs, yours, version):
    text = response.content.decode()
    assert response.status_code == 200
    assert MESSAGE in text
    assert 'id="edit-conflict"' in text  # the shared partial: their value beside hers
    assert theirs in text and yours in text
    assert f'name="version" value="{version}"' in text  # her next save is deliberate


def _edits(action):
    return AuditEvent.objects.filter(action=action).count()


def _assert_stale_save_writes_nothing(clients, url, stale, field, *, theirs, yours, load, action):
    """The first client saves `theirs`; the second, still on version 1, saves `yours`: she gets
    the conflict page with both texts, and the record and its audit trail are untouched."""
    first, second = clients
    assert first.post(url, {**stale, field: theirs}).status_code == 302
    before = load()
    edits = _edits(action)
    response = second.post(url, {**stale, field: yours})
    _assert_conflict_page(response, theirs=theirs, yours=yours, version=2)
    after = load()
    assert (getattr(after, field), after.version, after.updated_at) == (
        theirs,
        2,
        before.updated_at,
    )
    assert _edits(action) == edits


def test_stale_details_save_keeps_her_text_and_writes_nothing(
    key_worker_client, manager_client, woman
):
    _assert_stale_save_writes_nothing(
        (manager_client, key_worker_client),
        reverse("casework:woman_edit", args=[woman.pk]),
        {"first_name": woman.first_name, "last_name": woman.last_name, "version": 1},
        "what_matters",
        theirs="Her garden",
        yours="Her son Callum",
        load=lambda: Woman.objects.get(pk=woman.pk),
        action="casework.woman.edit",
    )


def test_stale_plan_save_keeps_her_text_and_writes_nothing(
    key_worker_client, manager_client, woman, key_worker
):
    services.plan_save(
        woman=woman, expected_version=0, data={"in_her_words": "First"}, by=key_worker
    )
    _assert_stale_save_writes_nothing(
        (manager_client, key_worker_client),
        reverse("casework:plan", args=[woman.pk]),
        {"version": 1},
        "in_her_words",
        theirs="Theirs",
        yours="Hers",
        load=lambda: SupportPlan.objects.get(woman=woman),
        action="casework.plan.edit",
    )


def test_stale_review_save_keeps_her_text_and_writes_nothing(
    key_worker_client, manager_client, woman, key_worker
):
    today = timezone.localdate()
    review = services.review_add(
        woman=woman, data={"held_on": today, "progress": "First"}, scores={}, by=key_worker
    )
    _assert_stale_save_writes_nothing(
        (manager_client, key_worker_client),
        reverse("casework:review_edit", args=[review.pk]),
        {"held_on": today.isoformat(), "changes": "", "version": 1},
        "progress",
        theirs="Theirs",
        yours="Hers",
        load=lambda: Review.objects.get(pk=review.pk),
        action="casework.review.edit",
    )


def test_her_safe_contact_choices_read_yes_and_no_in_the_conflict(
    key_worker_client, manager_client, woman
):
    url = reverse("casework:woman_edit", args=[woman.pk])
    stale = {"first_name": woman.first_name, "last_name": woman.last_name, "version": 1}
    assert manager_client.post(url, {**stale, "safe_to_text": "on"}).status_code == 302
    response = key_worker_client.post(url, stale)
    rows = response.content.decode().split('id="edit-conflict"')[1]
    assert '<td class="text-pre">Yes</td>' in rows and '<td class="text-pre">No</td>' in rows
    assert "True" not in rows and "False" not in rows
