"""Groups (the service-user meeting, the steering group, ...), their members and elected roles,
and their meetings with a history of every reschedule and cancellation."""

from datetime import date, timedelta

from django.conf import settings
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from casework.models import Woman
from centre import deadlines
from centre.models import Centre
from centre.versioning import VersionedModel
from coproduction.suggestions.models import Suggestion

TEXT_MAX = 4000
NOTE_MAX = 1000
PAPERS_RELEASE_DAYS = 5


class Naming(models.TextChoices):
    """How a woman wants to be named on agendas, in attendance lists and in the minutes."""

    NAME = "name", _("Her name as written")
    FIRST_NAME = "first_name", _("First name only")
    ANONYMOUS = "anonymous", _("Not named")


def named_as(full_name: str, naming: str) -> str:
    """A woman's name as she chose: in full, her first name, or "a member of the group"."""
    if not full_name.strip():
        return ""
    if naming == Naming.ANONYMOUS:
        return str(_("A member of the group"))
    if naming == Naming.FIRST_NAME:
        return full_name.split()[0]
    return full_name


# A row about one person: a member of the team or a woman by her record (exactly one).
USER_OR_WOMAN = Q(user__isnull=False, woman__isnull=True) | Q(
    user__isnull=True, woman__isnull=False
)


class ShownPerson(models.Model):
    """A row naming one person: a member of the team, a woman by her record, or a guest. A woman
    is shown only as her naming choice allows (`shown_name`)."""

    naming = models.CharField(
        _("how she wants to be named"),
        max_length=12,
        choices=Naming.choices,
        default=Naming.ANONYMOUS,
    )

    class Meta:
        abstract = True

    @property
    def shown_name(self) -> str:
        user, woman = getattr(self, "user", None), getattr(self, "woman", None)
        if user is not None:
            return user.get_full_name() or user.username
        if woman is not None:
            return named_as(str(woman), self.naming)
        return getattr(self, "guest", "")


class Group(models.Model):
    class Kind(models.TextChoices):
        SERVICE_USER = "service_user", _("Service-user meeting")
        WOMEN_STEERING = "women_steering", _("Women with the steering group")
        COMMUNICATIONS = "communications", _("Communications group")
        STEERING = "steering", _("Steering group")
        OTHER = "other", _("Another group")

    # The kinds whose meetings and papers the steering group sees (coproduction/meetings/access.py).
    STEERING_KINDS = (Kind.STEERING, Kind.WOMEN_STEERING)

    centre = models.ForeignKey(Centre, on_delete=models.CASCADE, related_name="meeting_groups")
    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(_("kind of group"), max_length=20, choices=Kind.choices)
    terms_of_reference = models.TextField(
        _("terms of reference"),
        blank=True,
        validators=[MaxLengthValidator(TEXT_MAX)],
        help_text=_("What the group is for, who can join and how it makes decisions."),
    )
    standing_items = models.TextField(
        _("standing items"),
        blank=True,
        validators=[MaxLengthValidator(NOTE_MAX)],
        help_text=_("On every agenda, one a line (for example: service-user involvement)."),
    )
    papers_release_days = models.PositiveSmallIntegerField(
        _("papers go to members this many days before"),
        default=PAPERS_RELEASE_DAYS,
        validators=[MaxValueValidator(60)],
        help_text=_("Organisers always see the papers; members from this many days before."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["centre", "name"], name="one_meeting_group_per_name")
        ]

    def __str__(self):
        return self.name


class GroupMember(models.Model):
    """A person in a group: a member of the team (staff or a volunteer account), or a woman by
    her casework record. Leaving sets `left_on`; the row stays as history."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="meeting_group_memberships",
    )
    woman = models.ForeignKey(
        Woman,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="meeting_group_memberships",
    )
    joined_on = models.DateField(_("joined on"), default=timezone.localdate)
    left_on = models.DateField(_("left on"), null=True, blank=True)
    # A member of the team opts in here; a woman through her record (reminders, safe contact).
    wants_reminders = models.BooleanField(_("send reminders"), default=False)
    naming = models.CharField(
        _("how she wants to be named"),
        max_length=12,
        choices=Naming.choices,
        default=Naming.ANONYMOUS,
        help_text=_("For a woman: how attendance lists and the minutes name her."),
    )

    class Meta:
        ordering = ["joined_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=USER_OR_WOMAN,
                name="group_member_is_a_user_or_a_woman",
            ),
            models.UniqueConstraint(
                fields=["group", "user"],
                condition=Q(left_on__isnull=True, user__isnull=False),
                name="one_current_membership_per_user",
            ),
            models.UniqueConstraint(
                fields=["group", "woman"],
                condition=Q(left_on__isnull=True, woman__isnull=False),
                name="one_current_membership_per_woman",
            ),
        ]

    def __str__(self):
        return str(self.user.get_full_name() or self.user) if self.user_id else str(self.woman)

    @property
    def is_current(self) -> bool:
        return self.left_on is None


class ElectedRole(models.Model):
    """A member elected to a role for a term; past terms stay as the group's election history."""

    class Role(models.TextChoices):
        CHAIR = "chair", _("Chair")
        VICE_CHAIR = "vice_chair", _("Vice chair")
        SECRETARY = "secretary", _("Secretary")
        REPRESENTATIVE = "representative", _("Representative")

    # Only one chair, vice chair and secretary at a time; a group may have many representatives.
    SINGLE_HOLDER = (Role.CHAIR, Role.VICE_CHAIR, Role.SECRETARY)

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="elected_roles")
    member = models.ForeignKey(GroupMember, on_delete=models.CASCADE, related_name="roles")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    starts_on = models.DateField(_("term starts"))
    ends_on = models.DateField(_("term ends"), null=True, blank=True)
    elected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-starts_on", "role"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="elected_role_ends_after_it_starts",
            )
        ]

    def __str__(self):
        return f"{self.get_role_display()}: {self.member}"

    def holds_on(self, day) -> bool:
        return self.starts_on <= day and (self.ends_on is None or day <= self.ends_on)


