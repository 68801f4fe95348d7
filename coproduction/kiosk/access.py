"""Who may use the kiosk, and who manages the tablets: the one place that decides.

A tablet is a device, not a person. Its browser holds a signed cookie with the tablet's id and
its current device key; it says nothing about the woman using it, and a suggestion never records
which tablet sent it. A staff session on the same browser does not count.

`tablet_page` and `enrolment_page` give a view its access rule (centre.access.device_checked), so
the platform's deny-by-default middleware runs `tablet_check` before the view; both also mark
every response uncacheable, so nothing one woman saw comes back for the next.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.core import signing
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers

from centre.access import capability, device_checked, role_in
from centre.roles import MANAGER_ONLY

from .models import Tablet

COOKIE_NAME = "centre_tablet"
COOKIE_SALT = "coproduction.kiosk.device"
COOKIE_MAX_AGE = 400 * 24 * 60 * 60  # the longest browsers keep a cookie


def kiosk_settings() -> dict[str, int]:
    """Timings the tablet's script reads from data attributes: how long before an idle tablet
    wipes itself back to the start, and the countdown shown first (tests shorten them)."""
    idle_seconds = getattr(settings, "KIOSK_IDLE_SECONDS", 90)
    return {
        "idle_seconds": idle_seconds,
        "countdown_seconds": getattr(settings, "KIOSK_COUNTDOWN_SECONDS", 30),
        # A receipt stays as long as any other screen would: the idle time, unless she taps Done.
        "reset_after_submit_seconds": getattr(
            settings, "KIOSK_RESET_AFTER_SUBMIT_SECONDS", idle_seconds
        ),
    }


def device_cookie_value(tablet: Tablet) -> str:
    return signing.dumps({"t": tablet.pk, "k": tablet.device_key}, salt=COOKIE_SALT)


def set_device_cookie(response: HttpResponse, tablet: Tablet) -> HttpResponse:
    response.set_cookie(
        COOKIE_NAME,
        device_cookie_value(tablet),
        max_age=COOKIE_MAX_AGE,
        httponly=True,
        secure=settings.SESSION_COOKIE_SECURE,
        samesite="Strict",
    )
    return response


def tablet_for_request(request: HttpRequest) -> Tablet | None:
    """The enrolled, unrevoked tablet this browser is, or None."""
    value = request.COOKIES.get(COOKIE_NAME)
    if not value:
        return None
    try:
        data = signing.loads(value, salt=COOKIE_SALT, max_age=COOKIE_MAX_AGE)
        tablet_id, key = int(data["t"]), str(data["k"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
    if not key:
        return None
    return (
        Tablet.objects.select_related("centre")
        .filter(pk=tablet_id, device_key=key, revoked_at__isnull=True, enrolled_at__isnull=False)
        .first()
    )


def no_store(response: HttpResponse) -> HttpResponse:
    """Nothing one woman sees may come back for the next: no cache, no back-forward cache."""
    add_never_cache_headers(response)
    response["Cache-Control"] = "no-store, no-cache, must-revalidate, max-age=0, private"
    return response


def tablet_check(request: HttpRequest) -> HttpResponse | None:
    """An enrolled tablet goes on (with request.tablet and request.kiosk_centre set); any other
    browser, signed in or not, gets a friendly page saying the tablet is not set up."""
    tablet = tablet_for_request(request)
    if tablet is None:
        response = render(
            request, "kiosk/not_enrolled.html", {"kiosk": kiosk_settings()}, status=403
        )
        return no_store(response)
    request.tablet = tablet  # type: ignore[attr-defined]
    request.kiosk_centre = tablet.centre  # type: ignore[attr-defined]
    return None


def anyone_may_enrol(request: HttpRequest) -> HttpResponse | None:
    """Setting a tablet up needs only the one-time code (wrong codes are limited site-wide)."""
    return None


View = Callable[..., HttpResponse]


def _uncached(view: View) -> View:
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return no_store(view(request, *args, **kwargs))

    return wrapped


def tablet_page(view: View) -> View:
    """A page of the tablet itself: only an enrolled tablet's browser reaches the view."""
    return device_checked(tablet_check)(_uncached(view))


def enrolment_page(view: View) -> View:
    """The set-up pages a manager opens on a new tablet."""
    return device_checked(anyone_may_enrol)(_uncached(view))


@capability("manage_tablets")
def _manage_tablets(request: HttpRequest) -> bool:
    """Adding, setting up and switching off the centre's tablets."""
    return role_in(request, MANAGER_ONLY)
