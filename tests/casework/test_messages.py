"""Casework's messages say what they mean: plurals that agree, no line for nothing, a time and a
place kept apart, a subject for each change to who sees a record, and examples whose links are
the links the senders build."""

from urllib.parse import urlparse

import pytest
from django.template.loader import get_template
from django.urls import resolve

from centre import messaging

pytestmark = pytest.mark.django_db

NOTHING = {
    "open_cases": 0,
    "appointments_today": 0,
    "overdue_actions": 0,
    "reviews_due": 0,
    "not_heard": 0,
    "handovers": 0,
}


def _email(name, **context):
    kind = messaging.get_kind(name)
    return messaging.message_render(
        kind=kind, channel=messaging.EMAIL, context={**kind.example, **context}
    )


def _lines(html):
    return [line.split("<", 1)[0] for line in html.split("<li>")[1:]]


def test_a_digest_of_ones_is_singular_in_text_and_html():
    rendered = _email("caseload_digest", **dict.fromkeys(NOTHING, 1), days=14)
    expected = [
        "1 open case",
        "1 appointment today",
        "1 overdue action",
        "1 review due",
        "1 woman not heard from in 14 days",
        "1 handover note to read",
    ]
    assert [line[2:] for line in rendered.body.splitlines() if line.startswith("- ")] == expected
    assert [line.strip() for line in _lines(rendered.html_body)] == expected


def test_a_digest_leaves_out_what_is_zero():
    rendered = _email("caseload_digest", **{**NOTHING, "open_cases": 3, "handovers": 2})
    assert "- 3 open cases\n- 2 handover notes to read\n" in rendered.body
    assert [line.strip() for line in _lines(rendered.html_body)] == [
        "3 open cases",
        "2 handover notes to read",
    ]
    assert "0 " not in rendered.body and "appointment" not in rendered.body


def test_a_digest_with_nothing_in_it_still_says_so():
    rendered = _email("caseload_digest", **NOTHING)
    said = "No open cases, nothing due today and no handover notes to read."
    assert f"- {said}" in rendered.body and f"<li>{said}" in rendered.html_body


def test_a_court_date_gives_the_time_then_the_court():
    rendered = _email("court_reminder")
    said = "Jo S has a court date on Tuesday 8 December at 14:30, at Glasgow Sheriff Court."
    assert said in rendered.body and said in rendered.html_body
    link = messaging.get_kind("court_reminder").example["link"]
    assert f"Open her record: {link}" in rendered.body
    assert f'<a href="{link}">Open her record</a>' in rendered.html_body


def test_break_the_glass_says_who_did_what_in_its_subject():
    assert _email("break_glass").subject == "Someone used break the glass to open a record"


@pytest.mark.parametrize(
    ("change", "subject", "said"),
    [
        (
            "key_worker",
            "A worker is now a woman's key worker",
            "Kate Kilbride now sees and changes her whole record.",
        ),
        (
            "involved",
            "A worker now sees a record",
            "(a partner worker sees only the parts her sharing agreement covers)",
        ),
        (
            "agreed",
            "An agency now sees parts of a record",
            "Its workers on her team now see those parts until the agreement ends.",
        ),
        (
            "refused",
            "An agency now sees only a woman's front-desk card",
            "Its workers now see her front-desk card only.",
        ),
        ("ended", "A worker no longer sees a record", "Kate Kilbride no longer sees her record."),
    ],
)
def test_each_change_to_who_sees_a_record_has_its_own_subject(change, subject, said):
    rendered = _email("record_access_changed", change=change)
    assert rendered.subject == subject
    assert said in rendered.body and said.replace("'", "&#x27;") in rendered.html_body


@pytest.mark.parametrize(
    ("worker_first_name", "said"),
    [
        ("Kate", "Hi Jo, just a reminder about Tuesday 8 December at 2:30pm with Kate. If you"),
        ("", "Hi Jo, just a reminder about Tuesday 8 December at 2:30pm with us. If you"),
    ],
)
def test_an_appointment_reminder_is_one_sentence_with_her_worker_or_with_us(
    worker_first_name, said
):
    kind = messaging.get_kind("appointment_reminder")
    context = {**kind.example, "worker_first_name": worker_first_name}
    text = messaging.message_render(kind=kind, channel=messaging.SMS, context=context).body
    assert text.startswith(said) and text.count("Hi Jo") == 1
    # The sentence is written once; only "with Kate" or "with us" changes.
    source = get_template(kind.path("_wording.txt")).template.source
    assert source.count("If you need to change it, let us know.") == 1


@pytest.mark.parametrize(
    ("name", "view"),
    [
        ("court_reminder", "casework:justice"),
        ("break_glass", "casework:woman_viewers"),
        ("record_access_changed", "casework:woman_viewers"),
        ("caseload_digest", "casework:caseload"),
    ],
)
def test_an_example_links_where_the_real_message_links(name, view):
    """The senders: casework/jobs.py (court date, digest), casework/services/ (the others)."""
    link = messaging.get_kind(name).example["link"]
    assert resolve(urlparse(link).path).view_name == view


def test_no_text_to_a_woman_asks_her_to_reply():
    """Texts come from a name (SMS_SENDER), which cannot take a reply: none asks for one."""
    for kind in messaging.kinds():
        if kind.discreet and messaging.SMS in kind.channels:
            text = messaging.message_render(kind=kind, channel=messaging.SMS, context=kind.example)
            assert "reply" not in text.body.lower(), kind.name
