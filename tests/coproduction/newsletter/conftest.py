import pytest

from tests.conftest import client_for

from .factories import EditorFactory, IssueFactory


@pytest.fixture
def client_for_user():
    """A test client signed in as any user (for people the shared fixtures do not name)."""
    return client_for


@pytest.fixture
def issue(centre, volunteer):
    """An open issue with the volunteer in its editorial group."""
    issue = IssueFactory(centre=centre)
    EditorFactory(issue=issue, user=volunteer)
    return issue
