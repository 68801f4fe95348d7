"""Who may reach which view, what a person may do, and the one scoping helper every query uses.

Deny by default: `AccessRuleMiddleware` refuses any view that was not given a rule with one of
the decorators below, so a new URL is unreachable until someone decides who may use it.

Inside a page, what a person may do is a *capability*: a named function of the request that each
app registers once, next to its policy (`centre/access.py` for the platform's own,
`casework/access.py`, `activities/access.py`, ...). Views, selectors and services ask
`can(request, "name")`; templates ask `{% if can.name %}` through the context processor. Nothing
else compares role strings, so a rule changed here is changed everywhere.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps

from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse

from .models import Membership, User
from .roles import ALL_ROLES, MANAGER_ONLY

# A device page's check: None lets the request through, or the response to send instead.
DeviceCheck = Callable[[HttpRequest], HttpResponse | None]


@dataclass(frozen=True)
class AccessRule:
    kind: str  # "public", "signed_in", "roles", "device", "superuser", "half_signed_in", "account"
    roles: frozenset = frozenset()
    check: DeviceCheck | None = None


def _with_rule(rule):
    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            return view(*args, **kwargs)

        wrapped.access_rule = rule
        return wrapped

    return decorator


def public(view):
    """Anyone may use this view, signed in or not (sign-in pages, health check)."""
    return _with_rule(AccessRule("public"))(view)


def half_signed_in(view):
    """Reachable after the password but before the second factor (the second-factor pages)."""
    return _with_rule(AccessRule("half_signed_in"))(view)


def signed_in(view):
    """Any fully signed-in person with a membership of the current centre."""
    return _with_rule(AccessRule("signed_in"))(view)


def signed_in_account(view):
    """Any fully signed-in person, a member of a centre or not: pages about her own account
    (her invitations), which someone whose memberships have all ended must still reach."""
    return _with_rule(AccessRule("account"))(view)


def roles_required(*roles):
    """Only people whose role in the current centre is one of these; others get a 403."""
    allowed = frozenset().union(*(r if isinstance(r, (set, frozenset)) else {r} for r in roles))
    unknown = allowed - ALL_ROLES
    if unknown or not allowed:
        raise ValueError(f"Unknown or empty roles: {sorted(unknown)}")
    return _with_rule(AccessRule("roles", allowed))


def device_checked(check: DeviceCheck):
    """A page for a device rather than a person (the kiosk tablet): no staff session counts, and
    `check(request)`, written by the app that owns the device, is the whole access decision."""
    return _with_rule(AccessRule("device", check=check))


def superuser_only(view):
    return _with_rule(AccessRule("superuser"))(view)


def current_role(request):
    membership = getattr(request, "membership", None)
    return membership.role if membership else None


def scope_to_centre(queryset, request, *, field="centre"):
    """Every read of centre-owned rows goes through here: only the current centre's rows."""
    centre = getattr(request, "centre", None)
    if centre is None:
        return queryset.none()
    return queryset.filter(**{field: centre})


def get_for_user(queryset, request, *, may_change=True, **lookup):
    """The object in the user's scope, or a 404; a 403 if visible but the role may not change it."""
    try:
        obj = scope_to_centre(queryset, request).get(**lookup)
    except (queryset.model.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    if not may_change:
        raise PermissionDenied
    return obj


# --- Capabilities: what a person may do, decided once per name --------------------------------

CapabilityCheck = Callable[..., bool]  # check(request) -> bool
_CAPABILITIES: dict[str, CapabilityCheck] = {}


def capability(name: str) -> Callable[[CapabilityCheck], CapabilityCheck]:
    """Register `check(request) -> bool` as the one rule for `name`; a second rule is an error."""

    def register(check: CapabilityCheck) -> CapabilityCheck:
        if name in _CAPABILITIES and _CAPABILITIES[name] is not check:
            raise ImproperlyConfigured(f"Capability {name!r} is defined twice")
        _CAPABILITIES[name] = check
        return check

    return register


def registered_capabilities() -> frozenset[str]:
    return frozenset(_CAPABILITIES)


def can(request: HttpRequest, name: str) -> bool:
    """May this person do `name` here? Unknown names are an error, never a silent no."""
    try:
        check = _CAPABILITIES[name]
    except KeyError:
        raise ImproperlyConfigured(f"No capability called {name!r}") from None
    if getattr(request, "membership", None) is None:
        return False
    cache = request.__dict__.setdefault("_capabilities", {})
    if name not in cache:
        cache[name] = bool(check(request))
    return cache[name]


def require(request: HttpRequest, name: str) -> None:
    """A 403 unless the person has capability `name`."""
    if not can(request, name):
        raise PermissionDenied


class Capabilities:
    """`{% if can.manage_team %}` in templates; a misspelt name fails loudly in tests."""

    def __init__(self, request: HttpRequest):
        self._request = request

    def __getattr__(self, name: str) -> bool:
        if name.startswith("_"):
            raise AttributeError(name)
        return can(self._request, name)

    def __getitem__(self, name: str) -> bool:
        return can(self._request, name)


def role_in(request: HttpRequest, roles: frozenset[str]) -> bool:
    """For policy modules only: is the person's role in the current centre one of `roles`?"""
    return current_role(request) in roles


@capability("manage_team")
def _manage_team(request: HttpRequest) -> bool:
    return role_in(request, MANAGER_ONLY)


@capability("manage_centre_settings")
def _manage_centre_settings(request: HttpRequest) -> bool:
    return role_in(request, MANAGER_ONLY)


@capability("read_audit_log")
def _read_audit_log(request: HttpRequest) -> bool:
    return role_in(request, MANAGER_ONLY)


# --- Whose sign-in a person may reset --------------------------------------------------------
# Resetting someone's sign-in app or ending her sessions reaches every centre she works in, so a
# manager may do it only for people whose every active membership is in centres she manages.
# Anyone else is an organisation administrator's action: a superuser (through /admin/).


def is_organisation_administrator(user: User) -> bool:
    return bool(user.is_superuser)


def managed_centre_ids(user: User) -> set[int]:
    """The centres where this person is an active manager."""
    return set(
        Membership.objects.filter(user=user, is_active=True, role__in=MANAGER_ONLY).values_list(
            "centre_id", flat=True
        )
    )


def sign_in_resettable_user_ids(actor: User, user_ids: list[int]) -> set[int]:
    """Of these people, those whose sign-in app and sessions `actor` may reset (two queries)."""
    if is_organisation_administrator(actor):
        return set(user_ids) - {actor.pk}
    managed = managed_centre_ids(actor)
    rows = Membership.objects.filter(user_id__in=user_ids).values_list(
        "user_id", "centre_id", "is_active", "user__is_superuser"
    )
    known_here, elsewhere = set(), set()
    for user_id, centre_id, is_active, is_superuser in rows:
        if centre_id in managed:
            known_here.add(user_id)
        if is_superuser or (is_active and centre_id not in managed):
            elsewhere.add(user_id)
    return known_here - elsewhere - {actor.pk}


def may_reset_sign_in_of(actor: User, person: User) -> bool:
    """May `actor` reset `person`'s sign-in app or end her sessions everywhere?"""
    return person.pk in sign_in_resettable_user_ids(actor, [person.pk])
