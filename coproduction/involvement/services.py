"""Every write in getting involved. Each service is atomic, validates before saving and says
what it promises in its first line."""

from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from activities.models import Facilitator, Session
from casework.models import Woman
from centre.audit import audit_log
from centre.documents.models import private_storage
from centre.messaging import EMAIL, SMS, absolute_url, message_queue
from centre.models import Centre, Membership, User
from centre.outbox import outbox_message_cancel
from centre.roles import MANAGER_ONLY, VOLUNTEERS
from centre.versioning import EditConflict, versioned_update
from coproduction.suggestions.models import Suggestion
from coproduction.suggestions.services import suggestion_create

from .messages import SHIFT_REMINDER, SHIFT_REMINDER_PURPOSE, WORRY_HANDED_OVER
from .models import (
    SHIFT_ROLE,
    ExitQuestionnaire,
    Expense,
    Helper,
    InvolvementStep,
    Opportunity,
    PeerConversation,
    Placement,
    PlacementChange,
    Shift,
    Step,
    Supervision,
    Training,
    Worry,
)

Status = Placement.Status
# Where she may go from each status. She can step down from anywhere and always come back.
MOVES: dict[str, set[str]] = {
    Status.INTERESTED: {Status.CHECKS, Status.TRAINING, Status.ACTIVE, Status.STEPPED_DOWN},
    Status.CHECKS: {Status.TRAINING, Status.ACTIVE, Status.STEPPED_DOWN},
    Status.TRAINING: {Status.CHECKS, Status.ACTIVE, Status.STEPPED_DOWN},
    Status.ACTIVE: {Status.BACK_SEAT, Status.STEPPED_DOWN, Status.TRAINING},
    Status.BACK_SEAT: {Status.ACTIVE, Status.STEPPED_DOWN},
    Status.STEPPED_DOWN: {Status.INTERESTED, Status.TRAINING, Status.ACTIVE},
}
REMINDER_LEAD = timedelta(hours=24)


def _not_future(field: str, day: date | None) -> None:
    if day is not None and day > timezone.localdate():
        raise ValidationError({field: _("The date cannot be in the future.")})


# --- Opportunities and people -----------------------------------------------------------------


@transaction.atomic
def opportunity_save(
    *, centre: Centre, data: dict[str, Any], opportunity: Opportunity | None = None
) -> Opportunity:
    """Create or change a role the centre offers."""
    opportunity = opportunity or Opportunity(centre=centre)
    for name, value in data.items():
        setattr(opportunity, name, value)
    opportunity.full_clean()
    opportunity.save()
    return opportunity


def _helper_for_woman(woman: Woman) -> Helper:
    helper, _created = Helper.objects.get_or_create(centre=woman.centre, woman=woman)
    return helper


@transaction.atomic
def interest_record(
    *,
    centre: Centre,
    opportunity: Opportunity,
    source: str,
    by: User | None,
    woman: Woman | None = None,
    name: str = "",
    contact: str = "",
    note: str = "",
) -> Placement:
    """Record that a woman (by her record) or someone by name would like to take this role.
    A woman who stepped down and asks again comes back; asking twice changes nothing."""
    if opportunity.centre_id != centre.pk or (woman is not None and woman.centre_id != centre.pk):
        raise ValidationError(_("That is not one of this centre's."))
    if woman is not None:
        helper = _helper_for_woman(woman)
    else:
        if not name.strip():
            raise ValidationError({"name": _("Give her name.")})
        helper = Helper(centre=centre, name=name.strip(), contact=contact.strip())
        helper.full_clean()
        helper.save()
    placement = Placement.objects.filter(helper=helper, opportunity=opportunity).first()
    if placement is not None:
        if placement.status == Status.STEPPED_DOWN:
            return placement_move(
                placement=placement, to_status=Status.INTERESTED, by=by, note=note
            )
        return placement
    placement = Placement(
        centre=centre,
        helper=helper,
        opportunity=opportunity,
        source=source,
        note=note.strip(),
        status_since=timezone.localdate(),
        created_by=by,
    )
    placement.full_clean()
    placement.save()
    PlacementChange.objects.create(
        placement=placement,
        to_status=Status.INTERESTED,
        changed_on=placement.status_since,
        changed_by=by,
    )
    if woman is not None:
        step_record(
            woman=woman,
            step=Step.HELPING,
            taken_on=placement.status_since,
            by=by,
            note=str(opportunity),
            once=True,
        )
    audit_log(actor=by, action="involvement.interest.record", centre=centre, obj=placement)
    return placement


