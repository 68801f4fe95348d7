import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from coproduction.meetings.models import (
    ElectedRole,
    Group,
    GroupMember,
    Meeting,
    MeetingChange,
    MeetingSeries,
)
from tests.casework.factories import WomanFactory
from tests.conftest import client_for

from .factories import GroupFactory, GroupMemberFactory, MeetingFactory, in_days

pytestmark = pytest.mark.django_db


@pytest.fixture
def steering_group(centre):
    return GroupFactory(centre=centre, name="Steering group", kind=Group.Kind.STEERING)


def test_manager_sets_up_a_group(manager_client, centre):
    response = manager_client.post(
        reverse("meetings:group_create"),
        {"name": "Older women's group", "kind": "other", "terms_of_reference": "We meet <b>"},
    )
    group = Group.objects.get(centre=centre)
    assert response.url == reverse("meetings:group_detail", args=[group.pk])
    page = manager_client.get(response.url).content.decode()
    assert "Older women&#x27;s group" in page and "We meet &lt;b&gt;" in page


def test_a_duplicate_group_name_is_a_clear_message(manager_client, group):
    response = manager_client.post(
        reverse("meetings:group_create"), {"name": group.name, "kind": "other"}
    )
    assert response.status_code == 400
    assert f'value="{group.name}"' in response.content.decode()  # what she typed is kept
    assert "already exists" in response.content.decode() or "already" in response.content.decode()
    assert Group.objects.count() == 1


def test_partner_may_look_but_not_set_up(partner_client, group):
    assert partner_client.get(reverse("meetings:group_detail", args=[group.pk])).status_code == 200
    assert partner_client.get(reverse("meetings:group_create")).status_code == 403


def test_another_centres_group_is_a_404(outsider_client, group):
    assert outsider_client.get(reverse("meetings:group_detail", args=[group.pk])).status_code == 404
    assert outsider_client.post(reverse("meetings:member_add", args=[group.pk])).status_code == 404


def test_adding_a_woman_and_electing_her_chair(key_worker_client, key_worker, group, centre):
    woman = WomanFactory(centre=centre, key_worker=key_worker, first_name="Jess")
    response = key_worker_client.post(
        reverse("meetings:member_add", args=[group.pk]),
        {"woman": woman.pk, "joined_on": "2026-01-05"},
    )
    assert response.status_code == 302
    member = GroupMember.objects.get(group=group, woman=woman)
    response = key_worker_client.post(
        reverse("meetings:role_elect", args=[group.pk]),
        {"member": member.pk, "role": "chair", "starts_on": "2026-02-01"},
    )
    assert response.status_code == 302
    assert ElectedRole.objects.get(member=member).role == "chair"
    page = key_worker_client.get(reverse("meetings:group_detail", args=[group.pk])).content
    assert b"Jess" in page and b"Chair" in page


def test_a_key_worker_cannot_add_a_woman_she_cannot_see(key_worker_client, group, centre):
    stranger = WomanFactory(centre=centre)  # no key worker: not on her caseload
    response = key_worker_client.post(
        reverse("meetings:member_add", args=[group.pk]),
        {"woman": stranger.pk, "joined_on": "2026-01-05"},
    )
    assert response.status_code == 400
    assert b"Select a valid choice" in response.content
    assert b'value="2026-01-05"' in response.content
    assert not GroupMember.objects.exists()


def test_women_are_a_count_for_volunteers(volunteer, group, centre):
    GroupMemberFactory(group=group, user=volunteer)
    GroupMember.objects.create(group=group, woman=WomanFactory(centre=centre, first_name="Zelda"))
    page = client_for(volunteer).get(reverse("meetings:group_detail", args=[group.pk]))
    assert page.status_code == 200
    assert b"Zelda" not in page.content and b"And 1 woman from the centre" in page.content


