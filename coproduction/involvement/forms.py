from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from centre.forms import DateInput, DateTimeInput, empty_choices
from centre.versioning import VersionedForm
from coproduction.suggestions.models import Suggestion

from .models import ExitQuestionnaire, Expense, Opportunity, Placement, Shift, Step

DATE_INPUT = DateInput()
DATETIME_INPUT = DateTimeInput()
UPLOAD_MAX = 5 * 1024 * 1024
# What a receipt or certificate may be, told by its first bytes (not by the name she gave it).
UPLOAD_SIGNATURES = {b"%PDF": "PDF", b"\x89PNG": "PNG", b"\xff\xd8\xff": "JPEG"}
UPLOAD_ACCEPT = "application/pdf,image/png,image/jpeg"


def validate_upload(upload: UploadedFile | None) -> UploadedFile | None:
    """A PDF, PNG or JPEG photo under 5 MB; anything else gets a clear message."""
    if not upload:
        return upload
    if upload.size and upload.size > UPLOAD_MAX:
        raise forms.ValidationError(_("The file must be smaller than 5 MB."))
    head = upload.read(8)
    upload.seek(0)
    if not any(head.startswith(signature) for signature in UPLOAD_SIGNATURES):
        raise forms.ValidationError(
            _("Upload a PDF or a photo (JPEG or PNG) of the receipt or certificate.")
        )
    return upload


class OpportunityForm(forms.ModelForm):
    class Meta:
        model = Opportunity
        fields = [
            "title",
            "role",
            "involves",
            "time_needed",
            "support",
            "training",
            "needs_disclosure_check",
            "is_open",
        ]
        widgets = {
            "involves": forms.Textarea(attrs={"rows": 4}),
            "support": forms.Textarea(attrs={"rows": 3}),
            "training": forms.Textarea(attrs={"rows": 3}),
        }
        formfield_callback = empty_choices(role=_("Choose a kind of role"))


