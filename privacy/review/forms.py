"""The note when marking an item reviewed."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import ItemKind


class MarkForm(forms.Form):
    kind = forms.ChoiceField(choices=ItemKind.choices, widget=forms.HiddenInput)
    item = forms.CharField(max_length=60, widget=forms.HiddenInput)
    month = forms.CharField(max_length=7, widget=forms.HiddenInput)
    note = forms.CharField(
        label=_("Note (what you found, or what you did)"),
        required=False,
        max_length=1000,
        widget=forms.TextInput,
    )
