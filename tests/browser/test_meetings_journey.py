"""The meetings journey: a manager schedules a meeting whose agenda pulls in an open suggestion
and last month's open action; the secretary records attendance, minutes, a decision and an
action; the chair approves; the manager publishes; the minutes PDF shows the decision and the
suggestion has its answer, which (once the wording is approved) is on the tablet board with the
minutes in plain words and no names. Every page is checked with axe-core, at 1280 and 390 px."""

import datetime
import re

import pytest
from django.utils import timezone

from centre.pdf import pdf_text
from coproduction.meetings import services
from coproduction.meetings.models import ElectedRole, Group, Meeting, Minutes
from coproduction.suggestions.models import Suggestion
from tests.coproduction.factories import SuggestionFactory
from tests.coproduction.meetings.factories import GroupMemberFactory, MeetingFactory

from .conftest import PHONE, assert_accessible, sign_in
from .test_coproduction_kiosk import enrol

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def group(centre, manager, volunteer, steering):
    group = services.group_create(
        centre=centre, name="Monday meeting", kind=Group.Kind.SERVICE_USER
    )
    since = datetime.date(2026, 1, 1)
    for user, role in ((volunteer, ElectedRole.Role.SECRETARY), (steering, ElectedRole.Role.CHAIR)):
        member = GroupMemberFactory(group=group, user=user, joined_on=since)
        services.elected_role_record(
            member=member, role=role, starts_on=since, ends_on=None, by=manager
        )
    last_month = MeetingFactory(
        group=group, organiser=manager, starts_at=timezone.now() - datetime.timedelta(days=28)
    )
    services.action_create(
        meeting=last_month,
        text="Ask the bus company about a stop",
        owner=manager,
        due_on=timezone.localdate() - datetime.timedelta(days=7),
    )
    return group


def test_schedule_minute_approve_publish(
    page, tablet_page, centre, manager, volunteer, steering, group
):
    suggestion = SuggestionFactory(
        centre=centre, status=Suggestion.Status.MEETING, owner=manager, text="Soup on Wednesdays"
    )
    sign_in(page, manager.username)
    page.goto(f"{page.base_url}/coproduction/meetings/groups/{group.pk}/")
    assert_accessible(page)
    page.get_by_role("link", name="Schedule a meeting").click()
    day = timezone.localdate() + datetime.timedelta(days=3)
    page.get_by_label("Once").check()
    page.get_by_label("Date (or, every month, the first month)").fill(day.isoformat())
    page.locator("#id_at").fill("11:00")
    page.get_by_label("Place").fill("Community room")
    page.get_by_label("Lunch provided").check()
    assert_accessible(page)
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(re.compile(r"/coproduction/meetings/\d+/$"))
    meeting = Meeting.objects.filter(group=group).latest("starts_at")
    page.get_by_role("button", name="Bring in suggestions and standing items").click()
    agenda = page.locator("section[aria-labelledby=agenda-heading]")
    agenda.get_by_role("listitem").filter(has_text=f"{suggestion.receipt_code}: Soup").wait_for()
    assert agenda.get_by_role(
        "cell", name="Ask the bus company about a stop", exact=True
    ).is_visible()
    assert_accessible(page)

    page.context.clear_cookies()
    sign_in(page, volunteer.username)  # the secretary
    page.goto(f"{page.base_url}/coproduction/meetings/{meeting.pk}/")
    page.get_by_role("link", name="Record who came").click()
    page.get_by_label("Other women who came (a count)").fill("5")
    page.get_by_role("button", name="Save").click()
    page.get_by_text("5 women came.").wait_for()
    page.get_by_role("link", name="Write the minutes").click()
    page.locator("#id_text").fill("We talked about soup and the bus stop.")
    page.get_by_label("In plain words, for the notice board").fill("We said yes to soup.")
    assert_accessible(page)
    page.get_by_role("button", name="Save").click()
    page.get_by_role("link", name="Record a decision").click()
    page.get_by_label("Suggestion").select_option(str(suggestion.pk))
    page.get_by_label("Decision").select_option("done")
    page.get_by_label("The answer, in plain words").fill("Soup every Wednesday from May.")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("link", name="Add an action").click()
    page.get_by_label("What will be done").fill("Buy a big soup pot")
    page.get_by_label("Who does it").select_option(str(manager.pk))
    page.get_by_label("Due by").fill((day + datetime.timedelta(days=14)).isoformat())
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Buy a big soup pot").wait_for()
    assert_accessible(page)

    page.context.clear_cookies()
    sign_in(page, steering.username)  # the chair
    page.goto(f"{page.base_url}/coproduction/meetings/{meeting.pk}/")
    page.get_by_role("button", name="Approve the minutes (chair)").click()
    page.get_by_text("The minutes are approved.").wait_for()
    assert Minutes.objects.get(meeting=meeting).approved_by == steering

    page.context.clear_cookies()
    sign_in(page, manager.username)
    page.goto(f"{page.base_url}/coproduction/meetings/{meeting.pk}/")
    page.get_by_role("button", name="Publish the minutes").click()
    page.get_by_text("The minutes are published.").wait_for()
    link = page.get_by_role("link", name="Notice-board minutes (PDF)")
    response = page.request.get(page.base_url + link.get_attribute("href"))
    text = " ".join(pdf_text(response.body()).split())
    assert "Soup every Wednesday from May." in text and "We said yes to soup." in text
    suggestion.refresh_from_db()
    assert suggestion.status == Suggestion.Status.DONE
    assert suggestion.we_did == "Soup every Wednesday from May."

    # The minutes and the decisions on the meeting page, axe-clean on a phone too.
    page.goto(f"{page.base_url}/coproduction/meetings/{meeting.pk}/")
    for size in (PHONE, {"width": 1280, "height": 900}):
        page.set_viewport_size(size)
        assert page.get_by_text("Soup every Wednesday from May.").is_visible()
        assert_accessible(page)

    # The manager approves the decision's wording for the board; the tablet shows the answer
    # and the minutes in plain words, and nobody's name.
    page.goto(f"{page.base_url}/coproduction/suggestions/{suggestion.receipt_code}/")
    page.get_by_role("button", name="Approve this wording").click()
    assert "Approved." in page.content()
    enrol(tablet_page, centre, manager)
    tablet_page.get_by_role("link", name="You said, we did").click()
    tablet_page.wait_for_url(re.compile(r"/kiosk/board/$"))
    for size in (PHONE, {"width": 1280, "height": 900}):
        tablet_page.set_viewport_size(size)
        board = tablet_page.get_by_role("main").inner_text()
        assert "Soup every Wednesday from May." in board
        assert "What the meetings talked about" in board and "We said yes to soup." in board
        for person in (manager, volunteer, steering):
            assert person.last_name not in board
        assert_accessible(tablet_page)
