import pytest

from activities.models import Attendance, Enrolment
from casework.models import Stage
from centre.roles import Role
from tests.activities.factories import ActivityFactory, SessionFactory
from tests.casework.factories import (
    AlertFactory,
    AllocationFactory,
    AppointmentFactory,
    ContactFactory,
    ReferralFactory,
    WomanFactory,
)
from tests.coproduction.involvement.factories import active_helper, shift
from tests.coproduction.meetings.factories import GroupFactory, GroupMemberFactory
from tests.coproduction.newsletter.factories import IssueFactory, PieceFactory
from tests.factories import member


@pytest.fixture
def woman(centre, key_worker):
    return WomanFactory(
        centre=centre,
        key_worker=key_worker,
        stage=Stage.INTENSIVE,
        first_name="Ailsa",
        last_name="Brodie",
        mobile="07700 900123",
    )


@pytest.fixture
def second_manager(centre):
    return member(centre, Role.MANAGER, "t_manager_two", first_name="Morag", last_name="Two-Tst")


@pytest.fixture
def seeded_woman(woman, key_worker, centre):
    """A woman with data in casework, activities, meetings, the newsletter and involvement."""
    ContactFactory(woman=woman, note="Talked about housing")
    ContactFactory(woman=woman, note="Phone call")
    AllocationFactory(woman=woman, worker=key_worker)
    AppointmentFactory(woman=woman)
    AlertFactory(woman=woman)
    ReferralFactory(centre=centre, woman=woman)
    activity = ActivityFactory(centre=centre)
    Attendance.objects.create(session=SessionFactory(activity=activity), woman=woman)
    Enrolment.objects.create(activity=activity, woman=woman, status=Enrolment.Status.values[0])
    GroupMemberFactory(group=GroupFactory(centre=centre), user=None, woman=woman)
    PieceFactory(issue=IssueFactory(centre=centre), woman=woman)
    helper = active_helper(centre, woman=woman)
    shift(centre, helper)
    return woman


@pytest.fixture
def foreign_woman(other_centre):
    return WomanFactory(centre=other_centre, first_name="Elsewhere")
