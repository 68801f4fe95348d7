"""Writes for the shared tablets: adding, enrolling and switching them off, and the per-tablet
allowances that stop a flood (or someone guessing receipt codes) from one tablet."""

import hashlib
import logging
import secrets
from datetime import timedelta

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from centre.audit import audit_log
from centre.models import Centre, User
from centre.outbox import BROKER_ERRORS
from coproduction.suggestions.models import Suggestion
from coproduction.suggestions.services import CODE_ALPHABET, normalise_code, suggestion_create

from .models import Tablet

logger = logging.getLogger(__name__)

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
# Wrong set-up codes, per rate window, counted per address and per code tried. Not site-wide:
# one visitor must not be able to lock out the real enrolment. Codes are long (31^10), so this
# only slows guessing from one place; the address is kept hashed, for the window only.
ENROL_FAILURE_LIMIT = 20


def _hash(code: str) -> str:
    return hashlib.sha256(code.encode()).hexdigest()


def _enrolment_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(10))
    return f"{raw[:5]}-{raw[5:]}"


@transaction.atomic
def tablet_create(*, centre: Centre, name: str, by: User | None) -> tuple[Tablet, str]:
    """Add a tablet and make its one-time enrolment code. Returns (tablet, code)."""
    tablet = Tablet(centre=centre, name=name.strip(), created_by=by)
    tablet.full_clean()
    tablet.save()
    code = tablet_link_renew(tablet=tablet, by=by)
    audit_log(actor=by, action="coproduction.tablet.create", obj=tablet)
    return tablet, code


@transaction.atomic
def tablet_link_renew(*, tablet: Tablet, by: User | None) -> str:
    """A fresh one-time enrolment code; any earlier unused code stops working. Returns the code
    (only its hash is stored, so this is the one chance to show it)."""
    code = _enrolment_code()
    tablet.enrolment_code_hash = _hash(normalise_code(code))
    tablet.enrolment_expires_at = timezone.now() + timedelta(days=ENROLMENT_LINK_DAYS)
    tablet.save(update_fields=["enrolment_code_hash", "enrolment_expires_at"])
    audit_log(actor=by, action="coproduction.tablet.link", obj=tablet)
    return code


def _enrol_failure_keys(address: str | None, code: str) -> list[str]:
    window = int(timezone.now().timestamp()) // KIOSK_RATE_WINDOW_SECONDS
    return [
        f"coproduction:kiosk:enrol-failures:address:{_hash(address or 'unknown')}:{window}",
        f"coproduction:kiosk:enrol-failures:code:{_hash(normalise_code(code))}:{window}",
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
def tablet_enrol(*, code: str) -> Tablet | None:
    """Use a one-time code: the tablet gets a new device key (an earlier device's cookie stops
    working) and the code is spent. Returns the tablet, or None for a wrong or used code."""
    normalised = normalise_code(code)
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
def tablet_revoke(*, tablet: Tablet, by: User | None) -> Tablet:
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


def kiosk_allowance_take(*, tablet: Tablet, kind: str = "suggestion") -> bool:
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


def suggestion_submit_from_tablet(
    *, tablet: Tablet, about: str, text: str, fix_idea: str = "", first_name: str = ""
) -> Suggestion:
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
