"""Who may reach which view, and the one scoping helper every query goes through.

Deny by default: `AccessRuleMiddleware` refuses any view that was not given a rule with one of
the decorators below, so a new URL is unreachable until someone decides who may use it.
"""

from dataclasses import dataclass
from functools import wraps

from django.core.exceptions import PermissionDenied
from django.http import Http404

from .roles import ALL_ROLES


@dataclass(frozen=True)
class AccessRule:
    kind: str  # "public", "signed_in", "roles", "kiosk", "superuser", "half_signed_in"
    roles: frozenset = frozenset()


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


def roles_required(*roles):
    """Only people whose role in the current centre is one of these; others get a 403."""
    allowed = frozenset().union(*(r if isinstance(r, (set, frozenset)) else {r} for r in roles))
    unknown = allowed - ALL_ROLES
    if unknown or not allowed:
        raise ValueError(f"Unknown or empty roles: {sorted(unknown)}")
    return _with_rule(AccessRule("roles", allowed))


def kiosk_only(view):
    """Only an enrolled tablet (checked by the kiosk app's own decorator, applied inside this one)."""
    return _with_rule(AccessRule("kiosk"))(view)


def superuser_only(view):
    return _with_rule(AccessRule("superuser"))(view)


def current_role(request):
    membership = getattr(request, "membership", None)
    return membership.role if membership else None


def has_role(request, *roles):
    return current_role(request) in roles


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


def require_role(request, *roles):
    if not has_role(request, *roles):
        raise PermissionDenied