@transaction.atomic
def placement_move(
    *,
    placement: Placement,
    to_status: str,
    by: User | None,
    note: str = "",
    disclosure_check_on: date | None = None,
    on: date | None = None,
) -> Placement:
    """Move her along the pathway. Taking a back seat asks no reason (none is kept); leaving
    the active role ends what the role opened, in the same transaction."""
    placement = (
        Placement.objects.select_for_update(of=("self",))
        .select_related("opportunity", "helper")
        .get(pk=placement.pk)
    )
    if to_status not in MOVES[placement.status]:
        raise ValidationError(
            {
                "to_status": _("She cannot move from “%(from)s” to “%(to)s”.")
                % {"from": placement.get_status_display(), "to": Status(to_status).label}
            }
        )
    on = on or timezone.localdate()
    if disclosure_check_on is not None:
        _not_future("disclosure_check_on", disclosure_check_on)
        placement.disclosure_check_on = disclosure_check_on
    if (
        to_status == Status.ACTIVE
        and placement.opportunity.needs_disclosure_check
        and not placement.disclosure_check_on
    ):
        raise ValidationError(
            {
                "disclosure_check_on": _(
                    "This role needs a disclosure check: give the date it was done."
                )
            }
        )
    note = "" if to_status == Status.BACK_SEAT else note.strip()
    was_active = placement.status == Status.ACTIVE
    PlacementChange.objects.create(
        placement=placement,
        from_status=placement.status,
        to_status=to_status,
        changed_on=on,
        changed_by=by,
        note=note,
    )
    placement.status, placement.status_since = to_status, on
    placement.save(update_fields=["status", "status_since", "disclosure_check_on"])
    if was_active and to_status != Status.ACTIVE:
        _end_role_access(placement)
    woman = placement.helper.woman
    if to_status == Status.ACTIVE and woman is not None:
        step_record(
            woman=woman,
            step=placement.opportunity.step,
            taken_on=on,
            by=by,
            note=str(placement.opportunity),
            once=True,
        )
    audit_log(actor=by, action="involvement.placement.move", centre=placement.centre, obj=placement)
    return placement


def _end_role_access(placement: Placement) -> None:
    """What the role opened closes now: register access her shifts gave her, and her future
    shifts in that role go back on the rota for cover (their reminders withdrawn)."""
    role = placement.opportunity.role
    kinds = [kind for kind, shift_role in SHIFT_ROLE.items() if shift_role == role]
    if not kinds:
        return
    helper = placement.helper
    if Placement.objects.filter(
        helper=helper, opportunity__role=role, status=Status.ACTIVE
    ).exists():
        return  # she still holds the role through another opportunity
    shifts = Shift.objects.filter(helper=helper, kind__in=kinds)
    Facilitator.objects.filter(
        pk__in=shifts.values("facilitator_id"), ended_on__isnull=True
    ).update(ended_on=timezone.localdate())
    future = list(shifts.filter(starts_at__gt=timezone.now(), status=Shift.Status.ON))
    for shift in future:
        _withdraw_reminder(shift)
    Shift.objects.filter(pk__in=[s.pk for s in future]).update(
        helper=None, facilitator=None, swap_asked_at=timezone.now()
    )


@transaction.atomic
def helper_link_account(*, helper: Helper, user: User | None, by: User) -> Helper:
    """Link (or unlink) the volunteer account she signs in with."""
    if user is not None:
        is_volunteer = Membership.objects.filter(
            user=user, centre_id=helper.centre_id, role__in=VOLUNTEERS, is_active=True
        ).exists()
        if not is_volunteer:
            raise ValidationError({"user": _("Choose a volunteer account of this centre.")})
        if (
            Helper.objects.filter(centre_id=helper.centre_id, user=user)
            .exclude(pk=helper.pk)
            .exists()
        ):
            raise ValidationError({"user": _("That account already belongs to someone else here.")})
    helper.user = user
    helper.save(update_fields=["user"])
    audit_log(actor=by, action="involvement.helper.account", centre=helper.centre, obj=helper)
    return helper


@transaction.atomic
def step_record(
    *, woman: Woman, step: str, taken_on: date, by: User | None, note: str = "", once: bool = False
) -> InvolvementStep:
    """Record a step she took on the continuum. With `once`, the same step on the same day is
    recorded once."""
    _not_future("taken_on", taken_on)
    if once:
        existing = InvolvementStep.objects.filter(woman=woman, step=step, taken_on=taken_on).first()
        if existing is not None:
            return existing
    entry = InvolvementStep(
        centre=woman.centre,
        woman=woman,
        step=step,
        taken_on=taken_on,
        note=note.strip()[:500],
        recorded_by=by,
    )
    entry.full_clean()
    entry.save()
    return entry


