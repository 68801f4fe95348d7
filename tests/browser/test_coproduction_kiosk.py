"""The tablet and "you said, we did", end to end in Chromium at a tablet size, axe-clean."""

import re

import pytest

from centre.pdf import pdf_text
from coproduction.kiosk import services
from coproduction.suggestions.models import Suggestion

from .conftest import assert_accessible, sign_in
from .test_everyday_layout import BROKEN_WORDS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

IDEA_TEXT = "A crèche on Thursdays so I can come to the art group"


@pytest.fixture
def quick_tablet(settings):
    settings.KIOSK_IDLE_SECONDS = 3
    settings.KIOSK_COUNTDOWN_SECONDS = 3
    settings.KIOSK_RESET_AFTER_SUBMIT_SECONDS = 3


def enrol(tablet_page, centre, manager):
    _tablet, code = services.tablet_create(centre=centre, name="Front room", by=manager)
    tablet_page.goto(f"{tablet_page.base_url}/kiosk/enrol/{code.replace('-', '')}/")
    assert_accessible(tablet_page)
    tablet_page.get_by_role("button", name="Set up this tablet").click()
    tablet_page.wait_for_url(re.compile(r"/kiosk/$"))


def post_idea(tablet_page, text):
    tablet_page.get_by_role("link", name="Tell us an idea").click()
    tablet_page.get_by_text("Food", exact=True).click()
    assert_accessible(tablet_page)
    tablet_page.get_by_role("button", name="Next").click()
    tablet_page.get_by_label("What would you like?").fill(text)
    assert_accessible(tablet_page)
    tablet_page.get_by_role("button", name="Next").click()
    tablet_page.get_by_role("button", name="Next").click()  # question 3 is optional
    assert tablet_page.get_by_label("No. Keep me anonymous").is_checked()
    assert tablet_page.get_by_text("No one will know it was you").is_visible()
    assert_accessible(tablet_page)
    tablet_page.get_by_role("button", name="Send my idea").click()
    code = tablet_page.locator("[data-receipt-code]").inner_text().strip()
    assert re.fullmatch(r"[A-Z0-9]{3}-\d{2}", code)
    return code


def assert_nothing_left(tablet_page):
    """Storage is empty and the form, opened again, shows nothing of hers."""
    storage = tablet_page.evaluate("() => [localStorage.length, sessionStorage.length]")
    assert storage == [0, 0]
    assert IDEA_TEXT not in tablet_page.content()


def test_woman_posts_staff_answer_she_reads_the_answer_and_the_poster_has_it(
    quick_tablet, tablet_page, page, centre, manager
):
    enrol(tablet_page, centre, manager)
    assert_accessible(tablet_page)
    # No link on the tablet leads to a staff page.
    hrefs = tablet_page.eval_on_selector_all(
        "a[href]", "els => els.map(e => e.getAttribute('href'))"
    )
    assert all(h.startswith("/kiosk/") for h in hrefs)

    code = post_idea(tablet_page, IDEA_TEXT)
    assert_accessible(tablet_page)
    suggestion = Suggestion.objects.get(receipt_code=code)
    assert suggestion.first_name == "" and suggestion.source == "tablet"

    # The tablet goes back to the start by itself, and nothing of hers is left.
    tablet_page.wait_for_url(re.compile(r"/kiosk/\?fresh=1$"), timeout=10000)
    assert_nothing_left(tablet_page)
    tablet_page.go_back()
    tablet_page.wait_for_load_state()
    assert_nothing_left(tablet_page)
    textarea = tablet_page.locator("textarea[name=text]")
    if textarea.count():
        assert textarea.input_value() == ""

    # Staff: the safeguarding check, triage "not possible" with a reason, the wording, approval.
    sign_in(page, manager.username)
    page.goto(f"{page.base_url}/coproduction/suggestions/{suggestion.receipt_code}/")
    assert_accessible(page)
    page.get_by_label("No concerns: it can go on to triage").check()
    page.get_by_role("button", name="Save the check").click()
    page.get_by_label("Theme").select_option("childcare")
    page.get_by_label("Owner").select_option(str(manager.pk))
    page.get_by_label("Status").select_option("not_possible")
    page.get_by_role("button", name="Save", exact=True).click()
    assert "women expect to be told why" in page.content()  # a reason is required
    assert_accessible(page)
    page.get_by_label("Reason").fill("No registered childminder for the room yet")
    page.get_by_role("button", name="Save", exact=True).click()
    assert "Saved." in page.content()
    page.get_by_label("You said…").fill("You asked for a crèche on Thursdays")
    page.get_by_label("We did… / We couldn't, because…").fill(
        "we have no registered childminder yet, so we pay nursery costs instead"
    )
    page.get_by_role("button", name="Save the wording").click()
    page.get_by_role("button", name="Approve this wording").click()
    assert "Approved." in page.content()
    assert_accessible(page)

    # She types her code on the tablet and sees the answer.
    tablet_page.get_by_role("link", name="What happened to my idea?").click()
    tablet_page.get_by_label("Type your code").fill(code.lower())
    tablet_page.get_by_role("button", name="Show me").click()
    answer = tablet_page.get_by_role("main").inner_text()
    assert "Sorry. We could not do this one." in answer
    assert "we pay nursery costs instead" in answer
    assert_accessible(tablet_page)

    # The board on the tablet shows it too.
    tablet_page.goto(f"{tablet_page.base_url}/kiosk/board/")
    assert "You asked for a crèche on Thursdays" in tablet_page.content()
    assert_accessible(tablet_page)

    # The poster, rebuilt from the page, contains it.
    page.goto(f"{page.base_url}/coproduction/poster/")
    assert_accessible(page)
    page.get_by_role("button", name="Rebuild the poster now").click()
    page.get_by_role("link", name="Download the poster (PDF)").wait_for(timeout=20000)
    assert_accessible(page)
    download = page.request.get(f"{page.base_url}/coproduction/poster/download/")
    text = " ".join(pdf_text(download.body()).split())
    assert "You asked for a crèche on Thursdays" in text
    assert "we pay nursery costs instead" in text


