"""Writes for co-production: tablets, suggestions, safeguarding, triage, wording and posters."""

import hashlib
import logging
import re
import secrets
from datetime import timedelta

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from centre import deadlines
from centre.audit import audit_log
from centre.documents.services import document_render, document_request, document_unsaved
from centre.messaging import absolute_url, message_queue
from centre.models import OutboxMessage
from centre.outbox import BROKER_ERRORS

from . import access
from .documents import POSTER
from .messages import SUGGESTION_OVERDUE, SUGGESTION_SAFEGUARDING
from .models import OverdueAlert, Suggestion, SuggestionChange, Tablet

logger = logging.getLogger(__name__)

CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: easy to read back
ENROLMENT_LINK_DAYS = 7
KIOSK_RATE_LIMIT = 6  # suggestions per tablet per window; a queue of women is fine, a flood not
KIOSK_RATE_WINDOW_SECONDS = 10 * 60
KIOSK_LOOKUP_LIMIT = 30  # receipt-code look-ups per tablet per window: stops guessing codes
KIOSK_FEEDBACK_LIMIT = 15  # session feedback per tablet per window: a group queueing is fine
KIOSK_LIMITS = {
    "suggestion": KIOSK_RATE_LIMIT,
    "lookup": KIOSK_LOOKUP_LIMIT,
    "feedback": KIOSK_FEEDBACK_LIMIT,
}

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

    def __init__(self, current):
        super().__init__("The suggestion was changed by someone else.")
        self.current = current


def _hash(code):
    return hashlib.sha256(code.encode()).hexdigest()


def _normalise_code(code):
    return re.sub(r"[^A-Z0-9]", "", (code or "").upper())


def _enrolment_code():
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(10))
    return f"{raw[:5]}-{raw[5:]}"


# Tablets ---------------------------------------------------------------------------------------


@transaction.atomic
def tablet_create(*, centre, name, by):
    """Add a tablet and make its one-time enrolment code. Returns (tablet, code)."""
    tablet = Tablet(centre=centre, name=name.strip(), created_by=by)
    tablet.full_clean()
    tablet.save()
    code = tablet_link_renew(tablet=tablet, by=by)
    audit_log(actor=by, action="coproduction.tablet.create", obj=tablet)
    return tablet, code


@transaction.atomic
def tablet_link_renew(*, tablet, by):
    """A fresh one-time enrolment code; any earlier unused code stops working. Returns the code
    (only its hash is stored, so this is the one chance to show it)."""
    code = _enrolment_code()
    tablet.enrolment_code_hash = _hash(_normalise_code(code))
    tablet.enrolment_expires_at = timezone.now() + timedelta(days=ENROLMENT_LINK_DAYS)
    tablet.save(update_fields=["enrolment_code_hash", "enrolment_expires_at"])
    audit_log(actor=by, action="coproduction.tablet.link", obj=tablet)
    return code


# Wrong set-up codes, per rate window, counted per address and per code tried. Not site-wide:
# one visitor must not be able to lock out the real enrolment. Codes are long (31^10), so this
# only slows guessing from one place; the address is kept hashed, for the window only.
ENROL_FAILURE_LIMIT = 20


def _enrol_failure_keys(address: str | None, code: str) -> list[str]:
    window = int(timezone.now().timestamp()) // KIOSK_RATE_WINDOW_SECONDS
    return [
        f"coproduction:kiosk:enrol-failures:address:{_hash(address or 'unknown')}:{window}",
        f"coproduction:kiosk:enrol-failures:code:{_hash(_normalise_code(code))}:{window}",
    ]


def tablet_enrol_blocked(*, address: str | None, code: str) -> bool:
    """True once this address, or this code, has had too many wrong tries in this window."""
    try:
        counts = cache.get_many(_enrol_failure_keys(address, code)).values()
    except BROKER_ERRORS:  # the cache is Redis too: without it, enrolment still works
        return False
    return any(count >= ENROL_FAILURE_LIMIT for count in counts)


def tablet_enrol_failure_record(*, address: str | None, code: str) -> None:
    """Count one wrong set-up code against the address and the code."""
    try:
        for key in _enrol_failure_keys(address, code):
            cache.add(key, 0, timeout=KIOSK_RATE_WINDOW_SECONDS + 5)
            cache.incr(key)
    except BROKER_ERRORS:
        logger.warning("Kiosk enrolment limit skipped: cache unavailable")


@transaction.atomic
def tablet_enrol(*, code):
    """Use a one-time code: the tablet gets a new device key (an earlier device's cookie stops
    working) and the code is spent. Returns the tablet, or None for a wrong or used code."""
    normalised = _normalise_code(code)
    if len(normalised) != 10:
        return None
    tablet = (
        Tablet.objects.select_for_update()
        .filter(
            enrolment_code_hash=_hash(normalised),
            enrolment_expires_at__gt=timezone.now(),
            revoked_at__isnull=True,
        )
        .first()
    )
    if tablet is None:
        return None
    tablet.enrolment_code_hash = ""
    tablet.enrolment_expires_at = None
    tablet.device_key = secrets.token_urlsafe(32)
    tablet.enrolled_at = timezone.now()
    tablet.save(
        update_fields=["enrolment_code_hash", "enrolment_expires_at", "device_key", "enrolled_at"]
    )
    audit_log(actor=None, action="coproduction.tablet.enrol", obj=tablet)
    return tablet


