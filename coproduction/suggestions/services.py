"""Writes for suggestions: receiving, safeguarding, triage, wording, ideas that become
activities, overdue alerts and the "you said, we did" poster."""

import logging
import re
import secrets
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from activities import services as activity_services
from activities.models import Activity
from centre import deadlines
from centre.audit import audit_log
from centre.documents.models import Document
from centre.documents.services import document_render, document_request, document_unsaved
from centre.messaging import absolute_url, message_queue
from centre.models import Centre, Membership, OutboxMessage, User

from . import access
from .messages import SUGGESTION_OVERDUE, SUGGESTION_SAFEGUARDING
from .models import OverdueAlert, Suggestion, SuggestionChange
from .selectors import POSTER

logger = logging.getLogger(__name__)

CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: easy to read back

# Words that may mean someone is being hurt or is at risk. A match holds the suggestion for the
# duty manager; staff still screen everything else by eye (a named person cannot be caught here).
_POSSIBLE_DISCLOSURE = re.compile(
    r"\b(hurt\w*|hit(s|ting)?|beat(s|en|ing)?|abus\w*|assault\w*|rap(e|ed|ing)|attack\w*|"
    r"threat\w*|violen\w*|stalk\w*|scared|afraid|frightened|unsafe|not safe|kill\w*|suicid\w*|"
    r"self[- ]?harm\w*|cut(ting)? myself|overdose\w*|end it all|want to die|forced|touched me|"
    r"groom\w*|bruis\w*|punch\w*|kick(s|ed|ing)?|strangl\w*|choke\w*|controlling|coercive)\b",
    re.IGNORECASE,
)


class SuggestionConflict(Exception):
    """Someone else saved the suggestion first. `current` is what they saved."""

    def __init__(self, current: Suggestion) -> None:
        super().__init__("The suggestion was changed by someone else.")
        self.current = current


def normalise_code(code: str | None) -> str:
    """Capitals and digits only: how receipt and set-up codes are compared."""
    return re.sub(r"[^A-Z0-9]", "", (code or "").upper())


# Suggestions -----------------------------------------------------------------------------------


def _receipt_code() -> str:
    letters = "".join(secrets.choice(CODE_ALPHABET) for _ in range(3))
    return f"{letters}-{secrets.randbelow(90) + 10}"


def normalise_receipt_code(code: str | None) -> str:
    raw = normalise_code(code)
    return f"{raw[:3]}-{raw[3:]}" if len(raw) == 5 else ""


def may_be_disclosure(*texts: str) -> bool:
    return any(_POSSIBLE_DISCLOSURE.search(text or "") for text in texts)


def _save_new(suggestion: Suggestion) -> Suggestion:
    for _attempt in range(20):
        suggestion.receipt_code = _receipt_code()
        try:
            with transaction.atomic():
                suggestion.save()
            return suggestion
        except IntegrityError:
            continue
    raise RuntimeError("Could not find a free receipt code")


def _note(suggestion: Suggestion, by: User | None, what: str) -> None:
    SuggestionChange.objects.create(suggestion=suggestion, by=by, what=what[:200])


def _anonymous_note(suggestion: Suggestion, what: str) -> None:
    """A change that came with an anonymous suggestion: the day only, never the time."""
    SuggestionChange.objects.create(
        suggestion=suggestion, by=None, on=suggestion.received_on, at=None, what=what[:200]
    )


def _creation_notes(suggestion: Suggestion, by: User | None) -> None:
    """Typed up by staff, the time is theirs and is kept; from the tablet it would be hers, so
    only the day is."""
    received = _("Received (%(source)s)") % {"source": suggestion.get_source_display()}
    held = _("Held for the duty manager: may be a disclosure")
    if by is None:
        _anonymous_note(suggestion, received)
        if suggestion.is_held:
            _anonymous_note(suggestion, held)
        return
    _note(suggestion, by, received)
    if suggestion.is_held:
        _note(suggestion, None, held)


