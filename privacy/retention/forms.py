"""The manager's forms: one kind's period, placing a legal hold, lifting it."""

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

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
        self.fields["action"].choices = [
            (value, Action(value).label) for value in period.default.actions
        ]
        self.fields["months"].help_text = _("At least %(minimum)s months. %(why)s") % {
            "minimum": period.default.minimum,
            "why": period.default.minimum_why,
        }


class HoldForm(forms.Form):
    woman = forms.ModelChoiceField(label=_("Whose records"), queryset=None)
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
        self.fields["woman"].queryset = women
        self.fields["woman"].label_from_instance = lambda woman: woman.short_name


class LiftForm(forms.Form):
    lift_reason = forms.CharField(
        label=_("Why the hold can end"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
    )
