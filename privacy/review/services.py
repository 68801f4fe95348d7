"""Access review actions: marking an item reviewed, and the monthly email to each manager
(queued once per manager per month, however often the task runs: the outbox's key is the
kind, a reference naming the centre and month, her address and a fixed send time)."""

from __future__ import annotations

from datetime import date, datetime, time

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from centre.audit import audit_log
from centre.messaging import EMAIL, absolute_url, message_queue
from centre.models import Centre, Membership, User
from centre.roles import Role

from . import selectors
from .messages import ACCESS_REVIEW_MONTHLY
from .models import ReviewMark


def item_mark(
    *, centre: Centre, month: date, kind: str, key: str, note: str, by: User
) -> ReviewMark:
    """Mark one item of this centre's month reviewed (again: the note is replaced)."""
    review = selectors.month_review(centre, month)
    if review.find(kind, key) is None:
        raise ValidationError(_("That item is not in this month's review."))
    mark, _created = ReviewMark.objects.update_or_create(
        centre=centre,
        kind=kind,
        item=key,
        defaults={"note": note.strip()[:1000], "by": by, "at": timezone.now()},
    )
    audit_log(actor=by, action="review.item.mark", obj=mark)
    return mark


def _send_at(month: date) -> datetime:
    """The moment the email for the month after `month` is sent: the 1st at 08:00."""
    return timezone.make_aware(datetime.combine(selectors.next_month(month), time(8, 0)))


def monthly_emails_queue(*, today: date | None = None) -> int:
    """Email each active manager the counts of last month's review. Returns how many were new."""
    today = today or timezone.localdate()
    month = selectors.previous_month(today.replace(day=1))
    queued = 0
    memberships = (
        Membership.objects.filter(is_active=True, role=Role.MANAGER, user__is_active=True)
        .exclude(user__email="")
        .select_related("user", "centre")
        .order_by("centre_id", "user_id")
    )
    reviews: dict[int, selectors.Review] = {}
    for membership in memberships:
        centre, user = membership.centre, membership.user
        if centre.pk not in reviews:
            reviews[centre.pk] = selectors.month_review(centre, month)
        review = reviews[centre.pk]
        context = {
            "name": user.first_name or user.username,
            "centre_name": centre.name,
            "month": formats.date_format(month, "F Y"),
            "total": review.total,
            **review.counts(),
            "link": absolute_url(
                f"{reverse('access_review:index')}?month={month.strftime('%Y-%m')}"
            ),
        }
        _message, created = message_queue(
            kind=ACCESS_REVIEW_MONTHLY.name,
            channel=EMAIL,
            recipient=user.email,
            context=context,
            reference=f"access_review:{centre.pk}:{month.strftime('%Y-%m')}",
            centre=centre,
            send_at=_send_at(month),
        )
        queued += created
    return queued