@transaction.atomic
def suggestion_create(
    *,
    centre: Centre,
    source: str,
    about: str,
    text: str,
    fix_idea: str = "",
    first_name: str = "",
    by: User | None = None,
    received_on: date | None = None,
) -> Suggestion:
    """Record a suggestion and give it a receipt code. Anything that may be a disclosure is held
    for the duty manager at once, and she is told (without the content)."""
    suggestion = Suggestion(
        centre=centre,
        source=source,
        about=about,
        text=text.strip(),
        fix_idea=fix_idea.strip(),
        first_name=first_name.strip(),
        received_on=received_on or timezone.localdate(),
        theme=_theme_for(about),
        receipt_code="AAA-00",
    )
    suggestion.full_clean(exclude=["receipt_code"])
    if may_be_disclosure(suggestion.text, suggestion.fix_idea):
        suggestion.screening = Suggestion.Screening.HELD
    _save_new(suggestion)
    _creation_notes(suggestion, by)
    if suggestion.is_held:
        safeguarding_notify(suggestion=suggestion)
    if by is not None:
        audit_log(actor=by, action="coproduction.suggestion.create", obj=suggestion)
    return suggestion


def _theme_for(about: str) -> str:
    themes: dict[str, str] = {
        Suggestion.About.CENTRE: Suggestion.Theme.BUILDING,
        Suggestion.About.ACTIVITIES: Suggestion.Theme.ACTIVITIES,
        Suggestion.About.FOOD: Suggestion.Theme.FOOD,
        Suggestion.About.STAFF: Suggestion.Theme.STAFF,
        Suggestion.About.MEETINGS: Suggestion.Theme.MEETINGS,
    }
    return themes.get(about, "")


def _managers(centre: Centre) -> list[Membership]:
    return list(
        access.managers_of(centre)
        .exclude(user__email="")
        .select_related("user")
        .order_by("user_id")
    )


def safeguarding_notify(*, suggestion: Suggestion) -> None:
    """Tell the duty manager a suggestion is held. The message never carries what was written."""
    centre = suggestion.centre
    recipients = (
        [centre.duty_manager_email]
        if centre.duty_manager_email
        else [m.user.email for m in _managers(centre)]
    )
    link = absolute_url(reverse("suggestions:detail", kwargs={"code": suggestion.receipt_code}))
    for recipient in recipients:
        message_queue(
            kind=SUGGESTION_SAFEGUARDING.name,
            reference=f"suggestion:{suggestion.pk}",
            channel=OutboxMessage.Channel.EMAIL,
            recipient=recipient,
            centre=centre,
            context={"code": suggestion.receipt_code, "link": link},
        )


def _conditional_update(
    suggestion: Suggestion,
    expected_version: int,
    fields: dict[str, Any],
    by: User | None,
    note: str,
) -> Suggestion:
    """Write `fields` only if nobody saved since `expected_version`; else SuggestionConflict."""
    changed = Suggestion.objects.filter(pk=suggestion.pk, version=expected_version).update(
        **fields, version=F("version") + 1
    )
    if changed != 1:
        raise SuggestionConflict(Suggestion.objects.get(pk=suggestion.pk))
    for name, value in fields.items():
        setattr(suggestion, name, value)
    suggestion.version = expected_version + 1
    if note:
        _note(suggestion, by, note)
    return suggestion


@transaction.atomic
def suggestion_screen(
    *, suggestion: Suggestion, by: User, hold: bool, expected_version: int
) -> Suggestion:
    """The safeguarding screen every suggestion gets before triage. Holding it tells the duty
    manager; clearing a held one is for managers only (see suggestion_release)."""
    if suggestion.is_held:
        raise ValidationError(_("This suggestion is held for the duty manager."))
    screening = Suggestion.Screening.HELD if hold else Suggestion.Screening.CLEAR
    _conditional_update(
        suggestion,
        expected_version,
        {"screening": screening, "screened_by": by, "screened_at": timezone.now()},
        by,
        _("Held for the duty manager") if hold else _("Safeguarding check: no concerns"),
    )
    audit_log(actor=by, action="coproduction.suggestion.screen", obj=suggestion)
    if hold:
        safeguarding_notify(suggestion=suggestion)
    return suggestion


