import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from coproduction.meetings import services
from coproduction.meetings.models import Action

from .factories import GroupFactory, MeetingFactory, in_days

pytestmark = pytest.mark.django_db


def test_actions_raised_done_late_and_carried(manager_client, manager, centre):
    group = GroupFactory(centre=centre, name="Monday meeting")
    first = MeetingFactory(group=group, starts_at=in_days(-90))
    for days in (-60, -30):
        MeetingFactory(group=group, starts_at=in_days(days))
    cancelled = MeetingFactory(group=group, starts_at=in_days(-45))
    services.meeting_cancel(meeting=cancelled, by=manager, expected_version=1, reason="Snow")
    raised_on = timezone.localdate(first.starts_at)
    done = services.action_create(
        meeting=first,
        text="Done in time",
        owner=manager,
        due_on=raised_on + datetime.timedelta(days=20),
    )
    services.action_close(
        action=done, status=Action.Status.DONE, on=raised_on + datetime.timedelta(days=10)
    )
    services.action_create(
        meeting=first,
        text="Still <b>open</b>",
        owner=manager,
        due_on=raised_on + datetime.timedelta(days=20),
    )
    response = manager_client.get(reverse("meetings:group_actions", args=[group.pk]))
    page = response.content.decode()
    assert "2 actions raised" in page and "1 done" in page and "1 late" in page
    assert "Still &lt;b&gt;open&lt;/b&gt;" in page
    report = response.context["report"]
    by_text = {a.text: a for a in report["actions"]}
    assert by_text["Done in time"].days_taken == 10 and by_text["Done in time"].times_carried == 0
    # Carried to the two later meetings that took place, not the cancelled one.
    assert by_text["Still <b>open</b>"].times_carried == 2 and by_text["Still <b>open</b>"].was_late


def test_the_query_count_does_not_grow_with_actions(
    manager_client, manager, centre, django_assert_max_num_queries
):
    group = GroupFactory(centre=centre)
    meeting = MeetingFactory(group=group, starts_at=in_days(-10))
    for number in range(15):
        services.action_create(
            meeting=meeting, text=f"Action {number}", owner=manager, due_on=in_days(5).date()
        )
    with django_assert_max_num_queries(20):
        manager_client.get(reverse("meetings:group_actions", args=[group.pk]))


def test_another_centres_group_actions_are_a_404(outsider_client, centre):
    group = GroupFactory(centre=centre)
    assert (
        outsider_client.get(reverse("meetings:group_actions", args=[group.pk])).status_code == 404
    )
