"""Her record: who she is, her stage, who works with her, and the alerts about her."""

from django.conf import settings
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
            # "Not heard from", quietest first: only open cases, so the years of closed ones
            # (whose last contact is the oldest of all) are never read on the way.
            models.Index(
                fields=["centre", "last_contact_at"],
                condition=models.Q(stage__in=OPEN_STAGES),
                name="woman_open_by_last_contact",
            ),
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
        indexes = [
            models.Index(fields=["worker", "ended_at"]),
            # Her women as an involved worker: among her current allocations, nearly all of
            # them as key worker, without reading those.
            models.Index(
                fields=["worker", "kind"],
                condition=models.Q(ended_at__isnull=True),
                name="allocation_current_by_worker",
            ),
        ]

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
