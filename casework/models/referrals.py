"""Referrals in and out, and the agencies they come from and go to."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from centre.models import Centre

from .record import USER, Woman


class Agency(models.Model):
    """A partner agency or community resource in the centre's directory."""

    class Kind(models.TextChoices):
        PARTNER = "partner", _("Partner agency")
        COMMUNITY = "community", _("Community resource")

    centre = models.ForeignKey(Centre, on_delete=models.CASCADE, related_name="agencies")
    name = models.CharField(_("name"), max_length=150)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.PARTNER)
    services = models.TextField(_("services"), max_length=2000, blank=True)
    eligibility = models.TextField(_("who it is for"), max_length=1000, blank=True)
    how_to_refer = models.TextField(_("how to refer"), max_length=1000, blank=True)
    area = models.CharField(_("area covered"), max_length=120, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    website = models.URLField(_("website"), blank=True)
    is_active = models.BooleanField(_("still in use"), default=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["centre", "name"], name="one_agency_name_per_centre")
        ]
        verbose_name_plural = "agencies"

    def __str__(self):
        return self.name


class Referral(models.Model):
    class Source(models.TextChoices):
        COURT = "court", _("Court")
        SOCIAL_WORK = "social_work", _("Social work")
        POLICE = "police", _("Police")
        PRISON = "prison", _("Prison")
        HEALTH = "health", _("Health")
        HOUSING = "housing", _("Housing")
        OTHER_AGENCY = "other_agency", _("Other agency")
        SELF = "self", _("Self-referral")

    class Band(models.TextChoices):
        NONE = "", _("No band given")
        LOW = "low", _("Low")
        MEDIUM = "medium", _("Medium")
        HIGH = "high", _("High")
        VERY_HIGH = "very_high", _("Very high")

    class Decision(models.TextChoices):
        PENDING = "pending", _("Waiting for a decision")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Not accepted")
        WITHDRAWN = "withdrawn", _("Withdrawn by the referrer")

    centre = models.ForeignKey(Centre, on_delete=models.CASCADE, related_name="referrals")
    woman = models.ForeignKey(
        Woman, null=True, blank=True, on_delete=models.SET_NULL, related_name="referrals"
    )
    first_name = models.CharField(_("her first name"), max_length=80)
    last_name = models.CharField(_("her last name"), max_length=80, blank=True)
    date_of_birth = models.DateField(_("her date of birth"), null=True, blank=True)
    mobile = models.CharField(_("her mobile"), max_length=30, blank=True)
    source = models.CharField(_("source"), max_length=20, choices=Source.choices)
    referrer_agency = models.ForeignKey(
        Agency,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="referrals_in",
        verbose_name=_("referring agency"),
    )
    referrer_name = models.CharField(_("referrer's name"), max_length=120, blank=True)
    referrer_contact = models.CharField(_("referrer's phone or email"), max_length=160, blank=True)
    referred_on = models.DateField(_("date referred"), default=timezone.localdate)
    justice_involvement = models.TextField(
        _("criminal justice involvement"),
        max_length=2000,
        blank=True,
        help_text=_("Current or past involvement. Leave empty for prevention or early help."),
    )
    vulnerability = models.TextField(_("vulnerability and needs"), max_length=2000)
    risk_need_band = models.CharField(
        _("risk/need band"), max_length=20, choices=Band.choices, blank=True
    )
    early_intervention = models.BooleanField(_("prevention or early intervention"), default=False)
    decision = models.CharField(
        _("decision"), max_length=20, choices=Decision.choices, default=Decision.PENDING
    )
    decision_reason = models.TextField(_("reason for the decision"), max_length=2000, blank=True)
    decided_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    # A waiting referral offered to a key worker: she accepts it (and becomes her key worker)
    # or declines it, with a reason, and it goes back to whoever triages.
    offered_to = models.ForeignKey(
        USER,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="referrals_offered",
        verbose_name=_("offered to"),
    )
    offered_at = models.DateTimeField(null=True, blank=True)
    offer_note = models.CharField(_("note on the offer"), max_length=500, blank=True)
    created_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-referred_on", "-id"]
        indexes = [models.Index(fields=["centre", "referred_on"])]

    def __str__(self):
        return f"{self.first_name} {self.last_name}".strip()


class PartnerAgency(models.Model):
    """Which directory agency a partner worker comes from, set by the manager.

    centre.Membership.agency is free text; this link is what sharing agreements are matched
    by. Without a link, the free text is matched to a directory name (ignoring case)."""

    membership = models.OneToOneField(
        "centre.Membership", on_delete=models.CASCADE, related_name="casework_agency"
    )
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="partner_workers")
    set_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    set_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "partner worker's agency"

    def __str__(self):
        return f"Membership {self.membership_id} -> agency {self.agency_id}"


class ReferralOut(models.Model):
    class Status(models.TextChoices):
        MADE = "made", _("Referral made")
        ACCEPTED = "accepted", _("Accepted")
        ATTENDED = "attended", _("Attended")
        NOT_TAKEN_UP = "not_taken_up", _("Not taken up")
        DECLINED = "declined", _("Not accepted by them")

    woman = models.ForeignKey(Woman, on_delete=models.CASCADE, related_name="referrals_out")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="referrals_out")
    made_on = models.DateField(_("date made"), default=timezone.localdate)
    reason = models.CharField(_("what for"), max_length=300)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.MADE)
    status_changed_on = models.DateField(default=timezone.localdate)
    made_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-made_on", "-id"]

    def __str__(self):
        return f"Referral to {self.agency_id}"
