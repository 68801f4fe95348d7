"""What a month's access review shows for one centre: break-the-glass reads with their reasons,
unusual reading (one person opening many women's records in a day; reads with no grounds),
failed sign-ins and lock-outs of the centre's people, and account changes. Each item has a
stable id so the manager can mark it reviewed. About ten queries whatever the month holds."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from axes.models import AccessFailureLog
from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Q, QuerySet
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.translation import gettext as _

from centre import audit_words
from centre.models import AuditEvent, Centre, Membership, User

from .models import ItemKind, ReviewMark

logger = logging.getLogger(__name__)

BREAK_GLASS_ACTIONS = ("casework.woman.break_glass",)
ACCOUNT_ACTIONS = (
    "team.invite",
    "team.invitation_accepted",
    "team.invitation_declined",
    "team.invitation_withdrawn",
    "team.change_role",
    "team.deactivate",
    "team.reactivate",
    "team.reset_second_factor",
    "team.triage_on",
    "team.triage_off",
    "account.sessions_ended",
)
# A read of a woman's record: written with grounds "none" when the person had none, or (older
# events, or a view that forgot them) with no grounds at all. Photos and downloads on registers
# and papers are left out: they are read on their session's grounds, not her record's.
READ_SUFFIXES = (".view",)
NO_GROUNDS = "none"


def daily_records_limit() -> int:
    """More women's records than this opened by one person in one day is worth a look."""
    return int(getattr(settings, "ACCESS_REVIEW_DAILY_RECORDS", 25))


@dataclass
class Item:
    kind: str
    key: str
    when: datetime | date
    what: str
    reason: str = ""
    mark: ReviewMark | None = None


@dataclass
class Review:
    month: date
    sections: dict[str, list[Item]] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(len(items) for items in self.sections.values())

    @property
    def not_reviewed(self) -> int:
        return sum(1 for items in self.sections.values() for item in items if item.mark is None)

    def counts(self) -> dict[str, int]:
        return {kind: len(items) for kind, items in self.sections.items()}

    def find(self, kind: str, key: str) -> Item | None:
        return next((item for item in self.sections.get(kind, []) if item.key == key), None)


def month_start(value: Any = None, *, today: date | None = None) -> date:
    """The month asked for ("2026-11"), or this month."""
    today = today or timezone.localdate()
    try:
        year, month = (int(part) for part in str(value).split("-"))
        chosen = date(year, month, 1)
    except (TypeError, ValueError):
        return today.replace(day=1)
    return min(chosen, today.replace(day=1))


def previous_month(month: date) -> date:
    return (month.replace(day=1) - timedelta(days=1)).replace(day=1)


def next_month(month: date) -> date:
    return (month.replace(day=28) + timedelta(days=4)).replace(day=1)


def _bounds(month: date) -> tuple[datetime, datetime]:
    start = timezone.make_aware(datetime.combine(month, time.min))
    end = timezone.make_aware(datetime.combine(next_month(month), time.min))
    return start, end


def _in_month(queryset: Any, field_name: str, month: date) -> Any:
    start, end = _bounds(month)
    return queryset.filter(**{f"{field_name}__gte": start, f"{field_name}__lt": end})


def _events(centre: Centre, month: date) -> QuerySet[AuditEvent]:
    return _in_month(AuditEvent.objects.filter(centre=centre), "created_at", month)


def _flagged(events: QuerySet[AuditEvent]) -> QuerySet[AuditEvent]:
    """Break-the-glass reads, account changes, and reads of her record with no grounds."""
    read_q = Q()
    for suffix in READ_SUFFIXES:
        read_q |= Q(action__endswith=suffix)
    return events.filter(
        Q(action__in=BREAK_GLASS_ACTIONS)
        | Q(action__in=ACCOUNT_ACTIONS)
        | (Q(woman_id__isnull=False) & (Q(grounds=NO_GROUNDS) | (Q(grounds="") & read_q)))
    ).order_by("created_at", "id")


def _kind_of(action: str) -> str:
    if action in BREAK_GLASS_ACTIONS:
        return ItemKind.BREAK_GLASS
    if action in ACCOUNT_ACTIONS:
        return ItemKind.ACCOUNT
    return ItemKind.NO_GROUNDS


def _heavy(events: QuerySet[AuditEvent]) -> list[Mapping[str, Any]]:
    """One person opening more women's records in a day than the limit: (actor, day, records)."""
    return list(
        events.filter(woman_id__isnull=False, actor__isnull=False)
        .annotate(day=TruncDate("created_at"))
        .values("actor_id", "day")
        .annotate(records=Count("woman_id", distinct=True))
        .filter(records__gt=daily_records_limit())
        .order_by("day", "actor_id")
    )


def _heavy_key(row: Mapping[str, Any]) -> str:
    return f"{row['actor_id']}:{row['day'].isoformat()}"


