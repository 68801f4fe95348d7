"""Staff forms for suggestions: adding one, the safeguarding screen, triage, wording and
redaction, the list filters, and starting or joining an activity from a woman's idea."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from activities.models import Activity
from centre.forms import DateInput

from .models import NAME_MAX, TEXT_MAX, Suggestion
from .services import normalise_receipt_code


class VersionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class SuggestionForm(forms.Form):
    """Staff typing up a suggestion from paper, a meeting or a peer rep's conversation."""

    source = forms.ChoiceField(
        label=_("Where it came from"),
        choices=[c for c in Suggestion.Source.choices if c[0] != Suggestion.Source.TABLET],
    )
    about = forms.ChoiceField(label=_("What it is about"), choices=Suggestion.About.choices)
    text = forms.CharField(
        label=_("What she would like"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Type her words as written. Leave out other people's names."),
    )
    fix_idea = forms.CharField(
        label=_("What would fix it (optional)"),
        required=False,
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    first_name = forms.CharField(
        label=_("Her first name (only if she asked for it to be added)"),
        required=False,
        max_length=NAME_MAX,
    )
    received_on = forms.DateField(
        label=_("Date received"),
        initial=timezone.localdate,
        widget=DateInput(),
    )

    def clean_received_on(self):
        value = self.cleaned_data["received_on"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("The date received cannot be in the future."))
        return value


class ScreenForm(VersionForm):
    decision = forms.ChoiceField(
        label=_("Safeguarding check"),
        choices=[
            ("clear", _("No concerns: it can go on to triage")),
            ("hold", _("May be a disclosure: hold it for the duty manager")),
        ],
        widget=forms.RadioSelect,
        help_text=_(
            "Hold it if it mentions harm, abuse, self-harm, or names a person. The duty manager "
            "is told straight away; it will never be shown on a board or report."
        ),
    )


class TriageForm(VersionForm):
    theme = forms.ChoiceField(
        label=_("Theme"),
        choices=[("", _("No theme yet")), *Suggestion.Theme.choices],
        required=False,
    )
    owner = forms.ModelChoiceField(
        label=_("Owner"), queryset=None, required=False, empty_label=_("Nobody yet")
    )
    status = forms.ChoiceField(label=_("Status"), choices=Suggestion.Status.choices)
    agreed_in_part = forms.BooleanField(label=_("Only partly (say why below)"), required=False)
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Needed whenever the answer is no, or only partly."),
    )
    duplicate_of = forms.CharField(
        label=_("Same as another suggestion (its receipt code)"),
        required=False,
        max_length=12,
        help_text=_("For example KX7-42. Leave empty if it is not a duplicate."),
    )

    def __init__(self, *args, owners, duplicates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = owners
        self.duplicates = duplicates

    def clean_duplicate_of(self):
        typed = self.cleaned_data["duplicate_of"].strip()
        if not typed:
            return None
        found = self.duplicates.filter(receipt_code=normalise_receipt_code(typed)).first()
        if found is None:
            raise forms.ValidationError(
                _("No other suggestion here has the code %(code)s.") % {"code": typed}
            )
        return found


class WordingForm(VersionForm):
    you_said = forms.CharField(
        label=_("You said…"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Short and plain, with no names or personal details."),
    )
    we_did = forms.CharField(
        label=_("We did… / We couldn't, because…"),
        max_length=800,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class RedactForm(VersionForm):
    text = forms.CharField(
        label=_("What she would like"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    fix_idea = forms.CharField(
        label=_("What would fix it"),
        required=False,
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    first_name = forms.CharField(label=_("First name"), required=False, max_length=NAME_MAX)


class SuggestionFilterForm(forms.Form):
    code = forms.CharField(label=_("Receipt code"), required=False, max_length=12)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Any")), ("open", _("Still open")), *Suggestion.Status.choices],
    )
    theme = forms.ChoiceField(
        label=_("Theme"), required=False, choices=[("", _("Any")), *Suggestion.Theme.choices]
    )
    source = forms.ChoiceField(
        label=_("From"), required=False, choices=[("", _("Any")), *Suggestion.Source.choices]
    )
    owner = forms.ModelChoiceField(
        label=_("Owner"), required=False, queryset=None, empty_label=_("Any")
    )
    screening = forms.ChoiceField(
        label=_("Safeguarding"),
        required=False,
        choices=[("", _("Any")), *Suggestion.Screening.choices],
    )
    wording = forms.ChoiceField(
        label=_("Public wording"),
        required=False,
        choices=[("", _("Any")), *Suggestion.Wording.choices],
    )
    overdue = forms.BooleanField(label=_("Only overdue"), required=False)

    def __init__(self, *args, owners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = owners


class ActivityFromIdeaForm(VersionForm):
    """Staff turn a woman's idea into an activity: they edit the prefilled wording first."""

    name = forms.CharField(
        label=_("Name of the activity"),
        max_length=120,
        help_text=_("Short and plain, as it would appear on the programme."),
    )
    kind = forms.ChoiceField(label=_("Type"), choices=())
    category = forms.ChoiceField(label=_("Category"), choices=())
    description = forms.CharField(
        label=_("What it is"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Write it as you would say it to a woman coming for the first time. "
            "Take out anything that could say who had the idea."
        ),
    )
    idea_notes = forms.CharField(
        label=_("The idea, in her words"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Kept on the activity for staff. No names or personal details."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = Activity.Kind.choices
        self.fields["category"].choices = [("", _("Choose a kind")), *Activity.Category.choices]


class LinkActivityForm(VersionForm):
    activity = forms.ModelChoiceField(
        label=_("Or join it to an activity that already exists"),
        queryset=None,
        empty_label=_("Choose an activity"),
    )

    def __init__(self, *args, activities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["activity"].queryset = activities
