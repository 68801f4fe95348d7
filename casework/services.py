"""Writes for casework. Every function is atomic and keyword-only; views call exactly one."""

import logging
import unicodedata
from datetime import datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from centre import deadlines
from centre.audit import audit_log
from centre.messaging import absolute_url, message_queue
from centre.models import Membership, OutboxMessage
from centre.outbox import outbox_message_cancel
from centre.roles import Role
from centre.versioning import versioned_update

from .access import Grounds, break_glass_ends_at, is_partner_membership
from .messages import (
    APPOINTMENT_REMINDER,
    BREAK_GLASS,
    BREAK_GLASS_PURPOSE,  # noqa: F401 - part of this module's interface (tests, jobs)
    COURT_PURPOSE,  # noqa: F401
    DIGEST_PURPOSE,  # noqa: F401
    RECORD_ACCESS_CHANGED,
    RECORD_ACCESS_PURPOSE,  # noqa: F401
    REMINDER_PURPOSE,
)
from .models import (
    OPEN_STAGES,
    Action,
    Agency,
    Alert,
    Allocation,
    Appointment,
    BreakGlass,
    CaseReviewItem,
    CaseReviewMeeting,
    Consent,
    Contact,
    Goal,
    Need,
    OutcomeRating,
    PartnerAgency,
    Referral,
    ReferralOut,
    Review,
    Stage,
    StageChange,
    SupportPlan,
    Woman,
)

logger = logging.getLogger(__name__)

WOMAN_DETAIL_FIELDS = [
    "first_name",
    "last_name",
    "preferred_name",
    "date_of_birth",
    "mobile",
    "email",
    "address",
    "safe_to_text",
    "safe_to_email",
    "safe_to_leave_voicemail",
    "safe_to_post",
    "safe_time",
    "code_word",
    "reminders_opt_in",
    "what_matters",
    "supporters",
]
PARTICIPATION_FIELDS = ["invite_to_meetings", "send_newsletter", "ask_to_help"]
# After a missed appointment, the step to get back in touch is due within two working days.
RE_ENGAGE_WORKING_DAYS = 2


def _managers(centre):
    return [
        m.user
        for m in Membership.objects.filter(
            centre=centre, role=Role.MANAGER, is_active=True
        ).select_related("user")
    ]


def _email_staff(*, user, kind, reference, context, centre, scheduled_for=None):
    """Queue an email of this message kind to a member of staff. Returns (message, created);
    (None, False) when she has no email address."""
    if not user.email:
        return None, False
    return message_queue(
        kind=kind,
        reference=reference,
        channel=OutboxMessage.Channel.EMAIL,
        recipient=user.email,
        context=context,
        centre=centre,
        send_at=scheduled_for,
    )


# --- The woman's record --------------------------------------------------------------------


@transaction.atomic
def woman_create(*, centre, by, stage=Stage.ASSESSMENT, reason="", **fields):
    """Open a woman's record, with the first entry in her stage history."""
    woman = Woman(centre=centre, stage=stage, **fields)
    woman.full_clean()
    woman.save()
    StageChange.objects.create(
        woman=woman, from_stage="", to_stage=stage, reason=reason[:500], changed_by=by
    )
    audit_log(actor=by, action="casework.woman.create", obj=woman, woman_id=woman.pk)
    return woman


@transaction.atomic
def woman_update(*, woman, expected_version, data, by):
    """Save her details unless someone else saved first (EditConflict)."""
    values = {name: data[name] for name in WOMAN_DETAIL_FIELDS if name in data}
    old_photo = woman.photo.name
    if "photo" in data:
        if data["photo"] is False:
            values["photo"] = ""
        elif data["photo"]:
            woman.photo.save(data["photo"].name, data["photo"], save=False)
            values["photo"] = woman.photo.name
    candidate = Woman(**{**{f: getattr(woman, f) for f in WOMAN_DETAIL_FIELDS}, **values})
    candidate.centre = woman.centre
    candidate.full_clean(exclude=["centre", "photo"])
    values["updated_at"] = timezone.now()
    saved = versioned_update(Woman, pk=woman.pk, expected_version=expected_version, values=values)
    audit_log(actor=by, action="casework.woman.edit", obj=saved, woman_id=saved.pk)
    if old_photo and values.get("photo", old_photo) != old_photo:
        _remove_file_on_commit(woman.photo.storage, old_photo)
    return saved


