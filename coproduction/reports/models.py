from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from centre.models import Centre

from .quarters import Quarter


class QuarterlyReport(models.Model):
    """The steering group's report for one centre and quarter. Rebuilding replaces the PDF and
    the content in place; the last good PDF stays downloadable while a rebuild runs."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to start")
        BUILDING = "building", _("Being built")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Could not be built")

    centre = models.ForeignKey(Centre, on_delete=models.CASCADE, related_name="quarterly_reports")
    quarter = models.CharField(_("quarter"), max_length=6, help_text="Like 2026Q3.")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    requested_at = models.DateTimeField(null=True, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    built_at = models.DateTimeField(null=True, blank=True)
    pdf = models.BinaryField(blank=True, default=b"")
    # What the PDF shows, already suppressed (see coproduction/reports/content.py).
    content = models.JSONField(default=dict, blank=True)
    error = models.CharField(max_length=300, blank=True)

    audit_type = "coproduction.quarterlyreport"

    class Meta:
        db_table = "coproduction_quarterlyreport"
        ordering = ["-quarter"]
        constraints = [
            models.UniqueConstraint(
                fields=["centre", "quarter"], name="one_quarterly_report_per_centre_and_quarter"
            )
        ]

    def __str__(self):
        return f"{self.centre} {self.quarter}"

    @property
    def period(self):
        return Quarter.parse(self.quarter)

    @property
    def in_progress(self):
        return self.status in (self.Status.QUEUED, self.Status.BUILDING)

    @property
    def downloadable(self):
        return self.built_at is not None
