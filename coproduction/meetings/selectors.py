"""Reads for groups and meetings, always through the centre scope and the room's visibility."""

from datetime import date, datetime, time, timedelta

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404, HttpRequest
from django.utils import timezone

from casework.models import Woman
from casework.selectors import her_caseload_q, visible_women
from centre.access import can, get_for_user, scope_to_centre
from centre.models import Membership, User
from centre.requests import CentreRequest
from coproduction.suggestions.models import Suggestion

from . import access
from .models import (
    Action,
    AgendaItem,
    Attendance,
    Decision,
    ElectedRole,
    Group,
    GroupMember,
    InterestDeclaration,
    Invitation,
    Meeting,
    MeetingChange,
    Minutes,
    Paper,
)

UPCOMING_LIMIT = 20


def groups_for_user(request: HttpRequest) -> QuerySet[Group]:
    groups = scope_to_centre(Group.objects.all(), request)
    return access.visible_groups(request, groups).annotate(
        current_members=Count("members", filter=Q(members__left_on__isnull=True), distinct=True)
    )


def get_group_for_user(request: HttpRequest, pk: int, *, change: bool = False) -> Group:
    """A group this person may see (404 otherwise); 403 if `change` and she may not organise."""
    groups = access.visible_groups(request, scope_to_centre(Group.objects.all(), request))
    return get_for_user(
        groups, request, may_change=not change or can(request, "organise_meetings"), pk=pk
    )


def get_meeting_for_user(request: HttpRequest, pk: int, *, change: bool = False) -> Meeting:
    group_ids = access.visible_groups(request, scope_to_centre(Group.objects.all(), request))
    meetings = Meeting.objects.select_related("group", "organiser", "series").filter(
        group__in=group_ids.values("pk")
    )
    return get_for_user(
        meetings, request, may_change=not change or can(request, "organise_meetings"), pk=pk
    )


def get_member_for_user(request: HttpRequest, pk: int) -> GroupMember:
    """A membership row of a group this person may organise (404 outside her centre)."""
    members = GroupMember.objects.select_related("group", "user", "woman").filter(
        group__centre=getattr(request, "centre", None)
    )
    try:
        member = members.get(pk=pk)
    except GroupMember.DoesNotExist:
        raise Http404 from None
    get_group_for_user(request, member.group_id, change=True)
    return member


def upcoming_meetings(request: HttpRequest, *, group: Group | None = None) -> QuerySet[Meeting]:
    groups = groups_for_user(request) if group is None else Group.objects.filter(pk=group.pk)
    return (
        Meeting.objects.filter(group__in=groups.values("pk"), starts_at__gte=_start_of_today())
        .select_related("group")
        .order_by("starts_at")[:UPCOMING_LIMIT]
    )


def past_meetings(group: Group, *, limit: int = 12) -> QuerySet[Meeting]:
    return group.meetings.filter(starts_at__lt=_start_of_today()).order_by("-starts_at")[:limit]


def _start_of_today() -> datetime:
    return timezone.make_aware(datetime.combine(timezone.localdate(), time.min))


def group_members(request: HttpRequest, group: Group) -> dict:
    """Current members: the team by name; women by name only for those who may see them."""
    current = group.members.filter(left_on__isnull=True).select_related("user", "woman")
    roles_today = _roles_on(group, timezone.localdate())
    team = [m for m in current if m.user_id]
    women = [m for m in current if m.woman_id]
    for member in current:
        member.roles_today = roles_today.get(member.pk, [])  # type: ignore[attr-defined]  # shown only
    return {
        "team": team,
        "women": women if can(request, "see_group_women") else [],
        "women_count": len(women),
        "women_with_roles": [m for m in women if roles_today.get(m.pk)],
    }


def _roles_on(group: Group, day: date) -> dict[int, list[str]]:
    holders: dict[int, list[str]] = {}
    for elected in group.elected_roles.filter(starts_on__lte=day).filter(
        Q(ends_on__isnull=True) | Q(ends_on__gte=day)
    ):
        holders.setdefault(elected.member_id, []).append(elected.get_role_display())
    return holders


def election_history(group: Group) -> QuerySet[ElectedRole]:
    return group.elected_roles.select_related("member__user", "member__woman", "elected_by")


def meeting_history(meeting: Meeting) -> QuerySet[MeetingChange]:
    return meeting.changes.select_related("by")