# --- Training, supervision, worries and the peer log ------------------------------------------


@transaction.atomic
def training_record(
    *,
    helper: Helper,
    by: User,
    course: str,
    completed_on: date,
    accredited: bool,
    certificate: UploadedFile | None = None,
) -> Training:
    """Record a course she completed (with its certificate, if she has one)."""
    _not_future("completed_on", completed_on)
    training = Training(
        centre_id=helper.centre_id,
        helper=helper,
        course=course.strip(),
        completed_on=completed_on,
        accredited=accredited,
        recorded_by=by,
    )
    if certificate:
        training.certificate = certificate
    training.full_clean()
    training.save()
    return training


@transaction.atomic
def supervision_record(
    *, helper: Helper, supervisor: User, held_on: date, notes: str = "", next_on: date | None = None
) -> Supervision:
    """Record a one-to-one."""
    if next_on is not None and next_on < held_on:
        raise ValidationError({"next_on": _("The next one-to-one comes after this one.")})
    supervision = Supervision(
        centre_id=helper.centre_id,
        helper=helper,
        supervisor=supervisor,
        held_on=held_on,
        notes=notes.strip(),
        next_on=next_on,
    )
    supervision.full_clean()
    supervision.save()
    return supervision


def _staff_to_tell(centre_id: int) -> list[User]:
    return [
        m.user
        for m in Membership.objects.filter(
            centre_id=centre_id, role__in=MANAGER_ONLY, is_active=True
        ).select_related("user")
        if m.user.email
    ]


@transaction.atomic
def worry_hand_over(*, helper: Helper, text: str) -> Worry:
    """Hand a worry to staff in one step: it waits on the staff home page and the managers get
    one email each (queued once)."""
    worry = Worry(centre_id=helper.centre_id, helper=helper, text=text.strip())
    worry.full_clean()
    worry.save()
    link = absolute_url(reverse("involvement:worries"))
    for person in _staff_to_tell(helper.centre_id):
        message_queue(
            kind=WORRY_HANDED_OVER.name,
            channel=EMAIL,
            recipient=person.email,
            context={
                "name": person.first_name or person.username,
                "helper": helper.display_name,
                "link": link,
            },
            reference=f"worry:{worry.pk}",
            centre=helper.centre,
        )
    audit_log(
        actor=helper.user, action="involvement.worry.hand_over", centre=helper.centre, obj=worry
    )
    return worry


@transaction.atomic
def worry_take(*, worry: Worry, by: User) -> bool:
    """A member of staff takes the worry on. Safe to call twice: the first one takes it."""
    taken = Worry.objects.filter(pk=worry.pk, taken_at__isnull=True).update(
        taken_by=by, taken_at=timezone.now()
    )
    return bool(taken)


THEME_ABOUT: dict[str, str] = {
    Suggestion.Theme.BUILDING: Suggestion.About.CENTRE,
    Suggestion.Theme.ACTIVITIES: Suggestion.About.ACTIVITIES,
    Suggestion.Theme.FOOD: Suggestion.About.FOOD,
    Suggestion.Theme.STAFF: Suggestion.About.STAFF,
    Suggestion.Theme.MEETINGS: Suggestion.About.MEETINGS,
}


@transaction.atomic
def peer_conversation_log(
    *,
    helper: Helper,
    held_on: date,
    theme: str,
    outcome: str,
    follow_up: str = "",
    worry: str = "",
    idea: str = "",
) -> PeerConversation:
    """Log a peer conversation (no case details). A worry goes to staff in the same step; an
    idea goes into the suggestion box under the conversation's theme."""
    _not_future("held_on", held_on)
    entry = PeerConversation(
        centre_id=helper.centre_id,
        helper=helper,
        held_on=held_on,
        theme=theme,
        outcome=outcome.strip(),
        follow_up=follow_up.strip(),
        escalated=bool(worry.strip()),
    )
    entry.full_clean()
    if worry.strip():
        entry.worry = worry_hand_over(helper=helper, text=worry)
    if idea.strip():
        entry.suggestion = suggestion_create(
            centre=helper.centre,
            source=Suggestion.Source.PEER_REP,
            about=THEME_ABOUT.get(theme, Suggestion.About.OTHER),
            text=idea,
            by=helper.user,
            received_on=held_on,
        )
    entry.save()
    return entry


