from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from centre.models import Centre

USER = settings.AUTH_USER_MODEL


class Stage(models.TextChoices):
    REFERRED = "referred", _("Referred")
    ASSESSMENT = "assessment", _("Assessment")
    INTENSIVE = "intensive", _("Intensive support")
    LIGHTER_TOUCH = "lighter_touch", _("Lighter touch")
    MOVED_ON = "moved_on", _("Moved on")
    CLOSED = "closed", _("Closed")


OPEN_STAGES = (Stage.REFERRED, Stage.ASSESSMENT, Stage.INTENSIVE, Stage.LIGHTER_TOUCH)
# Her details as her workers edit them: who she is and how to reach her safely, then what
# matters to her (the details form puts her photo between the two).
WOMAN_CONTACT_FIELDS = [
    "first_name",
    "last_name",
    "preferred_name",
    "date_of_birth",
    "mobile",
    "email",
    "address",
    "safe_to_text",
    "safe_to_email",
    "safe_to_leave_voicemail",
    "safe_to_post",
    "safe_time",
    "code_word",
    "reminders_opt_in",
]
WOMAN_ABOUT_FIELDS = ["what_matters", "supporters"]


class Domain(models.TextChoices):
    """The life areas needs, goals, contacts and outcome ratings are grouped by."""

    HOUSING = "housing", _("Housing")
    SUBSTANCE_USE = "substance_use", _("Substance use")
    MENTAL_HEALTH = "mental_health", _("Mental health")
    PHYSICAL_HEALTH = "physical_health", _("Physical health")
    MONEY = "money", _("Money and debt")
    CHILDREN_FAMILY = "children_family", _("Children and family")
    RELATIONSHIPS = "relationships", _("Relationships and abuse")
    JUSTICE = "justice", _("Justice")
    LEARNING_WORK = "learning_work", _("Learning and work")
    WELLBEING = "wellbeing", _("Wellbeing")


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
        USER,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="caseload",
        verbose_name=_("key worker"),
    )
    mobile = models.CharField(_("mobile number"), max_length=30, blank=True)
    email = models.EmailField(_("email"), blank=True)
    address = models.TextField(_("address"), max_length=500, blank=True)
    safe_to_text = models.BooleanField(_("safe to text"), default=False)
    safe_to_email = models.BooleanField(_("safe to email"), default=False)
    safe_to_leave_voicemail = models.BooleanField(_("safe to leave a voicemail"), default=False)
    safe_to_post = models.BooleanField(_("safe to send letters"), default=False)
    safe_time = models.CharField(
        _("safe time to contact her"),
        max_length=120,
        blank=True,
        help_text=_("For example “weekdays 10 to 2, not when her partner is home”."),
    )
    code_word = models.CharField(
        _("code word"),
        max_length=60,
        blank=True,
        help_text=_("A word she can say to tell us it is not safe to talk."),
    )
    reminders_opt_in = models.BooleanField(_("wants reminders"), default=False)
    photo = models.ImageField(_("photo"), upload_to="casework/photos/", blank=True)
    photo_on_registers = models.BooleanField(
        _("she agrees her photo is shown on session registers"),
        default=False,
        help_text=_("So volunteers taking a register can tell her apart. She can change her mind."),
    )
    what_matters = models.TextField(
        _("what matters to her"),
        max_length=2000,
        blank=True,
        help_text=_("Children's names, important dates, what she wants us to remember."),
    )
    supporters = models.TextField(
        _("supporters she chooses to involve"), max_length=1000, blank=True
    )
    # Participation: she can opt in or out of each at any time.
    invite_to_meetings = models.BooleanField(_("invite her to meetings"), default=False)
    send_newsletter = models.BooleanField(_("send her the newsletter"), default=False)
    ask_to_help = models.BooleanField(_("ask her to help out"), default=False)
    participation_updated_at = models.DateTimeField(null=True, blank=True)
    last_contact_at = models.DateTimeField(_("last successful contact"), null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    anonymised_at = models.DateTimeField(null=True, blank=True)
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
    def short_name(self):
        """What tells her apart in a list without her full name: "Bex M." (her chosen name and
        the first letter of her last name)."""
        return f"{self.known_as} {self.last_name[:1]}." if self.last_name else self.known_as

    @property
    def is_open(self):
        return self.stage in OPEN_STAGES


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


class StageChange(models.Model):
    woman = models.ForeignKey(Woman, on_delete=models.CASCADE, related_name="stage_changes")
    from_stage = models.CharField(max_length=20, choices=Stage.choices, blank=True)
    to_stage = models.CharField(max_length=20, choices=Stage.choices)
    reason = models.CharField(_("reason"), max_length=500, blank=True)
    changed_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-changed_at", "-id"]

    def __str__(self):
        return f"{self.woman_id}: {self.from_stage} -> {self.to_stage}"


class Allocation(models.Model):
    """A worker's part in a woman's support: her key worker, or another involved worker."""

    class Kind(models.TextChoices):
        KEY_WORKER = "key_worker", _("Key worker")
        INVOLVED = "involved", _("Involved worker")

    woman = models.ForeignKey(Woman, on_delete=models.CASCADE, related_name="allocations")
    worker = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="allocations")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    agency = models.CharField(_("agency"), max_length=120, blank=True)
    reason = models.CharField(_("reason"), max_length=500)
    handover_note = models.TextField(_("handover note"), max_length=4000, blank=True)
    handover_read_at = models.DateTimeField(null=True, blank=True)
    allocated_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    started_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at", "-id"]
        indexes = [models.Index(fields=["worker", "ended_at"])]

    def __str__(self):
        return f"{self.get_kind_display()} {self.worker_id} for {self.woman_id}"