def team_choices(request: HttpRequest) -> QuerySet[User]:
    """People of the centre's team who can be members (staff and volunteer accounts)."""
    memberships = scope_to_centre(Membership.objects.filter(is_active=True), request)
    return User.objects.filter(pk__in=memberships.values("user_id")).order_by(
        "first_name", "last_name"
    )


def woman_choices(request: CentreRequest) -> QuerySet[Woman]:
    """Women she may add: only those whose record she can read, never the whole centre."""
    return (
        visible_women(request)
        .filter(anonymised_at__isnull=True)
        .order_by("first_name", "last_name")
    )


def visible_member_rows(request: HttpRequest, group: Group) -> QuerySet[GroupMember]:
    members = group.members.filter(left_on__isnull=True)
    if not can(request, "see_group_women"):
        members = members.filter(woman__isnull=True)
    return members.select_related("user", "woman")


def agenda_items(meeting: Meeting) -> QuerySet[AgendaItem]:
    return meeting.agenda_items.all()


def agenda_actions(meeting: Meeting) -> QuerySet[Action]:
    """Actions carried forward to this meeting: raised at an earlier meeting of the group and
    still open, or closed on or after this meeting's day (so an old agenda reads as it was)."""
    day = timezone.localdate(meeting.starts_at)
    return (
        Action.objects.filter(group=meeting.group, raised_at__starts_at__lt=meeting.starts_at)
        .filter(Q(status=Action.Status.OPEN) | Q(closed_on__gte=day))
        .select_related("owner", "raised_at")
        .order_by("raised_at__starts_at", "pk")
    )


def actions_raised(meeting: Meeting) -> QuerySet[Action]:
    return meeting.actions_raised.select_related("owner")


def get_action_for_user(request: HttpRequest, pk: int) -> Action:
    """An action of a group this person may organise (404 outside what she can see)."""
    try:
        action = Action.objects.select_related("group", "raised_at").get(
            pk=pk, centre=getattr(request, "centre", None)
        )
    except Action.DoesNotExist:
        raise Http404 from None
    get_group_for_user(request, action.group_id, change=True)
    return action


def get_agenda_item_for_user(request: HttpRequest, pk: int) -> AgendaItem:
    try:
        item = AgendaItem.objects.select_related("meeting").get(
            pk=pk, meeting__centre=getattr(request, "centre", None)
        )
    except AgendaItem.DoesNotExist:
        raise Http404 from None
    get_meeting_for_user(request, item.meeting_id, change=True)
    return item


def action_owner_choices(meeting: Meeting) -> QuerySet[User]:
    """Anyone in the team of the centre can own an action (a woman owns one through her
    volunteer account)."""
    memberships = Membership.objects.filter(centre=meeting.centre, is_active=True)
    return User.objects.filter(pk__in=memberships.values("user_id")).order_by(
        "first_name", "last_name"
    )


def attendance_people(request: HttpRequest, meeting: Meeting) -> dict:
    """The group's current members she may name, and the women invited to this meeting who
    said they are coming (to those who may see women): "u<id>" for the team, "w<id>" for women."""
    people: dict = {}
    for member in visible_member_rows(request, meeting.group):
        if member.user_id:
            people[f"u{member.user_id}"] = member.user
        else:
            people[f"w{member.woman_id}"] = member.woman
    if can(request, "see_group_women"):
        coming = meeting.invitations.filter(
            woman__isnull=False, answer=Invitation.Answer.COMING
        ).select_related("woman")
        for invitation in coming:
            people.setdefault(f"w{invitation.woman_id}", invitation.woman)
    return people


def attendance_initial(meeting: Meeting) -> dict:
    rows = meeting.attendance.all()
    key = lambda row: f"u{row.user_id}" if row.user_id else f"w{row.woman_id}"  # noqa: E731
    return {
        "came": [key(r) for r in rows if r.status == Attendance.Status.PRESENT and not r.guest],
        "apologies": [key(r) for r in rows if r.status == Attendance.Status.APOLOGIES],
        "guests": "\n".join(r.guest for r in rows if r.guest),
        "other_women": meeting.other_women,
    }