# --- Rotas ------------------------------------------------------------------------------------


def _holds_role(helper: Helper, role: str) -> bool:
    return Placement.objects.filter(
        helper=helper, opportunity__role=role, status=Status.ACTIVE
    ).exists()


def _register_access(shift: Shift) -> Facilitator | None:
    """A co-facilitation shift on a session lets her take that activity's register (activities'
    own volunteer rule), for as long as she holds the role."""
    if (
        shift.kind != Shift.Kind.CO_FACILITATION
        or shift.session is None
        or shift.helper is None
        or shift.helper.user_id is None
    ):
        return None
    activity_id = shift.session.activity_id
    facilitator = Facilitator.objects.filter(
        activity_id=activity_id,
        user_id=shift.helper.user_id,
        kind=Facilitator.Kind.VOLUNTEER,
        ended_on__isnull=True,
    ).first()
    if facilitator is None:
        facilitator = Facilitator(
            activity_id=activity_id, user_id=shift.helper.user_id, kind=Facilitator.Kind.VOLUNTEER
        )
        facilitator.full_clean()
        facilitator.save()
    return facilitator


def _check_helper(shift: Shift, helper: Helper | None) -> None:
    if helper is None:
        return
    if helper.centre_id != shift.centre_id or not _holds_role(helper, shift.role):
        raise ValidationError(
            {"helper": _("She needs to be active in this role to go on its rota.")}
        )


@transaction.atomic
def shift_create(
    *,
    centre: Centre,
    kind: str,
    starts_at: datetime,
    ends_at: datetime,
    place: str = "",
    session: Session | None = None,
    helper: Helper | None = None,
) -> Shift:
    """Put a slot on a rota, with or without someone in it."""
    if session is not None and session.centre_id != centre.pk:
        raise ValidationError({"session": _("Choose one of this centre's sessions.")})
    shift = Shift(
        centre=centre,
        kind=kind,
        starts_at=starts_at,
        ends_at=ends_at,
        place=place.strip(),
        session=session,
        helper=helper,
    )
    if ends_at <= starts_at:
        raise ValidationError({"ends_at": _("The shift must end after it starts.")})
    shift.full_clean()
    _check_helper(shift, helper)
    shift.save()
    if helper is not None:
        shift.facilitator = _register_access(shift)
        shift.save(update_fields=["facilitator"])
    return shift


def _reminder_reference(shift: Shift, helper_id: int | None) -> str:
    return f"shift:{shift.pk}:{helper_id}:{shift.starts_at:%Y%m%dT%H%M%z}"


def _withdraw_reminder(shift: Shift) -> None:
    outbox_message_cancel(
        purpose=SHIFT_REMINDER_PURPOSE, reference=_reminder_reference(shift, shift.helper_id)
    )


@transaction.atomic
def shift_assign(*, shift: Shift, helper: Helper | None, by: User) -> Shift:
    """Staff put someone on a shift (or take her off); her reminder follows her."""
    shift = Shift.objects.select_for_update().get(pk=shift.pk)
    _check_helper(shift, helper)
    _withdraw_reminder(shift)
    shift.helper, shift.swap_asked_at = helper, None
    shift.facilitator = _register_access(shift)
    shift.save(update_fields=["helper", "swap_asked_at", "facilitator"])
    audit_log(actor=by, action="involvement.shift.assign", centre=shift.centre, obj=shift)
    return shift


@transaction.atomic
def shift_swap_ask(*, shift: Shift, helper: Helper) -> Shift:
    """She can't make it: the shift shows as needing cover to others in her role. She stays on
    it (and keeps her reminder) until someone takes it."""
    updated = Shift.objects.filter(
        pk=shift.pk, helper=helper, status=Shift.Status.ON, starts_at__gt=timezone.now()
    ).update(swap_asked_at=timezone.now())
    if not updated:
        raise ValidationError(_("This shift cannot be swapped now."))
    return Shift.objects.get(pk=shift.pk)


@transaction.atomic
def shift_take(*, shift: Shift, helper: Helper) -> Shift:
    """Take a shift someone asked to swap. Two people taking it at once: the first one gets it."""
    shift = Shift.objects.select_for_update().get(pk=shift.pk)
    if (
        shift.swap_asked_at is None
        or shift.status != Shift.Status.ON
        or shift.starts_at <= timezone.now()
        or shift.helper_id == helper.pk
    ):
        raise ValidationError(_("Someone has already taken this shift."))
    _check_helper(shift, helper)
    _withdraw_reminder(shift)
    shift.helper, shift.swap_asked_at = helper, None
    shift.facilitator = _register_access(shift)
    shift.save(update_fields=["helper", "swap_asked_at", "facilitator"])
    audit_log(actor=helper.user, action="involvement.shift.take", centre=shift.centre, obj=shift)
    return shift


