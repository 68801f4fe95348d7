from datetime import date, time

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from centre.deadlines import check_chosen_due
from centre.forms import DateInput, empty_choices
from centre.versioning import VersionedForm

from .models import (
    MEETING_DETAILS,
    NOTE_MAX,
    PAPER_MAX_BYTES,
    PAPERS_RELEASE_DAYS,
    Action,
    AgendaItem,
    Decision,
    ElectedRole,
    Group,
    GroupMember,
    Invitation,
    Meeting,
    MeetingSeries,
    Minutes,
    Naming,
    Paper,
)

DATE_INPUT = DateInput()
TIME_INPUT = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class GroupForm(forms.ModelForm):
    class Meta:
        model = Group
        fields = ["name", "kind", "terms_of_reference", "standing_items", "papers_release_days"]
        widgets = {
            "terms_of_reference": forms.Textarea(attrs={"rows": 6}),
            "standing_items": forms.Textarea(attrs={"rows": 3}),
        }
        formfield_callback = empty_choices(kind=_("Choose a kind of group"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["papers_release_days"].required = False

    def clean_papers_release_days(self) -> int:
        days = self.cleaned_data.get("papers_release_days")
        return PAPERS_RELEASE_DAYS if days is None else days


class MemberForm(forms.Form):
    """Add one person: someone from the team, or (staff only) a woman by her record."""

    user = forms.ModelChoiceField(
        label=_("Someone from the team"),
        queryset=None,
        required=False,
        empty_label=_("Nobody from the team"),
    )
    woman = forms.ModelChoiceField(
        label=_("A woman"), queryset=None, required=False, empty_label=_("No woman")
    )
    joined_on = forms.DateField(label=_("Joined on"), widget=DATE_INPUT, initial=timezone.localdate)
    wants_reminders = forms.BooleanField(
        label=_("Send reminders before meetings"),
        required=False,
        help_text=_("A woman gets them only if her record says she wants reminders and how."),
    )
    naming = forms.ChoiceField(
        label=_("For a woman: how attendance lists and the minutes name her"),
        choices=Naming.choices,
        initial=Naming.ANONYMOUS,
        required=False,
    )

    def __init__(self, *args, users, women, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = users
        self.fields["user"].label_from_instance = lambda u: u.get_full_name() or u.username
        if women is None:
            del self.fields["woman"]
        else:
            self.fields["woman"].queryset = women

    def clean_naming(self) -> str:
        return self.cleaned_data.get("naming") or Naming.ANONYMOUS

    def clean(self):
        cleaned = super().clean()
        if bool(cleaned.get("user")) == bool(cleaned.get("woman")):
            raise forms.ValidationError(_("Choose one person: someone from the team or a woman."))
        return cleaned


class ElectedRoleForm(forms.Form):
    member = forms.ModelChoiceField(
        label=_("Who"), queryset=GroupMember.objects.none(), empty_label=_("Choose who")
    )
    role = forms.ChoiceField(label=_("Role"), choices=ElectedRole.Role.choices)
    starts_on = forms.DateField(label=_("Term starts"), widget=DATE_INPUT)
    ends_on = forms.DateField(label=_("Term ends"), widget=DATE_INPUT, required=False)

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = members

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("The term must end after it starts."))
        return cleaned


class MeetingDetailsForm(VersionedForm, forms.ModelForm):
    class Meta:
        model = Meeting
        fields = list(MEETING_DETAILS)
        widgets = {
            "accessibility_notes": forms.Textarea(attrs={"rows": 3}),
            "travel_notes": forms.Textarea(attrs={"rows": 3}),
        }


class MeetingScheduleForm(MeetingDetailsForm):
    """One-off (a date) or repeating (which week, which day, for how many months)."""

    ONE_OFF, MONTHLY = "once", "monthly"
    repeat = forms.ChoiceField(
        label=_("How often"),
        choices=[(ONE_OFF, _("Once")), (MONTHLY, _("Every month"))],
        initial=ONE_OFF,
        widget=forms.RadioSelect,
    )
    on = forms.DateField(label=_("Date (or, every month, the first month)"), widget=DATE_INPUT)
    at = forms.TimeField(label=_("Time"), widget=TIME_INPUT, initial=time(11, 0))
    week = forms.TypedChoiceField(
        label=_("Every month: which week"),
        choices=MeetingSeries.Week.choices,
        coerce=int,
        required=False,
    )
    weekday = forms.TypedChoiceField(
        label=_("Every month: which day"),
        choices=MeetingSeries.Weekday.choices,
        coerce=int,
        required=False,
    )
    months = forms.IntegerField(
        label=_("Every month: for how many months"), min_value=1, max_value=24, required=False
    )

    field_order = ["repeat", "on", "at", "week", "weekday", "months"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("repeat") == self.MONTHLY:
            for name in ("week", "weekday", "months"):
                if cleaned.get(name) in (None, ""):
                    self.add_error(name, _("Needed for a meeting every month."))
        elif cleaned.get("on") and cleaned["on"] < timezone.localdate():
            self.add_error("on", _("That date has passed."))
        return cleaned


class RescheduleForm(VersionedForm):
    starts_on = forms.DateField(label=_("New date"), widget=DATE_INPUT)
    at = forms.TimeField(label=_("New time"), widget=TIME_INPUT)
    reason = forms.CharField(
        label=_("Why it is moving"), max_length=NOTE_MAX, widget=forms.Textarea(attrs={"rows": 3})
    )

    def clean_starts_on(self) -> date:
        day = self.cleaned_data["starts_on"]
        if day < timezone.localdate():
            raise forms.ValidationError(_("That date has passed."))
        return day


class CancelForm(VersionedForm):
    reason = forms.CharField(
        label=_("Why it is cancelled"),
        max_length=NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class AgendaItemForm(forms.ModelForm):
    class Meta:
        model = AgendaItem
        fields = ["title", "raised_by", "naming"]
        help_texts = {
            "raised_by": _("Who asked for it to be discussed."),
            "naming": _("For a woman: how the agenda and minutes name her."),
        }


class ActionForm(forms.ModelForm):
    class Meta:
        model = Action
        fields = ["text", "owner", "due_on"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2}), "due_on": DATE_INPUT}
        formfield_callback = empty_choices(owner=_("Choose who does it"))

    def __init__(self, *args, owners, raised_on: date, **kwargs):
        super().__init__(*args, **kwargs)
        self.raised_on = raised_on
        self.fields["owner"].queryset = owners
        self.fields["owner"].label_from_instance = lambda u: u.get_full_name() or u.username

    def clean_due_on(self):
        return check_chosen_due(self.cleaned_data.get("due_on"), earliest=self.raised_on)


class ActionCloseForm(forms.Form):
    status = forms.ChoiceField(
        label=_("What happened"),
        choices=[(Action.Status.DONE, _("It is done")), (Action.Status.DROPPED, _("Dropped"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Why it is dropped"),
        max_length=NOTE_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") == Action.Status.DROPPED and not cleaned.get("reason", "").strip():
            self.add_error("reason", _("Say why it is dropped: the group will see this."))
        return cleaned


class AttendanceForm(forms.Form):
    came = forms.MultipleChoiceField(
        label=_("Came"), required=False, widget=forms.CheckboxSelectMultiple
    )
    apologies = forms.MultipleChoiceField(
        label=_("Sent apologies"), required=False, widget=forms.CheckboxSelectMultiple
    )
    other_women = forms.IntegerField(
        label=_("Other women who came (a count)"), min_value=0, max_value=500, initial=0
    )
    guests = forms.CharField(
        label=_("Guests (one a line)"),
        required=False,
        max_length=NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, people: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.people = people  # "u12" / "w7" -> the user or woman
        choices = [(key, str(person)) for key, person in people.items()]
        self.fields["came"].choices = choices
        self.fields["apologies"].choices = choices

    def clean(self):
        cleaned = super().clean()
        if set(cleaned.get("came", [])) & set(cleaned.get("apologies", [])):
            raise forms.ValidationError(_("Someone cannot both come and send apologies."))
        return cleaned

    def persons(self, name: str) -> list:
        return [self.people[key] for key in self.cleaned_data.get(name, [])]


class MinutesForm(VersionedForm, forms.ModelForm):
    class Meta:
        model = Minutes
        fields = ["text", "plain_summary"]
        error_messages = {"text": {"required": _("Write the minutes before saving.")}}
        widgets = {
            "text": forms.Textarea(attrs={"rows": 14}),
            "plain_summary": forms.Textarea(attrs={"rows": 6}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].required = True


class MinutesStepForm(VersionedForm):
    """Approve or publish the version she read."""


class DecisionForm(forms.ModelForm):
    class Meta:
        model = Decision
        fields = ["suggestion", "outcome", "answer"]
        widgets = {"answer": forms.Textarea(attrs={"rows": 3})}
        formfield_callback = empty_choices(
            suggestion=_("Choose a suggestion"), outcome=_("Choose the decision")
        )

    def __init__(self, *args, suggestions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["suggestion"].queryset = suggestions
        self.fields["suggestion"].label_from_instance = lambda s: f"{s.receipt_code}: {s.text[:80]}"


class InterestForm(forms.Form):
    """A declaration of interest by someone who came, on one item of the agenda."""

    who = forms.ChoiceField(label=_("Who declared it"))
    agenda_item = forms.ModelChoiceField(
        label=_("On which agenda item"),
        queryset=AgendaItem.objects.none(),
        empty_label=_("Choose an agenda item"),
    )
    interest = forms.CharField(
        label=_("The interest she declared"),
        max_length=NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example: she works for the group asking for the money."),
    )
    left_room = forms.BooleanField(label=_("She left the room for this item"), required=False)

    def __init__(self, *args, present, items, **kwargs):
        super().__init__(*args, **kwargs)
        self.present = {str(row.pk): row for row in present}
        self.fields["who"].choices = [("", _("Choose who"))] + [
            (key, row.shown_name) for key, row in self.present.items()
        ]
        self.fields["agenda_item"].queryset = items

    def attendance(self):
        return self.present[self.cleaned_data["who"]]


class InvitationForm(forms.Form):
    """A key worker records that she asked a woman to a meeting, how, and her answer."""

    meeting = forms.ModelChoiceField(
        label=_("Which meeting"), queryset=Meeting.objects.none(), empty_label=_("Choose a meeting")
    )
    method = forms.ChoiceField(
        label=_("How you asked her"),
        choices=[c for c in Invitation.Method.choices if c[0] != Invitation.Method.EMAIL],
        widget=forms.RadioSelect,
    )
    answer = forms.ChoiceField(
        label=_("Her answer"), choices=Invitation.Answer.choices, widget=forms.RadioSelect
    )

    def __init__(self, *args, meetings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = meetings
        self.fields["meeting"].label_from_instance = lambda m: str(m)


class MembersInviteForm(forms.Form):
    method = forms.ChoiceField(
        label=_("How the members were invited"),
        choices=Invitation.Method.choices,
        initial=Invitation.Method.EMAIL,
    )


class PaperForm(forms.ModelForm):
    class Meta:
        model = Paper
        fields = ["title", "plain_summary", "file"]
        widgets = {"plain_summary": forms.Textarea(attrs={"rows": 4})}
        help_texts = {
            "plain_summary": _("A few short sentences anyone can follow: what it is and why."),
            "file": _("A PDF, Word or OpenDocument text file, or plain text; up to %(mb)s MB.")
            % {"mb": PAPER_MAX_BYTES // 1024 // 1024},
        }
        error_messages = {"file": {"required": _("Choose the paper to attach.")}}


class NamingForm(forms.Form):
    naming = forms.ChoiceField(
        label=_("How attendance lists and the minutes name her"),
        choices=Naming.choices,
        widget=forms.RadioSelect,
        help_text=_("Ask her. Minutes already approved keep the name they were written with."),
    )