class MeetingSeries(models.Model):
    """A repeating meeting, "the first Monday of the month at 11:00"."""

    class Week(models.IntegerChoices):
        FIRST = 1, _("First")
        SECOND = 2, _("Second")
        THIRD = 3, _("Third")
        FOURTH = 4, _("Fourth")
        LAST = -1, _("Last")

    class Weekday(models.IntegerChoices):
        MONDAY = 0, _("Monday")
        TUESDAY = 1, _("Tuesday")
        WEDNESDAY = 2, _("Wednesday")
        THURSDAY = 3, _("Thursday")
        FRIDAY = 4, _("Friday")
        SATURDAY = 5, _("Saturday")
        SUNDAY = 6, _("Sunday")

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="series")
    week = models.SmallIntegerField(_("which week"), choices=Week.choices)
    weekday = models.SmallIntegerField(_("day"), choices=Weekday.choices)
    start_time = models.TimeField(_("time"))
    first_month = models.DateField(_("from the month of"))
    months = models.PositiveSmallIntegerField(
        _("for how many months"), validators=[MinValueValidator(1), MaxValueValidator(24)]
    )
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return _("%(week)s %(day)s of the month, %(time)s") % {
            "week": self.get_week_display(),
            "day": self.get_weekday_display(),
            "time": self.start_time.strftime("%H:%M"),
        }


MEETING_DETAILS = (
    "duration_minutes",
    "place",
    "accessibility_notes",
    "travel_notes",
    "provides_lunch",
    "provides_travel_costs",
    "provides_childcare",
    "also_provided",
)
"""The meeting's practical details: what its form edits and what scheduling and updating copy."""


class Meeting(VersionedModel):
    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        CANCELLED = "cancelled", _("Cancelled")

    centre = models.ForeignKey(Centre, on_delete=models.CASCADE, related_name="meetings")
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="meetings")
    series = models.ForeignKey(
        MeetingSeries, null=True, blank=True, on_delete=models.SET_NULL, related_name="meetings"
    )
    starts_at = models.DateTimeField(_("starts at"), db_index=True)
    duration_minutes = models.PositiveSmallIntegerField(
        _("how long (minutes)"),
        default=90,
        validators=[MinValueValidator(15), MaxValueValidator(480)],
    )
    place = models.CharField(_("place"), max_length=200)
    accessibility_notes = models.TextField(
        _("access"),
        blank=True,
        validators=[MaxLengthValidator(NOTE_MAX)],
        help_text=_("Step-free access, hearing loop, quiet room, and so on."),
    )
    travel_notes = models.TextField(
        _("getting there"), blank=True, validators=[MaxLengthValidator(NOTE_MAX)]
    )
    provides_lunch = models.BooleanField(_("lunch provided"), default=False)
    provides_travel_costs = models.BooleanField(_("travel costs paid"), default=False)
    provides_childcare = models.BooleanField(_("childcare provided"), default=False)
    also_provided = models.CharField(_("anything else provided"), max_length=200, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SCHEDULED)
    other_women = models.PositiveSmallIntegerField(
        _("other women who came (a count)"), default=0, validators=[MaxValueValidator(500)]
    )
    organiser = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="organised_meetings"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["starts_at"]
        indexes = [models.Index(fields=["centre", "status", "starts_at"])]

    def __str__(self):
        local = timezone.localtime(self.starts_at)
        return f"{self.group.name}, {local:%a %-d %b %Y %H:%M}"

    @property
    def ends_at(self):
        return self.starts_at + timedelta(minutes=self.duration_minutes)

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED

    def provided(self) -> list[str]:
        items = [
            label
            for flag, label in (
                (self.provides_lunch, _("Lunch")),
                (self.provides_travel_costs, _("Travel costs")),
                (self.provides_childcare, _("Childcare")),
            )
            if flag
        ]
        return [str(item) for item in items] + ([self.also_provided] if self.also_provided else [])