class InterestForm(forms.Form):
    """A woman's interest through her key worker, or a community volunteer's by name."""

    opportunity = forms.ModelChoiceField(
        label=_("Which role"), queryset=Opportunity.objects.none(), empty_label=_("Choose a role")
    )
    woman = forms.ModelChoiceField(
        label=_("A woman on your caseload"),
        queryset=None,
        required=False,
        empty_label=_("Nobody from your caseload"),
    )
    name = forms.CharField(
        label=_("Or a community volunteer's name"), max_length=120, required=False
    )
    contact = forms.CharField(label=_("How to reach the volunteer"), max_length=200, required=False)
    note = forms.CharField(label=_("Note (optional)"), max_length=500, required=False)

    def __init__(self, *args, opportunities, women, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["opportunity"].queryset = opportunities
        self.fields["woman"].queryset = women

    def clean(self):
        data = super().clean()
        if not data.get("woman") and not (data.get("name") or "").strip():
            raise forms.ValidationError(_("Choose a woman, or give the volunteer's name."))
        if data.get("woman") and (data.get("name") or "").strip():
            raise forms.ValidationError(_("Choose a woman or give a name, not both."))
        return data


class MoveForm(forms.Form):
    to_status = forms.ChoiceField(label=_("Move to"), choices=Placement.Status.choices)
    disclosure_check_on = forms.DateField(
        label=_("Disclosure check done on (if the role needs one)"),
        required=False,
        widget=DATE_INPUT,
    )
    note = forms.CharField(
        label=_("Note (optional; taking a back seat needs no reason and keeps none)"),
        max_length=500,
        required=False,
    )


class AccountForm(forms.Form):
    user = forms.ModelChoiceField(
        label=_("Volunteer account"), queryset=None, required=False, empty_label=_("No account")
    )

    def __init__(self, *args, accounts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = accounts


class StepForm(forms.Form):
    step = forms.ChoiceField(label=_("Step"), choices=Step.choices)
    taken_on = forms.DateField(label=_("Date"), widget=DATE_INPUT, initial=timezone.localdate)
    note = forms.CharField(label=_("Note (optional)"), max_length=500, required=False)


class TrainingForm(forms.Form):
    course = forms.CharField(label=_("Course"), max_length=200)
    completed_on = forms.DateField(label=_("Completed on"), widget=DATE_INPUT)
    accredited = forms.BooleanField(label=_("Accredited"), required=False)
    certificate = forms.FileField(
        label=_("Certificate (PDF or photo, optional)"),
        required=False,
        widget=forms.FileInput(attrs={"accept": UPLOAD_ACCEPT}),
    )

    def clean_certificate(self):
        return validate_upload(self.cleaned_data.get("certificate"))


class SupervisionForm(forms.Form):
    held_on = forms.DateField(label=_("Date"), widget=DATE_INPUT, initial=timezone.localdate)
    notes = forms.CharField(
        label=_("What you talked about (no case details about anyone else)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    next_on = forms.DateField(label=_("Next one-to-one"), widget=DATE_INPUT, required=False)


class WorryForm(forms.Form):
    text = forms.CharField(
        label=_("What is worrying you"),
        help_text=_(
            "A member of staff will pick it up today. You do not need to do anything else."
        ),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class PeerConversationForm(forms.Form):
    held_on = forms.DateField(label=_("Date"), widget=DATE_INPUT, initial=timezone.localdate)
    theme = forms.ChoiceField(label=_("Theme"), choices=Suggestion.Theme.choices)
    outcome = forms.CharField(
        label=_("What came of it"),
        help_text=_("No names and no case details: what it was about, in general words."),
        max_length=500,
    )
    follow_up = forms.CharField(label=_("Follow-up (optional)"), max_length=500, required=False)
    idea = forms.CharField(
        label=_("An idea to put in the suggestion box (optional)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    worry = forms.CharField(
        label=_("A worry to hand to staff now (optional)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ShiftForm(forms.Form):
    kind = forms.ChoiceField(label=_("Rota"), choices=Shift.Kind.choices)
    starts_at = forms.DateTimeField(label=_("Starts at"), widget=DATETIME_INPUT)
    ends_at = forms.DateTimeField(label=_("Ends at"), widget=DATETIME_INPUT)
    place = forms.CharField(label=_("Where"), max_length=200, required=False)
    session = forms.ModelChoiceField(
        label=_("Session (for co-facilitation)"),
        queryset=None,
        required=False,
        empty_label=_("Not for a session"),
    )
    helper = forms.ModelChoiceField(
        label=_("Who"), queryset=None, required=False, empty_label=_("Nobody yet")
    )

    def __init__(self, *args, sessions, helpers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["session"].queryset = sessions
        self.fields["helper"].queryset = helpers

    def clean(self):
        data = super().clean()
        if data.get("starts_at") and data.get("ends_at") and data["ends_at"] <= data["starts_at"]:
            self.add_error("ends_at", _("The shift must end after it starts."))
        return data


class AssignForm(forms.Form):
    helper = forms.ModelChoiceField(
        label=_("Who"), queryset=None, required=False, empty_label=_("Nobody yet")
    )

    def __init__(self, *args, helpers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["helper"].queryset = helpers


class ExpenseForm(VersionedForm, forms.ModelForm):
    class Meta:
        model = Expense
        fields = ["kind", "spent_on", "amount", "description", "receipt"]
        widgets = {
            "spent_on": DATE_INPUT,
            # Not the clearable input: it would link to the stored file, which is private.
            "receipt": forms.FileInput(attrs={"accept": UPLOAD_ACCEPT}),
        }
        help_texts = {
            "receipt": _("A PDF or a photo of the receipt or ticket, under 5 MB."),
            "description": _("For example: bus fare there and back for the Tuesday drop-in."),
        }
        formfield_callback = empty_choices(kind=_("Choose what it was for"))

    def clean_receipt(self):
        return validate_upload(self.cleaned_data.get("receipt"))


class ExpenseClaimForm(ExpenseForm):
    helper = forms.ModelChoiceField(
        label=_("Who is claiming"), queryset=None, empty_label=_("Choose who is claiming")
    )

    def __init__(self, *args, helpers=None, **kwargs):
        super().__init__(*args, **kwargs)
        if helpers is None:
            del self.fields["helper"]
        else:
            self.fields["helper"].queryset = helpers


class DecisionForm(VersionedForm):
    reason = forms.CharField(label=_("Reason (if not approved)"), max_length=300, required=False)
    paid_on = forms.DateField(label=_("Paid on"), widget=DATE_INPUT, required=False)


# Django's "Ensure this value has at most 2000 characters (it has 2150)." in plain words.
LONG_ANSWER = _(
    "That is a bit long: up to %(limit_value)d letters, please (you have %(show_value)d). "
    "Your words are still here."
)


class ExitAnswersForm(forms.Form):
    """Her answers, as the tablet asks them (the paper form asks the same about her)."""

    felt_supported = forms.TypedChoiceField(
        label=_("How well supported did you feel?"),
        choices=[(n, str(n)) for n in range(1, 6)],
        coerce=int,
        error_messages={
            "required": _("Please choose a number from 1 to 5 to say how supported you felt."),
            "invalid_choice": _("Please choose a number from 1 to 5."),
        },
    )
    most_helped = forms.CharField(
        label=_("What helped you most?"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": LONG_ANSWER},
    )
    could_be_better = forms.CharField(
        label=_("What could we do better?"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": LONG_ANSWER},
    )
    would_recommend = forms.ChoiceField(
        label=_("Would you tell a friend to come here?"),
        choices=ExitQuestionnaire.Recommend.choices,
        error_messages={
            "required": _("Please choose an answer: would you tell a friend to come here?"),
            "invalid_choice": _("Please choose one of the answers."),
        },
    )


class TabletExitForm(ExitAnswersForm):
    first_name = forms.CharField(
        label=_("Your first name (leave empty to stay anonymous)"), max_length=80, required=False
    )


class ExitPaperForm(ExitAnswersForm):
    """A paper questionnaire typed up by staff: named only if she chose to be."""

    STAFF_LABELS = {
        "felt_supported": _("How well supported did she feel? (1 not at all, 5 very well)"),
        "most_helped": _("What helped most?"),
        "could_be_better": _("What could we do better? (goes to the suggestion box)"),
        "would_recommend": _("Would she tell a friend to come here?"),
    }
    woman = forms.ModelChoiceField(
        label=_("Her name, if she chose to give it"),
        queryset=None,
        required=False,
        empty_label=_("She did not give her name"),
    )
    completed_on = forms.DateField(label=_("Date she filled it in"), widget=DATE_INPUT)
    about = forms.ChoiceField(
        label=_("What is that about?"),
        choices=[("", _("Not said")), *Suggestion.About.choices],
        required=False,
    )
    field_order = ["woman", "completed_on", "felt_supported", "most_helped", "could_be_better"]

    def __init__(self, *args, women, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["woman"].queryset = women
        for name, label in self.STAFF_LABELS.items():
            self.fields[name].label = label


class TabletInterestForm(forms.Form):
    """ "I'd like to help" on the tablet: kind words for each mistake, as the idea form has."""

    opportunity = forms.ModelChoiceField(
        label=_("What would you like to help with?"),
        queryset=None,
        empty_label=_("Please choose one"),
        error_messages={
            "required": _("Please choose what you would like to help with."),
            "invalid_choice": _(
                "That is not on the list any more. Please choose one from the list."
            ),
        },
    )
    first_name = forms.CharField(
        label=_("Your first name"),
        max_length=80,
        error_messages={
            "required": _("Please type your first name, so we know who to talk to."),
            "max_length": _("Please use a shorter name: up to %(limit_value)d letters."),
            "null_characters_not_allowed": _(
                "Some of the letters could not be read. Please check."
            ),
        },
    )
    contact = forms.CharField(
        label=_("The best way to reach you"),
        help_text=_("For example: ask me at the drop-in, or tell my key worker."),
        max_length=200,
        error_messages={
            "required": _(
                "Please tell us how to reach you. You can write “ask me at the drop-in”."
            ),
            "max_length": _(
                "That is a bit long for the box. Please make it shorter: up to %(limit_value)d "
                "letters. You have %(show_value)d."
            ),
            "null_characters_not_allowed": _(
                "Some of the letters could not be read. Please check."
            ),
        },
    )

    def __init__(self, *args, opportunities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["opportunity"].queryset = opportunities
