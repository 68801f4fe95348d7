import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import timezone

from centre.versioning import EditConflict
from coproduction.meetings import services
from coproduction.meetings.models import ElectedRole, GroupMember, MeetingChange
from tests.casework.factories import WomanFactory

from .factories import GroupFactory, GroupMemberFactory, MeetingFactory, in_days

pytestmark = pytest.mark.django_db

DETAILS = {"place": "Community room", "provides_lunch": True, "duration_minutes": 90}


def test_first_monday_of_each_month():
    days = services.series_dates(week=1, weekday=0, first_month=datetime.date(2027, 1, 1), months=3)
    assert days == [datetime.date(2027, 1, 4), datetime.date(2027, 2, 1), datetime.date(2027, 3, 1)]


def test_last_friday_crosses_the_year():
    days = services.series_dates(
        week=-1, weekday=4, first_month=datetime.date(2026, 12, 1), months=2
    )
    assert days == [datetime.date(2026, 12, 25), datetime.date(2027, 1, 29)]


def test_a_series_schedules_one_meeting_a_month_at_local_time(centre, manager):
    group = GroupFactory(centre=centre)
    next_year = timezone.localdate().year + 1
    meetings = services.meeting_series_schedule(
        group=group,
        week=1,
        weekday=0,
        start_time=datetime.time(11, 0),
        first_month=datetime.date(next_year, 1, 1),
        months=12,
        organiser=manager,
        details=DETAILS,
    )
    assert len(meetings) == 12
    local = [timezone.localtime(m.starts_at) for m in meetings]
    # 11:00 on the wall clock in winter and in summer time alike.
    assert {(t.hour, t.minute) for t in local} == {(11, 0)}
    assert all(t.weekday() == 0 and t.day <= 7 for t in local)
    assert all(m.series_id == meetings[0].series_id and m.provides_lunch for m in meetings)
    assert MeetingChange.objects.filter(kind=MeetingChange.Kind.SCHEDULED).count() == 12


