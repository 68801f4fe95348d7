from datetime import timedelta

from django import forms
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from casework.models import Stage, Woman
from centre.forms import empty_choices
from centre.models import User
from centre.roles import STAFF_ROLES, Role
from centre.versioning import VersionedForm

from .models import Activity, ActivityCost, Facilitator, Feedback, Room, Schedule, Session, Term
from .services import EDITABLE_FIELDS


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs):
        super().__init__(format="%H:%M", **kwargs)


class WomanSearchWidget(forms.Widget):
    """Search by name and pick one woman (a select of thousands would be slow to use and load).
    Needs JavaScript (htmx); the chosen woman is shown again if the form comes back."""

    template_name = "activities/widgets/woman_search.html"
    queryset = Woman.objects.none()

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        selected = None
        if value and str(value).isdigit():
            selected = self.queryset.filter(pk=value).first()
        context["widget"].update(
            {"search_url": reverse("activities:woman_search"), "selected": selected}
        )
        return context

    def value_from_datadict(self, data, files, name):
        return data.get(name)


def staff_of(centre, roles=STAFF_ROLES):
    return User.objects.filter(
        memberships__centre=centre, memberships__is_active=True, memberships__role__in=roles
    ).order_by("first_name", "last_name")


def women_of(centre):
    return Woman.objects.filter(centre=centre).exclude(stage=Stage.CLOSED)


class ActivityForm(VersionedForm, forms.ModelForm):
    class Meta:
        model = Activity
        fields = [*EDITABLE_FIELDS[:6], "status", *EDITABLE_FIELDS[6:]]
        widgets = {
            "starts_on": DateInput(),
            "ends_on": DateInput(),
            "description": forms.Textarea(attrs={"rows": 4}),
            "accessibility_notes": forms.Textarea(attrs={"rows": 2}),
            "idea_notes": forms.Textarea(attrs={"rows": 3}),
        }
        formfield_callback = empty_choices(
            category=_("Choose a category"), owner=_("Nobody yet"), room=_("No usual room")
        )

    def __init__(self, *args, centre, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = staff_of(centre)
        self.fields["room"].queryset = Room.objects.filter(centre=centre)
        self.fields["status"].choices = [
            (Activity.Status.PLANNED, Activity.Status.PLANNED.label),
            (Activity.Status.RUNNING, Activity.Status.RUNNING.label),
        ]
        if editing:
            del self.fields["status"]
        else:
            del self.fields["version"]


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=Activity.Status.choices)
    reason = forms.CharField(
        label=_("Reason"),
        max_length=300,
        required=False,
        help_text=_("Needed to pause or end. Shown on the programme: no one's personal details."),
    )
    effective_on = forms.DateField(label=_("From"), widget=DateInput(), initial=timezone.localdate)

    def clean(self):
        data = super().clean()
        if (
            data.get("status") in (Activity.Status.PAUSED, Activity.Status.ENDED)
            and not (data.get("reason") or "").strip()
        ):
            self.add_error("reason", _("Say why, so reports show why groups stop."))
        return data


