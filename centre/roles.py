"""The roles a person can hold in a centre, and the groups of them that access rules use."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    MANAGER = "manager", _("Centre manager")
    KEY_WORKER = "key_worker", _("Key worker")
    PARTNER = "partner", _("Partner worker")
    VOLUNTEER = "volunteer", _("Volunteer or peer mentor")
    STEERING = "steering", _("Steering group member")


ALL_ROLES = frozenset(Role.values)
STAFF_ROLES = frozenset({Role.MANAGER, Role.KEY_WORKER, Role.PARTNER})
CASEWORK_ROLES = STAFF_ROLES
MANAGER_ONLY = frozenset({Role.MANAGER})
KEY_WORKERS_AND_MANAGER = frozenset({Role.MANAGER, Role.KEY_WORKER})
VOLUNTEER_AND_STAFF = STAFF_ROLES | {Role.VOLUNTEER}
ALL_MEMBERS = ALL_ROLES
VOLUNTEERS = frozenset({Role.VOLUNTEER})
STEERING_GROUP = frozenset({Role.STEERING})
# Activities: who plans and changes them (a partner worker takes registers but plans nothing).
ACTIVITY_EDITORS = frozenset({Role.MANAGER, Role.KEY_WORKER})
# Co-production: the quarterly report is for the manager and the steering group; the suggestion
# numbers for everyone but volunteers (small numbers are suppressed for all who see them).
REPORT_READERS = frozenset({Role.MANAGER, Role.STEERING})
NUMBERS_READERS = STAFF_ROLES | STEERING_GROUP
# Meetings: staff who set up groups and schedule meetings (partners and volunteers attend them).
MEETING_ORGANISERS = frozenset({Role.MANAGER, Role.KEY_WORKER})
