"""Suggestions from women, their history and overdue alerts, and the "you said, we did" poster.

The tables keep the names they had when co-production was one app (`coproduction_*`), and audit
events keep naming them `coproduction.<model>`, so nothing stored had to be copied or renamed.

A suggestion deliberately has no IP address, user agent, device or tablet field, and keeps only
the day it arrived (not the time): nothing stored can tell staff which woman, or which tablet
at what moment, wrote it.
"""

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from centre import deadlines
from centre.models import Centre

TEXT_MAX = 1500
NAME_MAX = 40


class Suggestion(models.Model):
    class Source(models.TextChoices):
        TABLET = "tablet", _("Tablet")
        PAPER = "paper", _("Paper (typed up by staff)")
        MEETING = "meeting", _("Meeting")
        PEER_REP = "peer_rep", _("Peer rep conversation")

    class About(models.TextChoices):
        CENTRE = "centre", _("The centre")
        ACTIVITIES = "activities", _("Activities")
        FOOD = "food", _("Food")
        STAFF = "staff", _("Staff")
        MEETINGS = "meetings", _("Meetings")
        OTHER = "other", _("Something else")

    class Theme(models.TextChoices):
        BUILDING = "building", _("The building and rooms")
        ACTIVITIES = "activities", _("Groups and activities")
        FOOD = "food", _("Food and drink")
        CHILDCARE = "childcare", _("Children and crèche")
        OPENING = "opening", _("Opening times")
        STAFF = "staff", _("Staff and support")
        MEETINGS = "meetings", _("Meetings and having a say")
        INFORMATION = "information", _("Information and communication")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        RECEIVED = "received", _("Received")
        LOOKING = "looking", _("Being looked at")
        MEETING = "meeting", _("Taken to a meeting")
        AGREED = "agreed", _("Agreed")
        DONE = "done", _("Done")
        NOT_POSSIBLE = "not_possible", _("Not possible")

    class Screening(models.TextChoices):
        TO_SCREEN = "to_screen", _("Waiting for a safeguarding check")
        CLEAR = "clear", _("Checked: no concerns")
        HELD = "held", _("Held for the duty manager")

    class Wording(models.TextChoices):
        NONE = "none", _("Not written")
        DRAFT = "draft", _("Waiting for a manager")
        APPROVED = "approved", _("Approved")

    OPEN_STATUSES = (Status.RECEIVED, Status.LOOKING, Status.MEETING)
    ANSWERED_STATUSES = (Status.AGREED, Status.DONE, Status.NOT_POSSIBLE)
    OUTCOME_STATUSES = (Status.DONE, Status.NOT_POSSIBLE)

    centre = models.ForeignKey(Centre, on_delete=models.CASCADE, related_name="suggestions")
    source = models.CharField(_("where it came from"), max_length=10, choices=Source.choices)
    about = models.CharField(_("what it is about"), max_length=12, choices=About.choices)
    text = models.TextField(_("what she would like"), validators=[MaxLengthValidator(TEXT_MAX)])
    fix_idea = models.TextField(
        _("what would fix it"), blank=True, validators=[MaxLengthValidator(TEXT_MAX)]
    )
    first_name = models.CharField(_("first name"), max_length=NAME_MAX, blank=True)
    received_on = models.DateField(_("received on"), default=timezone.localdate, db_index=True)
    receipt_code = models.CharField(_("receipt code"), max_length=8)

    screening = models.CharField(
        max_length=10, choices=Screening.choices, default=Screening.TO_SCREEN
    )
    screened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    screened_at = models.DateTimeField(null=True, blank=True)
    redacted_at = models.DateTimeField(null=True, blank=True)

    theme = models.CharField(_("theme"), max_length=12, choices=Theme.choices, blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="owned_suggestions",
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.RECEIVED
    )
    agreed_in_part = models.BooleanField(_("only partly"), default=False)
    reason = models.TextField(_("reason"), blank=True, validators=[MaxLengthValidator(TEXT_MAX)])
    duplicate_of = models.ForeignKey(
        "self",
        verbose_name=_("same as"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="duplicates",
    )
    # The activity this idea became, or was joined to (set by services.suggestion_activity_*).
    activity = models.ForeignKey(
        "activities.Activity",
        verbose_name=_("activity"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="suggestions",
    )
    first_response_on = models.DateField(null=True, blank=True)
    answered_on = models.DateField(null=True, blank=True)
    outcome_on = models.DateField(null=True, blank=True)

    you_said = models.TextField(_("you said"), blank=True, validators=[MaxLengthValidator(500)])
    we_did = models.TextField(
        _("we did / we couldn't, because"), blank=True, validators=[MaxLengthValidator(800)]
    )
    wording = models.CharField(max_length=10, choices=Wording.choices, default=Wording.NONE)
    wording_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    wording_approved_on = models.DateField(null=True, blank=True)

    version = models.PositiveIntegerField(default=1)

    audit_type = "coproduction.suggestion"

    class Meta:
        db_table = "coproduction_suggestion"
        # Within a day, by the (random) receipt code: never in the order they were written.
        ordering = ["-received_on", "receipt_code"]
        constraints = [
            models.UniqueConstraint(fields=["centre", "receipt_code"], name="one_receipt_per_code"),
        ]
        indexes = [
            models.Index(fields=["centre", "status", "received_on"]),
            models.Index(fields=["centre", "wording", "wording_approved_on"]),
            # The triage counts find the few waiting for or held at the check by this.
            models.Index(fields=["centre", "screening"], name="suggestion_screening"),
        ]

    def __str__(self):
        return self.receipt_code

    @property
    def is_open(self):
        return self.status in self.OPEN_STATUSES

    @property
    def is_held(self):
        return self.screening == self.Screening.HELD

    @property
    def age_days(self):
        end = self.answered_on or timezone.localdate()
        return (end - self.received_on).days

    def due_on(self, centre=None):
        """The day an answer is due: the centre's response target in working days."""
        centre = centre or self.centre
        return deadlines.due_date(
            centre=centre, start=self.received_on, working_days=centre.suggestion_response_days
        )

    def is_overdue(self, centre=None, due_on=None):
        """Open, not a duplicate, and past its due date (deadlines.is_overdue)."""
        return (
            self.is_open
            and self.duplicate_of_id is None
            and deadlines.is_overdue(due_on=due_on or self.due_on(centre))
        )

    @property
    def needs_reason(self):
        return self.status == self.Status.NOT_POSSIBLE or self.agreed_in_part


class SuggestionChange(models.Model):
    """What happened to a suggestion, for its history. Holds no free text the woman wrote.

    A change made by a person on staff keeps its time (`at`). A change that came with an
    anonymous suggestion (from the tablet: no staff author) keeps only the day (`on`, with `at`
    empty): the minute she pressed "send" could point to the woman at the tablet."""

    suggestion = models.ForeignKey(Suggestion, on_delete=models.CASCADE, related_name="changes")
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    on = models.DateField(default=timezone.localdate)
    at = models.DateTimeField(null=True, blank=True, default=timezone.now)
    what = models.CharField(max_length=200)

    audit_type = "coproduction.suggestionchange"

    class Meta:
        db_table = "coproduction_suggestionchange"
        # Day-only changes come first in their day; within a suggestion's history the id keeps
        # "received" before "held". No list across suggestions is ordered by these ids.
        ordering = ["on", models.F("at").asc(nulls_first=True), "id"]

    def __str__(self):
        return self.what


class OverdueAlert(models.Model):
    """One row per suggestion per threshold: the overdue alert for it has been queued."""

    suggestion = models.ForeignKey(
        Suggestion, on_delete=models.CASCADE, related_name="overdue_alerts"
    )
    threshold_days = models.PositiveIntegerField()
    queued_at = models.DateTimeField(default=timezone.now)

    audit_type = "coproduction.overduealert"

    class Meta:
        db_table = "coproduction_overduealert"
        constraints = [
            models.UniqueConstraint(
                fields=["suggestion", "threshold_days"], name="one_alert_per_threshold"
            )
        ]

    def __str__(self):
        return f"{self.suggestion} after {self.threshold_days} days"