@transaction.atomic
def suggestion_release(*, suggestion: Suggestion, by: User, expected_version: int) -> Suggestion:
    """A manager has dealt with a held suggestion and lets it go on to triage."""
    if not suggestion.is_held:
        raise ValidationError(_("This suggestion is not held."))
    _conditional_update(
        suggestion,
        expected_version,
        {
            "screening": Suggestion.Screening.CLEAR,
            "screened_by": by,
            "screened_at": timezone.now(),
        },
        by,
        _("Released by a manager after the safeguarding look"),
    )
    audit_log(actor=by, action="coproduction.suggestion.release", obj=suggestion)
    return suggestion


@transaction.atomic
def suggestion_redact(
    *,
    suggestion: Suggestion,
    by: User,
    expected_version: int,
    text: str,
    fix_idea: str,
    first_name: str,
) -> Suggestion:
    """A manager removes personal details. The earlier words are not kept anywhere."""
    candidate = Suggestion(
        centre=suggestion.centre,
        source=suggestion.source,
        about=suggestion.about,
        text=text.strip(),
        fix_idea=fix_idea.strip(),
        first_name=first_name.strip(),
        receipt_code=suggestion.receipt_code,
    )
    candidate.full_clean(validate_unique=False, validate_constraints=False)
    _conditional_update(
        suggestion,
        expected_version,
        {
            "text": candidate.text,
            "fix_idea": candidate.fix_idea,
            "first_name": candidate.first_name,
            "redacted_at": timezone.now(),
        },
        by,
        _("Personal details removed by a manager"),
    )
    audit_log(actor=by, action="coproduction.suggestion.redact", obj=suggestion)
    return suggestion


def _triage_errors(
    suggestion: Suggestion,
    *,
    theme: str,
    owner: User | None,
    status: str,
    agreed_in_part: bool,
    reason: str,
    duplicate_of: Suggestion | None,
) -> dict[str, str]:
    errors = {}
    if suggestion.screening == Suggestion.Screening.TO_SCREEN:
        errors["__all__"] = _("Do the safeguarding check first.")
    if status != Suggestion.Status.RECEIVED and owner is None:
        errors["owner"] = _("Choose who owns this suggestion before moving it on.")
    if (
        owner is not None
        and not access.staff_memberships(suggestion.centre).filter(user=owner).exists()
    ):
        errors["owner"] = _("The owner must be a member of staff at this centre.")
    if agreed_in_part and status not in (Suggestion.Status.AGREED, Suggestion.Status.DONE):
        errors["agreed_in_part"] = _("Only an agreed or done suggestion can be “only partly”.")
    needs_reason = status == Suggestion.Status.NOT_POSSIBLE or agreed_in_part
    if needs_reason and not reason.strip():
        errors["reason"] = _("Say why: women expect to be told why when the answer is no.")
    if duplicate_of is not None and (
        duplicate_of.pk == suggestion.pk or duplicate_of.centre_id != suggestion.centre_id
    ):
        errors["duplicate_of"] = _("Choose another suggestion of this centre.")
    if not theme and status != Suggestion.Status.RECEIVED:
        errors["theme"] = _("Choose a theme.")
    return errors


@transaction.atomic
def suggestion_triage(
    *,
    suggestion: Suggestion,
    by: User,
    expected_version: int,
    theme: str,
    owner: User | None,
    status: str,
    agreed_in_part: bool = False,
    reason: str = "",
    duplicate_of: Suggestion | None = None,
) -> Suggestion:
    """Theme, owner, status and reason. A named owner before it leaves "received"; a reason
    whenever the answer is no or only partly. Raises ValidationError or SuggestionConflict."""
    errors = _triage_errors(
        suggestion,
        theme=theme,
        owner=owner,
        status=status,
        agreed_in_part=agreed_in_part,
        reason=reason,
        duplicate_of=duplicate_of,
    )
    if errors:
        raise ValidationError(errors)
    today = timezone.localdate()
    fields = {
        "theme": theme,
        "owner": owner,
        "status": status,
        "agreed_in_part": agreed_in_part,
        "reason": reason.strip(),
        "duplicate_of": duplicate_of,
        "first_response_on": suggestion.first_response_on,
        "answered_on": suggestion.answered_on,
        "outcome_on": suggestion.outcome_on,
    }
    if status != Suggestion.Status.RECEIVED and not fields["first_response_on"]:
        fields["first_response_on"] = today
    if status in Suggestion.ANSWERED_STATUSES and not fields["answered_on"]:
        fields["answered_on"] = today
    if status in Suggestion.OUTCOME_STATUSES:
        fields["outcome_on"] = fields["outcome_on"] or today
    else:
        fields["outcome_on"] = None
    if status in Suggestion.OPEN_STATUSES:
        fields["answered_on"] = None
    candidate = Suggestion(**{**_plain_fields(suggestion), **fields})
    candidate.full_clean(validate_unique=False, validate_constraints=False)
    note = _triage_note(suggestion, fields)
    _conditional_update(suggestion, expected_version, fields, by, note)
    audit_log(actor=by, action="coproduction.suggestion.triage", obj=suggestion)
    return suggestion


