import pytest

from coproduction.involvement.models import Opportunity

from .factories import active_helper, opportunity, shift


@pytest.fixture
def greeter_role(centre):
    return opportunity(centre, Opportunity.Role.GREETER)


@pytest.fixture
def her(centre, volunteer, manager):
    """The volunteer account's own helper record: a woman active as a meeter and greeter."""
    return active_helper(centre, Opportunity.Role.GREETER, user=volunteer, by=manager)


@pytest.fixture
def her_weeks_of_shifts(centre, her):
    """Eight shifts of hers a day apart, the first in ten hours: enough rows to show that a
    page's query count does not grow with them."""
    return [shift(centre, her, in_hours=hours) for hours in range(10, 200, 24)]