def test_volunteers_see_only_their_groups(volunteer, group, centre):
    other = GroupFactory(centre=centre, name="Communications group", kind=Group.Kind.COMMUNICATIONS)
    GroupMemberFactory(group=group, user=volunteer)
    client = client_for(volunteer)
    index = client.get(reverse("meetings:index")).content.decode()
    assert "Monday meeting" in index and "Communications group" not in index
    assert client.get(reverse("meetings:group_detail", args=[other.pk])).status_code == 404
    meeting = MeetingFactory(group=other)
    assert client.get(reverse("meetings:meeting_detail", args=[meeting.pk])).status_code == 404


def test_a_former_member_no_longer_sees_the_group(volunteer, group):
    GroupMemberFactory(group=group, user=volunteer, left_on=timezone.localdate())
    response = client_for(volunteer).get(reverse("meetings:group_detail", args=[group.pk]))
    assert response.status_code == 404


def test_the_steering_role_sees_steering_meetings_only(steering_client, group, steering_group):
    mine = MeetingFactory(group=steering_group)
    theirs = MeetingFactory(group=group)
    assert (
        steering_client.get(reverse("meetings:meeting_detail", args=[mine.pk])).status_code == 200
    )
    assert (
        steering_client.get(reverse("meetings:meeting_detail", args=[theirs.pk])).status_code == 404
    )


def _post_new_meeting(client, group, **fields):
    """Post the new-meeting form: at 11:00 for 90 minutes unless the fields say otherwise."""
    return client.post(
        reverse("meetings:meeting_create", args=[group.pk]),
        {"at": "11:00", "duration_minutes": "90", **fields},
    )


def test_scheduling_first_monday_for_a_year(manager_client, group):
    next_year = timezone.localdate().year + 1
    response = _post_new_meeting(
        manager_client,
        group,
        repeat="monthly",
        on=f"{next_year}-01-01",
        week="1",
        weekday="0",
        months="12",
        place="Community room",
        provides_childcare="on",
    )
    assert response.status_code == 302
    meetings = list(Meeting.objects.filter(group=group))
    assert len(meetings) == 12 and all(m.provides_childcare for m in meetings)
    assert timezone.localtime(meetings[5].starts_at).strftime("%a %H:%M") == "Mon 11:00"


def test_a_monthly_series_whose_dates_have_all_passed_is_refused_on_the_form(manager_client, group):
    last_year = timezone.localdate().year - 1
    response = _post_new_meeting(
        manager_client,
        group,
        repeat="monthly",
        on=f"{last_year}-01-01",
        week="1",
        weekday="0",
        months="2",
        place="Old hall",
    )
    assert response.status_code == 400
    assert b"All those dates have passed: choose a later first month." in response.content
    assert b'value="Old hall"' in response.content
    assert not Meeting.objects.exists() and not MeetingSeries.objects.exists()


def test_a_monthly_meeting_without_its_day_keeps_what_was_typed(manager_client, group):
    response = _post_new_meeting(
        manager_client, group, repeat="monthly", on="2027-01-01", place="Hall <i>"
    )
    assert response.status_code == 400
    assert b"Needed for a meeting every month." in response.content
    assert b"Hall &lt;i&gt;" in response.content
    assert not Meeting.objects.exists()


def test_a_one_off_meeting_in_the_past_is_refused(manager_client, group):
    response = _post_new_meeting(
        manager_client, group, repeat="once", on="2020-01-06", place="Hall"
    )
    assert response.status_code == 400 and b"That date has passed." in response.content
    assert b'value="2020-01-06"' in response.content


