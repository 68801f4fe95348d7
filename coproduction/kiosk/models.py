"""The shared tablets a manager enrolls for the kiosk (table kept from the one-app days)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from centre.models import Centre


class Tablet(models.Model):
    """A shared tablet enrolled by a manager. Not a user: it can only reach the kiosk pages."""

    centre = models.ForeignKey(Centre, on_delete=models.CASCADE, related_name="tablets")
    name = models.CharField(_("name"), max_length=80, help_text=_("For example “Front room”."))
    # Only a hash of the one-time enrolment code is kept, so a database read cannot enrol a device.
    enrolment_code_hash = models.CharField(max_length=64, blank=True, db_index=True)
    enrolment_expires_at = models.DateTimeField(null=True, blank=True)
    # Changes at each enrolment, so a cookie from an earlier enrolment stops working.
    device_key = models.CharField(max_length=64, blank=True)
    enrolled_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    audit_type = "coproduction.tablet"

    class Meta:
        db_table = "coproduction_tablet"
        ordering = ["name", "id"]

    def __str__(self):
        return self.name

    @property
    def is_active(self):
        return self.enrolled_at is not None and self.revoked_at is None and bool(self.device_key)

    @property
    def has_open_link(self):
        return bool(self.enrolment_code_hash) and (
            self.enrolment_expires_at is not None and self.enrolment_expires_at > timezone.now()
        )
