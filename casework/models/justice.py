"""The justice tracker: orders, court dates and breaches."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .record import Woman


class JusticeOrder(models.Model):
    woman = models.ForeignKey(Woman, on_delete=models.CASCADE, related_name="orders")
    order_type = models.CharField(_("type of order"), max_length=120)
    starts_on = models.DateField(_("start"))
    ends_on = models.DateField(_("end"), null=True, blank=True)
    requirements = models.TextField(_("requirements"), max_length=2000, blank=True)
    conditions = models.TextField(_("conditions"), max_length=2000, blank=True)

    class Meta:
        ordering = ["-starts_on"]

    def __str__(self):
        return self.order_type


class CourtDate(models.Model):
    woman = models.ForeignKey(Woman, on_delete=models.CASCADE, related_name="court_dates")
    starts_at = models.DateTimeField(_("date and time"))
    court = models.CharField(_("court"), max_length=160)
    purpose = models.CharField(_("what for"), max_length=200, blank=True)
    outcome = models.CharField(_("outcome"), max_length=500, blank=True)

    class Meta:
        ordering = ["starts_at"]

    def __str__(self):
        return f"{self.court} {self.starts_at:%Y-%m-%d}"


class Breach(models.Model):
    woman = models.ForeignKey(Woman, on_delete=models.CASCADE, related_name="breaches")
    order = models.ForeignKey(
        JusticeOrder, null=True, blank=True, on_delete=models.SET_NULL, related_name="breaches"
    )
    occurred_on = models.DateField(_("date"))
    description = models.CharField(_("what happened"), max_length=500)
    outcome = models.CharField(_("outcome"), max_length=500, blank=True)

    class Meta:
        ordering = ["-occurred_on"]
        verbose_name_plural = "breaches"

    def __str__(self):
        return f"Breach on {self.occurred_on}"
