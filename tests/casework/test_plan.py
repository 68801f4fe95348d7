"""Support plan, goals, actions, reviews (with two people saving) and distance travelled."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from casework import services
from casework.charts import distance_travelled_svg
from casework.models import Action, Domain, Goal, OutcomeRating, Review, SupportPlan

pytestmark = pytest.mark.django_db


def plan_data(**extra):
    return {"in_her_words": "A flat of my own", "strengths": "", "going_well": "", **extra}


def test_plan_create_then_conflict_shows_both_versions(key_worker_client, manager_client, woman):
    url = reverse("casework:plan", args=[woman.pk])
    assert key_worker_client.get(url).status_code == 200
    assert key_worker_client.post(url, plan_data(version=0)).status_code == 302
    plan = SupportPlan.objects.get(woman=woman)
    assert plan.version == 1
    manager_client.post(url, plan_data(in_her_words="Manager's words", version=1))
    response = key_worker_client.post(url, plan_data(in_her_words="Her own words", version=1))
    text = response.content.decode()
    assert response.status_code == 200
    assert "Someone else saved" in text and "Manager&#x27;s words" in text
    assert "Her own words" in text
    assert SupportPlan.objects.get(woman=woman).in_her_words == "Manager's words"


def test_goals_and_actions(key_worker_client, woman):
    key_worker_client.post(
        reverse("casework:goal_new", args=[woman.pk]),
        {"text": "See my kids", "domain": "children_family"},
    )
    goal = Goal.objects.get(woman=woman)
    key_worker_client.post(reverse("casework:goal_status", args=[goal.pk]), {"status": "achieved"})
    goal.refresh_from_db()
    assert goal.status == Goal.Status.ACHIEVED
    due = (timezone.localdate() + timedelta(days=7)).isoformat()
    key_worker_client.post(
        reverse("casework:action_new", args=[woman.pk]),
        {"text": "Call social work", "who": "Her key worker", "due_on": due, "goal": goal.pk},
    )
    action = Action.objects.get(woman=woman)
    key_worker_client.post(reverse("casework:action_done", args=[action.pk]))
    action.refresh_from_db()
    assert action.done_on == timezone.localdate()


def test_action_needs_who(key_worker_client, woman):
    response = key_worker_client.post(
        reverse("casework:action_new", args=[woman.pk]), {"text": "Something"}
    )
    assert response.status_code == 200
    assert b"Something" in response.content
    assert not Action.objects.exists()


def test_action_due_date_must_be_from_today_and_within_three_years(key_worker_client, woman):
    for due, message in [
        (timezone.localdate() - timedelta(days=1), b"It cannot be due before"),
        (timezone.localdate() + timedelta(days=4 * 365), b"in the next three years"),
    ]:
        response = key_worker_client.post(
            reverse("casework:action_new", args=[woman.pk]),
            {"text": "Ring the landlord", "who": "Her key worker", "due_on": due.isoformat()},
        )
        assert message in response.content and b"Ring the landlord" in response.content
    assert not Action.objects.exists()


def test_review_with_ratings_and_next_review(key_worker_client, woman, key_worker):
    services.plan_save(woman=woman, expected_version=0, data=plan_data(), by=key_worker)
    next_review = (timezone.localdate() + timedelta(days=90)).isoformat()
    response = key_worker_client.post(
        reverse("casework:review_new", args=[woman.pk]),
        {
            "held_on": timezone.localdate().isoformat(),
            "progress": "Settled",
            "score_housing": "7",
            "score_wellbeing": "6",
            "next_review_on": next_review,
        },
    )
    assert response.status_code == 302
    review = Review.objects.get(woman=woman)
    assert set(review.ratings.values_list("domain", "score")) == {("housing", 7), ("wellbeing", 6)}
    assert SupportPlan.objects.get(woman=woman).next_review_on.isoformat() == next_review


def test_rating_out_of_range_is_refused(key_worker_client, woman):
    response = key_worker_client.post(
        reverse("casework:distance", args=[woman.pk]),
        {"rated_on": timezone.localdate().isoformat(), "score_housing": "11"},
    )
    assert response.status_code == 200
    assert not OutcomeRating.objects.exists()
    assert b'value="11"' in response.content


def test_review_edit_conflict(key_worker_client, manager_client, woman, key_worker):
    review = services.review_add(
        woman=woman,
        data={"held_on": timezone.localdate(), "progress": "First"},
        scores={},
        by=key_worker,
    )
    url = reverse("casework:review_edit", args=[review.pk])
    base = {"held_on": timezone.localdate().isoformat(), "changes": "", "version": 1}
    assert manager_client.post(url, {**base, "progress": "Manager edit"}).status_code == 302
    response = key_worker_client.post(url, {**base, "progress": "My edit"})
    assert response.status_code == 200
    assert b"Someone else saved" in response.content and b"Manager edit" in response.content
    assert b"My edit" in response.content


def test_distance_chart_is_an_svg_with_a_line_per_domain(key_worker_client, woman, key_worker):
    start = timezone.localdate() - timedelta(days=90)
    services.ratings_record(
        woman=woman, scores={"housing": 2, "wellbeing": 3}, rated_on=start, by=key_worker
    )
    services.ratings_record(
        woman=woman,
        scores={"housing": 6, "wellbeing": 7},
        rated_on=timezone.localdate(),
        by=key_worker,
    )
    response = key_worker_client.get(reverse("casework:distance_svg", args=[woman.pk]))
    assert response["Content-Type"] == "image/svg+xml"
    svg = response.content.decode()
    assert svg.count("<polyline") == 2
    assert "Housing<tspan" in svg and "(2→6)</tspan>" in svg
    page = key_worker_client.get(reverse("casework:distance", args=[woman.pk]))
    assert b"<svg" in page.content and b"Her ratings by date" in page.content


def test_chart_escapes_text_and_handles_no_data():
    assert "No ratings yet" in distance_travelled_svg({})
    assert "<b>" not in distance_travelled_svg({}, title="<b>x</b>")


def test_needs_by_domain_with_both_views(key_worker_client, woman):
    url = reverse("casework:needs", args=[woman.pk])
    assert key_worker_client.get(url).status_code == 200
    data = {f"{domain}-level": "none" for domain in Domain.values}
    data.update(
        {
            "housing-level": "high",
            "housing-her_view": "I'm sofa-surfing",
            "housing-worker_view": "Urgent",
        }
    )
    assert key_worker_client.post(url, data).status_code == 302
    need = woman.needs.get(domain="housing")
    assert need.level == "high" and need.her_view == "I'm sofa-surfing"
    assert woman.needs.count() == 1
