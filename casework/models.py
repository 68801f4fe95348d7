from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from centre.models import Centre


class Stage(models.TextChoices):
    REFERRED = "referred", _("Referred")
    ASSESSMENT = "assessment", _("Assessment")
    INTENSIVE = "intensive", _("Intensive support")
    LIGHTER_TOUCH = "lighter_touch", _("Lighter touch")
    MOVED_ON = "moved_on", _("Moved on")
    CLOSED = "closed", _("Closed")


OPEN_STAGES = (Stage.REFERRED, Stage.ASSESSMENT, Stage.INTENSIVE, Stage.LIGHTER_TOUCH)


class Woman(models.Model):
    """A woman the centre supports. Her record is special category data: read it only through
    casework.selectors, which apply allocation-based access and write the audit log."""

    centre = models.ForeignKey(Centre, on_delete=models.PROTECT, related_name="women")
    first_name = models.CharField(_("first name"), max_length=80)
    last_name = models.CharField(_("last name"), max_length=80, blank=True)
    preferred_name = models.CharField(_("preferred name"), max_length=80, blank=True)
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    stage = models.CharField(
        _("stage"), max_length=20, choices=Stage.choices, default=Stage.REFERRED
    )
    key_worker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="caseload",
        verbose_name=_("key worker"),
    )
    mobile = models.CharField(_("mobile number"), max_length=30, blank=True)
    email = models.EmailField(_("email"), blank=True)
    safe_to_text = models.BooleanField(_("safe to text"), default=False)
    safe_to_leave_voicemail = models.BooleanField(_("safe to leave a voicemail"), default=False)
    safe_to_post = models.BooleanField(_("safe to send letters"), default=False)
    reminders_opt_in = models.BooleanField(_("wants reminders"), default=False)
    last_contact_at = models.DateTimeField(_("last successful contact"), null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(
        default=1, help_text="Bumped on every edit, to catch two people saving at once."
    )

    class Meta:
        ordering = ["first_name", "last_name"]
        indexes = [
            models.Index(fields=["centre", "key_worker", "stage"]),
            models.Index(fields=["centre", "last_contact_at"]),
        ]

    def __str__(self):
        return self.known_as if not self.last_name else f"{self.known_as} {self.last_name}"

    @property
    def known_as(self):
        return self.preferred_name or self.first_name

    @property
    def is_open(self):
        return self.stage in OPEN_STAGES