def _remove_file_on_commit(storage, name):
    """A replaced or removed photo leaves the disk once the change is saved (and stays if the
    save is rolled back, so the record never points at a missing file)."""
    transaction.on_commit(lambda: storage.delete(name))


@transaction.atomic
def participation_update(*, woman, by, **choices):
    """Her opt-ins for meetings, the newsletter and being asked to help. Safe to call twice."""
    values = {name: bool(choices.get(name)) for name in PARTICIPATION_FIELDS}
    values["participation_updated_at"] = timezone.now()
    Woman.objects.filter(pk=woman.pk).update(**values)
    audit_log(actor=by, action="casework.woman.participation", obj=woman, woman_id=woman.pk)
    woman.refresh_from_db()
    return woman


@transaction.atomic
def woman_stage_change(*, woman, stage, reason, by):
    """Move her to a stage, keeping the history. She can come back from closed at any time."""
    if stage not in Stage.values:
        raise ValidationError({"stage": _("Choose a stage.")})
    if stage == woman.stage:
        raise ValidationError({"stage": _("She is already at that stage.")})
    reopening = woman.stage not in OPEN_STAGES and stage in OPEN_STAGES
    if (reopening or stage == Stage.CLOSED) and not reason.strip():
        raise ValidationError({"reason": _("Say why, so the history makes sense later.")})
    StageChange.objects.create(
        woman=woman, from_stage=woman.stage, to_stage=stage, reason=reason[:500], changed_by=by
    )
    closed_at = timezone.now() if stage == Stage.CLOSED else None
    Woman.objects.filter(pk=woman.pk).update(stage=stage, closed_at=closed_at)
    woman.stage, woman.closed_at = stage, closed_at
    audit_log(actor=by, action="casework.woman.stage", obj=woman, woman_id=woman.pk)
    return woman


# --- Allocation ----------------------------------------------------------------------------


def _member(centre, user, roles):
    return Membership.objects.filter(
        centre=centre, user=user, is_active=True, role__in=roles
    ).first()


@transaction.atomic
def key_worker_allocate(*, woman, worker, reason, handover_note, by):
    """Make `worker` her key worker. Returns the caseload warning text or "".
    A warning, not a block: the manager may knowingly go over the threshold."""
    if not reason.strip():
        raise ValidationError({"reason": _("Say why she is being allocated.")})
    if _member(woman.centre, worker, [Role.KEY_WORKER, Role.MANAGER]) is None:
        raise ValidationError({"worker": _("Choose a key worker at this centre.")})
    if woman.key_worker_id == worker.pk:
        raise ValidationError({"worker": _("She is already allocated to this key worker.")})
    now = timezone.now()
    Allocation.objects.filter(
        woman=woman, kind=Allocation.Kind.KEY_WORKER, ended_at__isnull=True
    ).update(ended_at=now)
    Allocation.objects.create(
        woman=woman,
        worker=worker,
        kind=Allocation.Kind.KEY_WORKER,
        reason=reason[:500],
        handover_note=handover_note,
        allocated_by=by,
        started_at=now,
    )
    Woman.objects.filter(pk=woman.pk).update(key_worker=worker)
    woman.key_worker = worker
    audit_log(actor=by, action="casework.woman.allocate", obj=woman, woman_id=woman.pk)
    _tell_managers_access_changed(woman=woman, worker=worker, change="key_worker", by=by)
    size = Woman.objects.filter(
        centre=woman.centre, key_worker=worker, stage__in=OPEN_STAGES
    ).count()
    threshold = woman.centre.caseload_warning_threshold
    if size > threshold:
        return _("%(name)s now holds %(size)s open cases, over the centre's %(limit)s.") % {
            "name": worker,
            "size": size,
            "limit": threshold,
        }
    return ""


@transaction.atomic
def involved_worker_add(*, woman, worker, reason, by, agency=None):
    """Involve another worker (partner workers with their agency). Safe to call twice.

    `agency`: for a partner worker, the directory Agency whose sharing agreement with the
    woman applies to her (links her membership, see partner_agency_link)."""
    membership = _member(woman.centre, worker, [Role.KEY_WORKER, Role.PARTNER, Role.MANAGER])
    if membership is None:
        raise ValidationError({"worker": _("Choose a worker at this centre.")})
    if agency is not None:
        partner_agency_link(membership=membership, agency=agency, by=by)
    allocation, created = Allocation.objects.get_or_create(
        woman=woman,
        worker=worker,
        kind=Allocation.Kind.INVOLVED,
        ended_at__isnull=True,
        defaults={"reason": reason[:500], "agency": membership.agency, "allocated_by": by},
    )
    if created:
        audit_log(actor=by, action="casework.woman.involve", obj=woman, woman_id=woman.pk)
        _tell_managers_access_changed(woman=woman, worker=worker, change="involved", by=by)
    return allocation


