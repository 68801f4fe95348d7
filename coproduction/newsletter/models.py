"""The co-produced newsletter: issues with a deadline, an editorial group and a checklist;
contributions from women, staff and partners, each with her consent and her choice of credit;
editors' comments; and the staff and partners who want each issue by email."""

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from casework.models import Woman
from centre.models import Centre
from centre.versioning import VersionedModel

TEXT_MAX = 6000
NOTE_MAX = 1500
LIST_MAX = 2000


class Issue(VersionedModel):
    """One issue of the newsletter: open for contributions until it is published."""

    class Status(models.TextChoices):
        OPEN = "open", _("Taking contributions")
        PUBLISHED = "published", _("Published")

    centre = models.ForeignKey(Centre, on_delete=models.CASCADE, related_name="newsletter_issues")
    number = models.PositiveIntegerField(_("issue number"))
    title = models.CharField(_("title"), max_length=120)
    deadline = models.DateField(
        _("deadline for contributions"), help_text=_("The last day to send something in.")
    )
    call_text = models.TextField(
        _("call for contributions"),
        validators=[MaxLengthValidator(NOTE_MAX)],
        help_text=_(
            "What you are asking for, in plain words. It is shown on the tablet and sent to "
            "key workers."
        ),
    )
    ways_to_get_involved = models.TextField(
        _("ways to get involved"),
        blank=True,
        validators=[MaxLengthValidator(LIST_MAX)],
        help_text=_("One a line. Printed in the issue."),
    )
    useful_numbers = models.TextField(
        _("useful numbers"),
        blank=True,
        validators=[MaxLengthValidator(LIST_MAX)],
        help_text=_("One a line, for example: Samaritans: 116 123."),
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    # The automatic sections as they were on the day the issue was built (JSON, no people).
    sections = models.JSONField(default=dict, blank=True)
    built_on = models.DateField(null=True, blank=True)
    call_sent_at = models.DateTimeField(null=True, blank=True)
    published_on = models.DateField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["centre", "number"], name="one_newsletter_per_number")
        ]

    def __str__(self):
        return f"{self.title} (issue {self.number})"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED


class EditorialMember(models.Model):
    """A member of an issue's editorial group: staff, or a woman with a volunteer account."""

    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="editors")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="newsletter_editing"
    )
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["added_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["issue", "user"], name="one_editor_row_per_issue")
        ]

    def __str__(self):
        return str(self.user)


class ChecklistItem(models.Model):
    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="checklist")
    text = models.CharField(_("step"), max_length=200)
    position = models.PositiveSmallIntegerField(default=0)
    done_at = models.DateTimeField(null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self):
        return self.text


class Contribution(VersionedModel):
    """A piece for an issue. A woman's piece records how it reached us, her consent to publish
    and her choice of credit; it can be withdrawn, by her or for her, until it is published."""

    class Kind(models.TextChoices):
        STORY = "story", _("Story")
        POEM = "poem", _("Poem")
        RECIPE = "recipe", _("Recipe")
        GUIDE = "guide", _("Guide")
        NUMBERS = "numbers", _("Helpful numbers")
        PHOTO = "photo", _("Photo")

    class From(models.TextChoices):
        WOMAN = "woman", _("A woman who uses the centre")
        STAFF = "staff", _("A member of staff")
        PARTNER = "partner", _("A partner")
        VOLUNTEER = "volunteer", _("A volunteer or peer mentor")

    class Source(models.TextChoices):
        TYPED_BY_HER = "typed_by_her", _("She typed it herself")
        TYPED_WITH_HELP = "typed_with_help", _("She typed it with help")
        FROM_PAPER = "from_paper", _("Typed up from her handwritten page")
        FROM_PHOTO = "from_photo", _("Typed up from a photo of her handwritten page")
        BY_AUTHOR = "by_author", _("Written by the person who sent it in")

    class Credit(models.TextChoices):
        FULL_NAME = "full_name", _("Her full name")
        FIRST_NAME = "first_name", _("Her first name only")
        ANONYMOUS = "anonymous", _("Anonymous")

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        IN_REVIEW = "in_review", _("In review")
        READY = "ready", _("Ready")
        PUBLISHED = "published", _("Published")

    centre = models.ForeignKey(
        Centre, on_delete=models.CASCADE, related_name="newsletter_contributions"
    )
    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="contributions")
    kind = models.CharField(_("kind of piece"), max_length=10, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=150)
    body = models.TextField(
        _("the piece"),
        blank=True,
        validators=[MaxLengthValidator(TEXT_MAX)],
        help_text=_("Keep her words. Line breaks are kept (poems, recipes)."),
    )
    image = models.ImageField(_("photo"), upload_to="newsletter/photos/", blank=True)
    image_description = models.CharField(
        _("what the photo shows"),
        max_length=250,
        blank=True,
        help_text=_("For people who cannot see it. Do not name anyone."),
    )
    people_in_photo = models.BooleanField(_("there are people in the photo"), default=False)
    everyone_in_photo_agreed = models.BooleanField(
        _("everyone in the photo agreed to it being printed"), default=False
    )
    written_by = models.CharField(max_length=10, choices=From.choices)
    woman = models.ForeignKey(
        Woman,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="newsletter_contributions",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="newsletter_pieces",
    )
    source = models.CharField(_("how it reached us"), max_length=20, choices=Source.choices)
    consent_to_publish = models.BooleanField(_("she agrees to it being published"), default=False)
    credit = models.CharField(
        _("credit"), max_length=12, choices=Credit.choices, default=Credit.ANONYMOUS
    )
    consent_recorded_at = models.DateTimeField(null=True, blank=True)
    state = models.CharField(max_length=10, choices=State.choices, default=State.DRAFT)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    withdrawn_for_her = models.BooleanField(default=False)
    withdrawal_reason = models.CharField(max_length=300, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["issue", "kind", "created_at"]
        indexes = [models.Index(fields=["centre", "created_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(written_by="woman", woman__isnull=False)
                | (~Q(written_by="woman") & Q(woman__isnull=True)),
                name="newsletter_piece_by_a_woman_names_her_record",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def withdrawn(self) -> bool:
        return self.withdrawn_at is not None

    @property
    def credit_line(self) -> str:
        """The name printed with the piece, as she chose: never more than she agreed to."""
        if self.credit == self.Credit.ANONYMOUS:
            return str(_("Anonymous"))
        woman, author = self.woman, self.author
        if woman is not None:
            if self.credit == self.Credit.FIRST_NAME or not woman.last_name:
                return woman.known_as
            return f"{woman.known_as} {woman.last_name}"
        if author is not None:
            if self.credit == self.Credit.FIRST_NAME:
                return author.first_name or author.get_username()
            return author.get_full_name() or author.get_username()
        return str(_("Anonymous"))


class Comment(models.Model):
    """A note between editors about one piece (never printed)."""

    contribution = models.ForeignKey(
        Contribution, on_delete=models.CASCADE, related_name="comments"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField(_("comment"), validators=[MaxLengthValidator(NOTE_MAX)])
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.text[:40]


class Subscription(models.Model):
    """A member of staff or a partner who gets each issue by email when it is published."""

    centre = models.ForeignKey(Centre, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="newsletter_subscriptions"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["centre", "user"], name="one_newsletter_subscription")
        ]

    def __str__(self):
        return str(self.user)
