import pytest
from django.test import Client

from coproduction.kiosk.access import COOKIE_NAME

from .factories import SuggestionFactory, enrolled_tablet


@pytest.fixture
def tablet_and_cookie(centre):
    return enrolled_tablet(centre)


@pytest.fixture
def tablet(tablet_and_cookie):
    return tablet_and_cookie[0]


@pytest.fixture
def kiosk_client(tablet_and_cookie):
    client = Client()
    client.cookies[COOKIE_NAME] = tablet_and_cookie[1]
    return client


@pytest.fixture
def suggestion(centre):
    return SuggestionFactory(centre=centre)


@pytest.fixture
def other_suggestion(other_centre):
    return SuggestionFactory(centre=other_centre)