def test_moving_and_cancelling_show_in_the_history(manager_client, group):
    meeting = MeetingFactory(group=group)
    new_day = timezone.localdate() + datetime.timedelta(days=10)
    response = manager_client.post(
        reverse("meetings:meeting_reschedule", args=[meeting.pk]),
        {"version": 1, "starts_on": new_day.isoformat(), "at": "13:30", "reason": "Room booked"},
    )
    assert response.status_code == 302
    response = manager_client.post(
        reverse("meetings:meeting_cancel", args=[meeting.pk]), {"version": 2, "reason": "Snow"}
    )
    assert response.status_code == 302
    page = manager_client.get(
        reverse("meetings:meeting_detail", args=[meeting.pk])
    ).content.decode()
    assert "Room booked" in page and "Snow" in page and "This meeting is cancelled." in page
    kinds = list(meeting.changes.values_list("kind", flat=True))
    assert kinds == ["scheduled", "rescheduled", "cancelled"]


def test_a_stale_move_shows_the_conflict_and_keeps_her_text(manager_client, key_worker, group):
    meeting = MeetingFactory(group=group)
    client_for(key_worker).post(
        reverse("meetings:meeting_cancel", args=[meeting.pk]), {"version": 1, "reason": "Snow"}
    )
    new_day = timezone.localdate() + datetime.timedelta(days=10)
    response = manager_client.post(
        reverse("meetings:meeting_reschedule", args=[meeting.pk]),
        {"version": 1, "starts_on": new_day.isoformat(), "at": "13:30", "reason": "My reason"},
    )
    assert response.status_code == 400  # refused: it was cancelled meanwhile
    assert b"This meeting was cancelled." in response.content
    assert b"My reason" in response.content
    meeting.refresh_from_db()
    assert meeting.starts_at == in_days(7)
    assert not meeting.changes.filter(kind=MeetingChange.Kind.RESCHEDULED).exists()


def test_editing_the_place_and_what_is_provided(manager_client, group):
    meeting = MeetingFactory(group=group)
    response = manager_client.post(
        reverse("meetings:meeting_edit", args=[meeting.pk]),
        {"version": 1, "place": "Garden room", "duration_minutes": "60", "provides_lunch": "on"},
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert (meeting.place, meeting.provides_lunch, meeting.version) == ("Garden room", True, 2)


def test_read_only_roles_cannot_move_a_meeting(partner_client, volunteer, group):
    meeting = MeetingFactory(group=group)
    url = reverse("meetings:meeting_reschedule", args=[meeting.pk])
    assert partner_client.post(url, {"reason": "x"}).status_code == 403
    GroupMemberFactory(group=group, user=volunteer)
    assert client_for(volunteer).get(url).status_code == 403


def test_leaving_is_post_only(manager_client, group):
    member = GroupMemberFactory(group=group)
    url = reverse("meetings:member_leave", args=[member.pk])
    assert manager_client.get(url).status_code == 405
    assert manager_client.post(url).status_code == 302
    member.refresh_from_db()
    assert member.left_on == timezone.localdate()


def test_calendar_file(manager_client, group):
    meeting = MeetingFactory(group=group, place="Room 1, first floor", accessibility_notes="Lift")
    response = manager_client.get(reverse("meetings:meeting_ics", args=[meeting.pk]))
    assert response["Content-Type"].startswith("text/calendar")
    body = response.content.decode()
    assert body.startswith("BEGIN:VCALENDAR\r\n") and body.endswith("END:VCALENDAR\r\n")
    start = meeting.starts_at.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    assert f"DTSTART:{start}\r\n" in body
    assert "LOCATION:Room 1\\, first floor\r\n" in body and "STATUS:CONFIRMED" in body
    assert "SEQUENCE:0" in body


def test_calendar_file_after_a_cancellation(manager_client, group):
    meeting = MeetingFactory(group=group)
    manager_client.post(
        reverse("meetings:meeting_cancel", args=[meeting.pk]), {"version": 1, "reason": "Snow"}
    )
    body = manager_client.get(reverse("meetings:meeting_ics", args=[meeting.pk])).content.decode()
    assert "STATUS:CANCELLED" in body and "SEQUENCE:1" in body
    assert f"UID:meeting-{meeting.pk}@" in body
