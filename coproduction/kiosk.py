"""The tablet's device cookie and the check every kiosk view makes.

The cookie holds the tablet's id and its current device key, signed with the secret key. It says
nothing about the woman using the tablet, and a suggestion never records which tablet sent it.
A staff session on the same browser does not count: only the device cookie opens the kiosk.
"""

from functools import wraps

from django.conf import settings
from django.core import signing
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers

from .models import Tablet

COOKIE_NAME = "centre_tablet"
COOKIE_SALT = "coproduction.kiosk.device"
COOKIE_MAX_AGE = 400 * 24 * 60 * 60  # the longest browsers keep a cookie


def kiosk_settings():
    """Timings the tablet's script reads from data attributes (tests shorten them)."""
    return {
        "idle_seconds": getattr(settings, "KIOSK_IDLE_SECONDS", 90),
        "countdown_seconds": getattr(settings, "KIOSK_COUNTDOWN_SECONDS", 30),
        "reset_after_submit_seconds": getattr(settings, "KIOSK_RESET_AFTER_SUBMIT_SECONDS", 15),
    }


def device_cookie_value(tablet):
    return signing.dumps({"t": tablet.pk, "k": tablet.device_key}, salt=COOKIE_SALT)


def set_device_cookie(response, tablet):
    response.set_cookie(
        COOKIE_NAME,
        device_cookie_value(tablet),
        max_age=COOKIE_MAX_AGE,
        httponly=True,
        secure=settings.SESSION_COOKIE_SECURE,
        samesite="Strict",
    )
    return response


def tablet_for_request(request):
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


def no_store(response):
    """Nothing one woman sees may come back for the next: no cache, no back-forward cache."""
    add_never_cache_headers(response)
    response["Cache-Control"] = "no-store, no-cache, must-revalidate, max-age=0, private"
    return response


def tablet_required(view):
    """Use inside centre.access.kiosk_only: an unenrolled browser gets a friendly page."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        tablet = tablet_for_request(request)
        if tablet is None:
            response = render(
                request,
                "coproduction/kiosk/not_enrolled.html",
                {"kiosk": kiosk_settings()},
                status=403,
            )
            return no_store(response)
        request.tablet = tablet
        request.kiosk_centre = tablet.centre
        return no_store(view(request, *args, **kwargs))

    return wrapped
