from django import forms
from django.utils.translation import gettext_lazy as _

from centre.forms import DateInput
from centre.versioning import VersionedForm

from .models import ReportTargets
from .quarters import BadQuarter, Quarter

QUARTERS_OFFERED = 8


def quarter_choices():
    return [(str(q), f"{q.label} ({q})") for q in Quarter.current().recent(QUARTERS_OFFERED)]


class QuarterForm(forms.Form):
    quarter = forms.ChoiceField(label=_("Quarter"), choices=())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["quarter"].choices = quarter_choices()
        self.fields["quarter"].initial = str(Quarter.current().previous())

    def clean_quarter(self):
        try:
            return Quarter.parse(self.cleaned_data["quarter"])
        except BadQuarter as error:
            raise forms.ValidationError(str(error)) from None


class NumbersForm(forms.Form):
    start = forms.DateField(label=_("From"), widget=DateInput())
    end = forms.DateField(label=_("To"), widget=DateInput())

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            self.add_error("end", _("The end date must be on or after the start date."))
        return data


class TargetsForm(VersionedForm, forms.ModelForm):
    class Meta:
        model = ReportTargets
        fields = list(ReportTargets.FIELDS)