class BreakGlass(models.Model):
    """Time-limited access to a record by a worker who is not allocated, with her reason."""

    woman = models.ForeignKey(Woman, on_delete=models.CASCADE, related_name="break_glass")
    worker = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    reason = models.CharField(_("reason"), max_length=500)
    granted_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()

    class Meta:
        ordering = ["-granted_at"]
        indexes = [models.Index(fields=["woman", "worker", "expires_at"])]

    def __str__(self):
        return f"Break the glass by {self.worker_id} on {self.woman_id}"


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
    woman = models.ForeignKey(Woman, on_delete=models.CASCADE, related_name="contacts")
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


class SupportPlan(models.Model):
    woman = models.OneToOneField(Woman, on_delete=models.CASCADE, related_name="plan")
    in_her_words = models.TextField(_("what she wants, in her own words"), max_length=4000)
    strengths = models.TextField(_("her strengths"), max_length=2000, blank=True)
    going_well = models.TextField(_("what is going well"), max_length=2000, blank=True)
    next_review_on = models.DateField(_("next review"), null=True, blank=True)
    updated_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(default=1)

    def __str__(self):
        return f"Support plan for {self.woman_id}"


class Goal(models.Model):
    class Status(models.TextChoices):
        ACTIVE = "active", _("Working on it")
        ACHIEVED = "achieved", _("Achieved")
        CHANGED = "changed", _("Changed")
        PAUSED = "paused", _("On hold")

    woman = models.ForeignKey(Woman, on_delete=models.CASCADE, related_name="goals")
    text = models.CharField(_("goal, in her words"), max_length=500)
    domain = models.CharField(_("area"), max_length=20, choices=Domain.choices, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.ACTIVE
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["status", "created_at", "id"]

    def __str__(self):
        return self.text


class CaseReviewMeeting(models.Model):
    """A multi-disciplinary case review: selected women, shared notes, actions."""

    centre = models.ForeignKey(Centre, on_delete=models.CASCADE, related_name="+")
    held_on = models.DateField(_("date"))
    title = models.CharField(_("title"), max_length=120, default="Case review")
    attendees = models.CharField(_("who was there"), max_length=500, blank=True)
    created_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-held_on", "-id"]

    def __str__(self):
        return f"{self.title} {self.held_on}"


class CaseReviewItem(models.Model):
    meeting = models.ForeignKey(CaseReviewMeeting, on_delete=models.CASCADE, related_name="items")
    woman = models.ForeignKey(Woman, on_delete=models.CASCADE, related_name="case_reviews")
    notes = models.TextField(_("shared notes"), max_length=4000, blank=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "woman"], name="one_item_per_woman")
        ]

    def __str__(self):
        return f"{self.meeting_id}: {self.woman_id}"