@transaction.atomic
def tablet_revoke(*, tablet, by):
    """Stop a tablet working at once. Safe to call twice."""
    if tablet.revoked_at is None:
        tablet.revoked_at = timezone.now()
        tablet.device_key = ""
        tablet.enrolment_code_hash = ""
        tablet.enrolment_expires_at = None
        tablet.save(
            update_fields=[
                "revoked_at",
                "device_key",
                "enrolment_code_hash",
                "enrolment_expires_at",
            ]
        )
        audit_log(actor=by, action="coproduction.tablet.revoke", obj=tablet)
    return tablet


def kiosk_allowance_take(*, tablet, kind="suggestion"):
    """Count one use against the tablet's allowance; False when it is used up.

    The count lives in the cache. When the cache (Redis) is down we let the woman through:
    losing a suggestion is worse than a flood, which staff can tidy up."""
    limit = KIOSK_LIMITS[kind]
    window = int(timezone.now().timestamp()) // KIOSK_RATE_WINDOW_SECONDS
    # The device key changes at each enrolment, so a re-enrolled tablet starts afresh.
    key = f"coproduction:kiosk:{kind}:{tablet.pk}:{tablet.device_key[:16]}:{window}"
    try:
        cache.add(key, 0, timeout=KIOSK_RATE_WINDOW_SECONDS + 5)
        count = cache.incr(key)
    except Exception:  # noqa: BLE001 - any cache failure: fail open, see the docstring
        logger.warning("Kiosk rate limit skipped: cache unavailable")
        return True
    return count <= limit


# Suggestions -----------------------------------------------------------------------------------


def _receipt_code():
    letters = "".join(secrets.choice(CODE_ALPHABET) for _ in range(3))
    return f"{letters}-{secrets.randbelow(90) + 10}"


def normalise_receipt_code(code):
    raw = _normalise_code(code)
    return f"{raw[:3]}-{raw[3:]}" if len(raw) == 5 else ""


def may_be_disclosure(*texts):
    return any(_POSSIBLE_DISCLOSURE.search(text or "") for text in texts)


def _save_new(suggestion):
    for _attempt in range(20):
        suggestion.receipt_code = _receipt_code()
        try:
            with transaction.atomic():
                suggestion.save()
            return suggestion
        except IntegrityError:
            continue
    raise RuntimeError("Could not find a free receipt code")


def _note(suggestion, by, what):
    SuggestionChange.objects.create(suggestion=suggestion, by=by, what=what[:200])


def _anonymous_note(suggestion, what):
    """A change that came with an anonymous suggestion: the day only, never the time."""
    SuggestionChange.objects.create(
        suggestion=suggestion, by=None, on=suggestion.received_on, at=None, what=what[:200]
    )


def _creation_notes(suggestion, by):
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
    *, centre, source, about, text, fix_idea="", first_name="", by=None, received_on=None
):
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


def _theme_for(about):
    return {
        Suggestion.About.CENTRE: Suggestion.Theme.BUILDING,
        Suggestion.About.ACTIVITIES: Suggestion.Theme.ACTIVITIES,
        Suggestion.About.FOOD: Suggestion.Theme.FOOD,
        Suggestion.About.STAFF: Suggestion.Theme.STAFF,
        Suggestion.About.MEETINGS: Suggestion.Theme.MEETINGS,
    }.get(about, "")


def suggestion_submit_from_tablet(*, tablet, about, text, fix_idea="", first_name=""):
    """A woman's suggestion from the tablet. Stores the centre and the source only: never the
    tablet, her IP address or her browser."""
    return suggestion_create(
        centre=tablet.centre,
        source=Suggestion.Source.TABLET,
        about=about,
        text=text,
        fix_idea=fix_idea,
        first_name=first_name,
    )


def _managers(centre):
    return list(
        access.managers_of(centre)
        .exclude(user__email="")
        .select_related("user")
        .order_by("user_id")
    )


def safeguarding_notify(*, suggestion):
    """Tell the duty manager a suggestion is held. The message never carries what was written."""
    centre = suggestion.centre
    recipients = (
        [centre.duty_manager_email]
        if centre.duty_manager_email
        else [m.user.email for m in _managers(centre)]
    )
    link = absolute_url(reverse("coproduction:detail", kwargs={"code": suggestion.receipt_code}))
    for recipient in recipients:
        message_queue(
            kind=SUGGESTION_SAFEGUARDING.name,
            reference=f"suggestion:{suggestion.pk}",
            channel=OutboxMessage.Channel.EMAIL,
            recipient=recipient,
            centre=centre,
            context={"code": suggestion.receipt_code, "link": link},
        )