@transaction.atomic
def partner_agency_link(*, membership, agency, by):
    """Link a partner worker's membership to the directory agency she comes from, so the
    women's sharing agreements with that agency apply to her. Only the manager sets it.
    Safe to call twice; writes an audit event when the link changes."""
    if not is_partner_membership(membership):
        raise ValidationError({"agency": _("Only partner workers are linked to an agency.")})
    if agency.centre_id != membership.centre_id or agency.kind != Agency.Kind.PARTNER:
        raise ValidationError({"agency": _("Choose a partner agency in this centre's directory.")})
    if _member(membership.centre, by, [Role.MANAGER]) is None:
        raise ValidationError({"agency": _("Only the manager can link a worker to an agency.")})
    link, created = PartnerAgency.objects.get_or_create(
        membership=membership, defaults={"agency": agency, "set_by": by}
    )
    if not created and link.agency_id != agency.pk:
        link.agency, link.set_by, link.set_at = agency, by, timezone.now()
        link.save(update_fields=["agency", "set_by", "set_at"])
    elif not created:
        return link
    audit_log(
        actor=by,
        action="casework.partner_agency.link",
        centre=membership.centre,
        object_type="centre.membership",
        object_id=membership.pk,
    )
    return link


@transaction.atomic
def allocation_end(*, allocation, by):
    """Stop an involved worker's access. Safe to call twice."""
    if allocation.kind != Allocation.Kind.INVOLVED:
        raise ValidationError(_("Reallocate the key worker instead."))
    ended = Allocation.objects.filter(pk=allocation.pk, ended_at__isnull=True).update(
        ended_at=timezone.now()
    )
    if not ended:
        return
    audit_log(
        actor=by,
        action="casework.woman.uninvolve",
        obj=allocation.woman,
        woman_id=allocation.woman_id,
    )
    _tell_managers_access_changed(
        woman=allocation.woman, worker=allocation.worker, change="ended", by=by
    )


def handover_mark_read(*, woman, worker):
    """The new key worker has read the handover note. Safe to call twice."""
    return Allocation.objects.filter(
        woman=woman,
        worker=worker,
        kind=Allocation.Kind.KEY_WORKER,
        ended_at__isnull=True,
        handover_read_at__isnull=True,
    ).update(handover_read_at=timezone.now())


@transaction.atomic
def break_glass_grant(*, woman, worker, reason):
    """Read-only access to a record she is not allocated to, with her written reason, until
    the centre's end of the working day. Writes an audit event and tells the managers."""
    reason = readable_text(reason)
    if sum(ch.isalpha() for ch in reason) < 10:
        raise ValidationError(
            {"reason": _("Write why you need the record, in a sentence of real words.")}
        )
    now = timezone.now()
    grant = BreakGlass.objects.create(
        woman=woman,
        worker=worker,
        reason=reason[:500],
        granted_at=now,
        expires_at=break_glass_ends_at(woman.centre, now),
    )
    audit_log(
        actor=worker,
        action="casework.woman.break_glass",
        obj=woman,
        reason=reason,
        grounds=Grounds.BREAK_GLASS,
        woman_id=woman.pk,
    )
    link = absolute_url(reverse("casework:woman_viewers", args=[woman.pk]))
    until = timezone.localtime(grant.expires_at).strftime("%H:%M")
    for manager in _managers(woman.centre):
        _email_staff(
            user=manager,
            kind=BREAK_GLASS.name,
            reference=f"break_glass:{grant.pk}",
            context={"worker": str(worker), "until": until, "reason": reason, "link": link},
            centre=woman.centre,
        )
    return grant


def readable_text(text: str) -> str:
    """The text without invisible characters (zero-width spaces, joiners, byte-order marks,
    control characters) and with runs of spaces made one, so a reason must be real words."""
    visible = "".join(ch for ch in text if unicodedata.category(ch) not in ("Cf", "Cc", "Co"))
    return " ".join(visible.split())


