"""Needs, the support plan, goals, actions, reviews and her ratings (distance travelled)."""

from collections.abc import Mapping
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from centre.audit import audit_log
from centre.models import User
from centre.versioning import versioned_update

from ..models import (
    Action,
    Goal,
    Need,
    OutcomeRating,
    Review,
    SupportPlan,
    Woman,
)
from .rows import record_add, status_update


@transaction.atomic
def needs_save(*, woman: Woman, rows: Mapping[str, Mapping[str, Any]], by: User) -> None:
    """Save her needs by domain: rows is {domain: {level, her_view, worker_view}}."""
    now = timezone.now()
    for domain, values in rows.items():
        Need.objects.update_or_create(
            woman=woman, domain=domain, defaults={**values, "updated_by": by, "updated_at": now}
        )
    audit_log(actor=by, action="casework.needs.edit", obj=woman, woman_id=woman.pk)


@transaction.atomic
def plan_save(
    *, woman: Woman, expected_version: int | None, data: dict[str, Any], by: User
) -> SupportPlan:
    """Create her plan, or save it unless someone else saved first (EditConflict)."""
    values = {**data, "updated_by": by, "updated_at": timezone.now()}
    plan = SupportPlan.objects.filter(woman=woman).first()
    if plan is None:
        plan = SupportPlan(woman=woman, **values)
        plan.full_clean()
        plan.save()
    else:
        SupportPlan(woman=woman, **values).full_clean(exclude=["woman"])
        plan = versioned_update(
            SupportPlan, pk=plan.pk, expected_version=expected_version, values=values
        )
    audit_log(actor=by, action="casework.plan.edit", obj=woman, woman_id=woman.pk)
    return plan


@transaction.atomic
def goal_add(*, woman: Woman, text: str, domain: str, by: User) -> Goal:
    return record_add(
        woman=woman,
        model=Goal,
        data={"text": text, "domain": domain},
        by=by,
        action="casework.goal.create",
    )


@transaction.atomic
def goal_status_set(*, goal: Goal, status: str, by: User) -> None:
    status_update(
        goal, status=status, by=by, action="casework.goal.edit", updated_at=timezone.now()
    )


@transaction.atomic
def action_add(*, woman: Woman, by: User, source: str = Action.Source.PLAN, **data: Any) -> Action:
    return record_add(
        woman=woman,
        model=Action,
        data={**data, "source": source},
        by=by,
        action="casework.action.create",
    )


@transaction.atomic
def action_done(*, action: Action, by: User) -> None:
    """Mark an action done. Safe to call twice."""
    Action.objects.filter(pk=action.pk, done_on__isnull=True).update(done_on=timezone.localdate())
    audit_log(actor=by, action="casework.action.done", obj=action.woman, woman_id=action.woman.pk)


def _ratings(
    woman: Woman,
    scores: Mapping[str, int | None],
    *,
    occasion: str,
    rated_on: date,
    review: Review | None = None,
) -> list[OutcomeRating]:
    rows = [
        OutcomeRating(
            woman=woman,
            review=review,
            domain=domain,
            score=score,
            rated_on=rated_on,
            occasion=occasion,
        )
        for domain, score in scores.items()
        if score
    ]
    for row in rows:
        row.full_clean(exclude=["review", "woman"])
    OutcomeRating.objects.bulk_create(rows)
    return rows


@transaction.atomic
def ratings_record(
    *, woman: Woman, scores: Mapping[str, int | None], rated_on: date, by: User
) -> list[OutcomeRating]:
    """Her own intake ratings, 1-10 by domain."""
    if not any(scores.values()):
        raise ValidationError(_("Give at least one rating."))
    rows = _ratings(woman, scores, occasion=OutcomeRating.Occasion.INTAKE, rated_on=rated_on)
    audit_log(actor=by, action="casework.ratings.create", obj=woman, woman_id=woman.pk)
    return rows


@transaction.atomic
def review_add(
    *,
    woman: Woman,
    data: dict[str, Any],
    scores: Mapping[str, int | None],
    by: User,
    next_review_on: date | None = None,
) -> Review:
    """Record a review with her ratings, and set the next review date on the plan."""
    review = Review(woman=woman, author=by, **data)
    review.full_clean()
    review.save()
    _ratings(
        woman,
        scores,
        occasion=OutcomeRating.Occasion.REVIEW,
        rated_on=review.held_on,
        review=review,
    )
    if next_review_on:
        SupportPlan.objects.filter(woman=woman).update(next_review_on=next_review_on)
    audit_log(actor=by, action="casework.review.create", obj=woman, woman_id=woman.pk)
    return review


@transaction.atomic
def review_update(
    *, review: Review, expected_version: int | None, data: dict[str, Any], by: User
) -> Review:
    """Save a review unless someone else saved first (EditConflict)."""
    Review(woman=review.woman, **data).full_clean(exclude=["woman"])
    saved = versioned_update(
        Review,
        pk=review.pk,
        expected_version=expected_version,
        values={**data, "updated_at": timezone.now()},
    )
    audit_log(actor=by, action="casework.review.edit", obj=review.woman, woman_id=review.woman.pk)
    return saved
