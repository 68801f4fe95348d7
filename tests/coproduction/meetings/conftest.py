import pytest

from .factories import GroupFactory


@pytest.fixture
def group(centre):
    return GroupFactory(centre=centre, name="Monday meeting")
