from django.db import models
from django.utils.translation import gettext_lazy as _

from centre.models import Centre, Document
from centre.versioning import VersionedModel

from .quarters import Quarter


class QuarterlyReport(models.Model):
    """The steering group's report for one centre and quarter. The PDF, its build and the
    suppressed numbers it shows are a platform document (centre.documents); this row keeps the
    report's own address (/reports/<pk>/) and its quarter."""

    Status = Document.Status

    centre = models.ForeignKey(Centre, on_delete=models.CASCADE, related_name="quarterly_reports")
    quarter = models.CharField(_("quarter"), max_length=6, help_text="Like 2026Q3.")
    document = models.OneToOneField(
        Document, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

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
    def status(self):
        return self.document.status if self.document else self.Status.QUEUED

    def get_status_display(self):
        return self.document.get_status_display() if self.document else _("Not asked for yet")

    @property
    def built_at(self):
        return self.document.built_at if self.document else None

    @property
    def content(self):
        """What the PDF shows, already suppressed (see coproduction/reports/content.py)."""
        return self.document.summary if self.document else {}

    @property
    def in_progress(self):
        return bool(self.document and self.document.in_progress)

    @property
    def downloadable(self):
        return bool(self.document and self.document.downloadable)


def _target(label):
    return models.PositiveIntegerField(
        label, null=True, blank=True, help_text=_("For one quarter. Leave empty for no target.")
    )


class ReportTargets(VersionedModel):
    """The centre's own targets for the summary's headline figures, per quarter, where it has
    one (the target number of women supported is the centre's setting, `Centre.target_women`)."""

    centre = models.OneToOneField(Centre, on_delete=models.CASCADE, related_name="report_targets")
    new_referrals = _target(_("new referrals"))
    contacts = _target(_("contacts that reached a woman"))
    women_at_activities = _target(_("women who came to activities"))
    new_at_activities = _target(_("women who came to an activity for the first time"))
    suggestions = _target(_("suggestions from women"))
    moved_on = _target(_("women who moved on"))

    FIELDS = (
        "new_referrals",
        "contacts",
        "women_at_activities",
        "new_at_activities",
        "suggestions",
        "moved_on",
    )

    def __str__(self):
        return f"{self.centre} targets"
