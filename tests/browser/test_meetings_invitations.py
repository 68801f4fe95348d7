"""A key worker, from her home page, sees the women on her caseload who want to be invited to
meetings, records that she asked one by phone and that she is coming; the meeting page shows
who was invited, how, by whom and when. An organiser attaches a paper with a bad file first.
Every page axe-clean at 390 and 1280 px."""

import re

import pytest

from coproduction.meetings.models import Invitation, Paper
from tests.casework.factories import WomanFactory
from tests.coproduction.meetings.factories import GroupFactory, MeetingFactory, in_days

from .conftest import PHONE, assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LAPTOP = {"width": 1280, "height": 900}


def _both_widths(page):
    for size in (PHONE, LAPTOP):
        page.set_viewport_size(size)
        assert_accessible(page)


def test_a_key_worker_asks_a_woman_and_the_meeting_shows_it(page, centre, key_worker, tmp_path):
    meeting = MeetingFactory(
        group=GroupFactory(centre=centre, name="Monday meeting"), starts_at=in_days(4)
    )
    WomanFactory(
        centre=centre,
        key_worker=key_worker,
        first_name="Jess",
        last_name="Sentinelova",
        invite_to_meetings=True,
    )
    sign_in(page, key_worker.username)
    page.get_by_role("link", name="Ask them and record it").click()
    page.wait_for_url(re.compile(r"/coproduction/meetings/invitations/$"))
    _both_widths(page)
    page.get_by_role("link", name="Record that you asked Jess").click()
    page.get_by_label("Which meeting").select_option(str(meeting.pk))
    page.get_by_label("By phone").check()
    page.get_by_label("Coming").check()
    _both_widths(page)
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Recorded: you asked Jess.").wait_for()
    assert page.get_by_role("cell", name=re.compile("by phone, coming")).is_visible()
    invitation = Invitation.objects.get()
    assert (invitation.method, invitation.answer) == ("phone", "coming")

    page.goto(f"{page.base_url}/coproduction/meetings/{meeting.pk}/")
    invited = page.locator("section[aria-labelledby=invited-heading]")
    assert "Asked by her key worker, by phone" in invited.inner_text()
    assert "Sentinelova" not in page.content()
    _both_widths(page)

    # A paper: the wrong kind of file is refused with a clear message, then a PDF is attached.
    page.get_by_role("link", name="Attach a paper").click()
    page.get_by_label("Title").fill("Budget for next year")
    page.get_by_label("What it says, in plain words").fill("How much money there is.")
    bad = tmp_path / "budget.exe"
    bad.write_bytes(b"MZ....")
    page.get_by_label("The paper").set_input_files(str(bad))
    page.get_by_role("button", name="Save").click()
    # Said twice: in the summary at the top (a link to the field) and under the field itself.
    page.get_by_role("link", name="The paper: This kind of file cannot be attached.").wait_for()
    assert (
        page.locator(".invalid-feedback, .invalid-feedback *")
        .get_by_text("This kind of file cannot be attached.")
        .first.is_visible()
    )
    assert page.get_by_label("Title").input_value() == "Budget for next year"
    _both_widths(page)
    good = tmp_path / "budget.pdf"
    good.write_bytes(b"%PDF-1.4\n%%EOF\n")
    page.get_by_label("The paper").set_input_files(str(good))
    page.get_by_role("button", name="Save").click()
    page.get_by_role("link", name="Budget for next year").wait_for()
    assert Paper.objects.get().file_name == "budget.pdf"
    _both_widths(page)
