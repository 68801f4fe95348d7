"""A demo tablet for the first centre, and a working enrolment link every run."""

from django.db import transaction

from centre.models import Membership
from centre.roles import Role

from . import services
from .models import Tablet


def _enrolment_link(centre, stdout):
    """A fresh one-time link for the demo tablet (every run: the last one may be used)."""
    tablet, _created = Tablet.objects.get_or_create(
        centre=centre, name="Front room tablet", defaults={"created_by": None}
    )
    if tablet.revoked_at:
        tablet, _created = Tablet.objects.get_or_create(centre=centre, name="Front room tablet 2")
    manager = Membership.objects.filter(centre=centre, role=Role.MANAGER).first()
    code = services.tablet_link_renew(tablet=tablet, by=manager.user if manager else None)
    token = code.replace("-", "")
    stdout.write(
        f"Demo tablet for {centre.name}: open http://127.0.0.1:8000/kiosk/enrol/{token}/ "
        f"in a browser that is not signed in (or type the code {code} at /kiosk/enrol/)."
    )


@transaction.atomic
def seed_tablet(*, centres, stdout):
    if centres:
        _enrolment_link(centres[0], stdout)