def attendance_summary(request: HttpRequest | None, meeting: Meeting) -> dict:
    """Who came, as names (`shown_name`): the team and guests by name; women only for those
    who may see them (staff; `request` None is the notice board, which names the women who
    chose to be named), and always as each woman chose: in full, first name, or not at all."""
    rows = list(meeting.attendance.select_related("user", "woman"))
    women_present = [r for r in rows if r.woman_id and r.status == Attendance.Status.PRESENT]
    named = request is None or can(request, "see_group_women")
    shown = [
        r for r in rows if not r.woman_id or (named and r.naming != AgendaItem.Naming.ANONYMOUS)
    ]
    came = [r for r in shown if r.status == Attendance.Status.PRESENT]
    return {
        # The women named among those counted, apart from the team and guests, so the count of
        # women and the names beside it never read as one list.
        "women_named": [r.shown_name for r in came if r.woman_id],
        "others": [r.shown_name for r in came if not r.woman_id],
        "apologies": [r.shown_name for r in shown if r.status == Attendance.Status.APOLOGIES],
        "women": len(women_present) + meeting.other_women,
        "recorded": bool(rows) or meeting.other_women > 0,
    }


def interests_of(meeting: Meeting) -> QuerySet[InterestDeclaration]:
    """Declarations of interest, each naming its person as she chose (`shown_name`)."""
    return meeting.interests.select_related("user", "woman", "agenda_item")


def present_rows(meeting: Meeting) -> QuerySet[Attendance]:
    return meeting.attendance.filter(status=Attendance.Status.PRESENT).select_related(
        "user", "woman"
    )


def published_summaries(centre_id: int, *, limit: int = 6) -> list[dict]:
    """For the tablet: the plain-words summary of recently published minutes, with the group's
    name and the day. Plain dicts, and never a person: no names, no attendance."""
    rows = (
        Minutes.objects.filter(
            meeting__centre_id=centre_id,
            status=Minutes.Status.PUBLISHED,
            meeting__group__kind__in=TABLET_KINDS,
        )
        .exclude(plain_summary="")
        .select_related("meeting__group")
        .order_by("-meeting__starts_at")[:limit]
    )
    return [
        {
            "group": row.meeting.group.name,
            "day": timezone.localdate(row.meeting.starts_at),
            "summary": row.plain_summary,
        }
        for row in rows
    ]


# The groups whose minutes' plain summary goes on the tablet (women's groups, not the board's).
TABLET_KINDS = (
    Group.Kind.SERVICE_USER,
    Group.Kind.WOMEN_STEERING,
    Group.Kind.COMMUNICATIONS,
    Group.Kind.OTHER,
)


# --- Papers ------------------------------------------------------------------------------------


def papers_for(request: HttpRequest, meeting: Meeting) -> dict:
    """The papers she may open now, and (for members) how many wait for their release date."""
    papers = list(meeting.papers.all())
    for paper in papers:
        paper.meeting = meeting  # its release date reads the meeting and group already here
    shown = [p for p in papers if access.sees_paper(request, p)]
    release = timezone.localdate(meeting.starts_at) - timedelta(
        days=meeting.group.papers_release_days
    )
    return {"papers": shown, "waiting": len(papers) - len(shown), "released_on": release}


def get_paper_for_user(request: HttpRequest, pk: int) -> Paper:
    """A paper of a meeting she may see, released to her (404 otherwise, so an unreleased
    paper's existence is not given away by its address)."""
    try:
        paper = Paper.objects.select_related("meeting__group").get(
            pk=pk, meeting__centre=getattr(request, "centre", None)
        )
    except Paper.DoesNotExist:
        raise Http404 from None
    paper.meeting = get_meeting_for_user(request, paper.meeting_id)
    if not access.sees_paper(request, paper):
        raise Http404
    return paper


# --- Invitations -------------------------------------------------------------------------------

INVITE_AHEAD = timedelta(days=62)


def invitable_meetings(request: HttpRequest) -> QuerySet[Meeting]:
    """Meetings a key worker can ask women to: scheduled, in the next two months, of the groups
    women come to (not the steering group's own board meetings)."""
    now = timezone.now()
    return (
        scope_to_centre(Meeting.objects.all(), request)
        .filter(
            status=Meeting.Status.SCHEDULED,
            starts_at__gt=now,
            starts_at__lte=now + INVITE_AHEAD,
        )
        .exclude(group__kind=Group.Kind.STEERING)
        .select_related("group")
        .order_by("starts_at")
    )


def _wanting_invitations(request: CentreRequest) -> QuerySet[Woman]:
    """Women whose record she may read (the record policy) who said they would like to be
    invited to meetings."""
    return visible_women(request).filter(
        invite_to_meetings=True, anonymised_at__isnull=True, closed_at__isnull=True
    )


def _on_her_caseload(request: CentreRequest, women: QuerySet[Woman]) -> QuerySet[Woman]:
    """Her own caseload (key worker or involved), even for a manager who may read everyone's."""
    return women.filter(her_caseload_q(request))