def _tell_managers_access_changed(*, woman, worker, change, by):
    """Every change to who can see her record goes to the centre's managers (no name of hers:
    the link leads to the record, where the manager's own access applies)."""
    context = {
        "worker": str(worker),
        "change": change,
        "by": str(by),
        "link": absolute_url(reverse("casework:woman_viewers", args=[woman.pk])),
    }
    stamp = timezone.now().strftime("%Y%m%d%H%M%S%f")
    for manager in _managers(woman.centre):
        if manager.pk == by.pk:
            continue
        _email_staff(
            user=manager,
            kind=RECORD_ACCESS_CHANGED.name,
            reference=f"record_access:{woman.pk}:{worker.pk}:{change}:{stamp}",
            context=context,
            centre=woman.centre,
        )


# --- Contacts and appointments -------------------------------------------------------------


@transaction.atomic
def contact_log(*, woman, worker, data, follow_up="", follow_up_due=None):
    """Log a contact. A successful contact moves her last-contact date forward (never back)."""
    contact = Contact(centre=woman.centre, woman=woman, worker=worker, **data)
    if contact.contact_on and contact.contact_on > timezone.localdate():
        raise ValidationError({"contact_on": _("A contact cannot be in the future.")})
    contact.full_clean()
    contact.save()
    if contact.made:
        if contact.contact_on == timezone.localdate():
            moment = timezone.now()
        else:
            moment = timezone.make_aware(datetime.combine(contact.contact_on, time(12, 0)))
        Woman.objects.filter(pk=woman.pk).filter(_last_contact_before(moment)).update(
            last_contact_at=moment
        )
    if follow_up.strip():
        Action.objects.create(
            woman=woman,
            text=follow_up[:500],
            who=str(worker),
            owner=worker,
            due_on=follow_up_due,
            source=Action.Source.CONTACT,
            contact=contact,
        )
    audit_log(actor=worker, action="casework.contact.create", obj=woman, woman_id=woman.pk)
    return contact


def _last_contact_before(moment):
    return Q(last_contact_at__isnull=True) | Q(last_contact_at__lt=moment)


def _reminder_channel(woman):
    """The channel she said is safe for reminders, or None: never guess."""
    if not woman.reminders_opt_in:
        return None, ""
    if woman.safe_to_text and woman.mobile:
        return OutboxMessage.Channel.SMS, woman.mobile
    if woman.safe_to_email and woman.email:
        return OutboxMessage.Channel.EMAIL, woman.email
    return None, ""


def appointment_reminders_queue(*, appointment):
    """Queue her discreet reminder the day before (or now, if that has passed).
    Only when she opted in and said the channel is safe. Safe to call twice."""
    woman = appointment.woman
    channel, recipient = _reminder_channel(woman)
    now = timezone.now()
    if (
        channel is None
        or not appointment.send_reminder
        or appointment.status != Appointment.Status.BOOKED
        or appointment.starts_at <= now + timedelta(hours=1)
    ):
        return None
    when = max(appointment.starts_at - timedelta(days=1), now).replace(second=0, microsecond=0)
    message, _created = message_queue(
        kind=APPOINTMENT_REMINDER.name,
        reference=f"appointment:{appointment.pk}",
        channel=channel,
        recipient=recipient,
        context={
            "first_name": woman.first_name,
            "starts_at": appointment.starts_at,
            "worker_first_name": appointment.worker.first_name if appointment.worker else "",
        },
        centre=woman.centre,
        send_at=when,
    )
    return message


@transaction.atomic
def appointment_book(*, woman, worker, data):
    """Book an appointment (future dates allowed) and queue her reminder."""
    appointment = Appointment(centre=woman.centre, woman=woman, worker=worker, **data)
    appointment.full_clean()
    appointment.save()
    appointment_reminders_queue(appointment=appointment)
    audit_log(actor=worker, action="casework.appointment.create", obj=woman, woman_id=woman.pk)
    return appointment


@transaction.atomic
def appointment_record(*, appointment, status, re_engagement="", by):
    """Attended, missed (with a step to re-engage her) or cancelled. Missing never closes a case."""
    if status not in (
        Appointment.Status.ATTENDED,
        Appointment.Status.MISSED,
        Appointment.Status.CANCELLED,
    ):
        raise ValidationError({"status": _("Choose attended, missed or cancelled.")})
    if status == Appointment.Status.MISSED and not re_engagement.strip():
        raise ValidationError(
            {"re_engagement": _("Say what the next step is to get back in touch with her.")}
        )
    if status == Appointment.Status.ATTENDED and appointment.starts_at > timezone.now():
        raise ValidationError({"status": _("It has not happened yet.")})
    appointment.status = status
    appointment.re_engagement = re_engagement[:300]
    appointment.save(update_fields=["status", "re_engagement"])
    outbox_message_cancel(purpose=REMINDER_PURPOSE, reference=f"appointment:{appointment.pk}")
    woman = appointment.woman
    if status == Appointment.Status.MISSED:
        Action.objects.create(
            woman=woman,
            text=re_engagement[:500],
            who=str(by),
            owner=by,
            due_on=deadlines.due_date(
                centre=woman.centre, start=timezone.localdate(), working_days=RE_ENGAGE_WORKING_DAYS
            ),
            source=Action.Source.RE_ENGAGEMENT,
        )
    if status == Appointment.Status.ATTENDED:
        moment = min(appointment.starts_at, timezone.now())
        Woman.objects.filter(pk=woman.pk).filter(_last_contact_before(moment)).update(
            last_contact_at=moment
        )
    audit_log(actor=by, action="casework.appointment.record", obj=woman, woman_id=woman.pk)
    return appointment


