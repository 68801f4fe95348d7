"""Pages for groups and meetings: five steps each (rule, fetch in scope, form, service, redirect)."""

from functools import partial
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.forms import Form
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from casework.access import record_access
from centre.access import can, roles_required
from centre.audit import audit_request
from centre.documents.views import document_made_now_response
from centre.pages import button_run, form_view, run_form
from centre.roles import ALL_MEMBERS, KEY_WORKERS_AND_MANAGER, MEETING_ORGANISERS

from . import access, selectors, services
from .documents import AGENDA, MINUTES
from .forms import (
    ActionCloseForm,
    ActionForm,
    AgendaItemForm,
    AttendanceForm,
    CancelForm,
    DecisionForm,
    ElectedRoleForm,
    GroupForm,
    InterestForm,
    InvitationForm,
    MeetingDetailsForm,
    MeetingScheduleForm,
    MemberForm,
    MembersInviteForm,
    MinutesForm,
    MinutesStepForm,
    NamingForm,
    PaperForm,
    RescheduleForm,
)
from .ics import meeting_ics
from .models import Group, Meeting, Minutes

# Every form here has the meetings breadcrumb above its title (it sees `group` and `meeting`).
_page = partial(form_view, breadcrumb="meetings/_breadcrumb.html")


def _group_page(request: HttpRequest, group: Group, form: Form, save, **page) -> HttpResponse:
    """A form about one group: Back to the group's page, and on to it once saved."""
    detail = reverse("meetings:group_detail", args=[group.pk])
    return _page(request, form, save, done=detail, back=detail, group=group, **page)


def _meeting_page(request: HttpRequest, meeting: Meeting, form: Form, save, **page) -> HttpResponse:
    """A form about one meeting: Back to the meeting's page, and on to it once saved."""
    detail = reverse("meetings:meeting_detail", args=[meeting.pk])
    return _page(
        request, form, save, done=detail, back=detail, group=meeting.group, meeting=meeting, **page
    )


# --- Groups -----------------------------------------------------------------------------------


@roles_required(ALL_MEMBERS)
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    context = {
        "groups": selectors.groups_for_user(request),
        "upcoming": selectors.upcoming_meetings(request),
    }
    return render(request, "meetings/index.html", context)


@roles_required(MEETING_ORGANISERS)
@require_http_methods(["GET", "POST"])
def group_create(request: HttpRequest) -> HttpResponse:
    form = GroupForm(request.POST or None)
    return _page(
        request,
        form,
        lambda: services.group_create(centre=request.centre, **form.cleaned_data),
        success=_("The group is set up. Now add its members."),
        done=lambda group: reverse("meetings:group_detail", args=[group.pk]),
        title=_("Set up a group"),
        back=reverse("meetings:index"),
    )


@roles_required(ALL_MEMBERS)
@require_GET
def group_detail(request: HttpRequest, pk: int) -> HttpResponse:
    group = selectors.get_group_for_user(request, pk)
    context = {
        "group": group,
        "members": selectors.group_members(request, group),
        "elections": selectors.election_history(group),
        "upcoming": selectors.upcoming_meetings(request, group=group),
        "past": selectors.past_meetings(group),
    }
    return render(request, "meetings/group_detail.html", context)


@roles_required(ALL_MEMBERS)
@require_GET
def group_actions(request: HttpRequest, pk: int) -> HttpResponse:
    """Actions raised, done, late and how long each took, for everyone who sees the group."""
    group = selectors.get_group_for_user(request, pk)
    context = {"group": group, "report": selectors.group_actions_report(group)}
    return render(request, "meetings/group_actions.html", context)


GROUP_FIELDS = ("name", "kind", "terms_of_reference", "standing_items", "papers_release_days")


