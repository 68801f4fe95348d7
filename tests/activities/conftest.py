import pytest

from activities.models import Facilitator

from .factories import ActivityFactory, FacilitatorFactory, SessionFactory, WomanFactory


@pytest.fixture
def activity(centre):
    return ActivityFactory(centre=centre, name="Art group")


@pytest.fixture
def session(activity):
    return SessionFactory(activity=activity)


@pytest.fixture
def women(centre):
    return [
        WomanFactory(centre=centre, first_name=name, last_name=last)
        for name, last in [("Ann", "Smith"), ("Bea", "Jones"), ("Cara", "Brown")]
    ]


@pytest.fixture
def helping_volunteer(volunteer, activity):
    FacilitatorFactory(activity=activity, kind=Facilitator.Kind.VOLUNTEER, user=volunteer)
    return volunteer


@pytest.fixture
def must_not_meet(centre):
    """Record in casework that two women must not be placed together, with a private reason."""
    from casework.models import Alert

    def record(woman, other, reason="Private reason kept in casework"):
        return Alert.objects.create(
            centre=centre, woman=woman, other_woman=other, kind=Alert.Kind.NOT_WITH, detail=reason
        )

    return record