@transaction.atomic
def shift_cancel(*, shift: Shift, by: User) -> Shift:
    """Cancel a shift; its reminder is withdrawn."""
    shift = Shift.objects.select_for_update().get(pk=shift.pk)
    _withdraw_reminder(shift)
    shift.status = Shift.Status.CANCELLED
    shift.save(update_fields=["status"])
    return shift


def shift_reminders_queue(*, now: datetime | None = None) -> int:
    """Queue the day-before reminder for each shift starting in the next day. Safe to run
    twice, or twice at once: the outbox key (reference names the shift, the person and the
    start) gives one row, and the outbox sends each row once."""
    now = now or timezone.now()
    due = Shift.objects.filter(
        status=Shift.Status.ON,
        starts_at__gt=now,
        starts_at__lte=now + REMINDER_LEAD,
        helper__isnull=False,
    ).values_list("pk", flat=True)
    return sum(_queue_reminder(pk) for pk in due)


@transaction.atomic
def _queue_reminder(shift_id: int) -> int:
    # Locked and re-read: a swap or cancellation committed first is always seen.
    shift = (
        Shift.objects.select_for_update(of=("self",))
        .select_related("helper__user", "helper__woman")
        .get(pk=shift_id)
    )
    helper = shift.helper
    if shift.status != Shift.Status.ON or helper is None:
        return 0
    channel, recipient = _reminder_channel(helper)
    if not recipient:
        return 0
    woman = helper.woman
    first_name = woman.known_as if woman is not None else helper.name.split(" ")[0]
    _message, created = message_queue(
        kind=SHIFT_REMINDER.name,
        channel=channel,
        recipient=recipient,
        context={
            "first_name": first_name,
            "starts_at": timezone.localtime(shift.starts_at),
            "link": absolute_url(reverse("involvement:mine")),
        },
        reference=_reminder_reference(shift, helper.pk),
        centre=shift.centre,
        send_at=shift.starts_at - REMINDER_LEAD,
    )
    return int(created)


def _reminder_channel(helper: Helper) -> tuple[str, str]:
    """Her volunteer account's email; else a text, only if she opted in and said it is safe."""
    if helper.user is not None and helper.user.email:
        return EMAIL, helper.user.email
    woman = helper.woman
    if (
        woman is not None
        and woman.anonymised_at is None
        and woman.reminders_opt_in
        and woman.safe_to_text
        and woman.mobile
    ):
        return SMS, woman.mobile
    return EMAIL, ""


# --- Expenses ---------------------------------------------------------------------------------


def _store_receipt(upload: UploadedFile) -> str:
    return private_storage().save(f"involvement/receipts/{upload.name}", upload)


@transaction.atomic
def expense_claim(
    *,
    helper: Helper,
    by: User,
    kind: str,
    spent_on: date,
    amount: Decimal,
    description: str,
    receipt: UploadedFile | None = None,
) -> Expense:
    """Claim a cost of helping; it waits for the manager's approval."""
    _not_future("spent_on", spent_on)
    expense = Expense(
        centre_id=helper.centre_id,
        helper=helper,
        kind=kind,
        spent_on=spent_on,
        amount=amount,
        description=description.strip(),
        claimed_by=by,
    )
    if receipt:
        expense.receipt = receipt
    expense.full_clean()
    expense.save()
    audit_log(actor=by, action="involvement.expense.claim", centre=helper.centre, obj=expense)
    return expense


EXPENSE_FIELDS = ["kind", "spent_on", "amount", "description"]


@transaction.atomic
def expense_update(
    *, expense: Expense, expected_version: int, data: dict[str, Any], by: User
) -> Expense:
    """Change a claim while it waits for approval. Two people saving at once: the second is
    told, and nothing is overwritten."""
    if expense.status != Expense.Status.CLAIMED:
        raise ValidationError(_("This claim has been decided and can no longer be changed."))
    values = {name: data[name] for name in EXPENSE_FIELDS if name in data}
    _not_future("spent_on", values.get("spent_on"))
    candidate = Expense(
        **{**{f: getattr(expense, f) for f in EXPENSE_FIELDS}, **values},
        centre_id=expense.centre_id,
    )
    candidate.full_clean(exclude=["centre", "receipt", "helper", "status"])
    if data.get("receipt"):
        values["receipt"] = _store_receipt(data["receipt"])
    updated = versioned_update(
        Expense, pk=expense.pk, expected_version=expected_version, values=values
    )
    audit_log(actor=by, action="involvement.expense.change", centre=expense.centre, obj=updated)
    return updated


