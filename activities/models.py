"""Activities: groups, courses, drop-ins, trips and events, their sessions and registers.

Groups "stop and start" for lack of planning and ownership, so an activity keeps the history of
every status change with its reason, a named owner and facilitators, and its budget.
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from casework.models import Woman
from centre.models import Centre


class Room(models.Model):
    centre = models.ForeignKey(Centre, on_delete=models.CASCADE, related_name="rooms")
    name = models.CharField(_("name"), max_length=80)
    capacity = models.PositiveIntegerField(_("how many people fit"), null=True, blank=True)
    accessibility_notes = models.CharField(_("access notes"), max_length=300, blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["centre", "name"], name="one_room_name_per_centre")
        ]

    def __str__(self):
        return self.name


class Term(models.Model):
    """A block of weeks the programme is planned in, with an optional half-term break."""

    centre = models.ForeignKey(Centre, on_delete=models.CASCADE, related_name="terms")
    name = models.CharField(_("name"), max_length=80)
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    break_starts_on = models.DateField(_("half-term break from"), null=True, blank=True)
    break_ends_on = models.DateField(_("half-term break to"), null=True, blank=True)

    class Meta:
        ordering = ["-starts_on"]

    def __str__(self):
        return self.name

    def clean(self):
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The last day must be after the first day.")})
        if bool(self.break_starts_on) != bool(self.break_ends_on):
            raise ValidationError(_("Give both days of the break, or neither."))

    def in_break(self, day):
        return bool(
            self.break_starts_on and self.break_starts_on <= day <= (self.break_ends_on or day)
        )


class Activity(models.Model):
    class Kind(models.TextChoices):
        GROUP = "group", _("Group")
        COURSE = "course", _("Course")
        DROP_IN = "drop_in", _("Drop-in")
        TRIP = "trip", _("Trip")
        EVENT = "event", _("Event")

    class Category(models.TextChoices):
        FOOD = "food", _("Cooking and food")
        CREATIVE = "creative", _("Art and making")
        WELLBEING = "wellbeing", _("Wellbeing and mindfulness")
        FAMILY = "family", _("Parenting and family")
        ACTIVE = "active", _("Walking, sport and being active")
        LEARNING = "learning", _("Learning and skills")
        SOCIAL = "social", _("Social and days out")
        SUPPORT = "support", _("Peer support")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        RUNNING = "running", _("Running")
        PAUSED = "paused", _("Paused")
        ENDED = "ended", _("Ended")

    class Origin(models.TextChoices):
        STAFF = "staff", _("Planned by the centre")
        WOMAN = "woman", _("A woman's idea")

    class IdeaStage(models.TextChoices):
        IDEA = "idea", _("Idea")
        PILOT = "pilot", _("Pilot")
        REVIEWED = "reviewed", _("Reviewed")

    centre = models.ForeignKey(Centre, on_delete=models.PROTECT, related_name="activities")
    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(_("type"), max_length=10, choices=Kind.choices, default=Kind.GROUP)
    category = models.CharField(_("category"), max_length=12, choices=Category.choices)
    description = models.TextField(
        _("what happens, in plain English"),
        max_length=2000,
        help_text=_("Write it as you would say it to a woman coming for the first time."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PLANNED
    )
    status_reason = models.CharField(
        _("reason for the status"),
        max_length=300,
        blank=True,
        help_text=_("Shown on the programme, so keep it free of anyone's personal details."),
    )
    status_changed_on = models.DateField(_("status since"), default=timezone.localdate)
    starts_on = models.DateField(_("starts"), null=True, blank=True)
    ends_on = models.DateField(_("ends"), null=True, blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_activities",
        verbose_name=_("named owner"),
    )
    room = models.ForeignKey(
        Room, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("usual room")
    )
    location = models.CharField(_("place, if not at the centre"), max_length=200, blank=True)
    capacity = models.PositiveIntegerField(
        _("places"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Leave empty for an open drop-in: anyone can come, no sign-up needed."),
    )
    completion_sessions = models.PositiveIntegerField(
        _("sessions needed to complete the course"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
    )
    funding_source = models.CharField(_("funding source"), max_length=200, blank=True)
    budget = models.DecimalField(
        _("budget (£)"),
        max_digits=9,
        decimal_places=2,
        default=Decimal("0"),
        validators=[MinValueValidator(Decimal("0"))],
    )
    accessibility_notes = models.TextField(_("accessibility"), max_length=1000, blank=True)
    origin = models.CharField(
        _("where the idea came from"), max_length=10, choices=Origin.choices, default=Origin.STAFF
    )
    idea_stage = models.CharField(
        _("idea stage"), max_length=10, choices=IdeaStage.choices, blank=True
    )
    idea_notes = models.TextField(_("the idea, in her words"), max_length=2000, blank=True)
    review_notes = models.TextField(_("what the review found"), max_length=2000, blank=True)
    reviewed_on = models.DateField(_("reviewed on"), null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "activities"
        indexes = [models.Index(fields=["centre", "status"])]

    def __str__(self):
        return self.name

    def clean(self):
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The end must be after the start.")})
        if self.origin == self.Origin.WOMAN and not self.idea_stage:
            self.idea_stage = self.IdeaStage.IDEA

    @property
    def is_open_drop_in(self):
        return self.capacity is None


class ActivityStatusChange(models.Model):
    """The kept history of an activity starting, pausing, restarting and ending, with reasons."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField(max_length=10, choices=Activity.Status.choices, blank=True)
    to_status = models.CharField(max_length=10, choices=Activity.Status.choices)
    reason = models.CharField(max_length=300, blank=True)
    effective_on = models.DateField()
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-effective_on", "-id"]

    def __str__(self):
        return f"{self.activity_id}: {self.from_status} -> {self.to_status} on {self.effective_on}"


