"""A volunteer account reaches only what her active roles need, and nothing of casework or of
anyone else's involvement; ending the role ends the access at once."""

from decimal import Decimal

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from activities.access import may_take_register
from centre.access import can
from centre.models import Membership
from coproduction.involvement import access, services
from coproduction.involvement.models import Opportunity, Placement, Shift
from tests.activities.factories import SessionFactory
from tests.casework.factories import WomanFactory
from tests.conftest import client_for
from tests.factories import member

from .factories import active_helper, shift

pytestmark = pytest.mark.django_db


def _request(user, centre):
    request = RequestFactory().get("/")
    request.user = user
    request.centre = centre
    request.membership = Membership.objects.get(user=user, centre=centre)
    return request


@pytest.fixture
def someone_else(centre, manager):
    """Another woman active as a greeter, with her own account."""
    other = member(centre, "volunteer", "t_other_volunteer", first_name="Vi")
    return active_helper(centre, Opportunity.Role.GREETER, user=other, by=manager)


def test_a_volunteer_never_reaches_casework(volunteer_client, her):
    woman = her.woman
    for url in [
        reverse("casework:woman", args=[woman.pk]),
        reverse("casework:caseload"),
        reverse("involvement:step_add", args=[woman.pk]),
    ]:
        assert volunteer_client.get(url).status_code == 403


def test_a_volunteer_sees_only_her_own_involvement(
    volunteer_client, centre, her, someone_else, manager
):
    theirs = shift(centre, someone_else)
    mine = shift(centre, her, in_hours=30)
    claim = services.expense_claim(
        helper=someone_else,
        by=someone_else.user,
        kind="travel",
        spent_on=timezone.localdate(),
        amount=Decimal("4.60"),
        description="Bus",
    )
    page = volunteer_client.get(reverse("involvement:mine"))
    assert page.status_code == 200
    assert mine in page.context["my_shifts"] and theirs not in page.context["my_shifts"]
    assert someone_else.woman.known_as not in page.content.decode()
    # Someone else's papers, claims and shifts are a 404 (she does not learn who else helps).
    for method, name, pk in (
        ("get", "certificate", someone_else.pk),
        ("get", "expense_edit", claim.pk),
        ("get", "expense_receipt", claim.pk),
        ("post", "shift_swap", theirs.pk),
    ):
        response = getattr(volunteer_client, method)(reverse(f"involvement:{name}", args=[pk]))
        assert response.status_code == 404, name
    # The staff pages are not hers at all.
    for name in ["index", "rota", "expenses", "worries", "exits"]:
        assert volunteer_client.get(reverse(f"involvement:{name}")).status_code == 403
    assert volunteer_client.get(reverse("involvement:helper", args=[her.pk])).status_code == 403


def test_she_sees_a_shift_needing_cover_only_in_a_role_she_holds(
    volunteer_client, centre, her, someone_else, manager
):
    greeting = shift(centre, someone_else)
    services.shift_swap_ask(shift=greeting, helper=someone_else)
    facilitator = active_helper(centre, Opportunity.Role.CO_FACILITATOR, by=manager)
    cofac = shift(centre, facilitator, kind=Shift.Kind.CO_FACILITATION)
    services.shift_swap_ask(shift=cofac, helper=facilitator)
    cover = volunteer_client.get(reverse("involvement:mine")).context["cover"]
    assert greeting in cover and cofac not in cover
    assert (
        volunteer_client.post(reverse("involvement:shift_take", args=[cofac.pk])).status_code == 404
    )


def test_stepping_down_ends_her_access_at_once(centre, volunteer, manager):
    helper = active_helper(centre, Opportunity.Role.CO_FACILITATOR, user=volunteer, by=manager)
    session = SessionFactory(activity__centre=centre, date=timezone.localdate())
    upcoming = shift(centre, helper, kind=Shift.Kind.CO_FACILITATION, session=session)
    request = _request(volunteer, centre)
    assert may_take_register(request, session)
    assert access.visible_shifts(request, Shift.objects.all()).filter(pk=upcoming.pk).exists()

    placement = Placement.objects.get(helper=helper)
    services.placement_move(
        placement=placement, to_status=Placement.Status.STEPPED_DOWN, by=manager
    )

    request = _request(volunteer, centre)  # the next request she makes
    assert not may_take_register(request, session)
    assert not access.visible_shifts(request, Shift.objects.all()).exists()
    upcoming.refresh_from_db()
    assert upcoming.helper is None and upcoming.swap_asked_at is not None  # back on the rota


def test_a_back_seat_ends_the_peer_log_at_once(centre, volunteer, manager):
    helper = active_helper(centre, Opportunity.Role.PEER_MENTOR, user=volunteer, by=manager)
    client = client_for(volunteer)
    assert client.get(reverse("involvement:peer_log_new")).status_code == 200
    assert can(_request(volunteer, centre), "keep_peer_log")
    services.placement_move(
        placement=Placement.objects.get(helper=helper),
        to_status=Placement.Status.BACK_SEAT,
        by=manager,
        note="She is busy with her course",
    )
    assert client.get(reverse("involvement:peer_log_new")).status_code == 403
    assert client.get(reverse("involvement:worry_new")).status_code == 403
    assert client.get(reverse("involvement:peer_log")).status_code == 403
    assert not can(_request(volunteer, centre), "keep_peer_log")
    # Taking a back seat keeps no reason.
    change = Placement.objects.get(helper=helper).changes.last()
    assert change.to_status == Placement.Status.BACK_SEAT and change.note == ""


def test_a_peer_mentor_reads_only_her_own_log(centre, volunteer, manager):
    mine = active_helper(centre, Opportunity.Role.PEER_MENTOR, user=volunteer, by=manager)
    other = active_helper(centre, Opportunity.Role.PEER_MENTOR, by=manager)
    for helper, outcome in [(mine, "Talked about the crèche"), (other, "Talked about lunches")]:
        services.peer_conversation_log(
            helper=helper, held_on=timezone.localdate(), theme="food", outcome=outcome
        )
    page = client_for(volunteer).get(reverse("involvement:peer_log")).content.decode()
    assert "Talked about the crèche" in page and "Talked about lunches" not in page


def test_another_centre_sees_none_of_it(outsider_client, her):
    assert outsider_client.get(reverse("involvement:helper", args=[her.pk])).status_code == 404
    assert outsider_client.get(reverse("involvement:certificate", args=[her.pk])).status_code == 404


def test_a_partner_worker_and_the_steering_role_are_not_let_in(
    partner_client, steering_client, her
):
    for client in (partner_client, steering_client):
        assert client.get(reverse("involvement:index")).status_code == 403
        assert client.get(reverse("involvement:certificate", args=[her.pk])).status_code == 403


def test_the_record_panel_shows_only_to_those_who_see_her_record(
    manager_client, other_key_worker, centre, manager
):
    woman = WomanFactory(centre=centre)
    services.step_record(woman=woman, step="greeter", taken_on=timezone.localdate(), by=manager)
    page = manager_client.get(reverse("casework:woman", args=[woman.pk]))
    assert "Meeter and greeter" in page.content.decode()
    card = client_for(other_key_worker).get(reverse("casework:woman", args=[woman.pk]))
    assert "Meeter and greeter" not in card.content.decode()


def test_her_page_keeps_a_fixed_query_budget(
    volunteer_client, her_weeks_of_shifts, django_assert_max_num_queries
):
    with django_assert_max_num_queries(16):
        assert volunteer_client.get(reverse("involvement:mine")).status_code == 200