@roles_required(MEETING_ORGANISERS)
@require_http_methods(["GET", "POST"])
def group_edit(request: HttpRequest, pk: int) -> HttpResponse:
    group = selectors.get_group_for_user(request, pk, change=True)
    form = GroupForm(request.POST or None, instance=group)

    def save() -> Group:
        fields = {name: form.cleaned_data[name] for name in GROUP_FIELDS}
        group.refresh_from_db()  # the ModelForm changed the instance; the service saves it
        return services.group_update(group=group, **fields)

    return _group_page(
        request, group, form, save, success=_("The group is saved."), title=_("Change the group")
    )


@roles_required(MEETING_ORGANISERS)
@require_http_methods(["GET", "POST"])
def member_add(request: HttpRequest, pk: int) -> HttpResponse:
    group = selectors.get_group_for_user(request, pk, change=True)
    women = selectors.woman_choices(request) if can(request, "see_group_women") else None
    form = MemberForm(request.POST or None, users=selectors.team_choices(request), women=women)
    return _group_page(
        request,
        group,
        form,
        lambda: services.group_member_add(group=group, **form.cleaned_data),
        success=lambda added: _("%(name)s is now a member.") % {"name": added},
        title=_("Add a member"),
        intro=_("A woman is added from her record; she can also hold a role."),
    )


@roles_required(MEETING_ORGANISERS)
@require_http_methods(["GET", "POST"])
def member_naming(request: HttpRequest, pk: int) -> HttpResponse:
    """How a woman in the group wants to be named in attendance lists and the minutes."""
    member = selectors.get_member_for_user(request, pk)
    if member.woman_id and not can(request, "see_group_women"):
        raise Http404
    name = member.woman.known_as if member.woman else str(member)
    form = NamingForm(request.POST or None, initial={"naming": member.naming})
    return _group_page(
        request,
        member.group,
        form,
        lambda: services.member_naming_set(member=member, naming=form.cleaned_data["naming"]),
        success=_("Saved: how %(name)s is named.") % {"name": name},
        title=_("How %(name)s is named") % {"name": name},
    )


@roles_required(MEETING_ORGANISERS)
@require_POST
def member_leave(request: HttpRequest, pk: int) -> HttpResponse:
    member = selectors.get_member_for_user(request, pk)
    button_run(
        request,
        lambda: services.group_member_leave(member=member, left_on=timezone.localdate()),
        _("%(name)s has left the group.") % {"name": member},
    )
    return redirect("meetings:group_detail", pk=member.group_id)


@roles_required(MEETING_ORGANISERS)
@require_http_methods(["GET", "POST"])
def role_elect(request: HttpRequest, pk: int) -> HttpResponse:
    group = selectors.get_group_for_user(request, pk, change=True)
    members = selectors.visible_member_rows(request, group)
    form = ElectedRoleForm(request.POST or None, members=members)
    return _group_page(
        request,
        group,
        form,
        lambda: services.elected_role_record(**form.cleaned_data, by=request.user),
        success=_("The election is recorded."),
        title=_("Record an election"),
    )


# --- Meetings ---------------------------------------------------------------------------------


def _details(form: Form) -> dict:
    return {name: form.cleaned_data[name] for name in services.MEETING_DETAILS}


@transaction.atomic
def _schedule(request: HttpRequest, group: Group, form: MeetingScheduleForm) -> list[Meeting]:
    """The meeting, or every month's; a series whose dates have all passed is refused (and not
    kept), so she can choose a later first month."""
    data = form.cleaned_data
    if data["repeat"] != MeetingScheduleForm.MONTHLY:
        starts_at = services.local_datetime(data["on"], data["at"])
        return [
            services.meeting_schedule(
                group=group, starts_at=starts_at, organiser=request.user, details=_details(form)
            )
        ]
    scheduled = services.meeting_series_schedule(
        group=group,
        week=data["week"],
        weekday=data["weekday"],
        start_time=data["at"],
        first_month=data["on"],
        months=data["months"],
        organiser=request.user,
        details=_details(form),
    )
    if not scheduled:
        raise ValidationError({"on": _("All those dates have passed: choose a later first month.")})
    return scheduled


