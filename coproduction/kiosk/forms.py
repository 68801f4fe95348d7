"""The tablet's forms (one question per screen, see kiosk.js) and the manager's tablet form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from activities.models import Feedback
from coproduction.suggestions.models import NAME_MAX, TEXT_MAX, Suggestion

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
    fix_idea = _kind_text_field(_("What would make it better?"), required=False)
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
        label=_("Anything else you want to tell us?"),
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


class TabletForm(forms.Form):
    name = forms.CharField(
        label=_("Name of the tablet"),
        max_length=80,
        help_text=_("Where it lives, for example “Front room”."),
    )
