"""The kiosk check is decided in one place: every tablet page carries the rule whose check is
kiosk.access.tablet_check (run by the platform's deny-by-default middleware), so a kiosk page
cannot be added without it; only the set-up pages let any browser in."""

import pytest
from django.urls import get_resolver, reverse

from coproduction.kiosk.access import anyone_may_enrol, tablet_check
from coproduction.suggestions.models import Suggestion

ENROLMENT_PAGES = {"enrol", "enrol_link"}
MANAGERS_PAGES = {"tablets", "tablet_link", "tablet_revoke"}


def _kiosk_views():
    """The kiosk room's views by URL name (its URLconf is included, unnamespaced, at the root)."""
    _prefix, kiosk = get_resolver().namespace_dict["kiosk"]
    return {pattern.name: pattern.callback for pattern in kiosk.url_patterns}


def test_every_tablet_page_is_checked_by_the_tablet_check():
    views = _kiosk_views()
    tablet_pages = set(views) - ENROLMENT_PAGES - MANAGERS_PAGES
    assert tablet_pages >= {"start", "idea", "code", "feedback", "board", "activities"}
    for name in tablet_pages:
        rule = views[name].access_rule
        assert (rule.kind, rule.check) == ("device", tablet_check), name
    for name in ENROLMENT_PAGES:
        rule = views[name].access_rule
        assert (rule.kind, rule.check) == ("device", anyone_may_enrol), name
    for name in MANAGERS_PAGES:
        assert views[name].access_rule.kind == "roles", name


@pytest.mark.django_db
def test_a_staff_session_does_not_open_the_kiosk(manager_client):
    response = manager_client.post(
        reverse("kiosk:idea"), {"about": "food", "text": "Soup", "name_choice": "anonymous"}
    )
    assert response.status_code == 403
    assert "no-store" in response["Cache-Control"]
    assert not Suggestion.objects.exists()


@pytest.mark.django_db
def test_the_enrolled_tablet_gets_pages_nobody_keeps(kiosk_client, tablet):
    response = kiosk_client.get(reverse("kiosk:start"))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert response.wsgi_request.tablet == tablet