@roles_required(MEETING_ORGANISERS)
@require_http_methods(["GET", "POST"])
def meeting_create(request: HttpRequest, pk: int) -> HttpResponse:
    group = selectors.get_group_for_user(request, pk, change=True)
    form = MeetingScheduleForm(request.POST or None)
    return _page(
        request,
        form,
        lambda: _schedule(request, group, form),
        success=lambda scheduled: _("%(n)s meeting(s) scheduled.") % {"n": len(scheduled)},
        done=lambda scheduled: reverse("meetings:meeting_detail", args=[scheduled[0].pk]),
        title=_("Schedule a meeting"),
        back=reverse("meetings:group_detail", args=[group.pk]),
        group=group,
    )


@roles_required(ALL_MEMBERS)
@require_GET
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.get_meeting_for_user(request, pk)
    context = {
        "meeting": meeting,
        "history": selectors.meeting_history(meeting),
        "items": selectors.agenda_items(meeting),
        "carried": selectors.agenda_actions(meeting),
        "raised": selectors.actions_raised(meeting),
        "attendance": selectors.attendance_summary(request, meeting),
        "minutes": selectors.minutes_of(meeting),
        "decisions": selectors.decisions_of(meeting),
        "interests": selectors.interests_of(meeting),
        "papers": selectors.papers_for(request, meeting),
        "invitations": selectors.invitations_of(request, meeting),
        "may_write_minutes": access.may_write_minutes(request, meeting),
        "may_approve_minutes": access.may_approve_minutes(request, meeting),
    }
    return render(request, "meetings/meeting_detail.html", context)


