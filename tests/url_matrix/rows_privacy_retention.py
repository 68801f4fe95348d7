"""Who may reach retention (/privacy/retention/) and the access review (/privacy/review/): the
centre's manager only. The outsider (another centre's manager) sees her own centre's pages and
a 404 for a hold of ours; steering, the other roles and the tablet never get in."""

from privacy.retention.models import LegalHold
from tests.casework.factories import WomanFactory

from .matrix import Row, for_roles

MANAGER = ("manager",)


def build(world):
    woman = WomanFactory(centre=world.centre)
    world.extra.retention_hold = LegalHold.objects.create(
        centre=world.centre, woman=woman, reason="A claim", placed_by=world.people["manager"]
    )


def _hold(world):
    return {"pk": world.retention_hold.pk}


def _get_only():
    return Row(get=for_roles(MANAGER), post=for_roles(MANAGER, 405))


def _form(kwargs=None, *, outsider=None):
    # An empty POST shows the form again with its messages (200).
    return Row(
        get=for_roles(MANAGER, outsider=outsider),
        post=for_roles(MANAGER, outsider=outsider),
        kwargs=kwargs,
    )


ROWS = {
    "retention:index": _get_only(),
    "retention:period_edit": _form(lambda world: {"kind": "closed_case"}),
    "retention:hold_new": _form(),
    "retention:hold_lift": _form(_hold, outsider=404),
    "access_review:index": _get_only(),
    # Marking: a POST (an empty one goes back to the review with a message).
    # An empty form is refused and comes back on a form page with the message (400).
    "access_review:mark": Row(get=for_roles(MANAGER, 405), post=for_roles(MANAGER, 400)),
}
