"""Validation and layout only: writes happen in casework.services."""

from crispy_forms.helper import FormHelper
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from centre.deadlines import check_chosen_due
from centre.forms import DateInput, DateTimeInput, empty_choices
from centre.models import Membership, User
from centre.roles import Role
from centre.versioning import VersionedForm

from .models import (
    OPEN_STAGES,
    WOMAN_ABOUT_FIELDS,
    WOMAN_CONTACT_FIELDS,
    Action,
    Agency,
    Alert,
    Appointment,
    Breach,
    CaseReviewMeeting,
    Consent,
    Contact,
    CourtDate,
    Domain,
    Goal,
    JusticeOrder,
    MoveOnPlan,
    Need,
    Referral,
    ReferralOut,
    Review,
    Stage,
    SupportPlan,
    Woman,
    share_choices,
)

DATE = DateInput()
DATETIME = DateTimeInput()
TEXTAREA = {"rows": 3}


class CrispyMixin:
    submit_label = _("Save")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True


def _not_future(value, message):
    if value and value > timezone.localdate():
        raise forms.ValidationError(message)
    return value


def staff_choices(centre, roles):
    return User.objects.filter(
        memberships__centre=centre, memberships__is_active=True, memberships__role__in=roles
    ).order_by("first_name", "last_name")


class WomanForm(VersionedForm, CrispyMixin, forms.ModelForm):
    class Meta:
        model = Woman
        fields = [*WOMAN_CONTACT_FIELDS, "photo", "photo_on_registers", *WOMAN_ABOUT_FIELDS]
        widgets = {
            "date_of_birth": DATE,
            "address": forms.Textarea(attrs=TEXTAREA),
            "what_matters": forms.Textarea(attrs=TEXTAREA),
            "supporters": forms.Textarea(attrs=TEXTAREA),
        }

    def clean_date_of_birth(self):
        return _not_future(
            self.cleaned_data.get("date_of_birth"), _("A date of birth cannot be in the future.")
        )

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        if photo and hasattr(photo, "size") and photo.size > 3 * 1024 * 1024:
            raise forms.ValidationError(_("The photo must be smaller than 3 MB."))
        return photo


class ParticipationForm(CrispyMixin, forms.Form):
    invite_to_meetings = forms.BooleanField(required=False, label=_("Invite her to meetings"))
    send_newsletter = forms.BooleanField(required=False, label=_("Send her the newsletter"))
    ask_to_help = forms.BooleanField(required=False, label=_("Ask her to help out"))


class StageForm(CrispyMixin, forms.Form):
    stage = forms.ChoiceField(label=_("Move to stage"), choices=Stage.choices)
    reason = forms.CharField(label=_("Why"), max_length=500, required=False)


