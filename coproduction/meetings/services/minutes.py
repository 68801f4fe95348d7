"""Attendance, minutes and decisions."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from casework.models import Woman
from centre.models import Membership, User
from centre.versioning import versioned_update
from coproduction.suggestions import access as suggestion_access
from coproduction.suggestions import services as suggestion_services
from coproduction.suggestions.models import Suggestion

from ..models import (
    AgendaItem,
    Attendance,
    Decision,
    InterestDeclaration,
    Meeting,
    Minutes,
    Naming,
)


@transaction.atomic
def attendance_record(
    *,
    meeting: Meeting,
    came: list,
    apologies: list,
    guests: list[str],
    other_women: int,
) -> Meeting:
    """Replace the meeting's attendance. `came` and `apologies` hold users and women; someone
    in both is an error. Safe to call again with corrections."""
    if set(map(_key, came)) & set(map(_key, apologies)):
        raise ValidationError(_("Someone cannot both come and send apologies."))
    if meeting.is_cancelled:
        raise ValidationError(_("This meeting was cancelled: nobody came."))
    meeting.attendance.all().delete()
    naming = naming_choices(meeting)
    rows = [_attendance(meeting, p, Attendance.Status.PRESENT, naming) for p in came]
    rows += [_attendance(meeting, p, Attendance.Status.APOLOGIES, naming) for p in apologies]
    rows += [
        Attendance(meeting=meeting, guest=name.strip()[:120], status=Attendance.Status.PRESENT)
        for name in guests
        if name.strip()
    ]
    Attendance.objects.bulk_create(rows)
    Meeting.objects.filter(pk=meeting.pk).update(other_women=other_women)
    meeting.other_women = other_women
    return meeting


def _key(person: User | Woman) -> tuple[str, int]:
    return (type(person).__name__, person.pk)


def naming_choices(meeting: Meeting) -> dict[int, str]:
    """How each woman of the group wants to be named (her latest membership says)."""
    rows = meeting.group.members.filter(woman__isnull=False).order_by("joined_on", "pk")
    return dict(rows.values_list("woman_id", "naming"))


def _attendance(
    meeting: Meeting, person: User | Woman, status: str, naming: dict[int, str]
) -> Attendance:
    if isinstance(person, Woman):
        chosen = naming.get(person.pk, Naming.ANONYMOUS)
        return Attendance(meeting=meeting, woman=person, status=status, naming=chosen)
    return Attendance(meeting=meeting, user=person, status=status)


@transaction.atomic
def minutes_save(
    *, meeting: Meeting, by: User, expected_version: int | None, text: str, plain_summary: str
) -> Minutes:
    """Save the draft (`expected_version` 0 for the first). Someone else's save since she opened
    it is an EditConflict (nothing overwritten); approved or published minutes no longer change."""
    Meeting.objects.select_for_update().get(pk=meeting.pk)  # two first drafts: one waits
    minutes = Minutes.objects.filter(meeting=meeting).first()
    candidate = Minutes(meeting=meeting, text=text, plain_summary=plain_summary, drafted_by=by)
    candidate.full_clean(exclude=["meeting", "drafted_by"], validate_unique=False)
    if minutes is None and not expected_version:
        candidate.save()
        return candidate
    if minutes is not None and minutes.status != Minutes.Status.DRAFT:
        raise ValidationError(_("These minutes are approved: they can no longer be changed."))
    if minutes is None:
        raise ValidationError(_("These minutes were removed. Start them again."))
    return versioned_update(
        Minutes,
        pk=minutes.pk,
        expected_version=expected_version,
        values={"text": text, "plain_summary": plain_summary, "drafted_by": by},
    )


@transaction.atomic
def minutes_approve(*, minutes: Minutes, by: User, expected_version: int | None) -> Minutes:
    """The chair approves the draft she read (its version)."""
    if minutes.status != Minutes.Status.DRAFT:
        raise ValidationError(_("These minutes are already approved."))
    if not minutes.text.strip() or not minutes.plain_summary.strip():
        raise ValidationError(_("Write the minutes and the plain-words version first."))
    return versioned_update(
        Minutes,
        pk=minutes.pk,
        expected_version=expected_version,
        values={
            "status": Minutes.Status.APPROVED,
            "approved_by": by,
            "approved_at": timezone.now(),
        },
    )


@transaction.atomic
def minutes_publish(*, minutes: Minutes, by: User, expected_version: int | None) -> Minutes:
    """Publish approved minutes; each decision then gives its suggestion its status and answer."""
    if minutes.status != Minutes.Status.APPROVED:
        raise ValidationError(_("Only minutes the chair has approved can be published."))
    published = versioned_update(
        Minutes,
        pk=minutes.pk,
        expected_version=expected_version,
        values={"status": Minutes.Status.PUBLISHED, "published_at": timezone.now()},
    )
    for decision in minutes.meeting.decisions.filter(applied_at__isnull=True):
        _apply(decision, by)
    return published


def _apply(decision: Decision, by: User) -> None:
    suggestion = Suggestion.objects.select_for_update().get(pk=decision.suggestion_id)
    not_possible = decision.outcome == Decision.Outcome.NOT_POSSIBLE
    suggestion_services.suggestion_triage(
        suggestion=suggestion,
        by=by,
        expected_version=suggestion.version,
        theme=suggestion.theme or Suggestion.Theme.OTHER,
        owner=suggestion.owner or by,
        status=decision.outcome,
        reason=decision.answer if not_possible else suggestion.reason,
    )
    membership = Membership.objects.filter(
        user=by, centre_id=suggestion.centre_id, is_active=True
    ).first()
    outcome = suggestion.status in Suggestion.OUTCOME_STATUSES
    if outcome and suggestion_access.may_write_wording(membership, suggestion):
        # The answer becomes the draft "we did" wording; a manager approves it for the board.
        suggestion_services.suggestion_wording_write(
            suggestion=suggestion,
            by=by,
            membership=membership,
            expected_version=suggestion.version,
            you_said=suggestion.you_said or suggestion.text[:500],
            we_did=decision.answer,
        )
    Decision.objects.filter(pk=decision.pk).update(applied_at=timezone.now())


@transaction.atomic
def decision_record(
    *, meeting: Meeting, suggestion: Suggestion, outcome: str, answer: str
) -> Decision:
    """What the meeting decided about a suggestion on its agenda (changeable until the minutes
    are published)."""
    if not meeting.agenda_items.filter(suggestion=suggestion).exists():
        raise ValidationError(_("That suggestion is not on this meeting's agenda."))
    minutes = Minutes.objects.filter(meeting=meeting).first()
    if minutes is not None and minutes.status == Minutes.Status.PUBLISHED:
        raise ValidationError(_("The minutes are published: decisions can no longer change."))
    decision = Decision(meeting=meeting, suggestion=suggestion, outcome=outcome, answer=answer)
    decision.full_clean(exclude=["meeting", "suggestion"], validate_unique=False)
    decision, _created = Decision.objects.update_or_create(
        meeting=meeting, suggestion=suggestion, defaults={"outcome": outcome, "answer": answer}
    )
    return decision


@transaction.atomic
def interest_declare(
    *,
    meeting: Meeting,
    attendance: Attendance,
    agenda_item: AgendaItem,
    interest: str,
    left_room: bool,
    by: User,
) -> InterestDeclaration:
    """Someone who came declares an interest on one item of this meeting's agenda (and whether
    she left the room for it). It stays in the minutes even if attendance is corrected later."""
    if attendance.meeting_id != meeting.pk or attendance.status != Attendance.Status.PRESENT:
        raise ValidationError({"who": _("Choose someone who came to this meeting.")})
    if agenda_item.meeting_id != meeting.pk:
        raise ValidationError({"agenda_item": _("Choose an item on this meeting's agenda.")})
    minutes = Minutes.objects.filter(meeting=meeting).first()
    if minutes is not None and minutes.status != Minutes.Status.DRAFT:
        raise ValidationError(_("The minutes are approved: declarations can no longer change."))
    declaration = InterestDeclaration(
        meeting=meeting,
        agenda_item=agenda_item,
        user_id=attendance.user_id,
        woman_id=attendance.woman_id,
        guest=attendance.guest,
        naming=attendance.naming,
        interest=interest.strip(),
        left_room=left_room,
        recorded_by=by,
    )
    declaration.full_clean(exclude=["recorded_by", "user", "woman"])
    declaration.save()
    return declaration