def _plain_fields(suggestion: Suggestion) -> dict[str, Any]:
    names = ["centre", "source", "about", "text", "fix_idea", "first_name", "receipt_code"]
    return {name: getattr(suggestion, name) for name in names}


def _triage_note(suggestion: Suggestion, fields: dict[str, Any]) -> str:
    parts = []
    if fields["status"] != suggestion.status:
        parts.append(
            _("Status: %(status)s") % {"status": Suggestion.Status(fields["status"]).label}
        )
    if fields["owner"] != suggestion.owner:
        parts.append(_("Owner: %(owner)s") % {"owner": fields["owner"] or _("nobody")})
    if fields["theme"] != suggestion.theme and fields["theme"]:
        parts.append(_("Theme: %(theme)s") % {"theme": Suggestion.Theme(fields["theme"]).label})
    if fields["duplicate_of"] != suggestion.duplicate_of and fields["duplicate_of"]:
        parts.append(_("Same as %(code)s") % {"code": fields["duplicate_of"].receipt_code})
    return "; ".join(str(p) for p in parts)


@transaction.atomic
def suggestion_wording_write(
    *,
    suggestion: Suggestion,
    by: User,
    membership: Membership | None,
    expected_version: int,
    you_said: str,
    we_did: str,
) -> Suggestion:
    """The owner (or a manager) writes the public "You said… We did…" wording. Changing approved
    wording sends it back for approval. `membership` is the writer's, in the suggestion's centre."""
    if not access.may_write_wording(membership, suggestion):
        raise PermissionError("Only the owner or a manager writes the wording.")
    if suggestion.status not in Suggestion.OUTCOME_STATUSES:
        raise ValidationError(_("Write the wording once the suggestion is done or not possible."))
    if suggestion.is_held:
        raise ValidationError(_("A held suggestion is never published."))
    errors = {}
    if not you_said.strip():
        errors["you_said"] = _("Write what she said, in a few plain words.")
    if not we_did.strip():
        errors["we_did"] = _("Write what we did, or why we couldn't.")
    if errors:
        raise ValidationError(errors)
    candidate = Suggestion(
        **_plain_fields(suggestion), you_said=you_said.strip(), we_did=we_did.strip()
    )
    candidate.full_clean(validate_unique=False, validate_constraints=False)
    _conditional_update(
        suggestion,
        expected_version,
        {
            "you_said": candidate.you_said,
            "we_did": candidate.we_did,
            "wording": Suggestion.Wording.DRAFT,
            "wording_approved_by": None,
            "wording_approved_on": None,
        },
        by,
        _("Public wording written"),
    )
    return suggestion


@transaction.atomic
def suggestion_wording_approve(
    *, suggestion: Suggestion, by: User, expected_version: int
) -> Suggestion:
    """A manager approves the wording: it goes on the tablet board, the poster, the newsletter
    and the quarterly report."""
    if suggestion.wording != Suggestion.Wording.DRAFT:
        raise ValidationError(_("There is no wording waiting for approval."))
    if suggestion.is_held:
        raise ValidationError(_("A held suggestion is never published."))
    _conditional_update(
        suggestion,
        expected_version,
        {
            "wording": Suggestion.Wording.APPROVED,
            "wording_approved_by": by,
            "wording_approved_on": timezone.localdate(),
        },
        by,
        _("Public wording approved"),
    )
    audit_log(actor=by, action="coproduction.suggestion.approve", obj=suggestion)
    return suggestion


# Ideas that become activities -------------------------------------------------------------------

