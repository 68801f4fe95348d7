"""The retention schedule (a period per centre and kind of record), legal holds on a woman's
records, and the log of every sweep (counts only, never names or content)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from casework.models import Woman
from centre.models import Centre
from centre.personal_data import RETENTION_KINDS
from centre.versioning import VersionedModel

KIND_CHOICES = list(RETENTION_KINDS.items())


class Action(models.TextChoices):
    DELETE = "delete", _("Delete")
    ANONYMISE = "anonymise", _("Anonymise")


class RetentionPeriod(VersionedModel):
    """One centre's period for one kind of record. No row: the default in `schedule.DEFAULTS`."""

    centre = models.ForeignKey(Centre, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=30, choices=KIND_CHOICES)
    months = models.PositiveIntegerField(_("how long, in months"))
    action = models.CharField(_("what happens then"), max_length=10, choices=Action.choices)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["centre", "kind"], name="one_period_per_kind"),
        ]

    def __str__(self) -> str:
        return f"{self.kind}: {self.months} months"


class LegalHold(models.Model):
    """While a hold is in place, no retention rule touches anything held about her."""

    centre = models.ForeignKey(Centre, on_delete=models.CASCADE, related_name="+")
    woman = models.ForeignKey(Woman, on_delete=models.PROTECT, related_name="legal_holds")
    reason = models.TextField(_("why her records must be kept"), max_length=1000)
    placed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    placed_at = models.DateTimeField(default=timezone.now)
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    lifted_at = models.DateTimeField(null=True, blank=True)
    lift_reason = models.TextField(_("why the hold can end"), max_length=1000, blank=True)

    audit_type = "retention.legalhold"

    class Meta:
        ordering = ["-placed_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["woman"],
                condition=models.Q(lifted_at__isnull=True),
                name="one_live_hold_per_woman",
            )
        ]

    def __str__(self) -> str:
        return f"Hold {self.pk}"

    @property
    def is_live(self) -> bool:
        return self.lifted_at is None


class SweepLog(models.Model):
    """One run of the sweep for one centre, or one dry run: counts per kind, nothing else."""

    # No centre: the run over rows that belong to no centre (sign-in messages and events).
    centre = models.ForeignKey(
        Centre, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    started_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    dry_run = models.BooleanField(default=False)
    counts = models.JSONField(default=dict)

    class Meta:
        ordering = ["-started_at", "-id"]

    def __str__(self) -> str:
        return f"Sweep {self.pk}"

    @property
    def total(self) -> int:
        return sum(int(n) for n in self.counts.values())
