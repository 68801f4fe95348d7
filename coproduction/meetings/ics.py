"""An iCalendar (RFC 5545) file for one meeting, for staff calendars.

The UID stays the same for the life of the meeting and SEQUENCE is its version, so a calendar
that imported it before replaces the old time when the file is downloaded again after a move,
and shows it as cancelled after a cancellation. Only the group, time, place and access notes
go in: never a woman's name.
"""

from datetime import UTC, datetime

from django.utils import timezone

from .models import Meeting

PRODUCT = "-//Women's Centre//Meetings//EN"
LINE_LIMIT = 75  # octets per line before folding


def _escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def _fold(line: str) -> str:
    """Long lines are folded at 75 octets (never inside a UTF-8 character)."""
    out, current = [], b""
    for char in line:
        encoded = char.encode()
        if len(current) + len(encoded) > LINE_LIMIT:
            out.append(current.decode())
            current = b" "
        current += encoded
    out.append(current.decode())
    return "\r\n".join(out)


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _description(meeting: Meeting) -> str:
    parts = []
    if meeting.accessibility_notes:
        parts.append(f"Access: {meeting.accessibility_notes}")
    if meeting.travel_notes:
        parts.append(f"Getting there: {meeting.travel_notes}")
    if meeting.provided():
        parts.append("Provided: " + ", ".join(meeting.provided()))
    return "\n".join(parts)


def meeting_ics(meeting: Meeting, *, domain: str, url: str) -> str:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODUCT}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:meeting-{meeting.pk}@{domain}",
        f"SEQUENCE:{meeting.version - 1}",
        f"DTSTAMP:{_stamp(timezone.now())}",
        f"DTSTART:{_stamp(meeting.starts_at)}",
        f"DTEND:{_stamp(meeting.ends_at)}",
        f"SUMMARY:{_escape(meeting.group.name)}",
        f"LOCATION:{_escape(meeting.place)}",
        f"DESCRIPTION:{_escape(_description(meeting))}",
        f"URL:{url}",
        f"STATUS:{'CANCELLED' if meeting.is_cancelled else 'CONFIRMED'}",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"
