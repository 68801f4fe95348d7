"""What she agreed to share with partner agencies."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .record import USER, Domain, Woman
from .referrals import Agency


class SharePart(models.TextChoices):
    """Parts of her record a partner agency's worker may see when she agrees to share.

    The needs domains (see Domain) are shared one by one; these are the other parts."""

    CONTACT_NOTES = "contact_notes", _("Contact notes written by others")
    JUSTICE_RECORD = "justice_record", _("Justice record (orders, court dates, breaches)")
    ALERTS = "alerts", _("Who she must not be placed with, and why")


# The parts of her record an agreement covers (casework.access.Part names the same values).


AGREEMENT_PART_CHOICES = [
    ("contacts", _("Contacts, with notes written by others")),
    ("plan", _("Needs, support plan and distance travelled (every area)")),
    ("reviews", _("Reviews and case reviews")),
    ("move_on", _("Move-on plan and referrals to other services")),
    ("risk", _("Risk: alerts, who she must not be placed with, and the justice record")),
]


def share_choices():
    """Every part she can agree to share: the record's parts, then single needs areas and
    the finer parts older agreements listed."""
    return [
        *AGREEMENT_PART_CHOICES,
        *((value, _("Needs: %(area)s") % {"area": label}) for value, label in Domain.choices),
        *SharePart.choices,
    ]


SHARE_VALUES = frozenset(
    [*(value for value, _label in AGREEMENT_PART_CHOICES), *Domain.values, *SharePart.values]
)


class Consent(models.Model):
    """What she agreed (or refused) to share with one partner agency.

    `shares` lists the parts of her record the agency's workers may see (values of Domain and
    SharePart); `what_may_be_shared` is a free-text note kept beside it. Her latest decision per
    agency counts. A refusal, or an agreement past its review date, limits the agency's workers
    to the front-desk card and their own contacts (see casework.selectors.sharing_for)."""

    woman = models.ForeignKey(Woman, on_delete=models.CASCADE, related_name="consents")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="consents")
    agreed = models.BooleanField(_("she agreed"), default=True)
    shares = models.JSONField(_("what she agreed to share"), default=list, blank=True)
    what_may_be_shared = models.TextField(
        _("note about sharing"),
        max_length=1000,
        blank=True,
        help_text=_("Anything else she said about sharing, in plain words."),
    )
    decided_on = models.DateField(_("date agreed or refused"), default=timezone.localdate)
    review_on = models.DateField(_("review date"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["agency__name", "-decided_on"]

    def __str__(self):
        return f"Consent for {self.agency_id}"

    def clean(self):
        unknown = set(self.shares or []) - SHARE_VALUES
        if unknown:
            raise ValidationError({"shares": _("Choose from the listed parts of her record.")})
        if not self.agreed:
            self.shares = []

    def get_shares_display(self):
        labels = dict(share_choices())
        return [labels[value] for value, _label in share_choices() if value in self.shares]
