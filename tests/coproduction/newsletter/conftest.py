import pytest

from tests.conftest import client_for


@pytest.fixture
def client_for_user():
    """A test client signed in as any user (for people the shared fixtures do not name)."""
    return client_for
