import pytest

from coproduction.involvement.models import Opportunity

from .factories import active_helper, opportunity


@pytest.fixture
def greeter_role(centre):
    return opportunity(centre, Opportunity.Role.GREETER)


@pytest.fixture
def her(centre, volunteer, manager):
    """The volunteer account's own helper record: a woman active as a meeter and greeter."""
    return active_helper(centre, Opportunity.Role.GREETER, user=volunteer, by=manager)