class Facilitator(models.Model):
    class Kind(models.TextChoices):
        STAFF = "staff", _("Member of staff")
        VOLUNTEER = "volunteer", _("Volunteer or peer mentor")
        EXTERNAL = "external", _("External partner")
        WOMAN = "woman", _("A woman co-facilitating")

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="facilitators")
    kind = models.CharField(_("who"), max_length=10, choices=Kind.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="facilitating",
        verbose_name=_("person"),
    )
    external_name = models.CharField(_("name"), max_length=120, blank=True)
    organisation = models.CharField(_("organisation"), max_length=120, blank=True)
    woman = models.ForeignKey(
        Woman,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="co_facilitating",
        verbose_name=_("woman"),
    )
    staff_partner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("staff partner who can step in"),
    )
    # Kept when she stops facilitating, so the history shows who ran the group when.
    ended_on = models.DateField(_("stopped facilitating on"), null=True, blank=True)

    class Meta:
        ordering = ["kind", "id"]

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        if self.kind == self.Kind.EXTERNAL:
            return (
                f"{self.external_name} ({self.organisation})"
                if self.organisation
                else self.external_name
            )
        if self.kind == self.Kind.WOMAN and self.woman_id:
            return self.woman.known_as
        return str(self.user) if self.user_id else ""

    def clean(self):
        errors = {}
        if self.kind in (self.Kind.STAFF, self.Kind.VOLUNTEER) and not self.user_id:
            errors["user"] = _("Choose the person.")
        if self.kind == self.Kind.EXTERNAL and not self.external_name.strip():
            errors["external_name"] = _("Give the partner's name.")
        if self.kind == self.Kind.WOMAN:
            if not self.woman_id:
                errors["woman"] = _("Choose the woman co-facilitating.")
            if not self.staff_partner_id:
                errors["staff_partner"] = _(
                    "A woman co-facilitating needs a named member of staff who can step in."
                )
        if errors:
            raise ValidationError(errors)


