import pytest

from casework.models import Stage

from .factories import WomanFactory


@pytest.fixture
def woman(centre, key_worker):
    """A woman on the key worker's caseload."""
    return WomanFactory(
        centre=centre, key_worker=key_worker, stage=Stage.INTENSIVE, first_name="Ailsa"
    )


@pytest.fixture
def foreign_woman(other_centre):
    return WomanFactory(centre=other_centre, first_name="Elsewhere")
