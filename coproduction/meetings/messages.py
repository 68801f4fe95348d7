"""Meetings' message kinds: the wording is in templates/messaging/<kind>/ (centre/messaging.py).
A woman's reminder is discreet: her first name and the time, never the group, the place or
what the centre is. An action's reminder says "was due" when it goes after the day it was due
(reminders look back a few days): against `today` in its context, else the day it is rendered."""

from datetime import UTC, date, datetime

from centre.messaging import EMAIL, SMS, MessageKind, register

MEETING_REMINDER_PURPOSE = "meetings_meeting_reminder"
WOMAN_REMINDER_PURPOSE = "meetings_meeting_reminder_woman"
MINUTES_REMINDER_PURPOSE = "meetings_minutes_reminder"
ACTION_DUE_PURPOSE = "meetings_action_due"
_EXAMPLE_TIME = datetime(2026, 12, 7, 11, 0, tzinfo=UTC)
_EXAMPLE_LINK = "https://casework.example.org/coproduction/meetings/7/"

MEETING_REMINDER = register(
    MessageKind(
        name="meeting_reminder",
        purpose=MEETING_REMINDER_PURPOSE,
        example={
            "name": "Kate",
            "group": "Service-user meeting",
            "starts_at": _EXAMPLE_TIME,
            "place": "Community room",
            "link": _EXAMPLE_LINK,
        },
    )
)
WOMAN_REMINDER = register(
    MessageKind(
        name="meeting_reminder_woman",
        purpose=WOMAN_REMINDER_PURPOSE,
        channels=frozenset({EMAIL, SMS}),
        discreet=True,
        example={"first_name": "Jo", "starts_at": _EXAMPLE_TIME},
    )
)
MINUTES_REMINDER = register(
    MessageKind(
        name="minutes_reminder",
        purpose=MINUTES_REMINDER_PURPOSE,
        example={
            "name": "Morag",
            "group": "Service-user meeting",
            "starts_at": _EXAMPLE_TIME,
            "days": 3,
            "link": _EXAMPLE_LINK,
        },
    )
)
ACTION_DUE = register(
    MessageKind(
        name="meeting_action_due",
        purpose=ACTION_DUE_PURPOSE,
        example={
            "name": "Kate",
            "group": "Steering group",
            "action": "Ask the bus company about a stop outside",
            "due_on": date(2026, 12, 7),
            "today": date(2026, 12, 7),
            "link": "https://casework.example.org/coproduction/meetings/actions/7/close/",
        },
    )
)