# --- Needs, plan, reviews, distance travelled ----------------------------------------------


@transaction.atomic
def needs_save(*, woman, rows, by):
    """Save her needs by domain: rows is {domain: {level, her_view, worker_view}}."""
    now = timezone.now()
    for domain, values in rows.items():
        Need.objects.update_or_create(
            woman=woman, domain=domain, defaults={**values, "updated_by": by, "updated_at": now}
        )
    audit_log(actor=by, action="casework.needs.edit", obj=woman, woman_id=woman.pk)


@transaction.atomic
def plan_save(*, woman, expected_version, data, by):
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
def goal_add(*, woman, text, domain, by):
    goal = Goal(woman=woman, text=text, domain=domain)
    goal.full_clean()
    goal.save()
    audit_log(actor=by, action="casework.goal.create", obj=woman, woman_id=woman.pk)
    return goal


@transaction.atomic
def goal_status_set(*, goal, status, by):
    if status not in Goal.Status.values:
        raise ValidationError({"status": _("Choose a status.")})
    Goal.objects.filter(pk=goal.pk).update(status=status, updated_at=timezone.now())
    audit_log(actor=by, action="casework.goal.edit", obj=goal.woman, woman_id=goal.woman.pk)


@transaction.atomic
def action_add(*, woman, by, source=Action.Source.PLAN, **data):
    action = Action(woman=woman, source=source, **data)
    action.full_clean()
    action.save()
    audit_log(actor=by, action="casework.action.create", obj=woman, woman_id=woman.pk)
    return action


@transaction.atomic
def action_done(*, action, by):
    """Mark an action done. Safe to call twice."""
    Action.objects.filter(pk=action.pk, done_on__isnull=True).update(done_on=timezone.localdate())
    audit_log(actor=by, action="casework.action.done", obj=action.woman, woman_id=action.woman.pk)


def _ratings(woman, scores, *, occasion, rated_on, review=None):
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
def ratings_record(*, woman, scores, rated_on, by):
    """Her own intake ratings, 1-10 by domain."""
    if not any(scores.values()):
        raise ValidationError(_("Give at least one rating."))
    rows = _ratings(woman, scores, occasion=OutcomeRating.Occasion.INTAKE, rated_on=rated_on)
    audit_log(actor=by, action="casework.ratings.create", obj=woman, woman_id=woman.pk)
    return rows


@transaction.atomic
def review_add(*, woman, data, scores, by, next_review_on=None):
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
def review_update(*, review, expected_version, data, by):
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


# --- Justice, alerts, consent, move-on -----------------------------------------------------


@transaction.atomic
def record_add(*, woman, model, data, by, action):
    """Add a justice order, court date, breach, consent or similar row to her record."""
    obj = model(woman=woman, **data)
    if hasattr(obj, "centre_id") and not obj.centre_id:
        obj.centre = woman.centre
    obj.full_clean()
    obj.save()
    audit_log(actor=by, action=action, obj=woman, woman_id=woman.pk)
    return obj


@transaction.atomic
def consent_record(*, woman, data, by) -> Consent:
    """Record her decision about sharing with one agency. It changes what that agency's workers
    see of her record, so the managers are told, like any change to who sees it."""
    consent = record_add(
        woman=woman,
        model=Consent,
        data={**data, "recorded_by": by},
        by=by,
        action="casework.consent.create",
    )
    _tell_managers_access_changed(
        woman=woman,
        worker=consent.agency,
        change="agreed" if consent.agreed else "refused",
        by=by,
    )
    return consent


