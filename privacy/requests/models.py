"""Subject rights requests: a woman asks for a copy of what is held about her (access), for it to
be erased, or for something wrong to be put right (rectification). Each is due one calendar month
after the centre received it. An erasure is proposed by one manager and approved by another; the
request keeps only the number of rows erased for each kind of data, never what they said."""

import calendar
from datetime import date

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from casework.models import Woman
from centre.models import Centre

TEXT_MAX = 2000


def one_month_after(day: date) -> date:
    """The same day next month (the last day of next month when it has fewer days)."""
    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


class DataRequest(models.Model):
    """Not a versioned record: nothing on it is edited freely. Each step (propose, approve,
    done) changes it with a conditional update that checks its status first."""

    class Kind(models.TextChoices):
        ACCESS = "access", _("A copy of everything held about her (subject access)")
        ERASURE = "erasure", _("Erase what is held about her")
        RECTIFICATION = "rectification", _("Put right something held about her")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        PROPOSED = "proposed", _("Erasure proposed, waiting for a second manager")
        DONE = "done", _("Done")

    centre = models.ForeignKey(Centre, on_delete=models.CASCADE, related_name="+")
    woman = models.ForeignKey(
        Woman, on_delete=models.PROTECT, related_name="data_requests", verbose_name=_("woman")
    )
    kind = models.CharField(_("what she asked for"), max_length=14, choices=Kind.choices)
    received_on = models.DateField(_("received on"), default=timezone.localdate)
    due_on = models.DateField(_("due by"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("handled by"),
    )
    notes = models.TextField(_("notes"), blank=True, max_length=TEXT_MAX)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    done_at = models.DateTimeField(null=True, blank=True)

    # Erasure: one manager proposes, a different one approves.
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    proposed_at = models.DateTimeField(null=True, blank=True)
    erasure_reason = models.TextField(_("reason"), blank=True, max_length=TEXT_MAX)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    # How many rows erasure changed, by the registry's label for each kind of data. Never content.
    erased_counts = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.received_on:%d %B %Y})"

    def save(self, *args, **kwargs):
        if not self.due_on and self.received_on:
            self.due_on = one_month_after(self.received_on)
        super().save(*args, **kwargs)

    @property
    def is_open(self) -> bool:
        return self.status != self.Status.DONE


class Correction(models.Model):
    """One thing put right for a rectification request, in words: which detail, what was done
    and why. The change itself is made on her record's own edit pages."""

    request = models.ForeignKey(DataRequest, on_delete=models.CASCADE, related_name="corrections")
    what = models.CharField(_("which detail"), max_length=200)
    change = models.TextField(_("what was corrected"), max_length=TEXT_MAX)
    reason = models.TextField(_("why"), max_length=TEXT_MAX)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["recorded_at", "pk"]

    def __str__(self) -> str:
        return self.what
