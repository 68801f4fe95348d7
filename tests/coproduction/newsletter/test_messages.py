"""The newsletter's emails name the issue once, by its title, and credit each piece as the
printed issue does (the credit she chose)."""

from urllib.parse import urlparse

import pytest
from django.urls import resolve

from centre import messaging

pytestmark = pytest.mark.django_db


def _email(name, **context):
    kind = messaging.get_kind(name)
    return messaging.message_render(
        kind=kind, channel=messaging.EMAIL, context={**kind.example, **context}
    )


def test_the_call_names_its_issue_once_and_keeps_one_blank_line_before_the_call():
    rendered = _email("newsletter_call", issue="March 2026 newsletter", women=1)
    assert rendered.subject == "Call for contributions: March 2026 newsletter"
    said = "Hello Kate, March 2026 newsletter wants contributions until Friday 18 December."
    assert rendered.body.startswith(said) and said in rendered.html_body
    assert "(March 2026 newsletter)" not in rendered.body
    assert "hear about the newsletter.\n\nSend us your stories" in rendered.body


def test_the_issue_names_its_title_and_number_and_credits_each_piece():
    rendered = _email("newsletter_issue", issue="March 2026 newsletter", number=1)
    assert rendered.subject == "Out now: March 2026 newsletter"
    said = "Hello Morag, March 2026 newsletter (issue 1) is out. In this issue:"
    assert rendered.body.startswith(said) and said in rendered.html_body
    assert "issue 1 of the newsletter" not in rendered.body
    for line in (
        "My garden (Poem, by Jo)",
        "My first month (Story, by Bex Johnson)",
        "Lentil soup (Recipe, by Anonymous)",
    ):
        assert f"- {line}\n" in rendered.body and f"<li>{line}\n" in rendered.html_body


@pytest.mark.parametrize(
    ("name", "view"), [("newsletter_issue", "newsletter:issue_read"), ("newsletter_call", "home")]
)
def test_an_example_links_where_the_real_message_links(name, view):
    """The sender: coproduction/newsletter/services.py."""
    link = messaging.get_kind(name).example["link"]
    assert resolve(urlparse(link).path).view_name == view
