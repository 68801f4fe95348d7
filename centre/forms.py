from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, cast

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.conf import settings
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.db import models
from django.utils.translation import gettext_lazy as _

from .messaging import message_queue
from .models import Centre, OutboxMessage, User
from .roles import Role

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise  # a development dependency: for the types only


class DateInput(forms.DateInput):
    """The browser's date picker. Its value is always ISO (2026-12-05), whatever the locale:
    a date shown as 05/12/2026 in an `<input type="date">` shows as empty, and saving the form
    again would lose it."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class DateTimeInput(forms.DateTimeInput):
    """The browser's date and time picker, with its value in the one format it reads."""

    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


class empty_choices:  # noqa: N801 - read as a function: Meta.formfield_callback = empty_choices(...)
    """A ModelForm's `Meta.formfield_callback`: the named fields' empty choice says what leaving
    the field empty means ("Nobody yet", "Choose a day"), not Django's "---------". None leaves
    it out (a required radio list). A field with no empty choice is not given one. The names are
    kept (`labels`), so a test can check each is one of its form's fields."""

    def __init__(self, **labels: "StrOrPromise | None") -> None:
        self.labels = labels

    def __call__(self, db_field: models.Field, **kwargs: Any) -> forms.Field | None:
        field = db_field.formfield(**kwargs)
        if field is not None and db_field.name in self.labels:
            _word_empty_choice(field, self.labels[db_field.name])
        return field


def _word_empty_choice(field: forms.Field, label: "StrOrPromise | None") -> None:
    if isinstance(field, forms.ModelChoiceField):
        if field.empty_label is not None:
            field.empty_label = label
    elif isinstance(field, forms.ChoiceField):
        # Django has made the choices a list by now (with the empty one first, if any).
        choices = cast(Iterable[tuple[Any, Any]], field.choices)
        field.choices = [
            (value, label if value == "" else text)
            for value, text in choices
            if value != "" or label is not None
        ]