def _decide(
    expense: Expense, expected_version: int, from_status: str, values: dict[str, Any]
) -> Expense:
    current = Expense.objects.get(pk=expense.pk)
    if expected_version is not None and current.version != expected_version:
        raise EditConflict(current)  # someone decided or changed it since she opened the list
    if current.status != from_status:
        raise ValidationError(_("This claim has already been dealt with."))
    return versioned_update(
        Expense, pk=expense.pk, expected_version=expected_version, values=values
    )


@transaction.atomic
def expense_approve(*, expense: Expense, by: User, expected_version: int) -> Expense:
    """The manager approves a claim (once: a second approval is refused)."""
    done = _decide(
        expense,
        expected_version,
        Expense.Status.CLAIMED,
        {"status": Expense.Status.APPROVED, "decided_by": by, "decided_at": timezone.now()},
    )
    audit_log(actor=by, action="involvement.expense.approve", centre=expense.centre, obj=done)
    return done


@transaction.atomic
def expense_reject(*, expense: Expense, by: User, expected_version: int, reason: str) -> Expense:
    """The manager does not approve a claim, and says why."""
    if not reason.strip():
        raise ValidationError({"reason": _("Say why, so she knows.")})
    done = _decide(
        expense,
        expected_version,
        Expense.Status.CLAIMED,
        {
            "status": Expense.Status.REJECTED,
            "decided_by": by,
            "decided_at": timezone.now(),
            "decision_note": reason.strip()[:300],
        },
    )
    audit_log(actor=by, action="involvement.expense.reject", centre=expense.centre, obj=done)
    return done


@transaction.atomic
def expense_mark_paid(
    *, expense: Expense, by: User, expected_version: int, paid_on: date | None = None
) -> Expense:
    """Mark an approved claim paid (once)."""
    paid_on = paid_on or timezone.localdate()
    _not_future("paid_on", paid_on)
    done = _decide(
        expense,
        expected_version,
        Expense.Status.APPROVED,
        {"status": Expense.Status.PAID, "paid_on": paid_on, "paid_by": by},
    )
    audit_log(actor=by, action="involvement.expense.pay", centre=expense.centre, obj=done)
    return done


# --- Exit questionnaire -----------------------------------------------------------------------


@transaction.atomic
def exit_questionnaire_record(
    *,
    centre: Centre,
    source: str,
    felt_supported: int,
    would_recommend: str,
    most_helped: str = "",
    could_be_better: str = "",
    about: str = "",
    woman: Woman | None = None,
    first_name: str = "",
    completed_on: date | None = None,
    by: User | None = None,
) -> ExitQuestionnaire:
    """Keep her answers; what could be better goes into the suggestion box (named only if she
    chose to be), and a named questionnaire is a step on her continuum."""
    if woman is not None and woman.centre_id != centre.pk:
        raise ValidationError({"woman": _("Choose one of this centre's women.")})
    answers = ExitQuestionnaire(
        centre=centre,
        source=source,
        woman=woman,
        first_name=first_name.strip(),
        completed_on=completed_on or timezone.localdate(),
        felt_supported=felt_supported,
        would_recommend=would_recommend,
        most_helped=most_helped.strip(),
        could_be_better=could_be_better.strip(),
        about=about if could_be_better.strip() else "",
        entered_by=by,
    )
    _not_future("completed_on", answers.completed_on)
    answers.full_clean()
    if answers.could_be_better:
        answers.suggestion = suggestion_create(
            centre=centre,
            source=Suggestion.Source.TABLET
            if source == ExitQuestionnaire.Source.TABLET
            else Suggestion.Source.PAPER,
            about=answers.about or Suggestion.About.OTHER,
            text=answers.could_be_better,
            first_name=answers.first_name or (woman.known_as if woman is not None else ""),
            by=by,
            received_on=answers.completed_on,
        )
    answers.save()
    if woman is not None:
        step_record(
            woman=woman,
            step=Step.EXIT_QUESTIONNAIRE,
            taken_on=answers.completed_on,
            by=by,
            once=True,
        )
    return answers
