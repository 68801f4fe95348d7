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