class SignInForm(AuthenticationForm):
    error_messages = {
        # One message whether the username exists or not, so it can't be used to find accounts.
        "invalid_login": _("That username and password did not match. Check them and try again."),
        "inactive": _("That username and password did not match. Check them and try again."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].widget.attrs.update(
            {"autocomplete": "username", "autocapitalize": "none"}
        )
        self.fields["password"].widget.attrs.update({"autocomplete": "current-password"})

    def clean_username(self) -> str:
        # AuthenticationForm sets the field's max_length after the field is made, so no length
        # check runs: a name longer than any username went on to django-axes, which failed to
        # store it (a server error). Refuse it with the usual message.
        username = self.cleaned_data["username"]
        if len(username) > (getattr(self.fields["username"], "max_length", None) or 150):
            raise self.get_invalid_login_error()
        return username


class SecondFactorForm(forms.Form):
    token = forms.CharField(
        label=_("Six-digit code from your authenticator app"),
        max_length=6,
        min_length=6,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "pattern": "[0-9]*"}
        ),
    )

    def __init__(self, *args, device, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", _("Continue")))

    def clean_token(self):
        token = self.cleaned_data["token"].strip()
        if not token.isdigit() or not self.device.verify_token(token):
            raise forms.ValidationError(
                _("That code did not work. Codes change every 30 seconds: try the new one.")
            )
        return token


class CentreChooseForm(forms.Form):
    centre = forms.IntegerField()


class AuditSearchForm(forms.Form):
    actor = forms.ModelChoiceField(
        queryset=User.objects.none(), required=False, label=_("Who"), empty_label=_("Anyone")
    )
    action = forms.CharField(required=False, max_length=60, label=_("Action starts with"))
    object_type = forms.CharField(required=False, max_length=60, label=_("Record type"))
    object_id = forms.CharField(required=False, max_length=40, label=_("Record number"))
    woman_id = forms.IntegerField(
        required=False,
        min_value=1,
        label=_("Woman's record number"),
        help_text=_("Every read and change of her record, whatever part of it."),
    )
    date_from = forms.DateField(required=False, label=_("From"), widget=DateInput())
    date_to = forms.DateField(required=False, label=_("To"), widget=DateInput())

    def __init__(self, *args, centre, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["actor"].queryset = (
            User.objects.filter(memberships__centre=centre)
            .only("username", "first_name", "last_name")  # all the choice's label needs
            .distinct()
            .order_by("first_name", "last_name", "username")
        )
        # The page draws the form tag and the button; the fields go through the fast renderer
        # (centre/form_html.py), which hands a helper with a form tag or buttons to crispy.
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("date_from")
            and cleaned.get("date_to")
            and cleaned["date_from"] > cleaned["date_to"]
        ):
            self.add_error("date_to", _("The end date must be on or after the start date."))
        return cleaned


class OutboxPasswordResetForm(PasswordResetForm):
    """Sends the reset link through the outbox, so it survives a broker outage and goes once."""

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        # The wording is the password_reset message kind's (templates/messaging/); the link's
        # address comes from settings, never the request's (forgeable) Host header.
        context = {**context, "site_url": settings.SITE_URL}
        message_queue(
            kind="password_reset",
            reference=f"user:{context['user'].pk}:{context['token'][-12:]}",
            channel=OutboxMessage.Channel.EMAIL,
            recipient=to_email,
            context=context,
        )


class CentreSettingsForm(forms.ModelForm):
    class Meta:
        model = Centre
        fields = [
            "name",
            "target_women",
            "caseload_warning_threshold",
            "not_heard_from_days",
            "suggestion_response_days",
            "duty_manager_email",
            "break_glass_ends_at",
        ]
        widgets = {"break_glass_ends_at": forms.TimeInput(attrs={"type": "time"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", _("Save settings")))


class CentreHolidayForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=DateInput())
    name = forms.CharField(
        label=_("Name"), max_length=80, help_text=_("For example: Christmas Day, Glasgow Fair.")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_action = "centre_holiday_add"
        self.helper.add_input(Submit("submit", _("Add the holiday"), css_class="btn-secondary"))


class MemberEditForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    agency = forms.CharField(
        label=_("Agency"), max_length=120, required=False, help_text=_("For partner workers.")
    )
    submit_label = _("Save")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", self.submit_label))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("role") == Role.PARTNER and not cleaned.get("agency", "").strip():
            self.add_error("agency", _("Say which agency a partner worker comes from."))
        return cleaned


class InvitationForm(MemberEditForm):
    """A manager invites an email address; nobody joins until the invitation is accepted."""

    email = forms.EmailField(
        label=_("Email"),
        help_text=_(
            "We send an invitation here. Someone new chooses a username and password from it; "
            "someone who already has an account accepts it when signed in."
        ),
    )
    field_order = ["email", "role", "agency"]
    submit_label = _("Send the invitation")


class NewAccountForm(forms.Form):
    """A new person, arriving from her invitation, chooses her username and password."""

    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    username = forms.RegexField(
        label=_("Username"),
        max_length=150,
        regex=r"^[\w.@+-]+$",
        error_messages={"invalid": _("Use letters, numbers and . @ + - _ only, with no spaces.")},
        widget=forms.TextInput(attrs={"autocomplete": "username", "autocapitalize": "none"}),
    )
    new_password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    new_password2 = forms.CharField(
        label=_("The same password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, email, **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", _("Make my account and join")))

    def clean(self):
        cleaned = super().clean()
        first, second = cleaned.get("new_password1"), cleaned.get("new_password2")
        if first and second and first != second:
            self.add_error("new_password2", _("The two passwords are not the same."))
        elif first:
            person = User(
                username=cleaned.get("username", ""),
                first_name=cleaned.get("first_name", ""),
                last_name=cleaned.get("last_name", ""),
                email=self.email,
            )
            try:
                password_validation.validate_password(first, person)
            except forms.ValidationError as error:
                self.add_error("new_password1", error)
        return cleaned


def add_service_errors(form, error):
    """Put a service's ValidationError on the form: on the field it names, else on the form.
    The form keeps what was typed, so the page shows it again with the messages."""
    if hasattr(error, "error_dict"):
        for field, problems in error.message_dict.items():
            form.add_error(field if field in form.fields else None, problems)
    else:
        form.add_error(None, error.messages)
