"""The monthly access review email counts in the right plural, and says so plainly when
there is nothing to look at."""

import pytest

from centre import messaging

pytestmark = pytest.mark.django_db

KIND = messaging.get_kind("access_review_monthly")
NOTHING = {"break_glass": 0, "heavy_reading": 0, "no_grounds": 0, "sign_in": 0, "account": 0}


def _email(**context):
    return messaging.message_render(
        kind=KIND, channel=messaging.EMAIL, context={**KIND.example, **context}
    )


def test_one_item_is_singular():
    rendered = _email(total=1, **{**NOTHING, "break_glass": 1})
    for part in (rendered.body, rendered.html_body):
        assert "is ready: 1 item to look at." in part and "Break the glass: 1." in part


def test_several_items_are_plural():
    rendered = _email()
    assert "is ready: 7 items to look at." in rendered.body


def test_a_month_with_nothing_says_there_is_nothing_to_look_at():
    rendered = _email(total=0, **NOTHING)
    said = "for November 2026 is ready, and there is nothing to look at."
    for part in (rendered.body, rendered.html_body):
        assert said in part and "0 items" not in part and "Break the glass: 0" not in part
    assert f"Open the access review: {KIND.example['link']}" in rendered.body
