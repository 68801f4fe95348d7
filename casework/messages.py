"""Casework's message kinds: the wording is in templates/messaging/<kind>/ (centre/messaging.py).

Purposes are the outbox's names for each kind; they stay as they were so that queued messages
and cancelling (by purpose and reference) carry on working."""

from datetime import UTC, datetime

from centre.messaging import EMAIL, SMS, MessageKind, register

REMINDER_PURPOSE = "casework_appointment_reminder"
COURT_PURPOSE = "casework_court_reminder"
DIGEST_PURPOSE = "casework_daily_digest"
BREAK_GLASS_PURPOSE = "casework_break_glass"
RECORD_ACCESS_PURPOSE = "record_access_changed"
_EXAMPLE_TIME = datetime(2026, 12, 8, 14, 30, tzinfo=UTC)
# The links as the senders build them (casework/jobs.py, casework/services/).
_EXAMPLE_JUSTICE_LINK = "https://casework.example.org/casework/women/42/justice/"
_EXAMPLE_VIEWERS_LINK = "https://casework.example.org/casework/women/42/who-looked/"


def _staff_email(name: str, purpose: str, example: dict) -> MessageKind:
    """A message kind emailed to a member of staff (never to a woman)."""
    return register(MessageKind(name=name, purpose=purpose, example=example))


APPOINTMENT_REMINDER = register(
    MessageKind(
        name="appointment_reminder",
        purpose=REMINDER_PURPOSE,
        channels=frozenset({EMAIL, SMS}),
        discreet=True,
        example={"first_name": "Jo", "starts_at": _EXAMPLE_TIME, "worker_first_name": "Kate"},
    )
)
COURT_REMINDER = _staff_email(
    "court_reminder",
    COURT_PURPOSE,
    {
        "woman_name": "Jo S",
        "starts_at": _EXAMPLE_TIME,
        "court": "Glasgow Sheriff Court",
        "link": _EXAMPLE_JUSTICE_LINK,
    },
)
CASELOAD_DIGEST = _staff_email(
    "caseload_digest",
    DIGEST_PURPOSE,
    {
        "name": "Kate",
        "centre_name": "Tomorrow's Women",
        "open_cases": 14,
        "appointments_today": 3,
        "overdue_actions": 2,
        "reviews_due": 1,
        "not_heard": 4,
        "days": 14,
        "handovers": 1,
        "link": "https://casework.example.org/casework/",
    },
)
BREAK_GLASS = _staff_email(
    "break_glass",
    BREAK_GLASS_PURPOSE,
    {
        "worker": "Kate Kilbride",
        "until": "17:30",
        "reason": "She came in upset and her key worker is off today.",
        "link": _EXAMPLE_VIEWERS_LINK,
    },
)
RECORD_ACCESS_CHANGED = _staff_email(
    "record_access_changed",
    RECORD_ACCESS_PURPOSE,
    {
        "worker": "Kate Kilbride",
        "change": "involved",
        "by": "Morag Campbell",
        "link": _EXAMPLE_VIEWERS_LINK,
    },
)