class MeetingChange(models.Model):
    """One line of a meeting's history: scheduled, moved (from when to when) or cancelled."""

    class Kind(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        RESCHEDULED = "rescheduled", _("Moved")
        CANCELLED = "cancelled", _("Cancelled")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="changes")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    was_at = models.DateTimeField(null=True, blank=True)
    now_at = models.DateTimeField(null=True, blank=True)
    reason = models.TextField(blank=True, validators=[MaxLengthValidator(NOTE_MAX)])
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.meeting_id}: {self.kind}"


class Action(models.Model):
    """An action point raised at a meeting. It is on every later agenda of the group until it
    is done or dropped (with a reason): see selectors.agenda_actions."""

    class Status(models.TextChoices):
        OPEN = "open", _("To do")
        DONE = "done", _("Done")
        DROPPED = "dropped", _("Dropped")

    centre = models.ForeignKey(Centre, on_delete=models.CASCADE, related_name="meeting_actions")
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="actions")
    raised_at = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="actions_raised")
    text = models.TextField(_("what will be done"), validators=[MaxLengthValidator(NOTE_MAX)])
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who does it"),
        on_delete=models.PROTECT,
        related_name="meeting_actions",
    )
    due_on = models.DateField(_("due by"))
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    closed_on = models.DateField(null=True, blank=True)
    dropped_reason = models.TextField(blank=True, validators=[MaxLengthValidator(NOTE_MAX)])
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["due_on", "pk"]
        indexes = [models.Index(fields=["group", "status", "due_on"])]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="dropped") | ~Q(dropped_reason=""),
                name="a_dropped_action_has_a_reason",
            )
        ]

    def __str__(self):
        return self.text[:60]

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    @property
    def is_overdue(self) -> bool:
        return self.is_open and deadlines.is_overdue(due_on=self.due_on)


class AgendaItem(models.Model):
    """A standing item, an open suggestion taken to the meeting, or a new item with who raises it.
    (Carried-forward actions are not stored here: they are worked out from the actions.)"""

    class Kind(models.TextChoices):
        STANDING = "standing", _("Standing item")
        SUGGESTION = "suggestion", _("Suggestion")
        NEW = "new", _("New item")

    Naming = Naming

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    title = models.CharField(_("item"), max_length=300)
    suggestion = models.ForeignKey(
        Suggestion, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    raised_by = models.CharField(_("raised by"), max_length=120, blank=True)
    naming = models.CharField(
        _("how she wants to be named"), max_length=12, choices=Naming.choices, default=Naming.NAME
    )
    position = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "suggestion"],
                condition=Q(suggestion__isnull=False),
                name="a_suggestion_once_per_agenda",
            ),
            models.UniqueConstraint(
                fields=["meeting", "title"],
                condition=Q(kind="standing"),
                name="a_standing_item_once_per_agenda",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def raised_by_shown(self) -> str:
        return named_as(self.raised_by, self.naming)


ONE_PERSON = (
    Q(user__isnull=False, woman__isnull=True, guest="")
    | Q(user__isnull=True, woman__isnull=False, guest="")
    | (Q(user__isnull=True, woman__isnull=True) & ~Q(guest=""))
)


class Attendance(ShownPerson):
    """Who came or sent apologies: a member of the team, a woman by her record, or a guest.
    A woman's naming choice is copied from her membership when attendance is recorded."""

    class Status(models.TextChoices):
        PRESENT = "present", _("Came")
        APOLOGIES = "apologies", _("Sent apologies")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    woman = models.ForeignKey(
        Woman, null=True, blank=True, on_delete=models.PROTECT, related_name="meeting_attendance"
    )
    guest = models.CharField(_("guest"), max_length=120, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices)

    class Meta:
        ordering = ["status", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=ONE_PERSON,
                name="attendance_is_one_person",
            )
        ]

    def __str__(self):
        if self.user_id:
            return self.user.get_full_name() or self.user.username
        return str(self.woman) if self.woman_id else self.guest


