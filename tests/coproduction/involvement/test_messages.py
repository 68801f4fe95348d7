"""A shift reminder by text says nothing of her page (a helper reached by text may have no
account); by email it points to her page, where she can ask for a swap."""

from urllib.parse import urlparse

import pytest
from django.urls import resolve

from centre import messaging

pytestmark = pytest.mark.django_db

KIND = messaging.get_kind("involvement_shift_reminder")
GSM = set(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    "ÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)


def test_a_text_reminder_does_not_mention_a_page():
    context = {**KIND.example, "first_name": "Alexandra-Louise"}
    text = messaging.message_render(kind=KIND, channel=messaging.SMS, context=context).body
    assert text == (
        "Hi Alexandra-Louise, a reminder that you are helping on Monday 7 December at 9:30am. "
        "Let us know if you can't make it."
    )
    assert "page" not in text and "http" not in text
    assert len(text) <= 160 and set(text) <= GSM


def test_an_email_reminder_points_to_her_page():
    rendered = messaging.message_render(kind=KIND, channel=messaging.EMAIL, context=KIND.example)
    assert "you can ask for a swap on your page." in rendered.body
    assert f"Your page: {KIND.example['link']}" in rendered.body
    assert resolve(urlparse(KIND.example["link"]).path).view_name == "involvement:mine"