class Action(models.Model):
    """Something someone agreed to do, from her plan, a contact's follow-up or a case review."""

    class Source(models.TextChoices):
        PLAN = "plan", _("Support plan")
        CONTACT = "contact", _("Contact follow-up")
        CASE_REVIEW = "case_review", _("Case review")
        RE_ENGAGEMENT = "re_engagement", _("Re-engagement")

    woman = models.ForeignKey(Woman, on_delete=models.CASCADE, related_name="actions")
    goal = models.ForeignKey(
        Goal, null=True, blank=True, on_delete=models.SET_NULL, related_name="actions"
    )
    text = models.CharField(_("action"), max_length=500)
    who = models.CharField(_("who"), max_length=120, help_text=_("Her, a worker, or an agency."))
    owner = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="casework_actions"
    )
    due_on = models.DateField(_("by when"), null=True, blank=True)
    done_on = models.DateField(_("done on"), null=True, blank=True)
    source = models.CharField(max_length=20, choices=Source.choices, default=Source.PLAN)
    contact = models.ForeignKey(
        Contact, null=True, blank=True, on_delete=models.SET_NULL, related_name="follow_ups"
    )
    case_review_item = models.ForeignKey(
        CaseReviewItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="actions"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["done_on", "due_on", "id"]
        indexes = [models.Index(fields=["woman", "done_on", "due_on"])]

    def __str__(self):
        return self.text


class Review(models.Model):
    woman = models.ForeignKey(Woman, on_delete=models.CASCADE, related_name="reviews")
    held_on = models.DateField(_("date of review"), default=timezone.localdate)
    progress = models.TextField(_("progress, in her words and ours"), max_length=4000)
    changes = models.TextField(_("changes to goals"), max_length=2000, blank=True)
    author = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-held_on", "-id"]

    def __str__(self):
        return f"Review on {self.held_on}"


class Need(models.Model):
    class Level(models.TextChoices):
        NONE = "none", _("No need now")
        SOME = "some", _("Some need")
        HIGH = "high", _("High need")

    woman = models.ForeignKey(Woman, on_delete=models.CASCADE, related_name="needs")
    domain = models.CharField(_("area"), max_length=20, choices=Domain.choices)
    level = models.CharField(_("level"), max_length=10, choices=Level.choices, default="some")
    her_view = models.TextField(_("her view"), max_length=2000, blank=True)
    worker_view = models.TextField(_("worker's view"), max_length=2000, blank=True)
    updated_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["domain"]
        constraints = [
            models.UniqueConstraint(fields=["woman", "domain"], name="one_need_per_domain")
        ]

    def __str__(self):
        return self.get_domain_display()


class OutcomeRating(models.Model):
    """Her own 1-10 rating of one outcome domain, at intake or a review."""

    class Occasion(models.TextChoices):
        INTAKE = "intake", _("Intake")
        REVIEW = "review", _("Review")

    woman = models.ForeignKey(Woman, on_delete=models.CASCADE, related_name="ratings")
    review = models.ForeignKey(
        Review, null=True, blank=True, on_delete=models.CASCADE, related_name="ratings"
    )
    domain = models.CharField(max_length=20, choices=Domain.choices)
    score = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(10)]
    )
    rated_on = models.DateField(default=timezone.localdate)
    occasion = models.CharField(max_length=10, choices=Occasion.choices)

    class Meta:
        ordering = ["rated_on", "id"]
        indexes = [models.Index(fields=["woman", "rated_on"])]

    def __str__(self):
        return f"{self.get_domain_display()}: {self.score}"


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


class Alert(models.Model):
    class Kind(models.TextChoices):
        SAFETY = "safety", _("Safety")
        WORKER_SAFETY = "worker_safety", _("Worker safety")
        NOT_WITH = "not_with", _("Must not be placed with")

    centre = models.ForeignKey(Centre, on_delete=models.CASCADE, related_name="+")
    woman = models.ForeignKey(Woman, on_delete=models.CASCADE, related_name="alerts")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    other_woman = models.ForeignKey(
        Woman,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("the other woman"),
    )
    detail = models.CharField(_("detail"), max_length=500)
    is_active = models.BooleanField(default=True)
    created_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["kind", "-created_at"]
        indexes = [models.Index(fields=["centre", "kind", "is_active"])]

    def __str__(self):
        return self.get_kind_display()


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


class MoveOnPlan(models.Model):
    woman = models.OneToOneField(Woman, on_delete=models.CASCADE, related_name="move_on")
    plan = models.TextField(_("move-on plan"), max_length=4000)
    target_on = models.DateField(_("aiming to move on by"), null=True, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"Move-on plan for {self.woman_id}"


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
