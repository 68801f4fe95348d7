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


def test_stale_details_save_keeps_her_text_and_writes_nothing(
    key_worker_client, manager_client, woman
):
    url = reverse("casework:woman_edit", args=[woman.pk])
    stale = {"first_name": woman.first_name, "last_name": woman.last_name, "version": 1}
    assert manager_client.post(url, {**stale, "what_matters": "Her garden"}).status_code == 302
    before = Woman.objects.get(pk=woman.pk)
    edits = _edits("casework.woman.edit")
    response = key_worker_client.post(url, {**stale, "what_matters": "Her son Callum"})
    _assert_conflict_page(response, theirs="Her garden", yours="Her son Callum", version=2)
    after = Woman.objects.get(pk=woman.pk)
    assert (after.what_matters, after.version, after.updated_at) == (
        "Her garden",
        2,
        before.updated_at,
    )
    assert _edits("casework.woman.edit") == edits


def test_stale_plan_save_keeps_her_text_and_writes_nothing(
    key_worker_client, manager_client, woman, key_worker
):
    services.plan_save(
        woman=woman, expected_version=0, data={"in_her_words": "First"}, by=key_worker
    )
    url = reverse("casework:plan", args=[woman.pk])
    assert manager_client.post(url, {"in_her_words": "Theirs", "version": 1}).status_code == 302
    before = SupportPlan.objects.get(woman=woman)
    edits = _edits("casework.plan.edit")
    response = key_worker_client.post(url, {"in_her_words": "Hers", "version": 1})
    _assert_conflict_page(response, theirs="Theirs", yours="Hers", version=2)
    after = SupportPlan.objects.get(woman=woman)
    assert (after.in_her_words, after.version, after.updated_at) == (
        "Theirs",
        2,
        before.updated_at,
    )
    assert _edits("casework.plan.edit") == edits


def test_stale_review_save_keeps_her_text_and_writes_nothing(
    key_worker_client, manager_client, woman, key_worker
):
    today = timezone.localdate()
    review = services.review_add(
        woman=woman, data={"held_on": today, "progress": "First"}, scores={}, by=key_worker
    )
    url = reverse("casework:review_edit", args=[review.pk])
    base = {"held_on": today.isoformat(), "changes": "", "version": 1}
    assert manager_client.post(url, {**base, "progress": "Theirs"}).status_code == 302
    before = Review.objects.get(pk=review.pk)
    edits = _edits("casework.review.edit")
    response = key_worker_client.post(url, {**base, "progress": "Hers"})
    _assert_conflict_page(response, theirs="Theirs", yours="Hers", version=2)
    after = Review.objects.get(pk=review.pk)
    assert (after.progress, after.version, after.updated_at) == ("Theirs", 2, before.updated_at)
    assert _edits("casework.review.edit") == edits


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
