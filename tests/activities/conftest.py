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
def no_placement_conflicts(monkeypatch):
    """Casework's alerts, faked: tests set `pairs` to what casework would say."""
    import casework.selectors

    pairs = set()
    monkeypatch.setattr(
        casework.selectors,
        "placement_conflicts",
        lambda centre, woman_ids: {p for p in pairs if p <= set(woman_ids)},
        raising=False,
    )
    return pairs
