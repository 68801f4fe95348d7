"""One way to send: message kinds, their templates, and the outbox.

Each message kind is registered once (`register`), by the app that sends it, and names its
templates under `messaging/<kind>/` (in `templates/` or an app's `templates/`):

- email: `subject.txt`, `body.txt` and `body.html` (the HTML extends `messaging/base_email.html`);
- text message to staff: `sms.txt`;
- text message to a woman: `sms_discreet.txt`: no mention of justice, offending or the
  centre's purpose, her first name only.

The words are written once, in `_wording.txt`, and included by each part, so that the text and
the HTML say the same thing: `part` picks a paragraph (`with part="after"`), `bullet` starts a
line of a list ("- " in text, "<li>" in HTML), and a link's label is the same `translate` string
in both parts ("Open her record: <link>" in text, the link's words in HTML).

A kind for women (`discreet=True`) has every rendered text checked by `assert_discreet`
before anything is queued. `message_queue` renders and writes one outbox row; the outbox sends
it exactly once (centre/services.py), and queueing the same message twice gives one row.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from celery import shared_task
from django.conf import settings
from django.template import Context, Engine
from django.template.loader import render_to_string
from django.utils.html import strip_tags

from .models import Centre, OutboxMessage
from .outbox import assert_discreet, outbox_message_queue

EMAIL = OutboxMessage.Channel.EMAIL
SMS = OutboxMessage.Channel.SMS
EMAIL_TEMPLATES = ("subject.txt", "body.txt", "body.html")


@dataclass(frozen=True)
class MessageKind:
    """A kind of message: its outbox purpose, its channels and an example context."""

    name: str
    purpose: str
    channels: frozenset[str] = frozenset({EMAIL})
    discreet: bool = False
    example: Mapping[str, Any] = field(default_factory=dict)

    @property
    def sms_template(self) -> str:
        return "sms_discreet.txt" if self.discreet else "sms.txt"

    def template_names(self) -> list[str]:
        """Every template this kind needs, as paths for the template loader."""
        names = list(EMAIL_TEMPLATES) if EMAIL in self.channels else []
        if SMS in self.channels:
            names.append(self.sms_template)
        return [self.path(name) for name in names]

    def path(self, name: str) -> str:
        return f"messaging/{self.name}/{name}"


@dataclass(frozen=True)
class RenderedMessage:
    subject: str
    body: str
    html_body: str


_KINDS: dict[str, MessageKind] = {}


def reminders_task(name: str) -> Any:
    """The decorator for a beat task that queues what falls due now (reminders) into the outbox:
    retried on a broker hiccup, and bounded in time. Such a task is safe to run twice, or twice at
    once, because queueing the same message again gives the same one outbox row."""
    return shared_task(
        name=name,
        autoretry_for=(ConnectionError,),
        retry_backoff=True,
        max_retries=3,
        soft_time_limit=120,
        time_limit=180,
    )


def register(kind: MessageKind) -> MessageKind:
    """Add a kind to the registry (once, at import). A different kind with the same name is
    a programming mistake and fails at start-up."""
    existing = _KINDS.get(kind.name)
    if existing is not None and existing != kind:
        raise ValueError(f"Message kind {kind.name!r} is registered twice")
    _KINDS[kind.name] = kind
    return kind


def kinds() -> list[MessageKind]:
    """Every registered kind, by name."""
    return [_KINDS[name] for name in sorted(_KINDS)]


def get_kind(name: str) -> MessageKind:
    """The registered kind called `name` (KeyError if there is none)."""
    return _KINDS[name]


def absolute_url(path: str) -> str:
    """A link that works from an email: the site's address in front of a path."""
    return f"{settings.SITE_URL.rstrip('/')}{path}"


def _render_text(name: str, context: Mapping[str, Any]) -> str:
    # Plain text is never HTML-escaped (a name with an apostrophe stays readable); HTML
    # goes through the normal, escaping renderer.
    template = Engine.get_default().get_template(name)
    return template.render(Context(dict(context), autoescape=False)).strip()


def message_render(
    *, kind: MessageKind, channel: str, context: Mapping[str, Any]
) -> RenderedMessage:
    """Render one kind for one channel. A kind for women is checked to be discreet."""
    if channel not in kind.channels:
        raise ValueError(f"Message kind {kind.name!r} is not sent by {channel}")
    if channel == SMS:
        rendered = RenderedMessage("", _render_text(kind.path(kind.sms_template), context), "")
    else:
        subject = " ".join(_render_text(kind.path("subject.txt"), context).split())
        rendered = RenderedMessage(
            subject=subject[:200],
            body=_render_text(kind.path("body.txt"), context) + "\n",
            html_body=render_to_string(kind.path("body.html"), {**context, "subject": subject}),
        )
    if kind.discreet:
        assert_discreet(f"{rendered.subject}\n{rendered.body}\n{strip_tags(rendered.html_body)}")
    return rendered


def message_queue(
    *,
    kind: str,
    channel: str,
    recipient: str,
    context: Mapping[str, Any],
    reference: str,
    centre: Centre | None = None,
    send_at: datetime | None = None,
) -> tuple[OutboxMessage, bool]:
    """Render the kind's templates and queue one outbox row. Safe to call twice: the same kind,
    reference, recipient and time give the same row. Returns (message, created). A discreet
    kind whose wording gives anything away raises ValidationError and queues nothing."""
    message_kind = get_kind(kind)
    rendered = message_render(kind=message_kind, channel=channel, context=context)
    return outbox_message_queue(
        purpose=message_kind.purpose,
        channel=channel,
        recipient=recipient,
        centre=centre,
        reference=reference,
        subject=rendered.subject,
        body=rendered.body,
        html_body=rendered.html_body,
        scheduled_for=send_at,
        discreet=message_kind.discreet,
    )


# The platform's own kinds ----------------------------------------------------------------------

register(
    MessageKind(
        name="password_reset",
        purpose="password_reset",
        example={
            "site_url": "https://casework.example.org",
            "uid": "MQ",
            "token": "abc-123",
            "user": {"first_name": "Kate", "username": "kate"},
        },
    )
)
register(
    MessageKind(
        name="team_invitation",
        purpose="team_invitation",
        example={
            "inviter": "Morag Campbell",
            "centre_name": "Tomorrow's Women",
            "role": "Key worker",
            "expires_at": datetime(2026, 12, 11, 17, 0, tzinfo=UTC),
            "link": "https://casework.example.org/accounts/invitation/abc-123/",
        },
    )
)
register(
    MessageKind(
        name="second_factor_reset",
        purpose="second_factor_reset",
        example={"name": "Kate", "site_url": "https://casework.example.org"},
    )
)
register(
    MessageKind(
        name="sessions_ended",
        purpose="sessions_ended",
        example={
            "name": "Kate",
            "reason": "Your role at Tomorrow's Women changed.",
            "site_url": "https://casework.example.org",
        },
    )
)