def test_are_you_still_there_then_everything_is_cleared(quick_tablet, tablet_page, centre, manager):
    enrol(tablet_page, centre, manager)
    tablet_page.get_by_role("link", name="Tell us an idea").click()
    tablet_page.get_by_text("Food", exact=True).click()
    tablet_page.get_by_role("button", name="Next").click()
    tablet_page.get_by_label("What would you like?").fill(IDEA_TEXT)

    # She carries on: the dialog goes and her words stay.
    dialog = tablet_page.get_by_role("dialog", name="Are you still there?")
    dialog.wait_for(timeout=10000)
    assert_accessible(tablet_page)
    tablet_page.get_by_role("button", name="Yes, I am still here").click()
    assert tablet_page.get_by_label("What would you like?").input_value() == IDEA_TEXT

    # She walks away: after the countdown the tablet clears and starts again.
    dialog.wait_for(timeout=10000)
    tablet_page.wait_for_url(re.compile(r"/kiosk/\?fresh=1$"), timeout=10000)
    assert_nothing_left(tablet_page)
    tablet_page.get_by_role("link", name="Tell us an idea").click()
    assert tablet_page.locator("textarea[name=text]").input_value() == ""
    tablet_page.go_back()
    tablet_page.go_back()
    tablet_page.wait_for_load_state()
    assert IDEA_TEXT not in tablet_page.content()
    assert not Suggestion.objects.exists()


def test_portrait_and_landscape_and_bad_input(tablet_page, centre, manager):
    enrol(tablet_page, centre, manager)
    for size in ({"width": 820, "height": 1180}, {"width": 1180, "height": 820}):
        tablet_page.set_viewport_size(size)
        tablet_page.goto(f"{tablet_page.base_url}/kiosk/")
        assert_accessible(tablet_page)
        small = tablet_page.eval_on_selector_all(
            "a, button:not([hidden])",
            "els => els.filter(e => e.offsetParent).map(e => e.getBoundingClientRect())"
            ".filter(r => r.height < 44 || r.width < 44).length",
        )
        assert small == 0
    # Bad input, with JavaScript's step checks bypassed: a kind message, her words kept.
    tablet_page.goto(f"{tablet_page.base_url}/kiosk/idea/")
    tablet_page.evaluate(
        """() => { document.querySelectorAll('[data-step]').forEach(s => s.hidden = false);
                   document.querySelector('textarea[name=text]').removeAttribute('maxlength'); }"""
    )
    long_text = "<script>alert(1)</script> 🍲 " + "x" * 1600
    tablet_page.get_by_text("Food", exact=True).click()
    tablet_page.get_by_label("What would you like?").fill(long_text)
    tablet_page.get_by_role("button", name="Send my idea").click()
    assert "That is a bit long for the box" in tablet_page.content()
    assert tablet_page.get_by_label("What would you like?").input_value() == long_text
    assert_accessible(tablet_page)