class KeyWorkerForm(CrispyMixin, forms.Form):
    worker = forms.ModelChoiceField(
        label=_("New key worker"),
        queryset=User.objects.none(),
        empty_label=_("Choose a key worker"),
    )
    reason = forms.CharField(label=_("Reason for the change"), max_length=500)
    handover_note = forms.CharField(
        label=_("Handover note"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("The new key worker sees this first when she opens the record."),
    )

    def __init__(self, *args, centre, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["worker"].queryset = staff_choices(centre, [Role.KEY_WORKER, Role.MANAGER])


class InvolveForm(CrispyMixin, forms.Form):
    worker = forms.ModelChoiceField(
        label=_("Worker to involve"), queryset=User.objects.none(), empty_label=_("Choose a worker")
    )
    reason = forms.CharField(label=_("Their part in her support"), max_length=500)
    agency = forms.ModelChoiceField(
        label=_("Her agency in the directory (partner workers)"),
        queryset=Agency.objects.none(),
        required=False,
        empty_label=_("Keep as it is"),
        help_text=_(
            "Which agency's sharing agreement applies to this partner worker. Leave empty to "
            "keep the current link, or to match her agency's name to the directory."
        ),
    )

    def __init__(self, *args, centre, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = Agency.objects.filter(
            centre=centre, kind=Agency.Kind.PARTNER, is_active=True
        )
        self.fields["worker"].queryset = staff_choices(
            centre, [Role.KEY_WORKER, Role.PARTNER, Role.MANAGER]
        ).distinct()
        agencies = dict(
            Membership.objects.filter(centre=centre, role=Role.PARTNER).values_list(
                "user_id", "agency"
            )
        )
        self.fields["worker"].label_from_instance = lambda user: (
            f"{user} ({agencies[user.pk]})" if agencies.get(user.pk) else str(user)
        )


class BreakGlassForm(CrispyMixin, forms.Form):
    reason = forms.CharField(
        label=_("Why do you need her full record?"),
        max_length=500,
        min_length=10,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The manager is told, and this is kept in the audit log."),
    )


DURATION_CHOICES = [
    (10, _("10 min")),
    (15, _("15 min")),
    (30, _("30 min")),
    (45, _("45 min")),
    (60, _("1 hour")),
    (90, _("1½ hours")),
    (120, _("2 hours")),
]


class ContactForm(CrispyMixin, forms.ModelForm):
    """The common fields first, each a tap (type, format, length) and a short note; the rest is
    optional and folded away. Type, format and length start at the worker's last choices."""

    contact_type = forms.ChoiceField(
        label=_("Type"), choices=Contact.Type.choices, widget=forms.RadioSelect
    )
    contact_format = forms.ChoiceField(
        label=_("Format"), choices=Contact.Format.choices, required=False, widget=forms.RadioSelect
    )
    duration_minutes = forms.TypedChoiceField(
        label=_("How long"),
        choices=DURATION_CHOICES,
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )
    duration_other = forms.IntegerField(
        label=_("Another length, in minutes"), min_value=1, max_value=24 * 60, required=False
    )
    needs_discussed = forms.MultipleChoiceField(
        label=_("Needs discussed"),
        choices=Domain.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    practical_support = forms.MultipleChoiceField(
        label=_("Practical support given"),
        choices=Contact.Support.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    attempt_only = forms.BooleanField(
        label=_("Only an attempt: we did not speak or meet"), required=False
    )
    follow_up = forms.CharField(label=_("Follow-up"), max_length=500, required=False)
    follow_up_due = forms.DateField(label=_("Follow-up due"), required=False, widget=DATE)

    class Meta:
        model = Contact
        fields = [
            "contact_type",
            "contact_format",
            "duration_minutes",
            "note",
            "contact_on",
            "tool_used",
            "needs_discussed",
            "practical_support",
            "restricted",
        ]
        widgets = {"contact_on": DATE, "note": forms.Textarea(attrs={"rows": 2})}
        formfield_callback = empty_choices(tool_used=_("No tool used"))

    def clean_contact_on(self):
        return _not_future(
            self.cleaned_data.get("contact_on"), _("A contact cannot be in the future.")
        )

    def clean_follow_up_due(self):
        return check_chosen_due(
            self.cleaned_data.get("follow_up_due"), earliest=timezone.localdate()
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("follow_up_due") and not cleaned.get("follow_up"):
            self.add_error("follow_up", _("Say what the follow-up is."))
        if cleaned.get("duration_other"):
            cleaned["duration_minutes"] = cleaned["duration_other"]
        return cleaned

    def contact_data(self):
        """The Contact fields, with "attempt only" turned into `made`."""
        data = {
            name: value
            for name, value in self.cleaned_data.items()
            if name not in ("follow_up", "follow_up_due", "attempt_only", "duration_other")
        }
        data["made"] = not self.cleaned_data.get("attempt_only")
        return data


class AppointmentForm(CrispyMixin, forms.ModelForm):
    class Meta:
        model = Appointment
        fields = ["starts_at", "place", "purpose", "send_reminder"]
        widgets = {"starts_at": DATETIME}
        help_texts = {
            "send_reminder": _(
                "Only sent if she asked for reminders and said the channel is safe. "
                "The message never says what the appointment is for."
            )
        }


class AppointmentOutcomeForm(CrispyMixin, forms.Form):
    status = forms.ChoiceField(
        choices=[
            (Appointment.Status.ATTENDED, _("Attended")),
            (Appointment.Status.MISSED, _("Missed, let's re-book")),
            (Appointment.Status.CANCELLED, _("Cancelled")),
        ]
    )
    re_engagement = forms.CharField(
        label=_("Next step to get back in touch"), max_length=300, required=False
    )


class NeedForm(forms.ModelForm):
    class Meta:
        model = Need
        fields = ["level", "her_view", "worker_view"]
        widgets = {
            "her_view": forms.Textarea(attrs={"rows": 2}),
            "worker_view": forms.Textarea(attrs={"rows": 2}),
        }


class PlanForm(VersionedForm, CrispyMixin, forms.ModelForm):
    class Meta:
        model = SupportPlan
        fields = ["in_her_words", "strengths", "going_well", "next_review_on"]
        widgets = {
            "in_her_words": forms.Textarea(attrs={"rows": 4}),
            "strengths": forms.Textarea(attrs=TEXTAREA),
            "going_well": forms.Textarea(attrs=TEXTAREA),
            "next_review_on": DATE,
        }


class GoalForm(CrispyMixin, forms.ModelForm):
    class Meta:
        model = Goal
        fields = ["text", "domain"]
        formfield_callback = empty_choices(domain=_("No particular area"))


class ActionForm(CrispyMixin, forms.ModelForm):
    class Meta:
        model = Action
        fields = ["text", "who", "due_on", "goal"]
        widgets = {"due_on": DATE}
        formfield_callback = empty_choices(goal=_("Not linked to a goal"))

    def __init__(self, *args, woman, goals=None, **kwargs):
        """goals: the goals she may link an action to (default all of hers)."""
        super().__init__(*args, **kwargs)
        self.fields["goal"].queryset = goals if goals is not None else woman.goals.all()
        self.fields["goal"].required = False

    def clean_due_on(self):
        return check_chosen_due(self.cleaned_data.get("due_on"), earliest=timezone.localdate())


class RatingsForm(CrispyMixin, forms.Form):
    """Her own 1-10 rating for each outcome domain; leave blank to skip one."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for value, label in Domain.choices:
            self.fields[f"score_{value}"] = forms.IntegerField(
                label=label, min_value=1, max_value=10, required=False
            )

    def scores(self):
        return {value: self.cleaned_data.get(f"score_{value}") for value in Domain.values}


class IntakeRatingsForm(RatingsForm):
    rated_on = forms.DateField(label=_("Date"), widget=DATE, initial=timezone.localdate)

    def clean_rated_on(self):
        return _not_future(self.cleaned_data.get("rated_on"), _("This date is in the future."))


class ReviewForm(RatingsForm, forms.ModelForm):
    next_review_on = forms.DateField(label=_("Next review"), required=False, widget=DATE)

    class Meta:
        model = Review
        fields = ["held_on", "progress", "changes"]
        widgets = {
            "held_on": DATE,
            "progress": forms.Textarea(attrs={"rows": 4}),
            "changes": forms.Textarea(attrs=TEXTAREA),
        }

    def clean_held_on(self):
        return _not_future(self.cleaned_data.get("held_on"), _("A review cannot be in the future."))


class ReviewEditForm(VersionedForm, CrispyMixin, forms.ModelForm):
    class Meta:
        model = Review
        fields = ["held_on", "progress", "changes"]
        widgets = {
            "held_on": DATE,
            "progress": forms.Textarea(attrs={"rows": 4}),
            "changes": forms.Textarea(attrs=TEXTAREA),
        }


class JusticeOrderForm(CrispyMixin, forms.ModelForm):
    class Meta:
        model = JusticeOrder
        fields = ["order_type", "starts_on", "ends_on", "requirements", "conditions"]
        widgets = {
            "starts_on": DATE,
            "ends_on": DATE,
            "requirements": forms.Textarea(attrs={"rows": 2}),
            "conditions": forms.Textarea(attrs={"rows": 2}),
        }

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("starts_on"), cleaned.get("ends_on")
        if start and end and end < start:
            self.add_error("ends_on", _("The end is before the start."))
        return cleaned


class CourtDateForm(CrispyMixin, forms.ModelForm):
    class Meta:
        model = CourtDate
        fields = ["starts_at", "court", "purpose", "outcome"]
        widgets = {"starts_at": DATETIME}


class BreachForm(CrispyMixin, forms.ModelForm):
    class Meta:
        model = Breach
        fields = ["occurred_on", "order", "description", "outcome"]
        widgets = {"occurred_on": DATE}
        formfield_callback = empty_choices(order=_("Not recorded"))

    def __init__(self, *args, woman, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["order"].queryset = woman.orders.all()

    def clean_occurred_on(self):
        return _not_future(self.cleaned_data.get("occurred_on"), _("This date is in the future."))


class AlertForm(CrispyMixin, forms.ModelForm):
    class Meta:
        model = Alert
        fields = ["kind", "detail", "other_woman"]
        help_texts = {
            "other_woman": _(
                "Only for “must not be placed with”. Activities staff see that the two "
                "should not be together, never why."
            )
        }
        formfield_callback = empty_choices(
            kind=_("Choose a kind of alert"), other_woman=_("No other woman")
        )

    def __init__(self, *args, woman, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["other_woman"].queryset = (
            Woman.objects.filter(centre=woman.centre, anonymised_at__isnull=True)
            .exclude(pk=woman.pk)
            .order_by("first_name", "last_name")
        )
        self.fields["other_woman"].required = False


class ConsentForm(CrispyMixin, forms.ModelForm):
    shares = forms.MultipleChoiceField(
        label=_("What she agreed to share with this agency"),
        choices=share_choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Their workers see only these parts of her record. Safety and worker-safety alerts "
            "are always shown to anyone who may meet her."
        ),
    )

    class Meta:
        model = Consent
        fields = ["agency", "agreed", "shares", "what_may_be_shared", "decided_on", "review_on"]
        widgets = {
            "decided_on": DATE,
            "review_on": DATE,
            "what_may_be_shared": forms.Textarea(attrs={"rows": 2}),
        }
        labels = {
            "agreed": _("She agreed (untick to record that she refused)"),
            "review_on": _("Agreement ends on"),
        }
        formfield_callback = empty_choices(agency=_("Choose an agency"))

    def __init__(self, *args, centre, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = Agency.objects.filter(
            centre=centre, kind=Agency.Kind.PARTNER, is_active=True
        )

    def clean_decided_on(self):
        return _not_future(self.cleaned_data.get("decided_on"), _("This date is in the future."))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("agreed") and not cleaned.get("shares"):
            self.add_error(
                "shares",
                _("Tick what she agreed to share, or untick “she agreed” to record a refusal."),
            )
        if not cleaned.get("agreed"):
            cleaned["shares"] = []
        decided, review = cleaned.get("decided_on"), cleaned.get("review_on")
        if cleaned.get("agreed") and not review and "review_on" not in self.errors:
            self.add_error(
                "review_on",
                _("Give the date her agreement ends (it can be renewed with her before then)."),
            )
        if decided and review and review < decided:
            self.add_error("review_on", _("The end date is before the date she decided."))
        return cleaned


class MoveOnForm(CrispyMixin, forms.ModelForm):
    class Meta:
        model = MoveOnPlan
        fields = ["plan", "target_on"]
        widgets = {"plan": forms.Textarea(attrs={"rows": 4}), "target_on": DATE}


class ReferralOutForm(CrispyMixin, forms.ModelForm):
    class Meta:
        model = ReferralOut
        fields = ["agency", "reason", "made_on"]
        widgets = {"made_on": DATE}
        formfield_callback = empty_choices(agency=_("Choose an agency"))

    def __init__(self, *args, centre, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = Agency.objects.filter(centre=centre, is_active=True)

    def clean_made_on(self):
        return _not_future(self.cleaned_data.get("made_on"), _("This date is in the future."))


class StatusForm(forms.Form):
    status = forms.CharField(max_length=20)


class AgencyForm(CrispyMixin, forms.ModelForm):
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")

    class Meta:
        model = Agency
        fields = [
            "name",
            "kind",
            "services",
            "eligibility",
            "how_to_refer",
            "area",
            "phone",
            "email",
            "website",
            "is_active",
        ]
        widgets = {
            "services": forms.Textarea(attrs=TEXTAREA),
            "eligibility": forms.Textarea(attrs={"rows": 2}),
            "how_to_refer": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, centre, **kwargs):
        super().__init__(*args, **kwargs)
        self.centre = centre

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        clash = Agency.objects.filter(centre=self.centre, name__iexact=name)
        if self.instance.pk:
            clash = clash.exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError(_("There is already an entry with this name."))
        return name


class ReferralForm(CrispyMixin, forms.ModelForm):
    class Meta:
        model = Referral
        fields = [
            "first_name",
            "last_name",
            "date_of_birth",
            "mobile",
            "referred_on",
            "source",
            "referrer_agency",
            "referrer_name",
            "referrer_contact",
            "justice_involvement",
            "vulnerability",
            "risk_need_band",
            "early_intervention",
        ]
        widgets = {
            "date_of_birth": DATE,
            "referred_on": DATE,
            "justice_involvement": forms.Textarea(attrs=TEXTAREA),
            "vulnerability": forms.Textarea(attrs=TEXTAREA),
        }
        formfield_callback = empty_choices(
            source=_("Choose where the referral came from"),
            referrer_agency=_("No agency, or not in the directory"),
        )

    def __init__(self, *args, centre, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["referrer_agency"].queryset = Agency.objects.filter(
            centre=centre, kind=Agency.Kind.PARTNER
        )

    def clean_referred_on(self):
        return _not_future(
            self.cleaned_data.get("referred_on"), _("A referral cannot be dated in the future.")
        )

    def clean(self):
        cleaned = super().clean()
        if (
            not (cleaned.get("justice_involvement") or "").strip()
            and not cleaned.get("early_intervention")
            and "justice_involvement" not in self.errors
        ):
            self.add_error(
                "justice_involvement",
                _(
                    "Describe her criminal justice involvement, or tick prevention or "
                    "early intervention."
                ),
            )
        return cleaned


OFFER = "offer"  # not a decision: the referral waits for the key worker's answer


class ReferralDecisionForm(CrispyMixin, forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            (Referral.Decision.ACCEPTED, _("Accept and open her record")),
            (OFFER, _("Offer to a key worker to accept or decline")),
            (Referral.Decision.DECLINED, _("Not accepted")),
            (Referral.Decision.WITHDRAWN, _("Withdrawn by the referrer")),
        ],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reason"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    key_worker = forms.ModelChoiceField(
        label=_("Key worker (if accepted or offered)"),
        queryset=User.objects.none(),
        required=False,
        empty_label=_("Not chosen yet"),
    )

    def __init__(self, *args, centre, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["key_worker"].queryset = staff_choices(centre, [Role.KEY_WORKER])

    def clean(self):
        cleaned = super().clean()
        decision = cleaned.get("decision")
        if decision == OFFER and not cleaned.get("key_worker"):
            self.add_error("key_worker", _("Choose the key worker to offer her to."))
        elif decision and decision != OFFER and not (cleaned.get("reason") or "").strip():
            self.add_error("reason", _("Give the reason for the decision."))
        return cleaned


class ReferralOfferAnswerForm(forms.Form):
    """The key worker's answer to a referral offered to her."""

    answer = forms.ChoiceField(
        choices=[("accept", _("Accept")), ("decline", _("Decline"))], widget=forms.HiddenInput
    )
    reason = forms.CharField(
        label=_("Why you cannot take her on (if you decline)"), max_length=400, required=False
    )


class PeriodForm(forms.Form):
    start = forms.DateField(label=_("From"), widget=DATE, required=False)
    end = forms.DateField(label=_("To"), widget=DATE, required=False)

    def period(self):
        today = timezone.localdate()
        data = self.cleaned_data if self.is_valid() else {}
        start = data.get("start") or today.replace(month=1, day=1)
        end = data.get("end") or today
        return (start, end) if start <= end else (end, start)


class CaseReviewForm(CrispyMixin, forms.ModelForm):
    women = forms.ModelMultipleChoiceField(
        label=_("Women to discuss"),
        queryset=Woman.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = CaseReviewMeeting
        fields = ["held_on", "title", "attendees"]
        widgets = {"held_on": DATE}

    def __init__(self, *args, centre, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["women"].queryset = Woman.objects.filter(
            centre=centre, stage__in=OPEN_STAGES
        ).select_related("key_worker")


class CaseReviewItemForm(CrispyMixin, forms.Form):
    notes = forms.CharField(
        label=_("Shared notes"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    action_text = forms.CharField(label=_("Agreed action"), max_length=500, required=False)
    action_who = forms.CharField(label=_("Who"), max_length=120, required=False)
    action_due = forms.DateField(label=_("By when"), required=False, widget=DATE)


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Find a woman by name"), max_length=80, required=False)