class Minutes(VersionedModel):
    """A meeting's minutes: drafted by the secretary, approved by the chair, then published."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        APPROVED = "approved", _("Approved by the chair")
        PUBLISHED = "published", _("Published")

    meeting = models.OneToOneField(Meeting, on_delete=models.CASCADE, related_name="minutes")
    text = models.TextField(_("minutes"), blank=True, validators=[MaxLengthValidator(20000)])
    plain_summary = models.TextField(
        _("in plain words, for the notice board"),
        blank=True,
        validators=[MaxLengthValidator(TEXT_MAX)],
        help_text=_("Short sentences, no jargon, no names of women who asked not to be named."),
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"Minutes of {self.meeting}"


class Decision(models.Model):
    """What the meeting decided about a suggestion on its agenda. Publishing the minutes gives
    the suggestion this status and answer (services.minutes_publish)."""

    class Outcome(models.TextChoices):
        AGREED = "agreed", _("Agreed")
        DONE = "done", _("Done")
        NOT_POSSIBLE = "not_possible", _("Not possible")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="decisions")
    suggestion = models.ForeignKey(Suggestion, on_delete=models.CASCADE, related_name="+")
    outcome = models.CharField(_("decision"), max_length=12, choices=Outcome.choices)
    answer = models.TextField(_("the answer, in plain words"), validators=[MaxLengthValidator(800)])
    applied_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "suggestion"], name="one_decision_per_suggestion_per_meeting"
            )
        ]

    def __str__(self):
        return f"{self.suggestion_id}: {self.outcome}"


class InterestDeclaration(ShownPerson):
    """A conflict of interest someone at the meeting declared on one agenda item (a panel
    deciding money, say), and whether she left the room for it. Kept in the minutes."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="interests")
    agenda_item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("agenda item"),
        on_delete=models.CASCADE,
        related_name="interests",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    woman = models.ForeignKey(
        Woman, null=True, blank=True, on_delete=models.PROTECT, related_name="meeting_interests"
    )
    guest = models.CharField(_("guest"), max_length=120, blank=True)
    interest = models.TextField(
        _("the interest she declared"), validators=[MaxLengthValidator(NOTE_MAX)]
    )
    left_room = models.BooleanField(_("she left the room for this item"), default=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["agenda_item__position", "pk"]
        constraints = [models.CheckConstraint(condition=ONE_PERSON, name="interest_is_one_person")]

    def __str__(self):
        return f"{self.meeting_id}: interest on item {self.agenda_item_id}"


class Invitation(models.Model):
    """That someone was asked to a meeting: a member directly, or a woman by her key worker
    (who asked her in person, by phone, text or letter). Who, how, by whom, when, and her answer."""

    class Route(models.TextChoices):
        DIRECT = "direct", _("Invited as a member")
        KEY_WORKER = "key_worker", _("Asked by her key worker")

    class Method(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        PHONE = "phone", _("By phone")
        TEXT = "text", _("By text")
        LETTER = "letter", _("By letter")
        EMAIL = "email", _("By email")

    class Answer(models.TextChoices):
        COMING = "coming", _("Coming")
        NOT_THIS_TIME = "not_this_time", _("Not this time")
        NOT_KNOWN = "not_known", _("Not said yet")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="invitations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    woman = models.ForeignKey(
        Woman, null=True, blank=True, on_delete=models.PROTECT, related_name="meeting_invitations"
    )
    route = models.CharField(max_length=12, choices=Route.choices)
    method = models.CharField(_("how she was asked"), max_length=12, choices=Method.choices)
    answer = models.CharField(
        _("her answer"), max_length=14, choices=Answer.choices, default=Answer.NOT_KNOWN
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    invited_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["invited_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=USER_OR_WOMAN,
                name="invitation_is_a_user_or_a_woman",
            ),
            models.UniqueConstraint(
                fields=["meeting", "woman"],
                condition=Q(woman__isnull=False),
                name="one_invitation_per_woman_per_meeting",
            ),
            models.UniqueConstraint(
                fields=["meeting", "user"],
                condition=Q(user__isnull=False),
                name="one_invitation_per_user_per_meeting",
            ),
        ]

    def __str__(self):
        return f"{self.meeting_id}: {self.get_route_display()}"


PAPER_TYPES = {
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".odt": "application/vnd.oasis.opendocument.text",
    ".txt": "text/plain",
}
PAPER_MAX_BYTES = 5 * 1024 * 1024


class Paper(models.Model):
    """A paper for a meeting, with a summary in plain words. Members see it from the release
    date (the group's `papers_release_days` before the meeting); organisers always do."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="papers")
    title = models.CharField(_("title"), max_length=200)
    plain_summary = models.TextField(
        _("what it says, in plain words"), validators=[MaxLengthValidator(NOTE_MAX)]
    )
    file = models.FileField(_("the paper"), upload_to="meetings/papers/%Y/%m/")
    file_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "pk"]

    def __str__(self):
        return self.title

    @property
    def released_on(self) -> date:
        return timezone.localdate(self.meeting.starts_at) - timedelta(
            days=self.meeting.group.papers_release_days
        )

    @property
    def is_released(self) -> bool:
        return timezone.localdate() >= self.released_on