def _conditional_update(suggestion, expected_version, fields, by, note):
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
def suggestion_screen(*, suggestion, by, hold, expected_version):
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
def suggestion_release(*, suggestion, by, expected_version):
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
def suggestion_redact(*, suggestion, by, expected_version, text, fix_idea, first_name):
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


def _triage_errors(suggestion, *, theme, owner, status, agreed_in_part, reason, duplicate_of):
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
    suggestion,
    by,
    expected_version,
    theme,
    owner,
    status,
    agreed_in_part=False,
    reason="",
    duplicate_of=None,
):
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


def _plain_fields(suggestion):
    names = ["centre", "source", "about", "text", "fix_idea", "first_name", "receipt_code"]
    return {name: getattr(suggestion, name) for name in names}


def _triage_note(suggestion, fields):
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
def suggestion_wording_write(*, suggestion, by, membership, expected_version, you_said, we_did):
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
def suggestion_wording_approve(*, suggestion, by, expected_version):
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


def activity_prefill(suggestion):
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


def _idea_link_check(suggestion, membership, *, activity=None):
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
    if suggestion.duplicate_of_id:
        raise ValidationError(
            _("This is the same as %(code)s: start the activity from that one.")
            % {"code": suggestion.duplicate_of.receipt_code}
        )
    if activity is not None:
        from activities.models import Activity

        if activity.centre_id != suggestion.centre_id:
            raise ValidationError({"activity": _("Choose an activity of this centre.")})
        if activity.status == Activity.Status.ENDED:
            raise ValidationError({"activity": _("That activity has ended.")})


def _link_fields(suggestion, activity, by):
    """Link it, and move it on to "being looked at" if it was still "received" (which needs a
    named owner and a theme: the person linking it and "groups and activities", if none yet)."""
    fields = {"activity": activity}
    if suggestion.status == Suggestion.Status.RECEIVED:
        fields["status"] = Suggestion.Status.LOOKING
        fields["first_response_on"] = suggestion.first_response_on or timezone.localdate()
        if not suggestion.owner_id:
            fields["owner"] = by
        if not suggestion.theme:
            fields["theme"] = Suggestion.Theme.ACTIVITIES
    return fields


def _link_note(fields, activity, by):
    note = _("Linked to the activity “%(name)s”") % {"name": activity.name}
    if "status" in fields:
        note += "; " + _("Status: %(status)s") % {"status": Suggestion.Status.LOOKING.label}
    if "owner" in fields:
        note += "; " + _("Owner: %(owner)s") % {"owner": by}
    return note[:200]


@transaction.atomic
def suggestion_activity_start(
    *,
    suggestion,
    by,
    membership,
    expected_version,
    name,
    kind,
    category,
    description,
    idea_notes="",
):
    """Start an activity (in the idea stage, origin "a woman's idea") from a suggestion, through
    the activities services, and link the two. Staff have edited the wording first. Raises
    PermissionError, ValidationError or SuggestionConflict (then nothing is created)."""
    from activities import services as activity_services
    from activities.models import Activity

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
def suggestion_activity_link(*, suggestion, by, membership, expected_version, activity):
    """Join a suggestion to an activity that already exists (or move the link to another)."""
    _idea_link_check(suggestion, membership, activity=activity)
    fields = _link_fields(suggestion, activity, by)
    _conditional_update(suggestion, expected_version, fields, by, _link_note(fields, activity, by))
    audit_log(actor=by, action="coproduction.suggestion.activity_link", obj=suggestion)
    return suggestion


# Overdue alerts --------------------------------------------------------------------------------


def _overdue_thresholds(centre):
    days = centre.suggestion_response_days
    return (days, days * 2)


def overdue_alerts_queue(*, today=None):
    """Queue an alert to the owner and the managers for every open suggestion past its centre's
    response target in working days (and again at twice the target). Exactly once per
    suggestion per threshold, however often it runs. Returns how many suggestions were alerted."""
    from centre.models import Centre

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
def _overdue_alert(suggestion, threshold, lower_thresholds, waited):
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
    link = absolute_url(reverse("coproduction:detail", kwargs={"code": suggestion.receipt_code}))
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


def poster_request(*, centre, retry_waiting=False):
    """Ask for a new poster. Returns (poster document, started). A build already waiting is
    reused; with `retry_waiting` (the scheduled run) it is enqueued again, in case the broker
    lost it: the build claims the row, so a duplicate does nothing."""
    return document_request(centre=centre, kind=POSTER, retry_waiting=retry_waiting)


def poster_pdf_render(*, centre):
    """The A4 poster as PDF bytes, and how many items are on it. Stores nothing."""
    pdf, summary = document_render(document_unsaved(centre=centre, kind=POSTER))
    return pdf, summary["items"]


def posters_request_all():
    """The scheduled run: a new poster for every centre, and any build left waiting."""
    from centre.models import Centre

    count = 0
    for centre in Centre.objects.all():
        _poster, started = poster_request(centre=centre, retry_waiting=True)
        count += int(started)
    return count
