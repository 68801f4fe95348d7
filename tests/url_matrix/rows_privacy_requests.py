"""Who may reach the data protection requests pages: the manager only. Every other role is
refused (403), the tablet and the signed-out are sent to sign in, and another centre's manager
gets a 404 for one of our requests (after the method check on POST-only URLs)."""

import datetime

from privacy.requests.models import DataRequest
from tests.casework.factories import WomanFactory

from .matrix import Row, for_roles

MANAGER = ("manager",)


def build(world):
    woman = WomanFactory(centre=world.centre, first_name="Matrixprivacy")
    today = datetime.date.today()
    world.extra.privacy_access = DataRequest.objects.create(
        centre=world.centre, woman=woman, kind=DataRequest.Kind.ACCESS, received_on=today
    )
    world.extra.privacy_rectification = DataRequest.objects.create(
        centre=world.centre, woman=woman, kind=DataRequest.Kind.RECTIFICATION, received_on=today
    )
    world.extra.privacy_erasure = DataRequest.objects.create(
        centre=world.centre, woman=woman, kind=DataRequest.Kind.ERASURE, received_on=today
    )
    # Proposed by someone other than the matrix's manager, so her approval goes through.
    world.extra.privacy_proposed = DataRequest.objects.create(
        centre=world.centre,
        woman=WomanFactory(centre=world.centre),
        kind=DataRequest.Kind.ERASURE,
        received_on=today,
        status=DataRequest.Status.PROPOSED,
        proposed_by=world.people["key_worker"],
        erasure_reason="She asked",
    )


def _pk(name):
    return lambda world: {"pk": getattr(world, name).pk}


def _post_only(kwargs, outcome="redirect"):
    return Row(
        get=for_roles(MANAGER, 405),
        post=for_roles(MANAGER, outcome, outsider=404),
        kwargs=kwargs,
    )


ROWS = {
    "privacy_requests:list": Row(get=for_roles(MANAGER), post=for_roles(MANAGER, 405)),
    # An empty form comes back with its messages (200).
    "privacy_requests:new": Row(get=for_roles(MANAGER), post=for_roles(MANAGER)),
    "privacy_requests:detail": Row(
        get=for_roles(MANAGER, outsider=404),
        post=for_roles(MANAGER, 405, outsider=405),
        kwargs=_pk("privacy_access"),
    ),
    "privacy_requests:bundle_build": _post_only(_pk("privacy_access")),
    # The zip itself (200), made now and audited.
    "privacy_requests:bundle_download": _post_only(_pk("privacy_access"), "ok"),
    # An empty correction comes back with its messages (200).
    "privacy_requests:correction_add": _post_only(_pk("privacy_rectification"), "ok"),
    "privacy_requests:done": _post_only(_pk("privacy_access")),
    "privacy_requests:erasure_propose": _post_only(_pk("privacy_erasure"), "ok"),
    "privacy_requests:erasure_approve": _post_only(_pk("privacy_proposed")),
}
