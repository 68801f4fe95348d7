"""Getting involved: one continuum from giving feedback to representing women, the roles the
centre offers, each person's pathway through a role, training, supervision, the peer log, rotas,
expenses and the exit questionnaire.

Involvement is never a condition of support: nothing here is read by casework, and nothing on a
woman's record says she should take part.
"""

from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from activities.models import Facilitator, Session
from casework.models import Woman
from centre.documents.models import private_storage
from centre.models import Centre
from centre.versioning import VersionedModel
from coproduction.suggestions.models import Suggestion

TEXT_MAX = 2000


class Step(models.TextChoices):
    """The continuum, in order: from her own support to representing women."""

    FEEDBACK = "feedback", _("Giving feedback on her own support")
    EXIT_QUESTIONNAIRE = "exit", _("Exit questionnaire when she moves on")
    HELPING = "helping", _("Helping informally")
    GREETER = "greeter", _("Meeter and greeter")
    MEETINGS = "meetings", _("Attending meetings")
    NEWSLETTER = "newsletter", _("Contributing to the newsletter")
    CO_FACILITATING = "co_facilitating", _("Co-facilitating a group")
    VOLUNTEERING = "volunteering", _("Volunteering")
    PEER_MENTORING = "peer_mentoring", _("Peer mentoring")
    REPRESENTING = "representing", _("Representing women (steering group, panels)")


STEP_ORDER = {value: index for index, value in enumerate(Step.values)}


