"""A woman's idea (a suggestion) becomes an activity, or joins one; the activity shows it."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from activities import services as activity_services
from activities.models import Activity, ActivityStatusChange
from centre.versioning import EditConflict
from coproduction.suggestions import access, services
from coproduction.suggestions.models import Suggestion
from tests.activities.factories import ActivityFactory
from tests.coproduction.factories import SuggestionFactory, acting_on

pytestmark = pytest.mark.django_db

START = {
    "name": "Soup club",
    "kind": "group",
    "category": "food",
    "description": "We cook soup together on Wednesdays.",
    "idea_notes": "Soup on a Wednesday",
}


def start_url(suggestion):
    return reverse("suggestions:activity_start", args=[suggestion.receipt_code])


def link_url(suggestion):
    return reverse("suggestions:activity_link", args=[suggestion.receipt_code])


def detail_url(suggestion):
    return reverse("suggestions:detail", args=[suggestion.receipt_code])


# Services --------------------------------------------------------------------------------------


def test_start_creates_an_idea_stage_activity_through_the_services(centre, manager, suggestion):
    activity = services.suggestion_activity_start(
        **acting_on(suggestion, manager),
        **START,
    )
    assert activity.centre == centre and activity.name == "Soup club"
    assert activity.origin == Activity.Origin.WOMAN
    assert activity.idea_stage == Activity.IdeaStage.IDEA
    assert activity.status == Activity.Status.PLANNED and activity.owner == manager
    # Made by activities.services.activity_create: its status history exists.
    assert ActivityStatusChange.objects.filter(activity=activity).count() == 1
    suggestion.refresh_from_db()
    assert suggestion.activity == activity
    # It moves on from "received", with a named owner (who started it) and a first response.
    assert suggestion.status == Suggestion.Status.LOOKING
    assert suggestion.owner == manager
    assert suggestion.first_response_on == timezone.localdate()
    assert "Linked to the activity “Soup club”" in suggestion.changes.last().what


def test_a_later_status_is_left_alone(centre, manager, key_worker):
    suggestion = SuggestionFactory(centre=centre, status=Suggestion.Status.AGREED, owner=key_worker)
    activity = ActivityFactory(centre=centre)
    services.suggestion_activity_link(
        **acting_on(suggestion, manager),
        activity=activity,
    )
    suggestion.refresh_from_db()
    assert suggestion.status == Suggestion.Status.AGREED and suggestion.owner == key_worker
    assert suggestion.activity == activity


@pytest.mark.parametrize("screening", [Suggestion.Screening.HELD, Suggestion.Screening.TO_SCREEN])
def test_a_held_or_unchecked_suggestion_never_becomes_an_activity(centre, manager, screening):
    suggestion = SuggestionFactory(centre=centre, screening=screening, text="Private words")
    assert services.activity_prefill(suggestion) == {}
    with pytest.raises(ValidationError):
        services.suggestion_activity_start(
            **acting_on(suggestion, manager),
            **START,
        )
    assert not Activity.objects.exists()


def test_conflict_creates_nothing(centre, manager, suggestion):
    with pytest.raises(EditConflict):
        services.suggestion_activity_start(
            **acting_on(suggestion, manager, version=suggestion.version + 1),
            **START,
        )
    assert not Activity.objects.exists()


def test_only_a_manager_or_the_owner_who_may_add_activities(
    centre, key_worker, other_key_worker, partner, suggestion
):
    assert not access.may_start_activity(key_worker.memberships.get(), suggestion)
    suggestion.owner = key_worker
    assert access.may_start_activity(key_worker.memberships.get(), suggestion)
    assert not access.may_start_activity(other_key_worker.memberships.get(), suggestion)
    suggestion.owner = partner
    # Partners do not add activities, even to answer their own suggestion.
    assert not access.may_start_activity(partner.memberships.get(), suggestion)
    with pytest.raises(PermissionError):
        services.suggestion_activity_link(
            **acting_on(suggestion, other_key_worker),
            activity=ActivityFactory(centre=centre),
        )


def test_link_refuses_another_centres_or_an_ended_activity(centre, other_centre, manager):
    suggestion = SuggestionFactory(centre=centre)
    for activity in (
        ActivityFactory(centre=other_centre),
        ActivityFactory(centre=centre, status=Activity.Status.ENDED),
    ):
        with pytest.raises(ValidationError):
            services.suggestion_activity_link(
                **acting_on(suggestion, manager),
                activity=activity,
            )


def test_prefill_is_her_redacted_words(centre):
    suggestion = SuggestionFactory(
        centre=centre,
        text="A sewing group please\nI could teach it",
        fix_idea="Tuesday mornings",
    )
    prefill = services.activity_prefill(suggestion)
    assert prefill["name"] == "A sewing group please"
    assert prefill["description"] == "A sewing group please\nI could teach it\n\nTuesday mornings"


# Views -----------------------------------------------------------------------------------------


def test_manager_starts_an_activity_from_the_suggestion_page(manager_client, suggestion):
    page = manager_client.get(detail_url(suggestion)).content.decode()
    assert "Start an activity from this idea" in page
    form = manager_client.get(start_url(suggestion))
    assert form.status_code == 200
    # Prefilled from her words, for staff to edit.
    assert "Could we have soup on a Wednesday?" in form.content.decode()
    response = manager_client.post(start_url(suggestion), {**START, "version": suggestion.version})
    activity = Activity.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("activities:activity_detail", args=[activity.pk])
    page = manager_client.get(response["Location"]).content.decode()
    assert f"Started from a woman's idea (receipt {suggestion.receipt_code})" in page
    assert detail_url(suggestion) in page


def test_start_keeps_what_she_typed_on_bad_input(manager_client, suggestion):
    response = manager_client.post(
        start_url(suggestion),
        {**START, "name": "", "description": "<script>x</script>", "version": suggestion.version},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "&lt;script&gt;x&lt;/script&gt;" in html and "<script>x" not in html
    assert not Activity.objects.exists()


def test_start_conflict_keeps_her_typing(manager_client, suggestion):
    response = manager_client.post(
        start_url(suggestion), {**START, "name": "Mine", "version": suggestion.version + 5}
    )
    assert response.status_code == 409
    assert 'value="Mine"' in response.content.decode()
    assert not Activity.objects.exists()


def test_owner_key_worker_may_start_other_key_worker_may_not(
    key_worker, key_worker_client, other_key_worker, centre
):
    mine = SuggestionFactory(centre=centre, owner=key_worker)
    theirs = SuggestionFactory(centre=centre, owner=other_key_worker)
    assert key_worker_client.get(start_url(mine)).status_code == 200
    assert key_worker_client.get(start_url(theirs)).status_code == 403
    assert (
        "Start an activity from this idea"
        not in key_worker_client.get(detail_url(theirs)).content.decode()
    )


def test_volunteer_and_steering_may_not(volunteer_client, steering_client, suggestion):
    for client in (volunteer_client, steering_client):
        assert client.get(start_url(suggestion)).status_code == 403
        assert client.post(link_url(suggestion), {}).status_code == 403


def test_another_centres_suggestion_is_404(manager_client, other_suggestion):
    assert manager_client.get(start_url(other_suggestion)).status_code == 404
    assert manager_client.post(link_url(other_suggestion), {}).status_code == 404


def test_wrong_method_is_405(manager_client, suggestion):
    assert manager_client.get(link_url(suggestion)).status_code == 405
    assert manager_client.put(start_url(suggestion)).status_code == 405


def test_held_suggestion_offers_no_activity_and_copies_nothing(manager_client, centre):
    held = SuggestionFactory(centre=centre, screening=Suggestion.Screening.HELD)
    assert "Start an activity" not in manager_client.get(detail_url(held)).content.decode()
    response = manager_client.get(start_url(held))
    assert response.status_code == 302
    assert (
        manager_client.post(
            link_url(held), {"version": held.version, "activity": ActivityFactory(centre=centre).pk}
        ).status_code
        == 302
    )
    held.refresh_from_db()
    assert held.activity is None


def test_link_to_an_existing_activity(manager_client, centre, other_centre, suggestion):
    activity = ActivityFactory(centre=centre, name="Cooking group")
    foreign = ActivityFactory(centre=other_centre, name="Elsewhere group")
    page = manager_client.get(detail_url(suggestion)).content.decode()
    assert "Cooking group" in page and "Elsewhere group" not in page
    bad = manager_client.post(
        link_url(suggestion), {"version": suggestion.version, "activity": foreign.pk}
    )
    assert bad.status_code == 400
    response = manager_client.post(
        link_url(suggestion), {"version": suggestion.version, "activity": activity.pk}
    )
    assert response.status_code == 302
    suggestion.refresh_from_db()
    assert suggestion.activity == activity and suggestion.status == Suggestion.Status.LOOKING
    page = manager_client.get(detail_url(suggestion)).content.decode()
    assert reverse("activities:activity_detail", args=[activity.pk]) in page


def test_link_conflict_shows_the_other_version(manager_client, centre, suggestion):
    activity = ActivityFactory(centre=centre)
    response = manager_client.post(
        link_url(suggestion), {"version": suggestion.version + 3, "activity": activity.pk}
    )
    assert response.status_code == 409
    assert "What the other person saved" in response.content.decode()


# The activity page -----------------------------------------------------------------------------


def test_activity_page_never_shows_a_held_suggestion(manager_client, key_worker_client, centre):
    activity = ActivityFactory(centre=centre)
    held = SuggestionFactory(centre=centre, screening=Suggestion.Screening.HELD, activity=activity)
    for client in (manager_client, key_worker_client):
        page = client.get(reverse("activities:activity_detail", args=[activity.pk]))
        assert held.receipt_code not in page.content.decode()


def test_owner_is_prompted_when_the_activity_moves_to_pilot_or_running(
    manager, key_worker, key_worker_client, partner_client, centre
):
    suggestion = SuggestionFactory(centre=centre, owner=key_worker)
    activity = services.suggestion_activity_start(
        **acting_on(suggestion, manager),
        **START,
    )
    page_url = reverse("activities:activity_detail", args=[activity.pk])
    assert "data-idea-prompt" not in key_worker_client.get(page_url).content.decode()
    activity_services.activity_idea_advance(activity=activity, to_stage="pilot")
    page = key_worker_client.get(page_url).content.decode()
    assert "data-idea-prompt" in page and f"update suggestion {suggestion.receipt_code}" in page
    # Not to someone else who is neither her owner nor a manager; nothing is published.
    assert "data-idea-prompt" not in partner_client.get(page_url).content.decode()
    suggestion.refresh_from_db()
    assert suggestion.wording == Suggestion.Wording.NONE
    assert "data-idea-prompt" in key_worker_client.get(detail_url(suggestion)).content.decode()
    # Agreed catches up with a pilot; running wants "done" and the wording written.
    Suggestion.objects.filter(pk=suggestion.pk).update(status=Suggestion.Status.AGREED)
    assert "data-idea-prompt" not in key_worker_client.get(page_url).content.decode()
    activity_services.activity_status_change(
        activity=activity,
        to_status=Activity.Status.RUNNING,
        reason="",
        effective_on=timezone.localdate(),
        changed_by=manager,
    )
    assert "data-idea-prompt" in key_worker_client.get(page_url).content.decode()
    Suggestion.objects.filter(pk=suggestion.pk).update(
        status=Suggestion.Status.DONE, you_said="x", we_did="y", wording=Suggestion.Wording.DRAFT
    )
    assert "data-idea-prompt" not in key_worker_client.get(page_url).content.decode()