def women_to_invite(request: CentreRequest) -> QuerySet[Woman]:
    """The women on her caseload who want to be invited, with their invitations to the
    meetings ahead."""
    ahead = Invitation.objects.filter(
        meeting__in=invitable_meetings(request).values("pk")
    ).select_related("meeting__group", "invited_by")
    return (
        _on_her_caseload(request, _wanting_invitations(request))
        .select_related("key_worker")
        .prefetch_related(Prefetch("meeting_invitations", queryset=ahead, to_attr="ahead"))
        .order_by("first_name", "last_name")
    )


def get_woman_to_invite(request: CentreRequest, pk: int) -> Woman:
    """A woman she may read who wants to be invited (the manager may record for any of them);
    anyone else, outside her scope or not wanting invitations, is a 404."""
    try:
        return _wanting_invitations(request).get(pk=pk)
    except (Woman.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def invitation_history(woman: Woman) -> QuerySet[Invitation]:
    return woman.meeting_invitations.select_related("meeting__group", "invited_by").order_by(
        "-invited_at"
    )


def invitations_of(request: HttpRequest, meeting: Meeting) -> dict:
    """Who was invited, how, by whom and when. Women by first name, and only to those who may
    see the group's women; everyone else sees how many."""
    rows = list(meeting.invitations.select_related("user", "woman", "invited_by"))
    named = can(request, "see_group_women")
    shown = [r for r in rows if r.user_id or named]
    coming = sum(r.answer == Invitation.Answer.COMING for r in rows)
    return {
        "rows": shown,
        "count": len(rows),
        "women_hidden": len(rows) - len(shown),
        "coming": coming,
    }


def invite_panel(request: CentreRequest) -> dict:
    """For her home page: how many women want to be invited, and how many of them she has not
    asked to the next meeting yet."""
    women = _on_her_caseload(request, _wanting_invitations(request))
    following = invitable_meetings(request).first()
    if following is None:
        return {"women": women.count(), "next_meeting": None, "not_asked": None}
    # One pass over her caseload for both numbers (two counts were two scans of the same
    # OR'd caseload filter: 2.3 ms and 1.0 ms of the home page's 14 ms of queries).
    asked = Invitation.objects.filter(meeting=following, woman__isnull=False).values("woman_id")
    counts = women.order_by().aggregate(
        women=Count("pk"), not_asked=Count("pk", filter=~Q(pk__in=asked))
    )
    return {"women": counts["women"], "next_meeting": following, "not_asked": counts["not_asked"]}


def minutes_of(meeting: Meeting) -> Minutes | None:
    return Minutes.objects.filter(meeting=meeting).select_related("approved_by").first()


def agenda_suggestions(meeting: Meeting) -> QuerySet[Suggestion]:
    return Suggestion.objects.filter(
        pk__in=meeting.agenda_items.filter(suggestion__isnull=False).values("suggestion_id")
    )


def decisions_of(meeting: Meeting) -> QuerySet[Decision]:
    return meeting.decisions.select_related("suggestion").order_by("pk")


def group_actions_report(group: Group) -> dict:
    """Every action the group raised: where it is, whether it was late, how long it took and
    how many later meetings it was carried to. Two queries, whatever the number of actions."""
    actions = list(
        group.actions.select_related("owner", "raised_at").order_by("-raised_at__starts_at", "pk")
    )
    held = sorted(
        group.meetings.exclude(status=Meeting.Status.CANCELLED).values_list("starts_at", flat=True)
    )
    today = timezone.localdate()
    for action in actions:
        raised_on = timezone.localdate(action.raised_at.starts_at)
        end = action.closed_on or today
        # Display-only attributes for the page (not saved).
        action.days_taken = (  # type: ignore[attr-defined]
            (action.closed_on - raised_on).days if action.closed_on else None
        )
        action.was_late = action.is_overdue or bool(  # type: ignore[attr-defined]
            action.closed_on and action.closed_on > action.due_on
        )
        action.times_carried = sum(  # type: ignore[attr-defined]
            1
            for starts_at in held
            if starts_at > action.raised_at.starts_at and timezone.localdate(starts_at) <= end
        )
    return {
        "actions": actions,
        "raised": len(actions),
        "done": sum(a.status == Action.Status.DONE for a in actions),
        "dropped": sum(a.status == Action.Status.DROPPED for a in actions),
        "open": sum(a.is_open for a in actions),
        "late": sum(a.is_overdue or bool(a.closed_on and a.closed_on > a.due_on) for a in actions),
    }