def _failures(centre: Centre, month: date) -> QuerySet[AccessFailureLog]:
    """Failed sign-ins and lock-outs of the centre's people in the month."""
    usernames = Membership.objects.filter(centre=centre).values("user__username")
    return _in_month(
        AccessFailureLog.objects.filter(username__in=usernames), "attempt_time", month
    ).order_by("attempt_time", "id")


def month_review(centre: Centre, month: date) -> Review:
    """Every item of the month's review for this centre, with the marks already made."""
    events = _events(centre, month)
    flagged = list(_flagged(events).select_related("actor"))
    said = {entry.event.pk: entry.sentence for entry in audit_words.in_words(flagged)}
    review = Review(month=month, sections={kind: [] for kind in ItemKind.values})
    for event in flagged:
        kind = _kind_of(event.action)
        review.sections[kind].append(
            Item(kind, str(event.pk), event.created_at, said[event.pk], event.reason)
        )

    heavy = _heavy(events)
    names = {
        user.pk: user.get_full_name() or user.username
        for user in User.objects.filter(pk__in={row["actor_id"] for row in heavy})
    }
    for row in heavy:
        review.sections[ItemKind.HEAVY_READING].append(
            Item(
                ItemKind.HEAVY_READING,
                _heavy_key(row),
                row["day"],
                _("%(who)s opened %(n)s women's records")
                % {"who": names.get(row["actor_id"], "?"), "n": row["records"]},
            )
        )

    for failure in _failures(centre, month):
        what = (
            _("%(who)s was locked out after failed sign-ins")
            if failure.locked_out
            else _("A failed sign-in as %(who)s")
        ) % {"who": failure.username}
        review.sections[ItemKind.SIGN_IN].append(
            Item(
                ItemKind.SIGN_IN,
                str(failure.pk),
                failure.attempt_time,
                what,
                _("from %(address)s") % {"address": failure.ip_address or "?"},
            )
        )

    marks = (
        {
            (mark.kind, mark.item): mark
            for mark in ReviewMark.objects.filter(centre=centre)
            .filter(_keys_q(review))
            .select_related("by")
        }
        if review.total
        else {}
    )
    for items in review.sections.values():
        for item in items:
            item.mark = marks.get((item.kind, item.key))
    return review


def _keys_q(review: Review) -> Q:
    return _marks_q({kind: [item.key for item in items] for kind, items in review.sections.items()})


def _marks_q(keys: dict[str, list[str]]) -> Q:
    q = Q(pk__in=[])
    for kind, items in keys.items():
        if items:
            q |= Q(kind=kind, item__in=items)
    return q


# How long an ended month's item keys are kept in the cache. The audit log and the sign-in log
# only grow at the present moment, so a month that has ended keeps its items; marks are always
# read afresh. The limit only bounds how long a deleted event (a retention sweep) is counted.
ENDED_MONTH_KEYS_SECONDS = 15 * 60


def _month_keys(centre: Centre, month: date) -> dict[str, list[str]]:
    """The keys of the month's items by kind, without their words (the home panel's count)."""
    events = _events(centre, month)
    keys: dict[str, list[str]] = {kind: [] for kind in ItemKind.values}
    for pk, action in _flagged(events).values_list("pk", "action"):
        keys[_kind_of(action)].append(str(pk))
    keys[ItemKind.HEAVY_READING] = [_heavy_key(row) for row in _heavy(events)]
    keys[ItemKind.SIGN_IN] = [
        str(pk) for pk in _failures(centre, month).values_list("pk", flat=True)
    ]
    return keys


def month_not_reviewed(centre: Centre, month: date) -> int:
    """How many of the month's items nobody has marked reviewed: the manager's home panel.

    The same items as `month_review` without building their sentences; for a month that has
    ended, the item keys come from the cache (the reading aggregate alone was 14 ms of the
    manager's home page on the large data set). A cache that is down is passed by."""
    ended = month < timezone.localdate().replace(day=1)
    cache_key = f"access-review-keys:{centre.pk}:{month:%Y-%m}:{daily_records_limit()}"
    keys = _cache_get(cache_key) if ended else None
    if keys is None:
        keys = _month_keys(centre, month)
        if ended:
            _cache_set(cache_key, keys, ENDED_MONTH_KEYS_SECONDS)
    total = sum(len(items) for items in keys.values())
    if not total:
        return 0
    return total - ReviewMark.objects.filter(centre=centre).filter(_marks_q(keys)).count()


def _cache_get(key: str) -> Any:
    try:
        return cache.get(key)
    except Exception:  # noqa: BLE001 - a cache outage must not take the home page down
        logger.warning("Access review: cache unavailable, counting afresh", exc_info=True)
        return None


def _cache_set(key: str, value: Any, seconds: int) -> None:
    try:
        cache.set(key, value, seconds)
    except Exception:  # noqa: BLE001 - as above
        logger.warning("Access review: cache unavailable, not kept", exc_info=True)