ACTIVITY_NAME_MAX = 120


def activity_prefill(suggestion: Suggestion) -> dict[str, str]:
    """A starting point staff edit before saving: a name from the first line of her words, the
    description and "the idea, in her words" from the (possibly redacted) text. Never for a
    suggestion held for safeguarding or not yet checked."""
    if suggestion.screening != Suggestion.Screening.CLEAR:
        return {}
    first_line = suggestion.text.strip().splitlines()[0] if suggestion.text.strip() else ""
    name = first_line if len(first_line) <= 60 else first_line[:57].rsplit(" ", 1)[0] + "…"
    description = suggestion.text.strip()
    if suggestion.fix_idea.strip():
        description = f"{description}\n\n{suggestion.fix_idea.strip()}"
    return {"name": name, "description": description[:2000], "idea_notes": description[:2000]}


def _idea_link_check(
    suggestion: Suggestion, membership: Membership | None, *, activity: Activity | None = None
) -> None:
    if not access.may_start_activity(membership, suggestion):
        raise PermissionError("Only a manager or the suggestion's owner links it to an activity.")
    if suggestion.is_held:
        raise ValidationError(
            _(
                "A suggestion held for safeguarding never becomes an activity: its words stay private."
            )
        )
    if suggestion.screening != Suggestion.Screening.CLEAR:
        raise ValidationError(_("Do the safeguarding check first."))
    if suggestion.duplicate_of is not None:
        raise ValidationError(
            _("This is the same as %(code)s: start the activity from that one.")
            % {"code": suggestion.duplicate_of.receipt_code}
        )
    if activity is not None:
        if activity.centre_id != suggestion.centre_id:
            raise ValidationError({"activity": _("Choose an activity of this centre.")})
        if activity.status == Activity.Status.ENDED:
            raise ValidationError({"activity": _("That activity has ended.")})


def _link_fields(suggestion: Suggestion, activity: Activity, by: User) -> dict[str, Any]:
    """Link it, and move it on to "being looked at" if it was still "received" (which needs a
    named owner and a theme: the person linking it and "groups and activities", if none yet)."""
    fields: dict[str, Any] = {"activity": activity}
    if suggestion.status == Suggestion.Status.RECEIVED:
        fields["status"] = Suggestion.Status.LOOKING
        fields["first_response_on"] = suggestion.first_response_on or timezone.localdate()
        if not suggestion.owner_id:
            fields["owner"] = by
        if not suggestion.theme:
            fields["theme"] = Suggestion.Theme.ACTIVITIES
    return fields


def _link_note(fields: dict[str, Any], activity: Activity, by: User) -> str:
    note = _("Linked to the activity “%(name)s”") % {"name": activity.name}
    if "status" in fields:
        note += "; " + _("Status: %(status)s") % {"status": Suggestion.Status.LOOKING.label}
    if "owner" in fields:
        note += "; " + _("Owner: %(owner)s") % {"owner": by}
    return note[:200]


@transaction.atomic
def suggestion_activity_start(
    *,
    suggestion: Suggestion,
    by: User,
    membership: Membership | None,
    expected_version: int,
    name: str,
    kind: str,
    category: str,
    description: str,
    idea_notes: str = "",
) -> Activity:
    """Start an activity (in the idea stage, origin "a woman's idea") from a suggestion, through
    the activities services, and link the two. Staff have edited the wording first. Raises
    PermissionError, ValidationError or SuggestionConflict (then nothing is created)."""
    _idea_link_check(suggestion, membership)
    activity = activity_services.activity_create(
        centre=suggestion.centre,
        created_by=by,
        name=name.strip(),
        kind=kind,
        category=category,
        description=description.strip(),
        idea_notes=idea_notes.strip(),
        origin=Activity.Origin.WOMAN,
        idea_stage=Activity.IdeaStage.IDEA,
        status=Activity.Status.PLANNED,
        owner=by,
    )
    fields = _link_fields(suggestion, activity, by)
    _conditional_update(suggestion, expected_version, fields, by, _link_note(fields, activity, by))
    audit_log(actor=by, action="coproduction.suggestion.activity_start", obj=suggestion)
    return activity