def test_the_choices_keep_their_words_whole_in_portrait_and_landscape(tablet_page, centre, manager):
    enrol(tablet_page, centre, manager)
    for size in ({"width": 768, "height": 1024}, {"width": 1024, "height": 768}):
        tablet_page.set_viewport_size(size)
        tablet_page.goto(f"{tablet_page.base_url}/kiosk/idea/")
        assert tablet_page.evaluate(BROKEN_WORDS) == [], size
        # A word too long for any card (a pasted link) wraps inside it: nothing scrolls sideways.
        tablet_page.locator(".kiosk-choice span").first.evaluate(
            "span => { span.textContent = 'x'.repeat(200); }"
        )
        assert tablet_page.evaluate(
            "() => document.documentElement.scrollWidth <= window.innerWidth"
        ), size


def _focused(page):
    return page.evaluate("() => document.activeElement.id || document.activeElement.className")


def test_after_a_mistake_focus_goes_to_what_went_wrong(tablet_page, centre, manager):
    enrol(tablet_page, centre, manager)
    # Question 1 sent back by the server (the tablet's own step checks bypassed).
    tablet_page.goto(f"{tablet_page.base_url}/kiosk/idea/")
    tablet_page.evaluate(
        "() => document.querySelectorAll('[data-step]').forEach(s => s.hidden = false)"
    )
    tablet_page.get_by_label("What would you like?").fill(IDEA_TEXT)
    with tablet_page.expect_navigation():
        tablet_page.get_by_role("button", name="Send my idea").click()
    assert _focused(tablet_page) == "about-error"
    assert tablet_page.locator("textarea[name=text]").input_value() == IDEA_TEXT  # still here
    assert_accessible(tablet_page)

    # Looking up a code: nothing typed, then a code that is not found.
    tablet_page.goto(f"{tablet_page.base_url}/kiosk/code/")
    with tablet_page.expect_navigation():
        tablet_page.get_by_role("button", name="Show me").click()
    assert _focused(tablet_page) == "id_code_error"
    tablet_page.get_by_label("Type your code").fill("ABC-00")
    with tablet_page.expect_navigation():
        tablet_page.get_by_role("button", name="Show me").click()
    assert _focused(tablet_page) == "kiosk-notice"
    assert_accessible(tablet_page)


def _idea_box(tablet_page, centre, manager):
    """An enrolled tablet at the idea's second question (Food chosen): the box to write in."""
    enrol(tablet_page, centre, manager)
    tablet_page.get_by_role("link", name="Tell us an idea").click()
    tablet_page.get_by_text("Food", exact=True).click()
    tablet_page.get_by_role("button", name="Next").click()
    return tablet_page.get_by_label("What would you like?")


def test_a_long_idea_is_counted_near_the_limit_and_never_cut_off(tablet_page, centre, manager):
    box = _idea_box(tablet_page, centre, manager)
    count = tablet_page.locator("#id_text_count")
    box.fill("x" * 1000)
    assert count.inner_text() == ""  # far from the limit, nothing to count
    box.fill("x" * 1420)
    assert count.inner_text() == "1,420 of 1,500 letters"
    # A screen reader hears it once she pauses, politely.
    tablet_page.wait_for_function(
        "() => document.querySelector('[aria-live=polite][data-count-said]').textContent"
        " === '1,420 of 1,500 letters'"
    )
    box.fill("x" * 1600)
    assert len(box.input_value()) == 1600  # nothing of hers is cut off
    assert count.inner_text().startswith("1,600 of 1,500 letters. That is a bit long.")
    assert_accessible(tablet_page)


def test_writing_from_right_to_left_shows_the_right_way_round(tablet_page, centre, manager):
    box = _idea_box(tablet_page, centre, manager)
    box.fill("نريد فاكهة أكثر من فضلك")
    assert box.evaluate("box => getComputedStyle(box).direction") == "rtl"
    box.fill(IDEA_TEXT)
    assert box.evaluate("box => getComputedStyle(box).direction") == "ltr"
