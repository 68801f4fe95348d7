import datetime
import hashlib

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .roles import Role


class User(AbstractUser):
    """A member of staff, a volunteer or a steering group member. Women are not users."""

    class Meta:
        ordering = ["first_name", "last_name", "username"]

    def __str__(self):
        return self.get_full_name() or self.username

    @property
    def display_name(self):
        return str(self)


class Centre(models.Model):
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("short name"), max_length=60, unique=True)
    target_women = models.PositiveIntegerField(
        _("target number of women supported"), default=100, validators=[MinValueValidator(1)]
    )
    caseload_warning_threshold = models.PositiveIntegerField(
        _("caseload warning threshold"),
        default=15,
        validators=[MinValueValidator(1)],
        help_text=_("A key worker holding more women than this is shown a warning."),
    )
    not_heard_from_days = models.PositiveIntegerField(
        _("days before a woman counts as not heard from"),
        default=14,
        validators=[MinValueValidator(1)],
        help_text=_("Calendar days, weekends included: how long she has gone without contact."),
    )
    suggestion_response_days = models.PositiveIntegerField(
        _("working days to respond to a suggestion"),
        default=10,
        validators=[MinValueValidator(1)],
        help_text=_(
            "Monday to Friday, not counting the centre's holidays. A suggestion with no answer "
            "after this many working days shows as overdue."
        ),
    )
    duty_manager_email = models.EmailField(_("duty manager email"), blank=True)
    break_glass_ends_at = models.TimeField(
        _("break the glass lasts until"),
        default=datetime.time(17, 30),
        help_text=_(
            "A record opened with break the glass closes again at this time of day (the end "
            "of the working day), or an hour after it is opened if that is later."
        ),
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Membership(models.Model):
    """A person's role in one centre. A person may belong to several centres."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    centre = models.ForeignKey(Centre, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    agency = models.CharField(
        _("agency"),
        max_length=120,
        blank=True,
        help_text=_("For partner workers: the agency they come from."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    triages_referrals = models.BooleanField(
        _("triages referrals"),
        default=False,
        help_text=_("On referral duty: reads referrals waiting for a decision."),
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["centre__name"]
        constraints = [
            models.UniqueConstraint(fields=["user", "centre"], name="one_membership_per_centre")
        ]

    def __str__(self):
        return f"{self.user} – {self.get_role_display()} at {self.centre}"

    def clean(self):
        if self.role == Role.PARTNER and not self.agency.strip():
            raise ValidationError({"agency": _("Say which agency a partner worker comes from.")})


class AuditEventQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionError("Audit events are append-only.")

    def delete(self):
        raise PermissionError("Audit events are append-only.")


class AuditEvent(models.Model):
    """One thing someone did or looked at. Append-only, and never holds case content."""

    actor = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    centre = models.ForeignKey(
        Centre, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    action = models.CharField(max_length=60, db_index=True)
    object_type = models.CharField(max_length=60, blank=True)
    object_id = models.CharField(max_length=40, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    request_id = models.CharField(max_length=36, blank=True)
    reason = models.CharField(max_length=500, blank=True)
    # Why the person could see what she read (casework.access.Grounds), and the woman it is
    # about: an id, not a foreign key, because the platform cannot depend on casework.
    grounds = models.CharField(max_length=30, blank=True)
    woman_id = models.IntegerField(null=True, blank=True, db_index=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["centre", "object_type", "object_id", "-created_at"]),
            # The audit search: one centre's events, newest first (and its capped count).
            models.Index(fields=["centre", "-created_at", "-id"], name="audit_centre_newest_idx"),
        ]

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor} {self.action} {self.object_type} {self.object_id}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("Audit events are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("Audit events are append-only.")


class OutboxMessage(models.Model):
    """One message to one person, sent exactly once by the outbox task."""

    class Channel(models.TextChoices):
        EMAIL = "email", _("Email")
        SMS = "sms", _("Text message")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        CANCELLED = "cancelled", _("Cancelled")

    centre = models.ForeignKey(
        Centre, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    purpose = models.CharField(max_length=60)
    reference = models.CharField(
        max_length=80, blank=True, help_text="What the message is about, e.g. appointment:42."
    )
    channel = models.CharField(max_length=10, choices=Channel.choices)
    recipient = models.CharField(max_length=254)
    subject = models.CharField(max_length=200, blank=True)
    body = models.TextField()
    html_body = models.TextField(blank=True)
    scheduled_for = models.DateTimeField(default=timezone.now)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    provider_id = models.CharField(max_length=100, blank=True)
    last_error = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["scheduled_for", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["purpose", "reference", "recipient", "scheduled_for"],
                name="one_message_per_purpose",
            )
        ]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self):
        return f"{self.purpose} to {self.recipient} ({self.get_status_display()})"


class InvitationQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(
            accepted_at__isnull=True,
            declined_at__isnull=True,
            withdrawn_at__isnull=True,
            expires_at__gt=timezone.now(),
        )


class Invitation(models.Model):
    """An invitation to join a centre, sent to an email address. Only a hash of its token is
    kept, so the database cannot be used to accept it. A new person sets her password from the
    link; an existing account accepts while signed in (see centre.services)."""

    centre = models.ForeignKey(Centre, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("email"))
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    agency = models.CharField(_("agency"), max_length=120, blank=True)
    invited_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    declined_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["email", "centre"])]

    def __str__(self):
        return f"{self.email} to {self.centre} as {self.get_role_display()}"

    def clean(self):
        if self.role == Role.PARTNER and not self.agency.strip():
            raise ValidationError({"agency": _("Say which agency a partner worker comes from.")})

    @staticmethod
    def hash_token(token):
        return hashlib.sha256(token.encode()).hexdigest()

    @property
    def is_pending(self):
        return (
            self.accepted_at is None
            and self.declined_at is None
            and self.withdrawn_at is None
            and self.expires_at > timezone.now()
        )


class CentreHoliday(models.Model):
    """A day the centre is closed: it does not count as a working day for any deadline."""

    centre = models.ForeignKey(Centre, on_delete=models.CASCADE, related_name="holidays")
    date = models.DateField(_("date"))
    name = models.CharField(_("name"), max_length=80)

    class Meta:
        ordering = ["date"]
        constraints = [
            models.UniqueConstraint(fields=["centre", "date"], name="one_holiday_per_centre_day")
        ]

    def __str__(self):
        return f"{self.name} ({self.date:%-d %B %Y})"


# Generated documents live in their own module; importing here registers the model.
from .documents.models import Document  # noqa: E402, F401