@transaction.atomic
def alert_add(*, woman, kind, detail, other_woman=None, by):
    if kind == Alert.Kind.NOT_WITH:
        if other_woman is None:
            raise ValidationError({"other_woman": _("Choose the other woman.")})
        if other_woman.pk == woman.pk or other_woman.centre_id != woman.centre_id:
            raise ValidationError({"other_woman": _("Choose another woman at this centre.")})
    else:
        other_woman = None
    alert = Alert(
        centre=woman.centre,
        woman=woman,
        kind=kind,
        detail=detail,
        other_woman=other_woman,
        created_by=by,
    )
    alert.full_clean()
    alert.save()
    audit_log(actor=by, action="casework.alert.create", obj=woman, woman_id=woman.pk)
    return alert


@transaction.atomic
def alert_end(*, alert, by):
    """Safe to call twice."""
    Alert.objects.filter(pk=alert.pk, is_active=True).update(
        is_active=False, ended_at=timezone.now()
    )
    audit_log(actor=by, action="casework.alert.end", obj=alert.woman, woman_id=alert.woman.pk)


@transaction.atomic
def move_on_save(*, woman, data, by):
    from .models import MoveOnPlan

    plan, _created = MoveOnPlan.objects.get_or_create(
        woman=woman, defaults={"plan": data.get("plan", "")}
    )
    for name, value in data.items():
        setattr(plan, name, value)
    plan.updated_at = timezone.now()
    plan.full_clean()
    plan.save()
    audit_log(actor=by, action="casework.move_on.edit", obj=woman, woman_id=woman.pk)
    return plan


@transaction.atomic
def referral_out_status_set(*, referral_out, status, by):
    if status not in ReferralOut.Status.values:
        raise ValidationError({"status": _("Choose a status.")})
    ReferralOut.objects.filter(pk=referral_out.pk).update(
        status=status, status_changed_on=timezone.localdate()
    )
    audit_log(
        actor=by,
        action="casework.referral_out.edit",
        obj=referral_out.woman,
        woman_id=referral_out.woman.pk,
    )


# --- Referrals in --------------------------------------------------------------------------


@transaction.atomic
def referral_create(*, centre, data, by):
    referral = Referral(centre=centre, created_by=by, **data)
    if referral.referred_on and referral.referred_on > timezone.localdate():
        raise ValidationError({"referred_on": _("A referral cannot be dated in the future.")})
    referral.full_clean()
    referral.save()
    audit_log(actor=by, action="casework.referral.create", obj=referral)
    return referral


@transaction.atomic
def referral_decide(*, referral, decision, reason, by, key_worker=None):
    """Accept (opening her record) or decline, always with a reason. Safe to call twice:
    a decided referral is not decided again."""
    referral = Referral.objects.select_for_update().get(pk=referral.pk)
    if referral.decision != Referral.Decision.PENDING:
        raise ValidationError(_("This referral has already been decided."))
    if decision not in (Referral.Decision.ACCEPTED, Referral.Decision.DECLINED):
        raise ValidationError({"decision": _("Choose accept or not accept.")})
    if not reason.strip():
        raise ValidationError({"reason": _("Give the reason for the decision.")})
    referral.decision = decision
    referral.decision_reason = reason
    referral.decided_by = by
    referral.decided_at = timezone.now()
    if decision == Referral.Decision.ACCEPTED:
        referral.woman = woman_create(
            centre=referral.centre,
            by=by,
            reason=_("Referral accepted"),
            first_name=referral.first_name,
            last_name=referral.last_name,
            date_of_birth=referral.date_of_birth,
            mobile=referral.mobile,
        )
        if key_worker is not None:
            key_worker_allocate(
                woman=referral.woman,
                worker=key_worker,
                reason=_("New referral"),
                handover_note="",
                by=by,
            )
    referral.save(
        update_fields=["decision", "decision_reason", "decided_by", "decided_at", "woman"]
    )
    audit_log(actor=by, action="casework.referral.decide", obj=referral, woman_id=referral.woman_id)
    return referral


# --- Case review meetings ------------------------------------------------------------------


@transaction.atomic
def case_review_create(*, centre, data, women, by):
    meeting = CaseReviewMeeting(centre=centre, created_by=by, **data)
    meeting.full_clean()
    meeting.save()
    for woman in women:
        CaseReviewItem.objects.get_or_create(meeting=meeting, woman=woman)
    audit_log(actor=by, action="casework.case_review.create", obj=meeting, centre=centre)
    return meeting


@transaction.atomic
def case_review_item_save(*, item, notes, action_text="", action_who="", action_due=None, by):
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
