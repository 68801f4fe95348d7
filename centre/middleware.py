import time
import uuid

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from .access import AccessRule
from .selectors import pending_invitations_for_user
from .threadlocal import set_request_id

SESSION_CENTRE_KEY = "centre_id"
SESSION_LAST_SEEN_KEY = "last_seen"


class RequestIdMiddleware:
    """Gives each request an id that audit events and logs carry, and returns it as a header."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.request_id = str(uuid.uuid4())
        set_request_id(request.request_id)
        try:
            response = self.get_response(request)
        finally:
            set_request_id("")
        response["X-Request-ID"] = request.request_id
        return response


class QueryCountMiddleware:
    """Benchmark mode only (settings.BENCH): says in an X-Bench-Queries header how many
    database queries the response took, and in X-Bench-Ms how long the app took to make it
    (without the time the request waited for a free worker), so the benchmark reports queries
    per request and compares pages by the time they cost the server."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        count = 0

        def counted(execute, sql, params, many, context):
            nonlocal count
            count += 1
            return execute(sql, params, many, context)

        start = time.perf_counter()
        with connection.execute_wrapper(counted):
            response = self.get_response(request)
        response["X-Bench-Ms"] = f"{(time.perf_counter() - start) * 1000:.1f}"
        response["X-Bench-Queries"] = str(count)
        return response


class NulInQueryMiddleware:
    """A NUL byte in a query string (a search, a filter) gets a plain 400 page, never a server
    error: PostgreSQL refuses NUL in text, so it must not reach a query."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        pairs = request.GET.lists()
        if any("\x00" in key or any("\x00" in v for v in values) for key, values in pairs):
            return render(request, "centre/bad_query.html", status=400)
        return self.get_response(request)


def client_address(request):
    """The address a sign-in came from, for the lock-out (settings.AXES_CLIENT_IP_CALLABLE).
    Behind our proxy, the last X-Forwarded-For entry is the one the proxy itself saw; entries
    before it are whatever the client sent and cannot be trusted."""
    if settings.BEHIND_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if hops:
            return hops[-1]
    return request.META.get("REMOTE_ADDR")


class IdleTimeoutMiddleware:
    """Signs staff out after SESSION_IDLE_SECONDS without a request.

    The page warns two minutes before (see static/js/idle.js) and offers to stay signed in.
    The session is only written when the stored time is over a minute old, to keep pages cheap.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = int(time.time())
            last_seen = request.session.get(SESSION_LAST_SEEN_KEY, now)
            if now - last_seen > settings.SESSION_IDLE_SECONDS:
                logout(request)
                messages.info(
                    request,
                    _("You were signed out because you had not used the system for a while."),
                )
                return redirect_to_login(request.get_full_path())
            if now - last_seen >= 60 or SESSION_LAST_SEEN_KEY not in request.session:
                request.session[SESSION_LAST_SEEN_KEY] = now
        return self.get_response(request)


class CurrentCentreMiddleware:
    """Sets request.centre and request.membership from the centre the person chose."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.centre = None
        request.membership = None
        request.memberships = []
        if request.user.is_authenticated:
            memberships = list(
                request.user.memberships.filter(is_active=True)
                .select_related("centre")
                # Until she picks one, she works in the centre she joined first.
                .order_by("created_at", "pk")
            )
            request.memberships = memberships
            chosen = request.session.get(SESSION_CENTRE_KEY)
            membership = next((m for m in memberships if m.centre_id == chosen), None)
            if membership is None and memberships:
                membership = memberships[0]
            if membership is not None:
                request.membership = membership
                request.centre = membership.centre
        return self.get_response(request)


class AccessRuleMiddleware:
    """Deny by default: every view must carry an access rule (see centre.access)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is not None and match.namespace == "admin":
            rule = AccessRule("superuser")
        else:
            rule = getattr(view_func, "access_rule", None)
        if rule is None:
            raise PermissionDenied("This page has no access rule.")
        if rule.kind == "public":
            return None
        if rule.kind == "device":
            # The device's own check decides (the kiosk's tablet cookie); staff sessions don't count.
            return rule.check(request)
        user = request.user
        if not user.is_authenticated:
            if rule.kind == "superuser":
                return None  # the admin has its own sign-in page
            return redirect_to_login(request.get_full_path())
        if rule.kind == "superuser":
            if not user.is_superuser:
                raise PermissionDenied
            return self._second_factor(request)
        if rule.kind == "half_signed_in":
            return None
        needs_second_factor = self._second_factor(request)
        if needs_second_factor:
            return needs_second_factor
        if rule.kind == "account":
            return None
        if request.membership is None:
            if pending_invitations_for_user(user).exists():
                return redirect("my_invitations")  # she may be on her way to joining one
            raise PermissionDenied(_("You are not a member of any centre."))
        if rule.kind == "roles" and request.membership.role not in rule.roles:
            raise PermissionDenied
        return None

    @staticmethod
    def _second_factor(request):
        if settings.REQUIRE_2FA and not request.user.is_verified():
            return redirect("two_factor")
        return None


class NoStoreMiddleware:
    """Pages for signed-in people hold personal data: no browser or proxy may keep them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path.startswith(settings.STATIC_URL):
            response.setdefault("Cache-Control", "no-store")
        return response
