"""Scheduled casework jobs: court-date reminders and the daily digest, and anonymising one closed
record (which the retention sweep, privacy/retention, calls when her closed record's period ends).

Each is safe to run twice: messages go through the outbox, whose key (purpose, reference,
recipient, scheduled time) is deterministic here, and anonymising skips records already done."""

import logging
from datetime import datetime, time, timedelta

from django.db import transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from centre import deadlines
from centre.audit import audit_log
from centre.messaging import absolute_url
from centre.models import Membership, OutboxMessage
from centre.roles import Role

from .messages import CASELOAD_DIGEST, COURT_PURPOSE, COURT_REMINDER
from .models import (
    OPEN_STAGES,
    Action,
    Alert,
    Allocation,
    Appointment,
    Breach,
    CaseReviewItem,
    Consent,
    Contact,
    CourtDate,
    Goal,
    JusticeOrder,
    MoveOnPlan,
    Need,
    Referral,
    Review,
    Stage,
    SupportPlan,
    Woman,
)
from .selectors import (
    booked_on_q,
    not_heard_from_q,
    open_caseload,
    overdue_actions_q,
    unread_handovers,
)
from .services import email_staff

logger = logging.getLogger(__name__)
COURT_REMINDER_DAYS = (7, 1)
REMOVED = "(removed)"


def _local_at(day, hour, minute=0):
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def court_reminders_queue(*, now=None):
    """Remind each key worker a week and a day before her women's court dates. Returns how many
    messages were newly queued."""
    now = now or timezone.now()
    horizon = now + timedelta(days=max(COURT_REMINDER_DAYS) + 1)
    court_dates = CourtDate.objects.filter(
        starts_at__gt=now,
        starts_at__lte=horizon,
        woman__stage__in=OPEN_STAGES,
        woman__key_worker__isnull=False,
    ).select_related("woman", "woman__key_worker", "woman__centre")
    queued = 0
    for court_date in court_dates:
        woman, worker = court_date.woman, court_date.woman.key_worker
        local_day = timezone.localtime(court_date.starts_at).date()
        for days in COURT_REMINDER_DAYS:
            send_at = _local_at(local_day - timedelta(days=days), 8)
            if send_at > now + timedelta(days=1):
                continue
            reference = f"court:{court_date.pk}:{days}"
            OutboxMessage.objects.filter(
                purpose=COURT_PURPOSE, reference=reference, status=OutboxMessage.Status.QUEUED
            ).exclude(recipient=worker.email, scheduled_for=send_at).update(
                status=OutboxMessage.Status.CANCELLED
            )
            _message, created = email_staff(
                user=worker,
                kind=COURT_REMINDER.name,
                reference=reference,
                context={
                    "woman_name": f"{woman.known_as} {woman.last_name[:1]}".strip(),
                    "starts_at": court_date.starts_at,
                    "court": court_date.court,
                    "link": absolute_url(reverse("casework:justice", args=[woman.pk])),
                },
                centre=woman.centre,
                scheduled_for=send_at,
            )
            queued += created
    return queued


def digest_numbers(centre, worker, today):
    """Counts only: the digest email carries no names or case content."""
    open_cases = open_caseload(centre, worker)
    counts = open_cases.aggregate(
        total=Count("pk"), not_heard=Count("pk", filter=not_heard_from_q(centre))
    )
    return {
        "open_cases": counts["total"],
        "not_heard": counts["not_heard"],
        "appointments_today": Appointment.objects.filter(
            booked_on_q(today), woman__in=open_cases
        ).count(),
        "overdue_actions": Action.objects.filter(
            overdue_actions_q(today=today), woman__in=open_cases
        ).count(),
        # Due today counts too: the digest is the morning's to-do list.
        "reviews_due": SupportPlan.objects.filter(
            deadlines.due_q("next_review_on", today=today), woman__in=open_cases
        ).count(),
        "handovers": unread_handovers(worker, centre).count(),
    }


def daily_digests_queue(*, today=None):
    """One digest email per key worker per centre per day. Returns how many were queued."""
    today = today or timezone.localdate()
    send_at = _local_at(today, 7, 30)
    queued = 0
    memberships = Membership.objects.filter(
        is_active=True, role__in=[Role.KEY_WORKER, Role.MANAGER]
    ).select_related("user", "centre")
    for membership in memberships:
        worker, centre = membership.user, membership.centre
        numbers = digest_numbers(centre, worker, today)
        if not numbers["open_cases"] and not numbers["handovers"]:
            continue
        context = {
            **numbers,
            "name": worker.first_name or worker.username,
            "centre_name": centre.name,
            "days": centre.not_heard_from_days,
            "link": absolute_url(reverse("casework:caseload")),
        }
        _message, created = email_staff(
            user=worker,
            kind=CASELOAD_DIGEST.name,
            reference=f"digest:{centre.pk}:{today.isoformat()}",
            context=context,
            centre=centre,
            scheduled_for=send_at,
        )
        queued += created
    return queued


@transaction.atomic
def woman_anonymise(*, woman_id):
    """Anonymise one closed record. Safe to call twice: returns 0 when already done. Keeps dates,
    types and stages (for aggregate reports); removes everything that identifies her or describes
    her life."""
    woman = (
        Woman.objects.select_for_update().filter(pk=woman_id, anonymised_at__isnull=True).first()
    )
    if woman is None or woman.stage != Stage.CLOSED:
        return 0
    if woman.photo:
        woman.photo.delete(save=False)
    anonymous = {
        "first_name": _("Anonymised"),
        "last_name": "",
        "date_of_birth": None,
        "mobile": "",
    }
    Woman.objects.filter(pk=woman.pk).update(
        **anonymous,
        preferred_name="",
        email="",
        address="",
        safe_time="",
        code_word="",
        photo="",
        what_matters="",
        supporters="",
        reminders_opt_in=False,
        anonymised_at=timezone.now(),
    )
    Contact.objects.filter(woman=woman).update(note=REMOVED, needs_discussed=[])
    Need.objects.filter(woman=woman).update(her_view="", worker_view="")
    SupportPlan.objects.filter(woman=woman).update(
        in_her_words=REMOVED, strengths="", going_well=""
    )
    Goal.objects.filter(woman=woman).update(text=REMOVED)
    Action.objects.filter(woman=woman).update(text=REMOVED, who="")
    Review.objects.filter(woman=woman).update(progress=REMOVED, changes="")
    Alert.objects.filter(Q(woman=woman) | Q(other_woman=woman)).update(
        detail=REMOVED, is_active=False
    )
    Appointment.objects.filter(woman=woman).update(place="", purpose="", re_engagement="")
    JusticeOrder.objects.filter(woman=woman).update(requirements="", conditions="")
    CourtDate.objects.filter(woman=woman).update(court=REMOVED, purpose="", outcome="")
    Breach.objects.filter(woman=woman).update(description=REMOVED, outcome="")
    Consent.objects.filter(woman=woman).update(what_may_be_shared="")
    MoveOnPlan.objects.filter(woman=woman).update(plan=REMOVED)
    CaseReviewItem.objects.filter(woman=woman).update(notes="")
    Allocation.objects.filter(woman=woman).update(handover_note="")
    woman.break_glass.update(reason=REMOVED)
    Referral.objects.filter(woman=woman).update(
        **anonymous,
        referrer_name="",
        referrer_contact="",
        justice_involvement="",
        vulnerability=REMOVED,
        decision_reason="",
    )
    audit_log(actor=None, action="casework.woman.anonymise", obj=woman, woman_id=woman.pk)
    return 1
