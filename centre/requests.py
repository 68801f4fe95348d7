"""The request as the platform's middleware leaves it, for type hints on selectors and policies.

A view with a "signed_in" or "roles" access rule only runs for a member of the current centre
(AccessRuleMiddleware refuses everyone else), so there `centre` and `membership` are set.
"""

from django.http import HttpRequest

from .models import Centre, Membership


class CentreRequest(HttpRequest):
    centre: Centre
    membership: Membership
    memberships: list[Membership]
