"""Invitations: each key worker sees the women on her caseload who want to be invited to
meetings (the record's flag), records that she asked them, how, and the answer; members are
invited directly; invited women who are coming and opted in get the discreet reminder."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from centre.models import AuditEvent, OutboxMessage
from coproduction.meetings import reminders, services
from coproduction.meetings.models import Group, Invitation
from tests.casework.factories import WomanFactory

from .factories import GroupFactory, GroupMemberFactory, MeetingFactory, in_days

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(centre, manager):
    group = GroupFactory(centre=centre, name="Monday meeting")
    return MeetingFactory(group=group, organiser=manager, starts_at=in_days(6))


@pytest.fixture
def hers(centre, key_worker):
    return WomanFactory(
        centre=centre,
        key_worker=key_worker,
        first_name="Jess",
        last_name="Sentinelova",
        invite_to_meetings=True,
    )


@pytest.fixture
def someone_elses(centre, manager):
    return WomanFactory(
        centre=centre, key_worker=manager, first_name="Morven", invite_to_meetings=True
    )


def test_a_key_worker_sees_only_her_women_who_want_to_be_invited(
    key_worker_client, manager_client, centre, key_worker, hers, someone_elses, meeting
):
    WomanFactory(centre=centre, key_worker=key_worker, first_name="Nadia")  # flag not set
    page = key_worker_client.get(reverse("meetings:invitations")).content.decode()
    assert "Jess" in page and "Morven" not in page and "Nadia" not in page
    assert "Not asked yet" in page and str(meeting.group.name) in page
    # The manager's list is her own caseload; she may still record for any woman she may read.
    manager_page = manager_client.get(reverse("meetings:invitations")).content.decode()
    assert "Jess" not in manager_page and "Morven" in manager_page
    jess = manager_client.get(reverse("meetings:invitation_add", args=[hers.pk]))
    assert jess.status_code == 200


def test_a_woman_outside_her_scope_is_a_404(
    key_worker_client, partner_client, centre, key_worker, someone_elses, other_centre, hers
):
    url = lambda woman: reverse("meetings:invitation_add", args=[woman.pk])  # noqa: E731
    assert key_worker_client.get(url(someone_elses)).status_code == 404
    not_flagged = WomanFactory(centre=centre, key_worker=key_worker, invite_to_meetings=False)
    assert key_worker_client.get(url(not_flagged)).status_code == 404
    elsewhere = WomanFactory(centre=other_centre, invite_to_meetings=True)
    assert key_worker_client.get(url(elsewhere)).status_code == 404
    assert partner_client.get(url(hers)).status_code == 403
    assert partner_client.get(reverse("meetings:invitations")).status_code == 403
    assert not Invitation.objects.exists()


def test_she_records_that_she_asked_and_it_is_kept_and_shown(
    key_worker_client, manager_client, volunteer_client, volunteer, key_worker, hers, meeting
):
    url = reverse("meetings:invitation_add", args=[hers.pk])
    page = key_worker_client.get(url)
    assert page.status_code == 200 and b"Asking Jess to a meeting" in page.content
    response = key_worker_client.post(
        url, {"meeting": meeting.pk, "method": "phone", "answer": "not_known"}
    )
    assert response.status_code == 302
    response = key_worker_client.post(
        url, {"meeting": meeting.pk, "method": "text", "answer": "coming"}
    )
    invitation = Invitation.objects.get()  # asked again: one row, the latest answer
    assert (invitation.method, invitation.answer) == ("text", "coming")
    assert invitation.invited_by == key_worker and invitation.route == "key_worker"
    reads = AuditEvent.objects.filter(woman_id=hers.pk, action__startswith="meetings.invitation")
    assert set(reads.values_list("grounds", flat=True)) == {"allocated"}

    detail = reverse("meetings:meeting_detail", args=[meeting.pk])
    page = manager_client.get(detail).content.decode()
    assert "Jess" in page and "Asked by her key worker, by text" in page and "Coming" in page
    assert "Sentinelova" not in page  # her first name only
    GroupMemberFactory(group=meeting.group, user=volunteer)
    page = volunteer_client.get(detail).content.decode()
    assert "1 invited, 1 coming." in page and "Jess" not in page

    bad = key_worker_client.post(url, {"meeting": meeting.pk, "method": "pigeon"})
    assert bad.status_code == 400 and b"Select a valid choice" in bad.content
    assert f'value="{meeting.pk}" selected'.encode() in bad.content  # her choice is kept


def test_members_are_invited_directly_once(manager_client, manager, centre, meeting, volunteer):
    GroupMemberFactory(group=meeting.group, user=volunteer)
    services.group_member_add(
        group=meeting.group, woman=WomanFactory(centre=centre), joined_on=datetime.date(2026, 1, 1)
    )
    url = reverse("meetings:members_invite", args=[meeting.pk])
    assert manager_client.post(url, {"method": "email"}).status_code == 302
    assert manager_client.post(url, {"method": "email"}).status_code == 302
    assert Invitation.objects.filter(route="direct", invited_by=manager).count() == 2


def test_no_invitation_to_a_cancelled_or_past_meeting(manager, hers, meeting, centre):
    services.meeting_cancel(meeting=meeting, by=manager, expected_version=1, reason="Snow")
    meeting.refresh_from_db()
    with pytest.raises(ValidationError):
        services.invitation_record(meeting=meeting, woman=hers, by=manager, method="phone")
    past = MeetingFactory(group=meeting.group, starts_at=in_days(-1))
    with pytest.raises(ValidationError):
        services.invitation_record(meeting=past, woman=hers, by=manager, method="phone")


def test_the_home_panel_counts_her_women_not_yet_asked(
    key_worker_client, key_worker, hers, centre, meeting
):
    WomanFactory(centre=centre, key_worker=key_worker, invite_to_meetings=True)
    services.invitation_record(meeting=meeting, woman=hers, by=key_worker, method="letter")
    page = key_worker_client.get(reverse("home")).content.decode()
    assert "Women to invite to meetings" in page
    assert "2</span> women want to be invited" in page and "1 not asked yet" in page


def test_an_invited_woman_who_is_coming_gets_the_discreet_reminder_once(
    manager, key_worker, centre, meeting
):
    coming = WomanFactory(
        centre=centre,
        key_worker=key_worker,
        first_name="Jess",
        invite_to_meetings=True,
        reminders_opt_in=True,
        safe_to_text=True,
        mobile="07700900333",
    )
    not_this_time = WomanFactory(
        centre=centre, reminders_opt_in=True, safe_to_text=True, mobile="07700900444"
    )
    no_reminders = WomanFactory(centre=centre, safe_to_text=True, mobile="07700900555")
    for woman, answer in ((coming, "coming"), (not_this_time, "not_this_time")):
        services.invitation_record(
            meeting=meeting, woman=woman, by=key_worker, method="phone", answer=answer
        )
    services.invitation_record(
        meeting=meeting, woman=no_reminders, by=key_worker, method="phone", answer="coming"
    )
    # She is a member too: still one reminder.
    services.group_member_add(
        group=meeting.group, woman=coming, joined_on=datetime.date(2026, 1, 1), wants_reminders=True
    )
    now = meeting.starts_at - datetime.timedelta(hours=1)
    assert reminders.meeting_reminders_queue(now=now) == 1
    assert reminders.meeting_reminders_queue(now=now) == 0
    (message,) = OutboxMessage.objects.all()
    assert message.recipient.endswith("7700900333") and message.channel == "sms"
    assert "Jess" in message.body and meeting.group.name not in message.body
    assert meeting.place not in message.body


def test_steering_board_meetings_are_not_offered_to_women(key_worker_client, centre, hers):
    board = GroupFactory(centre=centre, name="Board", kind=Group.Kind.STEERING)
    MeetingFactory(group=board, starts_at=in_days(3))
    page = key_worker_client.get(
        reverse("meetings:invitation_add", args=[hers.pk])
    ).content.decode()
    assert "Board" not in page


def test_a_volunteer_cannot_reach_the_invitations(volunteer_client):
    assert volunteer_client.get(reverse("meetings:invitations")).status_code == 403


def test_the_page_costs_the_same_queries_for_more_women(
    key_worker_client, key_worker, centre, meeting, django_assert_max_num_queries
):
    for _n in range(8):
        woman = WomanFactory(centre=centre, key_worker=key_worker, invite_to_meetings=True)
        services.invitation_record(meeting=meeting, woman=woman, by=key_worker, method="phone")
    with django_assert_max_num_queries(20):
        assert key_worker_client.get(reverse("meetings:invitations")).status_code == 200


def test_an_invited_woman_who_said_she_is_coming_can_be_marked_as_come(
    manager_client, key_worker, hers, meeting
):
    services.invitation_record(
        meeting=meeting, woman=hers, by=key_worker, method="phone", answer="coming"
    )
    url = reverse("meetings:attendance", args=[meeting.pk])
    assert "Jess Sentinelova" in manager_client.get(url).content.decode()  # the form, for staff
    response = manager_client.post(url, {"came": [f"w{hers.pk}"], "other_women": "0"})
    assert response.status_code == 302
    attended = meeting.attendance.get()
    assert attended.woman == hers and attended.naming == "anonymous"  # not a member: not named