class IdeaStageForm(forms.Form):
    stage = forms.ChoiceField(choices=Activity.IdeaStage.choices, widget=forms.HiddenInput)
    notes = forms.CharField(
        label=_("What the review found"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class FacilitatorForm(forms.ModelForm):
    class Meta:
        model = Facilitator
        fields = ["kind", "user", "external_name", "organisation", "woman", "staff_partner"]
        formfield_callback = empty_choices(
            kind=_("Choose who they are"),
            user=_("Not someone from the team"),
            woman=_("No woman co-facilitating"),
            staff_partner=_("Nobody yet"),
        )

    def __init__(self, *args, centre, **kwargs):
        super().__init__(*args, **kwargs)
        self.centre = centre
        self.fields["user"].queryset = staff_of(centre, STAFF_ROLES | {Role.VOLUNTEER})
        self.fields["user"].help_text = _("For staff and volunteers.")
        self.fields["staff_partner"].queryset = staff_of(centre)
        self.fields["woman"].queryset = women_of(centre)
        self.fields["woman"].widget = WomanSearchWidget()
        self.fields["woman"].widget.queryset = self.fields["woman"].queryset

    def clean(self):
        data = super().clean()
        user, kind = data.get("user"), data.get("kind")
        if user and kind in (Facilitator.Kind.STAFF, Facilitator.Kind.VOLUNTEER):
            memberships = user.memberships.filter(centre=self.centre)
            role = memberships.values_list("role", flat=True).first()
            if kind == Facilitator.Kind.VOLUNTEER and role != Role.VOLUNTEER:
                self.add_error("user", _("Choose a volunteer, or pick “member of staff”."))
            if kind == Facilitator.Kind.STAFF and role == Role.VOLUNTEER:
                self.add_error("user", _("This person is a volunteer: pick “volunteer”."))
        return data


class CostForm(forms.ModelForm):
    class Meta:
        model = ActivityCost
        fields = ["description", "amount", "committed_on"]
        widgets = {"committed_on": DateInput()}


class ScheduleForm(forms.ModelForm):
    class Meta:
        model = Schedule
        fields = [
            "frequency",
            "weekday",
            "start_time",
            "end_time",
            "starts_on",
            "ends_on",
            "term",
            "room",
        ]
        widgets = {
            "start_time": TimeInput(),
            "end_time": TimeInput(),
            "starts_on": DateInput(),
            "ends_on": DateInput(),
        }
        help_texts = {
            "starts_on": _("Not needed for a term block."),
            "room": _("Leave empty for the activity's usual room."),
        }
        formfield_callback = empty_choices(
            frequency=_("Choose how often"),
            weekday=_("Choose a day"),
            term=_("Not a term block"),
            room=_("The activity's usual room"),
        )

    def __init__(self, *args, centre, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["term"].queryset = Term.objects.filter(centre=centre)
        self.fields["room"].queryset = Room.objects.filter(centre=centre)


class SessionForm(forms.ModelForm):
    class Meta:
        model = Session
        fields = ["date", "start_time", "end_time", "room", "location"]
        widgets = {"date": DateInput(), "start_time": TimeInput(), "end_time": TimeInput()}
        # Left empty, the session has the activity's usual room, unless it is somewhere else
        # (activities.services.session_create).
        formfield_callback = empty_choices(
            room=_("The activity's usual room, unless a place is given below")
        )

    def __init__(self, *args, centre, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["room"].queryset = Room.objects.filter(centre=centre)


class CancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is it cancelled?"),
        max_length=300,
        help_text=_("Shown on the programme: no one's personal details."),
    )


class EnrolmentForm(forms.Form):
    woman = forms.ModelChoiceField(
        label=_("Find a woman to sign up"),
        queryset=Woman.objects.none(),
        widget=WomanSearchWidget,
        empty_label=_("Choose a woman"),
    )

    def __init__(self, *args, centre, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["woman"].queryset = women_of(centre)
        self.fields["woman"].widget.queryset = self.fields["woman"].queryset


class RegisterForm(VersionedForm):
    """The register as one submission: who came, how many others, which facilitators."""

    women = forms.TypedMultipleChoiceField(coerce=int, required=False)
    facilitators = forms.TypedMultipleChoiceField(coerce=int, required=False)
    others_count = forms.IntegerField(
        label=_("Women not on the system"), min_value=0, max_value=500, initial=0
    )

    def __init__(self, *args, woman_ids=(), facilitator_ids=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["women"].choices = [(pk, pk) for pk in woman_ids]
        self.fields["facilitators"].choices = [(pk, pk) for pk in facilitator_ids]

    # A woman ticked in the list and again in the search results is one woman who came.
    def clean_women(self) -> list[int]:
        return list(dict.fromkeys(self.cleaned_data["women"]))

    def clean_facilitators(self) -> list[int]:
        return list(dict.fromkeys(self.cleaned_data["facilitators"]))


class FeedbackForm(forms.ModelForm):
    class Meta:
        model = Feedback
        fields = ["rating", "comment"]
        widgets = {
            "rating": forms.RadioSelect,
            "comment": forms.Textarea(attrs={"rows": 3}),
        }
        # A required list of buttons: an empty one would be a rating that means nothing.
        formfield_callback = empty_choices(rating=None)


class TermForm(forms.ModelForm):
    class Meta:
        model = Term
        fields = ["name", "starts_on", "ends_on", "break_starts_on", "break_ends_on"]
        widgets = {
            "starts_on": DateInput(),
            "ends_on": DateInput(),
            "break_starts_on": DateInput(),
            "break_ends_on": DateInput(),
        }


class RoomForm(forms.ModelForm):
    class Meta:
        model = Room
        fields = ["name", "capacity", "accessibility_notes"]


class PeriodForm(forms.Form):
    start = forms.DateField(label=_("From"), widget=DateInput())
    end = forms.DateField(label=_("To"), widget=DateInput())

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end:
            if end < start:
                self.add_error("end", _("The end must be after the start."))
            elif (end - start) > timedelta(days=800):
                self.add_error("end", _("Choose at most two years."))
        return data
