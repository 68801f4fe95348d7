"""Forms for issues and pieces: validation and layout only (the services write)."""

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from centre.forms import DateInput, empty_choices
from centre.versioning import VersionedForm

from .models import Contribution, Issue

PHOTO_MAX_BYTES = 5 * 1024 * 1024
PHOTO_FORMATS = {"JPEG", "PNG"}
PHOTO_HELP = _("A JPEG or PNG photo, up to 5 MB.")
NOT_A_PHOTO = _(
    "This file is not a photo we can use. Choose a JPEG or PNG photo (most phones take JPEG)."
)


class PhotoField(forms.ImageField):
    """A photo upload with plain messages: the right kind of file, and not too big."""

    default_error_messages = {"invalid_image": NOT_A_PHOTO, "invalid": NOT_A_PHOTO}

    def __init__(self, **kwargs: Any):
        kwargs.setdefault("required", False)
        kwargs.setdefault("help_text", PHOTO_HELP)
        kwargs.setdefault("label", _("Photo"))
        super().__init__(**kwargs)

    def to_python(self, data: Any) -> Any:
        if data and getattr(data, "size", 0) > PHOTO_MAX_BYTES:
            size = data.size / (1024 * 1024)
            raise forms.ValidationError(
                _(
                    "This photo is %(size).1f MB; the largest we can take is 5 MB. Take it again "
                    "at a smaller size, or send a smaller copy."
                )
                % {"size": size},
                code="too_big",
            )
        photo = super().to_python(data)
        image = getattr(photo, "image", None) if photo else None
        if image is not None and image.format not in PHOTO_FORMATS:
            raise forms.ValidationError(NOT_A_PHOTO, code="invalid_image")
        return photo


class IssueForm(VersionedForm, forms.ModelForm):
    class Meta:
        model = Issue
        fields = ["title", "deadline", "call_text", "ways_to_get_involved", "useful_numbers"]
        widgets = {
            "deadline": DateInput(),
            "call_text": forms.Textarea(attrs={"rows": 4}),
            "ways_to_get_involved": forms.Textarea(attrs={"rows": 4}),
            "useful_numbers": forms.Textarea(attrs={"rows": 4}),
        }

    def clean_deadline(self) -> Any:
        deadline = self.cleaned_data["deadline"]
        if self.instance.pk is None and deadline < timezone.localdate():
            raise forms.ValidationError(
                _("That day has passed. Choose the last day to send something in, from today.")
            )
        return deadline


class EditorForm(forms.Form):
    user = forms.ModelChoiceField(
        queryset=None, label=_("Who joins the editorial group"), empty_label=_("Choose who joins")
    )

    def __init__(self, *args: Any, choices: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = choices


_PIECE_WIDGETS = {
    "body": forms.Textarea(attrs={"rows": 10}),
}


class _PieceFields(forms.ModelForm):
    image = PhotoField()

    class Meta:
        model = Contribution
        fields = ["kind", "title", "body", "image", "image_description", "people_in_photo"]
        widgets = _PIECE_WIDGETS
        formfield_callback = empty_choices(kind=_("Choose a kind of piece"))


class _NewPieceFields(_PieceFields):
    """A new piece: its words, and consent and credit (worded for whose piece it is)."""

    consent_label: Any = ""
    credit_label: Any = ""
    credit_choices: list[tuple[str, Any]] = Contribution.Credit.choices
    credit_initial = Contribution.Credit.ANONYMOUS

    consent_to_publish = forms.BooleanField(required=False)
    credit = forms.ChoiceField(choices=Contribution.Credit.choices, widget=forms.RadioSelect)
    everyone_in_photo_agreed = forms.BooleanField(
        required=False, label=_("Everyone in the photo agreed to it being printed")
    )

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["consent_to_publish"].label = self.consent_label
        credit = self.fields["credit"]
        credit.label, credit.choices = self.credit_label, self.credit_choices
        credit.initial = self.credit_initial


class OwnPieceForm(_NewPieceFields):
    """A piece of one's own (staff, partners, a woman on her volunteer account)."""

    consent_label = _("I agree to this being published in the newsletter")
    credit_label = _("How should it be credited?")
    credit_choices = [
        (Contribution.Credit.FULL_NAME, _("My full name")),
        (Contribution.Credit.FIRST_NAME, _("My first name only")),
        (Contribution.Credit.ANONYMOUS, _("Anonymous")),
    ]
    credit_initial = Contribution.Credit.FULL_NAME


class WomanPieceForm(_NewPieceFields):
    """A woman's piece, typed by her or with her, or from her handwritten page (or a photo of
    it): with her consent and her choice of credit."""

    consent_label = _("She agrees to it being published in the newsletter")
    credit_label = _("How does she want it credited?")

    woman = forms.ModelChoiceField(
        queryset=None, label=_("Whose piece is it?"), empty_label=_("Choose the woman")
    )
    source = forms.ChoiceField(
        choices=[
            choice
            for choice in Contribution.Source.choices
            if choice[0] != Contribution.Source.BY_AUTHOR
        ],
        widget=forms.RadioSelect,
        label=_("How did it reach us?"),
    )

    field_order = ["woman", "source", "kind", "title", "body"]

    def __init__(self, *args: Any, women: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["woman"].queryset = women


class PieceEditForm(VersionedForm, _PieceFields):
    pass


class ConsentForm(VersionedForm, forms.Form):
    consent_to_publish = forms.BooleanField(
        required=False, label=_("Agreed to it being published in the newsletter")
    )
    credit = forms.ChoiceField(
        choices=Contribution.Credit.choices, widget=forms.RadioSelect, label=_("Credit")
    )
    everyone_in_photo_agreed = forms.BooleanField(
        required=False, label=_("Everyone in the photo agreed to it being printed")
    )


class MoveForm(VersionedForm, forms.Form):
    state = forms.ChoiceField(choices=Contribution.State.choices)


class WithdrawForm(forms.Form):
    for_her = forms.BooleanField(
        required=False, label=_("She asked for it to be withdrawn (I am doing it for her)")
    )
    reason = forms.CharField(
        required=False,
        max_length=300,
        label=_("Why (optional, never printed)"),
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class CommentForm(forms.Form):
    text = forms.CharField(
        max_length=1500,
        label=_("Comment for the editors"),
        # Rendered by hand on the piece's page: the class keeps it inside a phone's width.
        widget=forms.Textarea(attrs={"rows": 3, "class": "form-control"}),
    )