@roles_required(MEETING_ORGANISERS)
@require_http_methods(["GET", "POST"])
def meeting_edit(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.get_meeting_for_user(request, pk, change=True)
    form = MeetingDetailsForm(request.POST or None, instance=Meeting(**_copy(meeting)))
    return _meeting_page(
        request,
        meeting,
        form,
        lambda: services.meeting_update(
            meeting=meeting,
            by=request.user,
            expected_version=form.expected_version,
            details=_details(form),
        ),
        success=_("The meeting is saved."),
        title=_("Place and what is provided"),
    )


def _copy(meeting: Meeting) -> dict:
    # The form works on a copy, so a failed save never changes the meeting the page shows.
    return {f.attname: getattr(meeting, f.attname) for f in Meeting._meta.concrete_fields}


@roles_required(MEETING_ORGANISERS)
@require_http_methods(["GET", "POST"])
def meeting_reschedule(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.get_meeting_for_user(request, pk, change=True)
    local = timezone.localtime(meeting.starts_at)
    initial = {"version": meeting.version, "starts_on": local.date(), "at": local.time()}
    form = RescheduleForm(request.POST or None, initial=initial)

    def save() -> Meeting:
        data = form.cleaned_data
        return services.meeting_reschedule(
            meeting=meeting,
            by=request.user,
            expected_version=form.expected_version,
            starts_at=services.local_datetime(data["starts_on"], data["at"]),
            reason=data["reason"],
        )

    return _meeting_page(
        request,
        meeting,
        form,
        save,
        success=_("The meeting is moved."),
        title=_("Move the meeting"),
    )


@roles_required(MEETING_ORGANISERS)
@require_http_methods(["GET", "POST"])
def meeting_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.get_meeting_for_user(request, pk, change=True)
    form = CancelForm(request.POST or None, initial={"version": meeting.version})
    return _meeting_page(
        request,
        meeting,
        form,
        lambda: services.meeting_cancel(
            meeting=meeting,
            by=request.user,
            expected_version=form.expected_version,
            reason=form.cleaned_data["reason"],
        ),
        success=_("The meeting is cancelled."),
        title=_("Cancel the meeting"),
    )


@roles_required(ALL_MEMBERS)
@require_GET
def meeting_ics_download(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.get_meeting_for_user(request, pk)
    url = settings.SITE_URL + reverse("meetings:meeting_detail", args=[meeting.pk])
    body = meeting_ics(meeting, domain=urlsplit(settings.SITE_URL).hostname or "localhost", url=url)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    name = f"meeting-{meeting.starts_at:%Y-%m-%d}.ics"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


# --- Agenda and actions -----------------------------------------------------------------------


@roles_required(MEETING_ORGANISERS)
@require_POST
def agenda_bring_in(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.get_meeting_for_user(request, pk, change=True)
    button_run(
        request,
        lambda: services.agenda_bring_in(meeting=meeting),
        lambda added: _("%(n)s item(s) added to the agenda.") % {"n": added},
    )
    return redirect("meetings:meeting_detail", pk=meeting.pk)


@roles_required(MEETING_ORGANISERS)
@require_http_methods(["GET", "POST"])
def agenda_item_add(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.get_meeting_for_user(request, pk, change=True)
    form = AgendaItemForm(request.POST or None)
    return _meeting_page(
        request,
        meeting,
        form,
        lambda: services.agenda_item_add(meeting=meeting, **form.cleaned_data),
        success=_("The item is on the agenda."),
        title=_("Add an agenda item"),
    )


@roles_required(MEETING_ORGANISERS)
@require_POST
def agenda_item_remove(request: HttpRequest, pk: int) -> HttpResponse:
    item = selectors.get_agenda_item_for_user(request, pk)
    button_run(
        request, lambda: services.agenda_item_remove(item=item), _("The item is off the agenda.")
    )
    return redirect("meetings:meeting_detail", pk=item.meeting_id)


@roles_required(ALL_MEMBERS)
@require_GET
def agenda_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.get_meeting_for_user(request, pk)
    return document_made_now_response(request, AGENDA, meeting)


@roles_required(ALL_MEMBERS)
@require_http_methods(["GET", "POST"])
def action_add(request: HttpRequest, pk: int) -> HttpResponse:
    """Organisers and the secretary (she records the actions agreed at the meeting)."""
    meeting = _meeting_for_minutes(request, pk)
    form = ActionForm(
        request.POST or None,
        owners=selectors.action_owner_choices(meeting),
        raised_on=timezone.localdate(meeting.starts_at),
    )
    return _meeting_page(
        request,
        meeting,
        form,
        lambda: services.action_create(meeting=meeting, **form.cleaned_data),
        success=_("The action is recorded."),
        title=_("Add an action"),
    )


@roles_required(MEETING_ORGANISERS)
@require_http_methods(["GET", "POST"])
def action_close(request: HttpRequest, pk: int) -> HttpResponse:
    action = selectors.get_action_for_user(request, pk)
    form = ActionCloseForm(request.POST or None)
    detail = reverse("meetings:meeting_detail", args=[action.raised_at_id])
    return _page(
        request,
        form,
        lambda: services.action_close(action=action, **form.cleaned_data),
        success=_("The action is closed."),
        done=detail,
        title=_("Close the action"),
        back=detail,
        group=action.group,
        intro=action.text,
    )


# --- Attendance, minutes and decisions --------------------------------------------------------


def _meeting_for_minutes(request: HttpRequest, pk: int) -> Meeting:
    """The meeting, if she may see it (404) and write its minutes (403)."""
    meeting = selectors.get_meeting_for_user(request, pk)
    if not access.may_write_minutes(request, meeting):
        raise PermissionDenied
    return meeting


@roles_required(ALL_MEMBERS)
@require_http_methods(["GET", "POST"])
def attendance(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting_for_minutes(request, pk)
    people = selectors.attendance_people(request, meeting)
    initial = selectors.attendance_initial(meeting)
    form = AttendanceForm(request.POST or None, people=people, initial=initial)
    return _meeting_page(
        request,
        meeting,
        form,
        lambda: services.attendance_record(
            meeting=meeting,
            came=form.persons("came"),
            apologies=form.persons("apologies"),
            guests=form.cleaned_data["guests"].splitlines(),
            other_women=form.cleaned_data["other_women"],
        ),
        success=_("Attendance is saved."),
        title=_("Who came"),
    )


@roles_required(ALL_MEMBERS)
@require_http_methods(["GET", "POST"])
def minutes_edit(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting_for_minutes(request, pk)
    minutes = selectors.minutes_of(meeting) or Minutes(meeting=meeting, version=0)
    form = MinutesForm(
        request.POST or None,
        instance=Minutes(text=minutes.text, plain_summary=minutes.plain_summary),
        initial={"version": minutes.version},
    )
    return _meeting_page(
        request,
        meeting,
        form,
        lambda: services.minutes_save(
            meeting=meeting,
            by=request.user,
            expected_version=form.expected_version,
            text=form.cleaned_data["text"],
            plain_summary=form.cleaned_data["plain_summary"],
        ),
        success=_("The minutes are saved."),
        title=_("Minutes"),
    )


def _minutes_step(request: HttpRequest, meeting: Meeting, step, success: str) -> HttpResponse:
    """Approve or publish the version of the minutes she read: if they changed since, she is
    told so in words about the minutes (not button_run's general ones)."""
    minutes = selectors.minutes_of(meeting)
    if minutes is None:
        raise Http404
    form = MinutesStepForm(request.POST)
    form.is_valid()
    button_run(
        request,
        lambda: step(minutes=minutes, by=request.user, expected_version=form.expected_version),
        success,
        stale=_("The minutes changed while you were reading them. Read them again."),
    )
    return redirect("meetings:meeting_detail", pk=meeting.pk)


@roles_required(ALL_MEMBERS)
@require_POST
def minutes_approve(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.get_meeting_for_user(request, pk)
    if not access.may_approve_minutes(request, meeting):
        raise PermissionDenied
    return _minutes_step(request, meeting, services.minutes_approve, _("The minutes are approved."))


@roles_required(MEETING_ORGANISERS)
@require_POST
def minutes_publish(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.get_meeting_for_user(request, pk, change=True)
    return _minutes_step(
        request, meeting, services.minutes_publish, _("The minutes are published.")
    )


@roles_required(ALL_MEMBERS)
@require_GET
def minutes_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.get_meeting_for_user(request, pk)
    minutes = selectors.minutes_of(meeting)
    if minutes is None or minutes.status != Minutes.Status.PUBLISHED:
        raise Http404
    return document_made_now_response(request, MINUTES, meeting)


@roles_required(ALL_MEMBERS)
@require_http_methods(["GET", "POST"])
def decision_add(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting_for_minutes(request, pk)
    form = DecisionForm(request.POST or None, suggestions=selectors.agenda_suggestions(meeting))
    return _meeting_page(
        request,
        meeting,
        form,
        lambda: services.decision_record(meeting=meeting, **form.cleaned_data),
        success=_("The decision is recorded. It is applied when the minutes are published."),
        title=_("Record a decision"),
    )


@roles_required(ALL_MEMBERS)
@require_http_methods(["GET", "POST"])
def interest_add(request: HttpRequest, pk: int) -> HttpResponse:
    """The secretary records a declaration of interest made at the meeting."""
    meeting = _meeting_for_minutes(request, pk)
    form = InterestForm(
        request.POST or None,
        present=selectors.present_rows(meeting),
        items=selectors.agenda_items(meeting),
    )
    return _meeting_page(
        request,
        meeting,
        form,
        lambda: services.interest_declare(
            meeting=meeting,
            attendance=form.attendance(),
            agenda_item=form.cleaned_data["agenda_item"],
            interest=form.cleaned_data["interest"],
            left_room=form.cleaned_data["left_room"],
            by=request.user,
        ),
        success=_("The declaration is recorded in the minutes."),
        title=_("Record a declaration of interest"),
        intro=_("Only people recorded as having come can declare an interest."),
    )


# --- Papers ------------------------------------------------------------------------------------


@roles_required(MEETING_ORGANISERS)
@require_http_methods(["GET", "POST"])
def paper_add(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.get_meeting_for_user(request, pk, change=True)
    form = PaperForm(request.POST or None, request.FILES or None)
    released = selectors.papers_for(request, meeting)["released_on"]
    return _meeting_page(
        request,
        meeting,
        form,
        lambda: services.paper_add(
            meeting=meeting,
            title=form.cleaned_data["title"],
            plain_summary=form.cleaned_data["plain_summary"],
            upload=form.cleaned_data["file"],
            by=request.user,
        ),
        success=_("The paper is attached."),
        title=_("Attach a paper"),
        intro=_("Members can open it from %(day)s; organisers can always.")
        % {"day": released.strftime("%-d %B %Y")},
    )


@roles_required(ALL_MEMBERS)
@require_GET
def paper_download(request: HttpRequest, pk: int) -> HttpResponse:
    paper = selectors.get_paper_for_user(request, pk)
    audit_request(request, "meetings.paper.download", obj=paper)
    return FileResponse(
        paper.file.open("rb"),
        as_attachment=True,
        filename=paper.file_name,
        content_type=paper.content_type,
    )


# --- Invitations -------------------------------------------------------------------------------


@roles_required(KEY_WORKERS_AND_MANAGER)
@require_GET
def invitations(request: HttpRequest) -> HttpResponse:
    """The women on her caseload who would like to be invited, and who she has asked."""
    context = {
        "women": selectors.women_to_invite(request),
        "meetings": selectors.invitable_meetings(request)[:6],
    }
    return render(request, "meetings/invitations.html", context)


@roles_required(KEY_WORKERS_AND_MANAGER)
@require_http_methods(["GET", "POST"])
def invitation_add(request: HttpRequest, pk: int) -> HttpResponse:
    """Record that she asked this woman to a meeting. A woman outside what the record policy
    lets her see (or who has not asked to be invited) is a 404. Her own page (the woman's earlier
    invitations beside the form), so run_form rather than form_view; refused, it answers 400."""
    woman = selectors.get_woman_to_invite(request, pk)
    audit_request(
        request,
        "meetings.invitation.view" if request.method == "GET" else "meetings.invitation.record",
        obj=woman,
        grounds=record_access(request, woman).grounds,
        woman_id=woman.pk,
    )
    form = InvitationForm(request.POST or None, meetings=selectors.invitable_meetings(request))
    if run_form(
        request,
        form,
        lambda: services.invitation_record(woman=woman, by=request.user, **form.cleaned_data),
        success=_("Recorded: you asked %(name)s.") % {"name": woman.known_as},
    ):
        return redirect("meetings:invitations")
    context = {"woman": woman, "form": form, "history": selectors.invitation_history(woman)}
    status = 400 if form.is_bound and form.errors else 200
    return render(request, "meetings/invitation_form.html", context, status=status)


@roles_required(MEETING_ORGANISERS)
@require_http_methods(["GET", "POST"])
def members_invite(request: HttpRequest, pk: int) -> HttpResponse:
    """The organiser records that she sent the invitation round to the group's members."""
    meeting = selectors.get_meeting_for_user(request, pk, change=True)
    form = MembersInviteForm(request.POST or None)
    return _meeting_page(
        request,
        meeting,
        form,
        lambda: services.members_invite(
            meeting=meeting, by=request.user, method=form.cleaned_data["method"]
        ),
        success=lambda added: _("%(n)s member(s) recorded as invited.") % {"n": added},
        title=_("Record that the members were invited"),
        intro=_("Everyone in the group not yet recorded as invited to this meeting."),
    )
