import io

import pytest
from django.utils import timezone

from coproduction.meetings import selectors
from coproduction.meetings.demo import seed_meetings
from coproduction.meetings.models import (
    Action,
    Group,
    InterestDeclaration,
    Invitation,
    Meeting,
    Minutes,
    Paper,
)
from tests.casework.factories import WomanFactory

pytestmark = pytest.mark.django_db


def test_a_year_of_meetings_with_a_realistic_mix_of_actions(centre, people, key_worker):
    WomanFactory.create_batch(8, centre=centre, key_worker=key_worker)
    seed_meetings(centres=[centre], scale="small", stdout=io.StringIO())
    group = Group.objects.get(centre=centre, name="Service-user meeting")
    past = list(group.meetings.filter(starts_at__lt=timezone.now()).order_by("starts_at"))
    assert 10 <= len(past) <= 12
    published = Minutes.objects.filter(meeting__in=past, status=Minutes.Status.PUBLISHED)
    assert published.count() == len(past) - 1
    statuses = set(Action.objects.filter(group=group).values_list("status", flat=True))
    assert statuses == {"open", "done", "dropped"}
    upcoming = group.meetings.filter(starts_at__gte=timezone.now()).order_by("starts_at").first()
    carried = [
        action
        for action in selectors.agenda_actions(upcoming)
        if sum(action in selectors.agenda_actions(m) for m in past) >= 3
    ]
    assert carried, "an action carried forward at least three times"
    assert all(m.attendance.exists() or m.other_women for m in past)
    assert Group.objects.filter(centre=centre, kind=Group.Kind.STEERING).exists()
    assert Invitation.objects.filter(route="direct").exists()
    assert Invitation.objects.filter(route="key_worker", invited_by=key_worker).exists()
    assert Paper.objects.filter(meeting=upcoming).exists()
    assert InterestDeclaration.objects.filter(left_room=True).exists()
    count = Meeting.objects.count()
    seed_meetings(centres=[centre], scale="small", stdout=io.StringIO())
    assert Meeting.objects.count() == count