@transaction.atomic
def suggestion_activity_link(
    *,
    suggestion: Suggestion,
    by: User,
    membership: Membership | None,
    expected_version: int,
    activity: Activity,
) -> Suggestion:
    """Join a suggestion to an activity that already exists (or move the link to another)."""
    _idea_link_check(suggestion, membership, activity=activity)
    fields = _link_fields(suggestion, activity, by)
    _conditional_update(suggestion, expected_version, fields, by, _link_note(fields, activity, by))
    audit_log(actor=by, action="coproduction.suggestion.activity_link", obj=suggestion)
    return suggestion


# Overdue alerts --------------------------------------------------------------------------------


def _overdue_thresholds(centre: Centre) -> tuple[int, int]:
    days = centre.suggestion_response_days
    return (days, days * 2)


def overdue_alerts_queue(*, today: date | None = None) -> int:
    """Queue an alert to the owner and the managers for every open suggestion past its centre's
    response target in working days (and again at twice the target). Exactly once per
    suggestion per threshold, however often it runs. Returns how many suggestions were alerted."""
    today = today or timezone.localdate()
    alerted = 0
    for centre in Centre.objects.all():
        calendar = deadlines.working_calendar(centre=centre)
        thresholds = sorted(_overdue_thresholds(centre), reverse=True)
        # Highest first: one past both thresholds at once gets one message, not two.
        for threshold in thresholds:
            candidates = (
                Suggestion.objects.filter(
                    received_on__lt=calendar.overdue_cutoff(threshold, today),
                    centre=centre,
                    status__in=Suggestion.OPEN_STATUSES,
                    duplicate_of__isnull=True,
                )
                .exclude(overdue_alerts__threshold_days=threshold)
                .select_related("owner")
            )
            for suggestion in candidates.iterator():
                lower = [t for t in thresholds if t < threshold]
                waited = calendar.working_days_between(suggestion.received_on, today)
                alerted += _overdue_alert(suggestion, threshold, lower, waited)
    return alerted


@transaction.atomic
def _overdue_alert(
    suggestion: Suggestion, threshold: int, lower_thresholds: list[int], waited: int
) -> int:
    try:
        with transaction.atomic():
            OverdueAlert.objects.create(suggestion=suggestion, threshold_days=threshold)
    except IntegrityError:
        return 0  # another run got there first
    OverdueAlert.objects.bulk_create(
        [OverdueAlert(suggestion=suggestion, threshold_days=t) for t in lower_thresholds],
        ignore_conflicts=True,
    )
    recipients = {m.user.email for m in _managers(suggestion.centre)}
    if suggestion.owner and suggestion.owner.email:
        recipients.add(suggestion.owner.email)
    link = absolute_url(reverse("suggestions:detail", kwargs={"code": suggestion.receipt_code}))
    for recipient in sorted(recipients):
        message_queue(
            kind=SUGGESTION_OVERDUE.name,
            reference=f"suggestion:{suggestion.pk}:{threshold}",
            channel=OutboxMessage.Channel.EMAIL,
            recipient=recipient,
            centre=suggestion.centre,
            context={
                "code": suggestion.receipt_code,
                "waited": waited,
                "target": suggestion.centre.suggestion_response_days,
                "link": link,
            },
        )
    return 1


# The poster ------------------------------------------------------------------------------------


def poster_request(*, centre: Centre, retry_waiting: bool = False) -> tuple[Document, bool]:
    """Ask for a new poster. Returns (poster document, started). A build already waiting is
    reused; with `retry_waiting` (the scheduled run) it is enqueued again, in case the broker
    lost it: the build claims the row, so a duplicate does nothing."""
    return document_request(centre=centre, kind=POSTER, retry_waiting=retry_waiting)


def poster_pdf_render(*, centre: Centre) -> tuple[bytes, int]:
    """The A4 poster as PDF bytes, and how many items are on it. Stores nothing."""
    pdf, summary = document_render(document_unsaved(centre=centre, kind=POSTER))
    return pdf, summary["items"]


def posters_request_all() -> int:
    """The scheduled run: a new poster for every centre, and any build left waiting."""
    count = 0
    for centre in Centre.objects.all():
        _poster, started = poster_request(centre=centre, retry_waiting=True)
        count += int(started)
    return count
