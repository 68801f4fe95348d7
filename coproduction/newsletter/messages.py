"""The newsletter's message kinds: the wording is in templates/messaging/<kind>/
(centre/messaging.py). Both go to staff and partners by email. The call names no woman. The
issue lists each piece with its credit as the printed issue shows it (`credit_line`): the credit
she chose, so a woman who chose her full or first name is named, and "Anonymous" otherwise."""

from datetime import date

from centre.messaging import MessageKind, register

CALL_PURPOSE = "newsletter_call"
ISSUE_PURPOSE = "newsletter_issue"
_EXAMPLE_LINK = "https://casework.example.org/newsletter/issues/7/read/"

CALL = register(
    MessageKind(
        name="newsletter_call",
        purpose=CALL_PURPOSE,
        example={
            "name": "Kate",
            "issue": "Spring newsletter",
            "deadline": date(2026, 12, 18),
            "call_text": "Send us your stories, poems and recipes.",
            "women": 3,
            "link": "https://casework.example.org/",
        },
    )
)
ISSUE = register(
    MessageKind(
        name="newsletter_issue",
        purpose=ISSUE_PURPOSE,
        example={
            "name": "Morag",
            "issue": "Spring newsletter",
            "number": 12,
            "pieces": [
                {"title": "My garden", "kind": "Poem", "credit": "Jo"},
                {"title": "My first month", "kind": "Story", "credit": "Bex Johnson"},
                {"title": "Lentil soup", "kind": "Recipe", "credit": "Anonymous"},
            ],
            "link": _EXAMPLE_LINK,
        },
    )
)
