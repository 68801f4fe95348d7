"""Case review meetings: the list of women and the shared notes with actions."""

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.db import transaction

from centre.audit import audit_log
from centre.models import Centre, User

from ..models import (
    Action,
    CaseReviewItem,
    CaseReviewMeeting,
    Woman,
)
from .plan import action_add


@transaction.atomic
def case_review_create(
    *, centre: Centre, data: dict[str, Any], women: Iterable[Woman], by: User
) -> CaseReviewMeeting:
    meeting = CaseReviewMeeting(centre=centre, created_by=by, **data)
    meeting.full_clean()
    meeting.save()
    for woman in women:
        CaseReviewItem.objects.get_or_create(meeting=meeting, woman=woman)
    audit_log(actor=by, action="casework.case_review.create", obj=meeting, centre=centre)
    return meeting


@transaction.atomic
def case_review_item_save(
    *,
    item: CaseReviewItem,
    notes: str,
    action_text: str = "",
    action_who: str = "",
    action_due: date | None = None,
    by: User,
) -> None:
    """Save the shared notes for one woman and add an action that lands on her record."""
    CaseReviewItem.objects.filter(pk=item.pk).update(notes=notes)
    if action_text.strip():
        action_add(
            woman=item.woman,
            by=by,
            source=Action.Source.CASE_REVIEW,
            text=action_text,
            who=action_who or str(by),
            due_on=action_due,
            case_review_item=item,
        )
    audit_log(actor=by, action="casework.case_review.edit", obj=item.woman, woman_id=item.woman.pk)
