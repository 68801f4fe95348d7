"""Contacts with her and appointments."""

from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from centre.models import Centre

from .record import USER, Woman


class Contact(models.Model):
    class Type(models.TextChoices):
        IN_CENTRE = "in_centre", _("In the centre")
        HOME_VISIT = "home_visit", _("Home visit")
        OUTREACH = "outreach", _("Outreach or door-knock")
        PHONE = "phone", _("Phone")
        TEXT = "text", _("Text")
        ACCOMPANIED = "accompanied", _("Accompanied appointment")
        COURT = "court", _("Court")
        PRISON_VISIT = "prison_visit", _("Prison visit")

    class Format(models.TextChoices):
        ONE_TO_ONE = "one_to_one", _("One-to-one")
        THREE_WAY = "three_way", _("Three-way with another agency")
        FAMILY = "family", _("Family present")

    class Tool(models.TextChoices):
        OUTCOME_STAR = "outcome_star", _("Outcome star")
        MY_DIRECTION = "my_direction", _("My Direction")
        TIMELINE = "timeline", _("Life timeline")
        GOAL_CARDS = "goal_cards", _("Goal cards")
        SAFETY_PLAN = "safety_plan", _("Safety plan")

    class Support(models.TextChoices):
        FOOD = "food", _("Food")
        CLOTHES = "clothes", _("Clothes")
        TRAVEL = "travel", _("Travel")
        PHONE_TOP_UP = "phone_top_up", _("Phone top-up")
        TOILETRIES = "toiletries", _("Toiletries")
        FORMS = "forms", _("Help with forms")

    centre = models.ForeignKey(Centre, on_delete=models.CASCADE, related_name="+")
    # No index of its own: (woman, newest first) below serves every look-up by woman. With both,
    # PostgreSQL chose this one for "a contact of hers in the period" and read all her contacts
    # (the report's eight quarters of women supported took a third longer).
    woman = models.ForeignKey(
        Woman, on_delete=models.CASCADE, related_name="contacts", db_index=False
    )
    worker = models.ForeignKey(
        USER, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("worker")
    )
    contact_on = models.DateField(_("date"), default=timezone.localdate)
    contact_type = models.CharField(_("type"), max_length=20, choices=Type.choices)
    made = models.BooleanField(
        _("we spoke or met"), default=True, help_text=_("Untick if this was only an attempt.")
    )
    note = models.CharField(_("short note"), max_length=1000)
    duration_minutes = models.PositiveSmallIntegerField(
        _("minutes"), null=True, blank=True, validators=[MaxValueValidator(24 * 60)]
    )
    contact_format = models.CharField(
        _("format"), max_length=20, choices=Format.choices, blank=True
    )
    needs_discussed = models.JSONField(_("needs discussed"), default=list, blank=True)
    tool_used = models.CharField(
        _("person-centred tool used"), max_length=20, choices=Tool.choices, blank=True
    )
    practical_support = models.JSONField(_("practical support given"), default=list, blank=True)
    restricted = models.BooleanField(
        _("restricted note"),
        default=False,
        help_text=_("Only you, her key worker and the manager will see the note."),
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-contact_on", "-id"]
        indexes = [
            models.Index(fields=["woman", "-contact_on"]),
            models.Index(fields=["centre", "contact_on"]),
        ]

    def __str__(self):
        return f"{self.get_contact_type_display()} on {self.contact_on}"


class ContactChoices(models.Model):
    """A worker's last choices on the contact form (type, format, length), offered next time so
    logging the usual contact takes a note and one tap. About the worker, never a woman."""

    worker = models.OneToOneField(USER, on_delete=models.CASCADE, related_name="contact_choices")
    contact_type = models.CharField(max_length=20, choices=Contact.Type.choices, blank=True)
    contact_format = models.CharField(max_length=20, choices=Contact.Format.choices, blank=True)
    duration_minutes = models.PositiveSmallIntegerField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"Contact choices of {self.worker_id}"


class Appointment(models.Model):
    class Status(models.TextChoices):
        BOOKED = "booked", _("Booked")
        ATTENDED = "attended", _("Attended")
        MISSED = "missed", _("Missed, let's re-book")
        CANCELLED = "cancelled", _("Cancelled")

    centre = models.ForeignKey(Centre, on_delete=models.CASCADE, related_name="+")
    woman = models.ForeignKey(Woman, on_delete=models.CASCADE, related_name="appointments")
    worker = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    starts_at = models.DateTimeField(_("date and time"))
    place = models.CharField(_("where"), max_length=160, blank=True)
    purpose = models.CharField(_("what it is for"), max_length=200, blank=True)
    send_reminder = models.BooleanField(_("send her a reminder"), default=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.BOOKED)
    re_engagement = models.CharField(_("next step to re-engage"), max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["starts_at"]
        indexes = [
            models.Index(fields=["woman", "starts_at"]),
            models.Index(fields=["centre", "starts_at"]),
        ]

    def __str__(self):
        return f"Appointment {self.starts_at:%Y-%m-%d %H:%M}"
