"""Getting involved's message kinds: the wording is in templates/messaging/<kind>/
(centre/messaging.py). A volunteer's shift reminder is discreet (many volunteers are women who
used the centre): her first name, the day and the time, never what the place is."""

from datetime import UTC, datetime

from centre.messaging import EMAIL, SMS, MessageKind, register

SHIFT_REMINDER_PURPOSE = "involvement_shift_reminder"
WORRY_PURPOSE = "involvement_worry_handed_over"
_EXAMPLE_TIME = datetime(2026, 12, 7, 9, 30, tzinfo=UTC)

SHIFT_REMINDER = register(
    MessageKind(
        name="involvement_shift_reminder",
        purpose=SHIFT_REMINDER_PURPOSE,
        # By email to her volunteer account; else a text, if she opted in and it is safe. The
        # text never mentions her page: she may have no account to have one.
        channels=frozenset({EMAIL, SMS}),
        discreet=True,
        example={
            "first_name": "Jo",
            "starts_at": _EXAMPLE_TIME,
            "link": "https://casework.example.org/involvement/mine/",
        },
    )
)
WORRY_HANDED_OVER = register(
    MessageKind(
        name="involvement_worry_handed_over",
        purpose=WORRY_PURPOSE,
        example={
            "name": "Kate",
            "helper": "Jo",
            "link": "https://casework.example.org/involvement/worries/",
        },
    )
)
