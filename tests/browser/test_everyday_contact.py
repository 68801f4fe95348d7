"""Issue 18: logging a contact on a phone is a few taps and little scrolling; errors show GOV.UK
style (a summary at the top that takes the focus, folded sections opened)."""

import datetime

import pytest
from django.utils import timezone

from casework.models import Contact, ContactChoices, Stage
from tests.casework.factories import WomanFactory

from .conftest import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The upper bounds the journey must meet on a 390 x 844 phone.
MOST_TAPS_FIRST_TIME = 5  # type, format, length, the note, Save
MOST_TAPS_NEXT_TIME = 2  # the note and Save: the rest is remembered
MOST_SCROLL_PX = 844  # at most one screen of scrolling


class Journey:
    """Counts the taps and the scrolling a person needs, as Playwright does them."""

    def __init__(self, page):
        self.page, self.taps, self.scrolled = page, 0, 0

    def _measured(self, action, *, leaves_the_page=False):
        before = self.page.evaluate("() => window.scrollY")
        if leaves_the_page:  # the page goes: measure what reaching the button takes, then tap
            self.page.get_by_role("button", name="Save contact").scroll_into_view_if_needed()
            self.scrolled += abs(self.page.evaluate("() => window.scrollY") - before)
            self.taps += 1
            action()
            return
        action()
        self.taps += 1
        self.scrolled += abs(self.page.evaluate("() => window.scrollY") - before)

    def choose(self, group, label):
        self._measured(
            lambda: self.page.get_by_role("group", name=group).get_by_text(label, exact=True).tap()
        )

    def type_into(self, label, text):
        self._measured(lambda: self.page.get_by_label(label).tap())
        self.page.keyboard.type(text)

    def save(self):
        with self.page.expect_navigation():
            self._measured(
                lambda: self.page.get_by_role("button", name="Save contact").tap(),
                leaves_the_page=True,
            )


def save_in_reach(page):
    box = page.get_by_role("button", name="Save contact").bounding_box()
    viewport = page.viewport_size
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= viewport["height"]


def test_a_contact_on_a_phone_takes_few_taps_and_little_scrolling(phone_page, centre, key_worker):
    page = phone_page
    woman = WomanFactory(
        centre=centre, key_worker=key_worker, stage=Stage.INTENSIVE, first_name="Morven"
    )
    sign_in(page, key_worker.username)
    page.goto(f"{page.base_url}/casework/women/{woman.pk}/contacts/new/")
    assert_accessible(page)
    assert save_in_reach(page), "Save must be on screen without scrolling"

    journey = Journey(page)
    journey.choose("Type", "Phone")
    journey.choose("Format", "One-to-one")
    journey.choose("How long", "15 min")
    journey.type_into("Short note", "Checked in about Friday; all good.")
    assert save_in_reach(page)
    journey.save()
    assert "Contact logged" in page.content(), page.locator("main").inner_text()
    assert journey.taps <= MOST_TAPS_FIRST_TIME
    assert journey.scrolled <= MOST_SCROLL_PX, f"scrolled {journey.scrolled} px"
    contact = Contact.objects.get(woman=woman)
    assert (contact.contact_type, contact.contact_format, contact.duration_minutes) == (
        "phone",
        "one_to_one",
        15,
    )
    assert ContactChoices.objects.get(worker=key_worker).contact_type == "phone"

    # Next time her usual choices are already picked: a note and Save.
    page.goto(f"{page.base_url}/casework/women/{woman.pk}/contacts/new/")
    assert page.get_by_role("radio", name="Phone").is_checked()
    assert page.get_by_role("radio", name="15 min").is_checked()
    journey = Journey(page)
    journey.type_into("Short note", "Rang back about the food bank.")
    journey.save()
    assert journey.taps <= MOST_TAPS_NEXT_TIME
    assert journey.scrolled <= MOST_SCROLL_PX
    assert Contact.objects.filter(woman=woman, contact_type="phone").count() == 2
    assert_accessible(page)


@pytest.mark.parametrize(
    "viewport", [{"width": 390, "height": 844}, {"width": 1280, "height": 900}]
)
def test_errors_are_summarised_at_the_top_and_their_section_opened(
    page, centre, key_worker, viewport
):
    page.set_viewport_size(viewport)
    woman = WomanFactory(centre=centre, key_worker=key_worker, stage=Stage.INTENSIVE)
    sign_in(page, key_worker.username)
    page.goto(f"{page.base_url}/casework/women/{woman.pk}/contacts/new/")
    page.get_by_role("group", name="Type").get_by_text("Text", exact=True).click()
    page.get_by_text("More details (optional)").click()
    page.get_by_label("Follow-up due").fill(
        (timezone.localdate() + datetime.timedelta(days=5)).isoformat()
    )
    with page.expect_navigation():
        page.get_by_role("button", name="Save contact").click()

    summary = page.locator("[data-error-summary]")
    assert summary.is_visible()
    assert page.evaluate("() => document.activeElement.hasAttribute('data-error-summary')")
    assert summary.get_by_role("link", name="Short note: This field is required.").is_visible()
    # The follow-up's error sits in the folded section: it is open, the message beside the field.
    assert page.locator("details").first.evaluate("d => d.open")
    assert page.get_by_text("Say what the follow-up is.", exact=True).is_visible()
    summary.get_by_role("link", name="Follow-up: Say what the follow-up is.").click()
    assert page.evaluate("() => document.activeElement.id") == "id_follow_up"
    # On a phone the sticky Save bar covers whatever sits behind it at this scroll position,
    # which axe counts against those targets' size; at the end of the form it covers nothing.
    page.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")
    assert_accessible(page)
    assert not Contact.objects.exists()
