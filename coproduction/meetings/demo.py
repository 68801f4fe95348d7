"""Demo groups and a year of meetings: agendas, attendance, minutes and a realistic mix of
actions (done, dropped, late, and one carried forward three times). Once per centre."""

import random
from datetime import date, datetime, time, timedelta

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from casework.models import Woman
from centre.models import Membership, User
from centre.roles import Role

from . import services
from .models import Action, AgendaItem, Attendance, ElectedRole, Group, Invitation, Meeting, Naming

PLACE = "Community room, ground floor"
ACCESS = "Step-free entrance at the side door; hearing loop in the room."
TRAVEL = "Buses 9 and 44 stop outside. Bus fares are paid back on the day."
ACTIONS = [
    "Ask the landlord about a ramp at the back door",
    "Find out the cost of a crèche worker on Tuesdays",
    "Put the new opening times on the notice board",
    "Ask the council about a bus stop nearer the door",
    "Price a water cooler for the drop-in",
    "Write up the women's ideas for the garden",
    "Invite the housing officer to the next meeting",
    "Check who can help with the newsletter in spring",
]
SUMMARY = (
    "We talked about the drop-in, the garden and the new crèche.\n"
    "We agreed to ask about a bus stop nearer the door.\n"
    "Next time: the summer trip."
)


def _people(centre) -> dict[str, list[User]]:
    people: dict[str, list[User]] = {}
    memberships = Membership.objects.filter(centre=centre, is_active=True).select_related("user")
    for membership in memberships.order_by("user__username"):
        people.setdefault(membership.role, []).append(membership.user)
    return people


def _first_monday(year: int, month: int) -> date:
    return services.nth_weekday(year, month, 1, 0)


def _months_back(today: date, count: int) -> list[tuple[int, int]]:
    months, year, month = [], today.year, today.month
    for _index in range(count):
        months.append((year, month))
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return list(reversed(months))


def _groups(centre, people) -> dict[str, Group]:
    service_users = services.group_create(
        centre=centre,
        name="Service-user meeting",
        kind=Group.Kind.SERVICE_USER,
        terms_of_reference="Women and staff meet on the first Monday of the month to talk "
        "about the centre, take ideas forward and hear back what happened to them.",
        standing_items="Welcome and introductions\nWhat happened to your ideas",
    )
    steering = services.group_create(
        centre=centre,
        name="Steering group",
        kind=Group.Kind.STEERING,
        terms_of_reference="Partners, funders and women's representatives oversee the centre.",
    )
    communications = services.group_create(
        centre=centre,
        name="Communications group",
        kind=Group.Kind.COMMUNICATIONS,
        terms_of_reference="Women write and edit the newsletter together.",
    )
    joined = timezone.localdate() - timedelta(days=400)
    staff = people.get(Role.MANAGER, [])[:1] + people.get(Role.KEY_WORKER, [])[:1]
    for group in (service_users, steering, communications):
        for user in staff:
            services.group_member_add(group=group, user=user, joined_on=joined)
    return {"service_users": service_users, "steering": steering, "communications": communications}


def _elect(group: Group, user: User, role: str, by: User, since: date) -> None:
    member = services.group_member_add(
        group=group, user=user, joined_on=since, wants_reminders=True
    )
    services.elected_role_record(member=member, role=role, starts_on=since, ends_on=None, by=by)


def _women(centre, group: Group, rng: random.Random) -> list[Woman]:
    women = list(Woman.objects.filter(centre=centre, anonymised_at__isnull=True)[:40])
    chosen = rng.sample(women, min(6, len(women)))
    for woman in chosen:
        services.group_member_add(
            group=group,
            woman=woman,
            joined_on=timezone.localdate() - timedelta(days=380),
            wants_reminders=woman.reminders_opt_in,
            naming=rng.choice(Naming.values),
        )
    return chosen


def _minutes(meeting: Meeting, by: User, chair: User, publish: bool) -> None:
    minutes = services.minutes_save(
        meeting=meeting,
        by=by,
        expected_version=0,
        text="Notes of the meeting.\n" + SUMMARY,
        plain_summary=SUMMARY,
    )
    if publish:
        minutes = services.minutes_approve(minutes=minutes, by=chair, expected_version=1)
        services.minutes_publish(minutes=minutes, by=by, expected_version=2)


def _actions(meetings: list[Meeting], owners: list[User], rng: random.Random) -> int:
    """Two actions a meeting; most done within weeks, some dropped, some late, and the one
    raised four meetings ago still open (carried forward three times)."""
    made = 0
    today = timezone.localdate()
    for number, meeting in enumerate(meetings):
        held_on = timezone.localdate(meeting.starts_at)
        for text in rng.sample(ACTIONS, 2):
            action = services.action_create(
                meeting=meeting,
                text=text,
                owner=rng.choice(owners),
                due_on=held_on + timedelta(days=21),
            )
            made += 1
            age = len(meetings) - number
            if age == 4 and made % 2:
                continue  # carried forward three times, still open
            if age <= 2:
                continue  # recent: still open (one of them late)
            if rng.random() < 0.15:
                services.action_close(
                    action=action,
                    status=Action.Status.DROPPED,
                    reason="Overtaken by the new building work.",
                    on=min(today, held_on + timedelta(days=30)),
                )
            else:
                done_on = held_on + timedelta(days=rng.randint(7, 45))
                services.action_close(
                    action=action, status=Action.Status.DONE, on=min(today, done_on)
                )
    return made


