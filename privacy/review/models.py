"""Access review: the manager's mark that she has looked at one item of a month's review."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from centre.models import Centre


class ItemKind(models.TextChoices):
    BREAK_GLASS = "break_glass", _("Break the glass")
    HEAVY_READING = "heavy_reading", _("Many records opened in a day")
    NO_GROUNDS = "no_grounds", _("Records read with no grounds")
    SIGN_IN = "sign_in", _("Failed sign-ins and lock-outs")
    ACCOUNT = "account", _("Account changes")


class ReviewMark(models.Model):
    """One item reviewed: which (kind and its id: an audit event, a person and day, a failed
    sign-in), by whom, when, and her note."""

    centre = models.ForeignKey(Centre, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20, choices=ItemKind.choices)
    item = models.CharField(max_length=60)
    note = models.TextField(_("note"), max_length=1000, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)

    audit_type = "review.reviewmark"

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["centre", "kind", "item"], name="one_mark_per_item")
        ]

    def __str__(self) -> str:
        return f"{self.kind}:{self.item}"
