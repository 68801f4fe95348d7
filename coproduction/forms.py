from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import NAME_MAX, TEXT_MAX, Suggestion

NO_AUTOFILL = {"autocomplete": "off", "autocorrect": "off", "spellcheck": "true"}


def _kind_text_field(label, *, required, hint=""):
    return forms.CharField(
        label=label,
        required=required,
        max_length=TEXT_MAX,
        help_text=hint,
        widget=forms.Textarea(attrs={"rows": 5, **NO_AUTOFILL}),
        error_messages={
            "required": _("Please tell us your idea. Write a few words in the box."),
            "max_length": _(
                "That is a bit long for the box. Please make it shorter: up to %(limit_value)d "
                "letters. You have %(show_value)d."
            ),
            "null_characters_not_allowed": _(
                "Some of the letters could not be read. Please check."
            ),
        },
    )


class KioskSuggestionForm(forms.Form):
    """What a woman fills in on the tablet: one question per screen (see kiosk.js)."""

    ANONYMOUS = "anonymous"
    NAMED = "named"

    about = forms.ChoiceField(
        label=_("What is your idea about?"),
        choices=Suggestion.About.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Please choose what your idea is about.")},
    )
    text = _kind_text_field(_("What would you like?"), required=True)
    fix_idea = _kind_text_field(_("What would make it better? (You can skip this)"), required=False)
    name_choice = forms.ChoiceField(
        label=_("Do you want to tell us your name?"),
        choices=[
            (ANONYMOUS, _("No. Keep me anonymous")),
            (NAMED, _("Yes. Add my first name")),
        ],
        widget=forms.RadioSelect,
        initial=ANONYMOUS,
        required=False,
    )
    first_name = forms.CharField(
        label=_("Your first name"),
        required=False,
        max_length=NAME_MAX,
        widget=forms.TextInput(attrs=NO_AUTOFILL),
        error_messages={
            "max_length": _("Please use a shorter name: up to %(limit_value)d letters."),
        },
    )

    def clean(self):
        data = super().clean()
        if data.get("name_choice") != self.NAMED:
            data["first_name"] = ""
        elif not (data.get("first_name") or "").strip():
            self.add_error(
                "first_name",
                _("Please type your first name, or go back and choose “No. Keep me anonymous”."),
            )
        return data


FEEDBACK_COMMENT_MAX = 1000


class KioskFeedbackForm(forms.Form):
    """ "Tell us how a session went" on the tablet: which session, a face, and optionally a few
    words. Anonymous: there is nowhere to put a name."""

    session = forms.ChoiceField(
        label=_("Which session did you go to?"),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Please choose the session you went to."),
            "invalid_choice": _(
                "That session is not on the list any more. Please choose one from the list."
            ),
        },
    )
    rating = forms.TypedChoiceField(
        label=_("How was it?"),
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Please choose a face to say how it went.")},
    )
    comment = forms.CharField(
        label=_("Anything else you want to tell us? (You can skip this)"),
        required=False,
        max_length=FEEDBACK_COMMENT_MAX,
        widget=forms.Textarea(attrs={"rows": 5, **NO_AUTOFILL}),
        error_messages={
            "max_length": _(
                "That is a bit long for the box. Please make it shorter: up to %(limit_value)d "
                "letters. You have %(show_value)d."
            ),
            "null_characters_not_allowed": _(
                "Some of the letters could not be read. Please check."
            ),
        },
    )

    def __init__(self, *args, sessions, **kwargs):
        from activities.models import Feedback

        super().__init__(*args, **kwargs)
        self.sessions = sessions
        self.fields["session"].choices = [(str(s["session_id"]), s["activity"]) for s in sessions]
        self.fields["rating"].choices = Feedback.Rating.choices


class KioskCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Type your code"),
        max_length=12,
        widget=forms.TextInput(
            attrs={**NO_AUTOFILL, "autocapitalize": "characters", "spellcheck": "false"}
        ),
        error_messages={
            "required": _("Please type the code from your receipt. It looks like KX7-42."),
            "max_length": _("That code is too long. It looks like KX7-42."),
        },
    )


class KioskEnrolForm(forms.Form):
    code = forms.CharField(
        label=_("Set-up code"),
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )


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
        widget=forms.DateInput(attrs={"type": "date"}),
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
        label=_("Theme"), choices=[("", "---------"), *Suggestion.Theme.choices], required=False
    )
    owner = forms.ModelChoiceField(label=_("Owner"), queryset=None, required=False)
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
        from .services import normalise_receipt_code

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


class TabletForm(forms.Form):
    name = forms.CharField(
        label=_("Name of the tablet"),
        max_length=80,
        help_text=_("Where it lives, for example “Front room”."),
    )


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
    owner = forms.ModelChoiceField(label=_("Owner"), required=False, queryset=None)
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


class NumbersForm(forms.Form):
    start = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("To"), widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            self.add_error("end", _("The end date must be on or after the start date."))
        return data


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
        from activities.models import Activity

        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = Activity.Kind.choices
        self.fields["category"].choices = [("", "---------"), *Activity.Category.choices]


class LinkActivityForm(VersionForm):
    activity = forms.ModelChoiceField(
        label=_("Or join it to an activity that already exists"), queryset=None
    )

    def __init__(self, *args, activities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["activity"].queryset = activities
