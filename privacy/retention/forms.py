"""The manager's forms: one kind's period, placing a legal hold, lifting it."""

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from casework.models import Woman
from centre.versioning import VersionedForm

from .models import Action
from .schedule import Period


class PeriodForm(VersionedForm):
    months = forms.IntegerField(
        label=_("How long to keep it, in months"), min_value=1, max_value=1200
    )
    action = forms.ChoiceField(label=_("What happens when the time is up"))

    def __init__(self, *args: Any, period: Period, **kwargs: Any):
        kwargs.setdefault(
            "initial", {"months": period.months, "action": period.action, "version": period.version}
        )
        super().__init__(*args, **kwargs)
        action = self.fields["action"]
        assert isinstance(action, forms.ChoiceField)
        action.choices = [(value, Action(value).label) for value in period.default.actions]
        self.fields["months"].help_text = ngettext(
            "At least %(minimum)s month. %(why)s",
            "At least %(minimum)s months. %(why)s",
            period.default.minimum,
        ) % {"minimum": period.default.minimum, "why": period.default.minimum_why}


class WomanChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.short_name)


class HoldForm(forms.Form):
    woman = WomanChoiceField(
        label=_("Whose records"), queryset=Woman.objects.none(), empty_label=_("Choose the woman")
    )
    reason = forms.CharField(
        label=_("Why her records must be kept"),
        help_text=_(
            "For example: a court case or an inquiry needs them, or a claim has been made. "
            "Do not write about her life here."
        ),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
    )

    def __init__(self, *args: Any, women: QuerySet, **kwargs: Any):
        super().__init__(*args, **kwargs)
        woman = self.fields["woman"]
        assert isinstance(woman, forms.ModelChoiceField)
        woman.queryset = women


class LiftForm(forms.Form):
    lift_reason = forms.CharField(
        label=_("Why the hold can end"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
    )