def _year_of_meetings(group: Group, organiser: User, today: date) -> list[Meeting]:
    meetings = []
    for year, month in _months_back(today, 12):
        day = _first_monday(year, month)
        if day >= today:
            continue
        starts_at = timezone.make_aware(datetime.combine(day, time(11, 0)))
        meetings.append(
            services.meeting_schedule(
                group=group,
                starts_at=starts_at,
                organiser=organiser,
                details={
                    "place": PLACE,
                    "accessibility_notes": ACCESS,
                    "travel_notes": TRAVEL,
                    "provides_lunch": True,
                    "provides_travel_costs": True,
                    "provides_childcare": True,
                },
            )
        )
    return meetings


def _attendance(meeting: Meeting, women: list[Woman], staff: list[User], rng) -> None:
    came = rng.sample(women, rng.randint(0, len(women)))
    services.attendance_record(
        meeting=meeting,
        came=came + staff,
        apologies=[w for w in women if w not in came][:1],
        guests=["Housing officer"] if rng.random() < 0.2 else [],
        other_women=rng.randint(0, 4),
    )


@transaction.atomic
def _seed_centre(centre, people, rng) -> int:
    manager = people[Role.MANAGER][0]
    groups = _groups(centre, people)
    since = timezone.localdate() - timedelta(days=390)
    service_users = groups["service_users"]
    if people.get(Role.VOLUNTEER):
        _elect(service_users, people[Role.VOLUNTEER][0], ElectedRole.Role.SECRETARY, manager, since)
    if people.get(Role.STEERING):
        _elect(groups["steering"], people[Role.STEERING][0], ElectedRole.Role.CHAIR, manager, since)
    women = _women(centre, service_users, rng)
    today = timezone.localdate()
    meetings = _year_of_meetings(service_users, manager, today)
    staff = people.get(Role.KEY_WORKER, [])[:1]
    for number, meeting in enumerate(meetings):
        services.agenda_bring_in(meeting=meeting)
        _attendance(meeting, women, staff, rng)
        # The last meeting's minutes are still a draft: its organiser gets reminded.
        _minutes(meeting, manager, manager, publish=number < len(meetings) - 1)
    owners = [manager, *staff, *people.get(Role.VOLUNTEER, [])[:1]]
    _actions(meetings, owners, rng)
    services.meeting_series_schedule(
        group=service_users,
        week=1,
        weekday=0,
        start_time=time(11, 0),
        first_month=today.replace(day=1),
        months=3,
        organiser=manager,
        details={"place": PLACE, "accessibility_notes": ACCESS, "provides_lunch": True},
    )
    if meetings:
        _declaration(meetings[-1], manager)
    _invitations_and_papers(centre, service_users, manager, rng)
    services.meeting_schedule(
        group=groups["steering"],
        starts_at=timezone.make_aware(datetime.combine(today + timedelta(days=20), time(14, 0))),
        organiser=manager,
        details={"place": "Board room, first floor (lift available)"},
    )
    return len(meetings)


PAPER = (
    "The summer trip\n\nWe have 600 pounds for a day out in July. "
    "The coach costs 350 pounds. Lunch for 25 women costs about 200 pounds.\n"
)


def _declaration(meeting: Meeting, by: User) -> None:
    """A small-grants item on the last meeting, with an interest declared by someone who came."""
    came = meeting.attendance.filter(status=Attendance.Status.PRESENT, user__isnull=False).first()
    if came is None:
        return
    item = services.agenda_item_add(
        meeting=meeting,
        title="Small grants: the garden group's bid for tools",
        raised_by="",
        naming=AgendaItem.Naming.ANONYMOUS,
    )
    services.interest_declare(
        meeting=meeting,
        attendance=came,
        agenda_item=item,
        interest="She helps run the garden group that made the bid.",
        left_room=True,
        by=by,
    )


def _invitations_and_papers(centre, group: Group, manager: User, rng: random.Random) -> None:
    """The next meeting: a paper with its plain summary, the members invited, and women on key
    workers' caseloads who want to be invited asked by their key worker."""
    following = group.meetings.filter(starts_at__gt=timezone.now()).order_by("starts_at").first()
    if following is None:
        return
    services.paper_add(
        meeting=following,
        title="Money for the summer trip",
        plain_summary="How much the trip costs and what we can afford.",
        upload=ContentFile(PAPER.encode(), name="summer-trip.txt"),
        by=manager,
    )
    services.members_invite(meeting=following, by=manager, method=Invitation.Method.EMAIL)
    women = Woman.objects.filter(
        centre=centre, key_worker__isnull=False, anonymised_at__isnull=True, closed_at__isnull=True
    )
    not_invited = women.exclude(meeting_invitations__meeting=following)
    if not not_invited.filter(invite_to_meetings=True).exists():
        # Demo records: some women not in the group said on their record they would like to be
        # invited (the group's members were invited directly above, whoever they are).
        chosen = list(not_invited.order_by("pk").values_list("pk", flat=True)[:6])
        Woman.objects.filter(pk__in=chosen).update(invite_to_meetings=True)
    asked = not_invited.filter(invite_to_meetings=True)
    for woman in list(asked.select_related("key_worker"))[:4]:
        services.invitation_record(
            meeting=following,
            woman=woman,
            by=woman.key_worker,
            method=rng.choice([m for m in Invitation.Method.values if m != "email"]),
            answer=rng.choice(Invitation.Answer.values),
        )


def seed_meetings(*, centres, scale, stdout) -> None:
    """Once per centre: its groups, a year of monthly meetings and the next ones."""
    rng = random.Random(2027)  # noqa: S311 - demo data, not secrets
    for centre in centres:
        if Group.objects.filter(centre=centre).exists():
            continue
        people = _people(centre)
        if not people.get(Role.MANAGER):
            continue
        held = _seed_centre(centre, people, rng)
        stdout.write(f"Meetings: {held} past meetings with minutes and actions for {centre.name}.")
