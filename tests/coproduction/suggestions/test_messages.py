"""The suggestion room's emails link to the suggestion by its receipt code, as the real ones
do, with the same words in the text and the HTML."""

from urllib.parse import urlparse

import pytest
from django.urls import resolve

from centre import messaging

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", ["suggestion_safeguarding", "suggestion_overdue"])
def test_an_example_links_to_its_suggestion_by_receipt_code(name):
    """The sender: coproduction/suggestions/services.py."""
    example = messaging.get_kind(name).example
    match = resolve(urlparse(example["link"]).path)
    assert match.view_name == "suggestions:detail" and match.kwargs == {"code": example["code"]}


@pytest.mark.parametrize(("waited", "said"), [(11, "11 working days"), (1, "1 working day for")])
def test_an_overdue_suggestion_says_how_long_it_waited(waited, said):
    kind = messaging.get_kind("suggestion_overdue")
    context = {**kind.example, "waited": waited}
    rendered = messaging.message_render(kind=kind, channel=messaging.EMAIL, context=context)
    assert f"has waited {said}" in rendered.body and f"has waited {said}" in rendered.html_body
    assert f"Open the suggestion: {kind.example['link']}" in rendered.body