class InvolvementStep(models.Model):
    """One step she took on the continuum, on a date. Her record shows them in order."""

    centre = models.ForeignKey(Centre, on_delete=models.PROTECT, related_name="+")
    woman = models.ForeignKey(Woman, on_delete=models.CASCADE, related_name="involvement_steps")
    step = models.CharField(_("step"), max_length=20, choices=Step.choices)
    taken_on = models.DateField(_("date"))
    note = models.CharField(_("note"), max_length=500, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["taken_on", "id"]
        indexes = [models.Index(fields=["centre", "taken_on"])]

    def __str__(self):
        return f"{self.get_step_display()} ({self.taken_on})"


class Opportunity(models.Model):
    """A role the centre offers, with what it involves, the time, support and training."""

    class Role(models.TextChoices):
        GREETER = "greeter", _("Meeter and greeter")
        CO_FACILITATOR = "co_facilitator", _("Co-facilitator")
        NEWSLETTER_EDITOR = "newsletter_editor", _("Newsletter editor")
        PEER_MENTOR = "peer_mentor", _("Peer mentor")
        PANEL_MEMBER = "panel_member", _("Interview or tender panel member")
        STEERING_REP = "steering_rep", _("Steering group representative")

    centre = models.ForeignKey(Centre, on_delete=models.PROTECT, related_name="+")
    title = models.CharField(_("title"), max_length=120)
    role = models.CharField(_("kind of role"), max_length=20, choices=Role.choices)
    involves = models.TextField(_("what it involves"), max_length=TEXT_MAX)
    time_needed = models.CharField(_("time it takes"), max_length=200)
    support = models.TextField(_("support she gets"), max_length=TEXT_MAX, blank=True)
    training = models.TextField(_("training"), max_length=TEXT_MAX, blank=True)
    needs_disclosure_check = models.BooleanField(_("needs a disclosure check"), default=False)
    is_open = models.BooleanField(_("open for interest"), default=True)

    class Meta:
        ordering = ["title"]
        verbose_name_plural = "opportunities"

    def __str__(self):
        return self.title

    @property
    def step(self) -> str:
        return ROLE_STEP[self.role]

    @property
    def is_peer_role(self) -> bool:
        return self.role == self.Role.PEER_MENTOR


ROLE_STEP: dict[str, str] = {
    Opportunity.Role.GREETER: Step.GREETER,
    Opportunity.Role.CO_FACILITATOR: Step.CO_FACILITATING,
    Opportunity.Role.NEWSLETTER_EDITOR: Step.NEWSLETTER,
    Opportunity.Role.PEER_MENTOR: Step.PEER_MENTORING,
    Opportunity.Role.PANEL_MEMBER: Step.REPRESENTING,
    Opportunity.Role.STEERING_REP: Step.REPRESENTING,
}


class Helper(models.Model):
    """Someone who helps or wants to: a woman (by her record) or a community volunteer (by
    name), with the volunteer account she signs in with, if she has one."""

    centre = models.ForeignKey(Centre, on_delete=models.PROTECT, related_name="+")
    woman = models.ForeignKey(
        Woman, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    name = models.CharField(_("name"), max_length=120, blank=True)
    contact = models.CharField(_("how to reach her"), max_length=200, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("volunteer account"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["centre", "woman"],
                condition=Q(woman__isnull=False),
                name="involvement_one_helper_per_woman",
            ),
            models.UniqueConstraint(
                fields=["centre", "user"],
                condition=Q(user__isnull=False),
                name="involvement_one_helper_per_account",
            ),
            models.CheckConstraint(
                condition=Q(woman__isnull=False) | ~Q(name=""), name="involvement_helper_named"
            ),
        ]

    def __str__(self):
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.woman.known_as if self.woman is not None else self.name

    @property
    def full_name(self) -> str:
        if self.woman is not None:
            return f"{self.woman.known_as} {self.woman.last_name}".strip()
        return self.name

    @property
    def is_community(self) -> bool:
        return not self.woman_id


class Placement(models.Model):
    """Her pathway in one role: interested, checks, training, active, taking a back seat (a
    pause she chooses, no reason asked), stepped down; she can always come back."""

    class Status(models.TextChoices):
        INTERESTED = "interested", _("Interested")
        CHECKS = "checks", _("Checks")
        TRAINING = "training", _("Training")
        ACTIVE = "active", _("Active")
        BACK_SEAT = "back_seat", _("Taking a back seat")
        STEPPED_DOWN = "stepped_down", _("Stepped down")

    class Source(models.TextChoices):
        KEY_WORKER = "key_worker", _("Through her key worker")
        TABLET = "tablet", _("On the tablet")
        COMMUNITY = "community", _("Community volunteer")
        STAFF = "staff", _("Staff")

    centre = models.ForeignKey(Centre, on_delete=models.PROTECT, related_name="+")
    helper = models.ForeignKey(Helper, on_delete=models.CASCADE, related_name="placements")
    opportunity = models.ForeignKey(
        Opportunity, on_delete=models.PROTECT, related_name="placements"
    )
    status = models.CharField(
        _("where she is"), max_length=14, choices=Status.choices, default=Status.INTERESTED
    )
    source = models.CharField(_("how we heard"), max_length=12, choices=Source.choices)
    note = models.CharField(_("note"), max_length=500, blank=True)
    disclosure_check_on = models.DateField(_("disclosure check done on"), null=True, blank=True)
    status_since = models.DateField(_("since"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-status_since", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["helper", "opportunity"], name="involvement_one_placement_per_role"
            )
        ]

    def __str__(self):
        return f"{self.helper} – {self.opportunity} ({self.get_status_display()})"

    @property
    def is_active(self) -> bool:
        return self.status == self.Status.ACTIVE


class PlacementChange(models.Model):
    placement = models.ForeignKey(Placement, on_delete=models.CASCADE, related_name="changes")
    from_status = models.CharField(max_length=14, choices=Placement.Status.choices, blank=True)
    to_status = models.CharField(max_length=14, choices=Placement.Status.choices)
    changed_on = models.DateField()
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["changed_on", "id"]

    def __str__(self):
        return f"{self.get_to_status_display()} ({self.changed_on})"


class Training(models.Model):
    centre = models.ForeignKey(Centre, on_delete=models.PROTECT, related_name="+")
    helper = models.ForeignKey(Helper, on_delete=models.CASCADE, related_name="training")
    course = models.CharField(_("course"), max_length=200)
    completed_on = models.DateField(_("completed on"))
    accredited = models.BooleanField(_("accredited"), default=False)
    certificate = models.FileField(
        _("certificate (PDF or photo)"),
        upload_to="involvement/certificates/",
        storage=private_storage,
        blank=True,
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-completed_on", "id"]

    def __str__(self):
        return self.course


class Supervision(models.Model):
    """A one-to-one with a member of staff."""

    centre = models.ForeignKey(Centre, on_delete=models.PROTECT, related_name="+")
    helper = models.ForeignKey(Helper, on_delete=models.CASCADE, related_name="supervisions")
    held_on = models.DateField(_("date"))
    supervisor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    notes = models.TextField(_("what you talked about"), max_length=TEXT_MAX, blank=True)
    next_on = models.DateField(_("next one-to-one"), null=True, blank=True)

    class Meta:
        ordering = ["-held_on", "id"]

    def __str__(self):
        return f"One-to-one {self.held_on}"


class Worry(models.Model):
    """A worry a peer representative hands to staff in one step: she is not a case worker."""

    centre = models.ForeignKey(Centre, on_delete=models.PROTECT, related_name="+")
    helper = models.ForeignKey(Helper, on_delete=models.CASCADE, related_name="worries")
    text = models.TextField(_("what is worrying you"), max_length=TEXT_MAX)
    raised_at = models.DateTimeField(auto_now_add=True)
    taken_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    taken_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-raised_at"]
        verbose_name_plural = "worries"

    def __str__(self):
        return f"Worry {self.raised_at:%Y-%m-%d}"


class PeerConversation(models.Model):
    """A peer conversation log entry: the theme and what came of it, never case details."""

    centre = models.ForeignKey(Centre, on_delete=models.PROTECT, related_name="+")
    helper = models.ForeignKey(Helper, on_delete=models.CASCADE, related_name="conversations")
    held_on = models.DateField(_("date"))
    theme = models.CharField(_("theme"), max_length=12, choices=Suggestion.Theme.choices)
    outcome = models.CharField(_("what came of it"), max_length=500)
    follow_up = models.CharField(_("follow-up"), max_length=500, blank=True)
    escalated = models.BooleanField(_("handed to staff"), default=False)
    worry = models.ForeignKey(
        Worry, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    suggestion = models.ForeignKey(
        Suggestion, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-held_on", "-id"]

    def __str__(self):
        return f"{self.get_theme_display()} ({self.held_on})"


class Shift(models.Model):
    """A slot on the meeter-and-greeter or co-facilitation rota."""

    class Kind(models.TextChoices):
        GREETER = "greeter", _("Meeter and greeter")
        CO_FACILITATION = "co_facilitation", _("Co-facilitation")

    class Status(models.TextChoices):
        ON = "on", _("On")
        CANCELLED = "cancelled", _("Cancelled")

    centre = models.ForeignKey(Centre, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("rota"), max_length=16, choices=Kind.choices)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    place = models.CharField(_("where"), max_length=200, blank=True)
    session = models.ForeignKey(
        Session,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("session"),
    )
    helper = models.ForeignKey(
        Helper,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="shifts",
        verbose_name=_("who"),
    )
    # The register access a co-facilitation shift gives her (ended when her role ends).
    facilitator = models.ForeignKey(
        Facilitator, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ON)
    swap_asked_at = models.DateTimeField(_("asked for a swap at"), null=True, blank=True)

    class Meta:
        ordering = ["starts_at", "id"]
        indexes = [models.Index(fields=["centre", "starts_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="involvement_shift_ends_after"
            )
        ]

    def __str__(self):
        when = timezone.localtime(self.starts_at)
        return f"{self.get_kind_display()}, {date_format(when, 'D j M Y, H:i')}"

    @property
    def role(self) -> str:
        return SHIFT_ROLE[self.kind]

    @property
    def duration(self) -> timedelta:
        return self.ends_at - self.starts_at


SHIFT_ROLE: dict[str, str] = {
    Shift.Kind.GREETER: Opportunity.Role.GREETER,
    Shift.Kind.CO_FACILITATION: Opportunity.Role.CO_FACILITATOR,
}


class Expense(VersionedModel):
    """A claim for travel, childcare or another cost of helping: a woman is never out of pocket."""

    class Kind(models.TextChoices):
        TRAVEL = "travel", _("Travel")
        CHILDCARE = "childcare", _("Childcare")
        OTHER = "other", _("Other costs")

    class Status(models.TextChoices):
        CLAIMED = "claimed", _("Waiting for approval")
        APPROVED = "approved", _("Approved, to be paid")
        REJECTED = "rejected", _("Not approved")
        PAID = "paid", _("Paid")

    centre = models.ForeignKey(Centre, on_delete=models.PROTECT, related_name="+")
    helper = models.ForeignKey(
        Helper, null=True, blank=True, on_delete=models.SET_NULL, related_name="expenses"
    )
    kind = models.CharField(_("what for"), max_length=10, choices=Kind.choices)
    spent_on = models.DateField(_("date"))
    amount = models.DecimalField(
        _("amount (£)"),
        max_digits=7,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(Decimal("500.00"))],
    )
    description = models.CharField(_("details"), max_length=300)
    receipt = models.FileField(
        _("receipt"), upload_to="involvement/receipts/", storage=private_storage, blank=True
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.CLAIMED)
    claimed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    claimed_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.CharField(_("reason"), max_length=300, blank=True)
    paid_on = models.DateField(_("paid on"), null=True, blank=True)
    paid_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-spent_on", "-id"]
        indexes = [models.Index(fields=["centre", "status"])]

    def __str__(self):
        return f"{self.get_kind_display()} £{self.amount} ({self.spent_on})"


class ExitQuestionnaire(models.Model):
    """A short questionnaire when a woman moves on: anonymous or named, as she chooses."""

    class Source(models.TextChoices):
        TABLET = "tablet", _("On the tablet")
        PAPER = "paper", _("On paper, typed up by staff")

    class Recommend(models.TextChoices):
        YES = "yes", _("Yes")
        NOT_SURE = "not_sure", _("Not sure")
        NO = "no", _("No")

    centre = models.ForeignKey(Centre, on_delete=models.PROTECT, related_name="+")
    source = models.CharField(max_length=8, choices=Source.choices)
    woman = models.ForeignKey(
        Woman, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    first_name = models.CharField(_("first name"), max_length=80, blank=True)
    completed_on = models.DateField(_("date"))
    felt_supported = models.PositiveSmallIntegerField(
        _("how well supported did you feel?"),
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    most_helped = models.TextField(_("what helped most?"), max_length=TEXT_MAX, blank=True)
    could_be_better = models.TextField(
        _("what could we do better?"), max_length=TEXT_MAX, blank=True
    )
    about = models.CharField(
        _("what is that about?"), max_length=12, choices=Suggestion.About.choices, blank=True
    )
    would_recommend = models.CharField(
        _("would you tell a friend to come here?"), max_length=8, choices=Recommend.choices
    )
    suggestion = models.ForeignKey(
        Suggestion, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-completed_on", "-id"]

    def __str__(self):
        return f"Exit questionnaire {self.completed_on}"
