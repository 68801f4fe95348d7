"""Her support plan: goals, actions, reviews, needs, outcomes and moving on."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from centre.models import Centre

from .contacts import Contact
from .record import USER, Domain, Woman


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


class MoveOnPlan(models.Model):
    woman = models.OneToOneField(Woman, on_delete=models.CASCADE, related_name="move_on")
    plan = models.TextField(_("move-on plan"), max_length=4000)
    target_on = models.DateField(_("aiming to move on by"), null=True, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"Move-on plan for {self.woman_id}"
