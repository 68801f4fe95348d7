"""Retention's actions: the schedule, legal holds, the sweep and its dry run.

The sweep works centre by centre and kind by kind (`rules.ORDER`), in batches, each batch in its
own transaction: a run killed half way leaves every row either untouched or fully removed, and
the next run finishes the rest. It logs counts per kind, never a name or anything a record says.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Max, Min
from django.utils import timezone
from django.utils.translation import gettext as _

from casework.models import Woman
from centre.audit import audit_log
from centre.models import Centre, User
from centre.versioning import versioned_update

from . import schedule
from .models import LegalHold, RetentionPeriod, SweepLog
from .rules import ORDER, RULES, Step

logger = logging.getLogger(__name__)


# --- Holds ------------------------------------------------------------------------------------


def is_held(woman: Woman | int) -> bool:
    """Is a legal hold in place on her records (her record or its id)? Nothing may erase or
    sweep them while it is."""
    woman_id = woman if isinstance(woman, int) else woman.pk
    return LegalHold.objects.filter(woman_id=woman_id, lifted_at__isnull=True).exists()


def hold_place(*, woman: Woman, by: User, reason: str) -> LegalHold:
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Say why her records must be kept.")})
    with transaction.atomic():
        Woman.objects.select_for_update().filter(pk=woman.pk).first()
        if is_held(woman):
            raise ValidationError(_("Her records are already on hold."))
        hold = LegalHold.objects.create(
            centre=woman.centre, woman=woman, reason=reason, placed_by=by
        )
        audit_log(actor=by, action="retention.hold.place", obj=hold, woman_id=woman.pk)
    return hold


def hold_lift(*, hold: LegalHold, by: User, reason: str) -> LegalHold:
    reason = reason.strip()
    if not reason:
        raise ValidationError({"lift_reason": _("Say why the hold can end.")})
    with transaction.atomic():
        lifted = LegalHold.objects.filter(pk=hold.pk, lifted_at__isnull=True).update(
            lifted_at=timezone.now(), lifted_by=by, lift_reason=reason
        )
        if not lifted:
            raise ValidationError(_("This hold has already been lifted."))
        hold.refresh_from_db()
        audit_log(actor=by, action="retention.hold.lift", obj=hold, woman_id=hold.woman_id)
    return hold


# --- The schedule -----------------------------------------------------------------------------


def period_save(
    *, centre: Centre, kind: str, months: int, action: str, by: User, expected_version: int
) -> RetentionPeriod:
    """Set one kind's period (checked against its minimum and allowed actions)."""
    default = schedule.DEFAULTS[kind]
    errors: dict[str, str] = {}
    if months < default.minimum:
        errors["months"] = str(default.minimum_why)
    if months > 1200:
        errors["months"] = _("Choose at most 1200 months (100 years).")
    if action not in default.actions:
        errors["action"] = _("This kind of record can only be: %(actions)s.") % {
            "actions": ", ".join(str(schedule.Action(a).label).lower() for a in default.actions)
        }
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        row, created = RetentionPeriod.objects.get_or_create(
            centre=centre,
            kind=kind,
            defaults={"months": default.months, "action": default.action, "updated_by": by},
        )
        version = expected_version if not created or expected_version else row.version
        row = versioned_update(
            RetentionPeriod,
            pk=row.pk,
            expected_version=version,
            values={"months": months, "action": action, "updated_by": by},
        )
        audit_log(
            actor=by,
            action="retention.period.change",
            centre=centre,
            object_type="retention.period",
            object_id=kind,
        )
    return row


# --- The sweep --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Expiring:
    """What the next sweep would remove of one kind: a count and the range of dates."""

    kind: str
    label: str
    months: int
    action: str
    count: int
    oldest: date | datetime | None
    newest: date | datetime | None


def _expired_by_kind(
    centre: Centre | None, now: datetime
) -> Iterator[tuple[str, schedule.Period, list[Step]]]:
    """Kind by kind in the sweep's order: its period in the centre's schedule and the steps
    that find what has expired by `now` (each kind's rule is asked only when its turn comes)."""
    periods = {p.kind: p for p in schedule.periods(centre)}
    for kind in ORDER:
        period = periods[kind]
        yield kind, period, RULES[kind](centre, schedule.cutoff(period.months, now), period.action)


def dry_run(centre: Centre | None, *, now: datetime | None = None) -> list[Expiring]:
    """Per kind, what the sweep would remove now: computed with the sweep's own rules."""
    result = []
    for kind, period, steps in _expired_by_kind(centre, now or timezone.now()):
        count, oldest, newest = 0, None, None
        for step in steps:
            summary = step.rows().aggregate(
                n=Count("pk"), oldest=Min(step.date_field), newest=Max(step.date_field)
            )
            count += summary["n"]
            oldest = _earliest(oldest, summary["oldest"])
            newest = _latest(newest, summary["newest"])
        result.append(
            Expiring(kind, period.label, period.months, period.action, count, oldest, newest)
        )
    return result


def _earliest(a: Any, b: Any) -> Any:
    return b if a is None else a if b is None else min(a, b)


def _latest(a: Any, b: Any) -> Any:
    return b if a is None else a if b is None else max(a, b)


def _run_step(step: Step, *, centre_id: int | None, kind: str) -> int:
    """Remove a step's expired rows, a batch per transaction, until none are left."""
    done = 0
    while True:
        with transaction.atomic():
            ids = list(step.rows().order_by("pk").values_list("pk", flat=True)[: step.batch])
            if not ids:
                return done
            removed = step.remove(step.rows().filter(pk__in=ids))
        done += removed
        logger.info(
            "retention sweep: centre %s, %s (%s): %d removed in this batch",
            centre_id,
            kind,
            step.key,
            removed,
        )
        if removed == 0:
            # Rows the rule cannot remove (nothing changed): stop rather than loop for ever.
            logger.warning(
                "retention sweep: centre %s, %s (%s): %d rows could not be removed",
                centre_id,
                kind,
                step.key,
                len(ids),
            )
            return done


def sweep(centre: Centre | None, *, now: datetime | None = None) -> SweepLog:
    """Remove what has expired for one centre (or the rows of no centre); log counts only."""
    now = now or timezone.now()
    log = SweepLog.objects.create(centre=centre, started_at=now, counts={})
    centre_id = centre.pk if centre else None
    for kind, _period, steps in _expired_by_kind(centre, now):
        count = sum(_run_step(step, centre_id=centre_id, kind=kind) for step in steps)
        log.counts[kind] = count
        SweepLog.objects.filter(pk=log.pk).update(counts=log.counts)
        logger.info("retention sweep: centre %s, %s: %d removed", centre_id, kind, count)
    log.finished_at = timezone.now()
    SweepLog.objects.filter(pk=log.pk).update(finished_at=log.finished_at)
    audit_log(
        actor=None,
        action="retention.sweep",
        centre=centre,
        object_type="retention.sweeplog",
        object_id=str(log.pk),
    )
    return log


def sweep_all(*, now: datetime | None = None) -> list[SweepLog]:
    """The nightly sweep: every centre, then the rows that belong to no centre."""
    logs = [sweep(centre, now=now) for centre in Centre.objects.order_by("pk")]
    logs.append(sweep(None, now=now))
    return logs


def dry_run_log(centre: Centre, *, now: datetime | None = None) -> SweepLog:
    """Record a dry run the manager asked for (counts only)."""
    now = now or timezone.now()
    counts = {row.kind: row.count for row in dry_run(centre, now=now)}
    return SweepLog.objects.create(
        centre=centre, started_at=now, finished_at=timezone.now(), dry_run=True, counts=counts
    )