def test_a_series_skips_days_already_past(centre, manager):
    group = GroupFactory(centre=centre)
    today = timezone.localdate()
    last_month = (today.replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
    meetings = services.meeting_series_schedule(
        group=group,
        week=1,
        weekday=today.weekday(),
        start_time=datetime.time(11, 0),
        first_month=last_month,
        months=3,
        organiser=manager,
        details=DETAILS,
    )
    assert 1 <= len(meetings) <= 2
    assert all(timezone.localdate(m.starts_at) >= today for m in meetings)


def test_reschedule_keeps_the_old_time_in_the_history(manager):
    meeting = MeetingFactory()
    was = meeting.starts_at
    moved = services.meeting_reschedule(
        meeting=meeting,
        by=manager,
        expected_version=meeting.version,
        starts_at=in_days(9, 14),
        reason="The room is booked for a course",
    )
    assert moved.starts_at == in_days(9, 14) and moved.version == meeting.version + 1
    change = moved.changes.get(kind=MeetingChange.Kind.RESCHEDULED)
    assert (change.was_at, change.now_at, change.by) == (was, in_days(9, 14), manager)


def test_reschedule_needs_a_reason_and_a_new_time(manager):
    meeting = MeetingFactory()
    with pytest.raises(ValidationError):
        services.meeting_reschedule(
            meeting=meeting, by=manager, expected_version=1, starts_at=in_days(8), reason="  "
        )
    with pytest.raises(ValidationError):
        services.meeting_reschedule(
            meeting=meeting, by=manager, expected_version=1, starts_at=meeting.starts_at, reason="x"
        )
    assert meeting.changes.count() == 1


def test_a_stale_reschedule_is_a_conflict_and_changes_nothing(manager, key_worker):
    meeting = MeetingFactory()
    services.meeting_cancel(meeting=meeting, by=key_worker, expected_version=1, reason="Snow")
    with pytest.raises(EditConflict):
        services.meeting_reschedule(
            meeting=meeting,  # as she opened it, before the cancellation
            by=manager,
            expected_version=1,
            starts_at=in_days(9),
            reason="Room",
        )
    meeting.refresh_from_db()
    assert meeting.is_cancelled and meeting.starts_at == in_days(7)
    assert not meeting.changes.filter(kind=MeetingChange.Kind.RESCHEDULED).exists()


def test_cancel_keeps_the_meeting_and_its_reason(manager):
    meeting = MeetingFactory()
    cancelled = services.meeting_cancel(
        meeting=meeting, by=manager, expected_version=1, reason="Heating broken"
    )
    assert cancelled.is_cancelled
    assert cancelled.changes.last().reason == "Heating broken"
    with pytest.raises(ValidationError):
        services.meeting_cancel(meeting=cancelled, by=manager, expected_version=2, reason="again")
    with pytest.raises(ValidationError):
        services.meeting_reschedule(
            meeting=cancelled, by=manager, expected_version=2, starts_at=in_days(9), reason="x"
        )


def test_a_member_is_a_user_or_a_woman_never_both(centre, volunteer):
    group = GroupFactory(centre=centre)
    woman = WomanFactory(centre=centre)
    with pytest.raises(ValidationError):
        services.group_member_add(group=group, joined_on=timezone.localdate())
    with pytest.raises(ValidationError):
        services.group_member_add(
            group=group, user=volunteer, woman=woman, joined_on=timezone.localdate()
        )
    with pytest.raises(IntegrityError):
        GroupMember.objects.create(group=group)


def test_no_one_is_added_twice_but_may_rejoin_after_leaving(centre, volunteer):
    group = GroupFactory(centre=centre)
    today = timezone.localdate()
    first = services.group_member_add(group=group, user=volunteer, joined_on=today)
    with pytest.raises(ValidationError):
        services.group_member_add(group=group, user=volunteer, joined_on=today)
    services.group_member_leave(member=first, left_on=today)
    again = services.group_member_add(group=group, user=volunteer, joined_on=today)
    assert again.pk != first.pk and group.members.count() == 2


def test_a_woman_of_another_centre_cannot_join(centre, other_centre):
    group = GroupFactory(centre=centre)
    with pytest.raises(ValidationError):
        services.group_member_add(
            group=group, woman=WomanFactory(centre=other_centre), joined_on=timezone.localdate()
        )


def _elect(member, role, by, *, starts_on, ends_on=None):
    return services.elected_role_record(
        member=member, role=role, starts_on=starts_on, ends_on=ends_on, by=by
    )


def test_a_new_chair_takes_over_and_the_history_is_kept(centre, manager):
    group = GroupFactory(centre=centre)
    first = GroupMemberFactory(group=group)
    second = services.group_member_add(
        group=group, woman=WomanFactory(centre=centre), joined_on=datetime.date(2026, 1, 1)
    )
    _elect(first, ElectedRole.Role.CHAIR, manager, starts_on=datetime.date(2026, 1, 1))
    _elect(
        second,
        ElectedRole.Role.CHAIR,
        manager,
        starts_on=datetime.date(2026, 6, 1),
        ends_on=datetime.date(2027, 5, 31),
    )
    chairs = list(group.elected_roles.order_by("starts_on"))
    assert [c.member for c in chairs] == [first, second]
    assert chairs[0].ends_on == datetime.date(2026, 5, 31)


def test_an_election_that_overlaps_a_later_term_is_refused(centre, manager):
    group = GroupFactory(centre=centre)
    member = GroupMemberFactory(group=group)
    _elect(member, ElectedRole.Role.SECRETARY, manager, starts_on=datetime.date(2026, 6, 1))
    with pytest.raises(ValidationError):
        _elect(
            GroupMemberFactory(group=group),
            ElectedRole.Role.SECRETARY,
            manager,
            starts_on=datetime.date(2026, 1, 1),
            ends_on=datetime.date(2026, 12, 31),
        )


def test_many_representatives_at_once_and_leaving_ends_her_role(centre, manager):
    group = GroupFactory(centre=centre)
    joined = datetime.date(2025, 12, 1)
    one = GroupMemberFactory(group=group, joined_on=joined)
    two = GroupMemberFactory(group=group, joined_on=joined)
    for member in (one, two):
        _elect(
            member, ElectedRole.Role.REPRESENTATIVE, manager, starts_on=datetime.date(2026, 1, 1)
        )
    services.group_member_leave(member=one, left_on=datetime.date(2026, 3, 1))
    assert one.roles.get().ends_on == datetime.date(2026, 3, 1)
    assert two.roles.get().ends_on is None
    with pytest.raises(ValidationError):
        _elect(one, ElectedRole.Role.CHAIR, manager, starts_on=datetime.date(2026, 4, 1))
