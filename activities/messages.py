"""The activities' message kinds: the wording is in templates/messaging/<kind>/
(centre/messaging.py). The purpose stays as it was, for reminders already queued."""

from datetime import date, time

from centre.messaging import SMS, MessageKind, register

REMINDER_PURPOSE = "activities.session_reminder"

# Discreet: her first name, the day and time only. No activity name (it can give away what
# the centre is), nothing about the centre.
SESSION_REMINDER = register(
    MessageKind(
        name="session_reminder",
        purpose=REMINDER_PURPOSE,
        channels=frozenset({SMS}),
        discreet=True,
        example={"first_name": "Jo", "day": date(2026, 12, 9), "start_time": time(10, 30)},
    )
)