class ActivityCost(models.Model):
    """Money committed from the activity's budget (materials, a tutor, a minibus)."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="costs")
    description = models.CharField(_("what for"), max_length=200)
    amount = models.DecimalField(
        _("amount (£)"),
        max_digits=9,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01"))],
    )
    committed_on = models.DateField(_("date"), default=timezone.localdate)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-committed_on", "-id"]

    def __str__(self):
        return f"{self.description} £{self.amount}"


class Schedule(models.Model):
    class Frequency(models.TextChoices):
        WEEKLY = "weekly", _("Every week")
        FORTNIGHTLY = "fortnightly", _("Every two weeks")
        TERMLY = "termly", _("Every week in a term (not in the break)")

    class Weekday(models.IntegerChoices):
        MONDAY = 0, _("Monday")
        TUESDAY = 1, _("Tuesday")
        WEDNESDAY = 2, _("Wednesday")
        THURSDAY = 3, _("Thursday")
        FRIDAY = 4, _("Friday")
        SATURDAY = 5, _("Saturday")
        SUNDAY = 6, _("Sunday")

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="schedules")
    frequency = models.CharField(_("how often"), max_length=12, choices=Frequency.choices)
    weekday = models.PositiveSmallIntegerField(_("day"), choices=Weekday.choices)
    start_time = models.TimeField(_("starts at"))
    end_time = models.TimeField(_("ends at"))
    starts_on = models.DateField(_("from"), null=True, blank=True)
    ends_on = models.DateField(_("until"), null=True, blank=True)
    term = models.ForeignKey(
        Term, null=True, blank=True, on_delete=models.PROTECT, verbose_name=_("term")
    )
    room = models.ForeignKey(
        Room, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("room")
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["weekday", "start_time"]

    def __str__(self):
        return f"{self.get_frequency_display()} on {self.get_weekday_display()} at {self.start_time:%H:%M}"

    def clean(self):
        errors = {}
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            errors["end_time"] = _("The end time must be after the start time.")
        if self.frequency == self.Frequency.TERMLY:
            if not self.term_id:
                errors["term"] = _("Choose the term.")
        else:
            if not self.starts_on:
                errors["starts_on"] = _("Give the first date.")
            if not self.ends_on:
                errors["ends_on"] = _("Give the last date.")
            if self.starts_on and self.ends_on:
                if self.ends_on < self.starts_on:
                    errors["ends_on"] = _("The last date must be after the first.")
                elif (self.ends_on - self.starts_on).days > 400:
                    errors["ends_on"] = _("Plan at most a year ahead; add another later.")
        if errors:
            raise ValidationError(errors)


class Session(models.Model):
    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("On")
        CANCELLED = "cancelled", _("Cancelled")

    centre = models.ForeignKey(Centre, on_delete=models.PROTECT, related_name="+")
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="sessions")
    schedule = models.ForeignKey(
        Schedule, null=True, blank=True, on_delete=models.SET_NULL, related_name="sessions"
    )
    date = models.DateField(_("date"))
    start_time = models.TimeField(_("starts at"))
    end_time = models.TimeField(_("ends at"))
    room = models.ForeignKey(
        Room, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("room")
    )
    location = models.CharField(_("place, if not at the centre"), max_length=200, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SCHEDULED)
    cancel_reason = models.CharField(_("reason"), max_length=300, blank=True)
    others_count = models.PositiveIntegerField(
        _("women not on the system"), default=0, validators=[MaxValueValidator(500)]
    )
    facilitators_present = models.ManyToManyField(Facilitator, blank=True, related_name="+")
    register_taken_at = models.DateTimeField(null=True, blank=True)
    register_taken_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["date", "start_time"]
        constraints = [
            models.UniqueConstraint(
                fields=["schedule", "date"],
                condition=models.Q(schedule__isnull=False),
                name="one_session_per_schedule_day",
            ),
            models.CheckConstraint(
                condition=models.Q(end_time__gt=models.F("start_time")),
                name="session_ends_after_it_starts",
            ),
        ]
        indexes = [
            models.Index(fields=["centre", "date"]),
            models.Index(fields=["activity", "date"]),
        ]

    def __str__(self):
        return f"{self.activity} {self.date:%d %b %Y} {self.start_time:%H:%M}"

    @property
    def is_cancelled(self):
        return self.status == self.Status.CANCELLED

    def clean(self):
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            raise ValidationError({"end_time": _("The end time must be after the start time.")})


class Attendance(models.Model):
    """One woman at one session. The unique constraint keeps a double tap from counting twice."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="attendances")
    woman = models.ForeignKey(Woman, on_delete=models.CASCADE, related_name="attendances")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["session", "woman"], name="one_attendance_per_woman")
        ]
        indexes = [models.Index(fields=["woman", "session"])]

    def __str__(self):
        return f"attendance {self.session_id}/{self.woman_id}"


class Enrolment(models.Model):
    """A woman signed up to an activity, or waiting for a place."""

    class Status(models.TextChoices):
        SIGNED_UP = "signed_up", _("Signed up")
        WAITING = "waiting", _("On the waiting list")
        LEFT = "left", _("No longer coming")

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="enrolments")
    woman = models.ForeignKey(Woman, on_delete=models.CASCADE, related_name="enrolments")
    status = models.CharField(max_length=10, choices=Status.choices)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["activity", "woman"], name="one_enrolment_per_woman")
        ]

    def __str__(self):
        return f"enrolment {self.activity_id}/{self.woman_id} {self.status}"


class CourseCompletion(models.Model):
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="completions")
    woman = models.ForeignKey(Woman, on_delete=models.CASCADE, related_name="course_completions")
    completed_on = models.DateField(default=timezone.localdate)
    sessions_attended = models.PositiveIntegerField()
    awarded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["woman__first_name"]
        constraints = [
            models.UniqueConstraint(fields=["activity", "woman"], name="one_completion_per_course")
        ]

    def __str__(self):
        return f"completion {self.activity_id}/{self.woman_id}"


class Feedback(models.Model):
    """How a session went, from the women: anonymous, a quick rating and a comment."""

    class Rating(models.IntegerChoices):
        NOT_FOR_ME = 1, _("Not for me")
        OK = 2, _("It was OK")
        GOOD = 3, _("Good")
        REALLY_GOOD = 4, _("Really good")
        LOVED_IT = 5, _("Loved it")

    class Source(models.TextChoices):
        REGISTER = "register", _("From the register")
        TABLET = "tablet", _("From the tablet")

    COMMENT_MAX = 1000

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="feedback")
    rating = models.PositiveSmallIntegerField(_("how was it?"), choices=Rating.choices)
    comment = models.TextField(_("anything to add?"), max_length=1000, blank=True)
    # Where it was given: staff passing a tablet round after the register, or the shared tablet.
    # Nothing else: no name, no device, no time of day beyond created_at.
    source = models.CharField(
        _("given on"), max_length=10, choices=Source.choices, default=Source.REGISTER
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"feedback {self.session_id}: {self.rating}"
