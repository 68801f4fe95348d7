"""Forms for data protection requests: a new request, a correction, an erasure proposal."""

from typing import Any, cast

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from casework.models import Woman

from .models import TEXT_MAX, Correction, DataRequest


class WomanChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Woman) -> str:
        return f"{obj.first_name} {obj.last_name} (record {obj.pk})".replace("  ", " ")


class RequestForm(forms.Form):
    woman = WomanChoiceField(
        queryset=Woman.objects.none(),
        label=_("Whose data"),
        empty_label=_("Choose the woman"),
        error_messages={"required": _("Choose the woman the request is from.")},
    )
    kind = forms.ChoiceField(
        label=_("What she asked for"),
        choices=DataRequest.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what she asked for.")},
    )
    received_on = forms.DateField(
        label=_("Received on"),
        help_text=_("The day the centre received her request. It is due one month later."),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": _("Give the day the request was received."),
            "invalid": _("Give the date as day, month and year."),
        },
    )
    notes = forms.CharField(
        label=_("Notes"),
        required=False,
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("How she asked and anything needed to answer. Not her case notes."),
    )

    def __init__(self, *args: Any, centre: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        woman_field = cast(WomanChoiceField, self.fields["woman"])
        woman_field.queryset = Woman.objects.filter(
            centre=centre, anonymised_at__isnull=True
        ).order_by("first_name", "last_name", "pk")

    def clean_received_on(self) -> Any:
        received_on = self.cleaned_data["received_on"]
        if received_on > timezone.localdate():
            raise forms.ValidationError(_("The date received cannot be in the future."))
        return received_on


class CorrectionForm(forms.ModelForm):
    class Meta:
        model = Correction
        fields = ["what", "change", "reason"]
        labels = {
            "what": _("Which detail"),
            "change": _("What was corrected"),
            "reason": _("Why"),
        }
        help_texts = {
            "what": _("For example: her date of birth."),
            "change": _("In words: what it said and what it says now, or what was removed."),
        }
        widgets = {
            "change": forms.Textarea(attrs={"rows": 3}),
            "reason": forms.Textarea(attrs={"rows": 2}),
        }
        error_messages = {
            "what": {"required": _("Say which detail was corrected.")},
            "change": {"required": _("Say what was corrected.")},
            "reason": {"required": _("Say why it was corrected.")},
        }


class ProposeForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for erasure"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Why her data should be erased. A different manager approves it."),
        error_messages={"required": _("Say why her data should be erased.")},
    )
