"""The outbox: every message to a person is a row, queued once and sent exactly once.

A message is unique on (purpose, reference, recipient, scheduled time), so queueing twice gives
one row. Sending claims the row with a conditional UPDATE, so two workers never both send it;
transient failures are retried with growing waits up to OUTBOX_MAX_ATTEMPTS, then marked failed;
a claim left by a worker that died is released after STALE_CLAIM. The broker only carries the
nudge to send now: if it is down, the periodic task sends what is due once it is back.
"""

import logging
import re
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from kombu.exceptions import OperationalError as KombuOperationalError
from redis.exceptions import RedisError

from .models import Centre, OutboxMessage
from .notifications.backends import (
    PermanentSendError,
    TransientSendError,
    get_sms_backend,
    send_email,
)

logger = logging.getLogger(__name__)

# A text or email to a woman must not give away what the centre is, should someone else see it.
_GIVES_AWAY = re.compile(
    r"\b(justice|offend\w*|offence\w*|court|probation|prison\w*|police|criminal|conviction\w*|"
    r"sentence\w*|breach\w*|custody|social work\w*|addiction\w*|centre)\b",
    re.IGNORECASE,
)
STALE_CLAIM = timedelta(minutes=10)
BROKER_ERRORS = (KombuOperationalError, RedisError, OSError)


def assert_discreet(text: str) -> None:
    """Refuse wording that would tell an onlooker what the message is about."""
    found = _GIVES_AWAY.search(text)
    if found:
        raise ValidationError(
            _("A message to a woman must be discreet: remove the word “%(word)s”.")
            % {"word": found.group(0)}
        )


def outbox_message_queue(
    *,
    purpose: str,
    channel: str,
    recipient: str,
    body: str,
    centre: Centre | None = None,
    reference: str = "",
    subject: str = "",
    html_body: str = "",
    scheduled_for: datetime | None = None,
    discreet: bool = False,
) -> tuple[OutboxMessage, bool]:
    """Queue one message. Safe to call twice: the same purpose, reference, recipient and time
    give the same row. Returns (message, created). Sending starts after the transaction commits."""
    if discreet:
        assert_discreet(f"{subject}\n{body}")
    scheduled_for = scheduled_for or timezone.now().replace(microsecond=0)
    key = {
        "purpose": purpose,
        "reference": reference,
        "recipient": recipient,
        "scheduled_for": scheduled_for,
    }
    defaults = {
        "centre": centre,
        "channel": channel,
        "subject": subject,
        "body": body,
        "html_body": html_body,
        "next_attempt_at": scheduled_for,
    }
    try:
        with transaction.atomic():
            message, created = OutboxMessage.objects.get_or_create(**key, defaults=defaults)
    except IntegrityError:
        # Two requests queued the same message at once; the other one won.
        message, created = OutboxMessage.objects.get(**key), False
    if created and scheduled_for <= timezone.now():
        transaction.on_commit(lambda: outbox_send_enqueue(message_id=message.pk))
    return message, created


def outbox_send_enqueue(*, message_id: int) -> None:
    """Ask a worker to send now. If the broker is down the periodic task sends it later."""
    # Inner import to break a real cycle: centre.tasks imports this module (outbox) at its top.
    from .tasks import outbox_message_send_task

    try:
        outbox_message_send_task.apply_async(args=[message_id], retry=False)
    except BROKER_ERRORS:
        # The outbox row is the source of truth: the periodic task sends it once Redis is back.
        logger.warning("Broker unavailable; message %s goes with the next outbox run", message_id)


def _claim(message_id: int, now: datetime) -> int:
    return OutboxMessage.objects.filter(
        pk=message_id, status=OutboxMessage.Status.QUEUED, next_attempt_at__lte=now
    ).update(status=OutboxMessage.Status.SENDING, claimed_at=now)


def _deliver(message: OutboxMessage) -> str | None:
    reference = f"outbox-{message.pk}"
    if message.channel == OutboxMessage.Channel.SMS:
        return get_sms_backend().send(to=message.recipient, body=message.body, reference=reference)
    return send_email(
        to=message.recipient,
        subject=message.subject,
        body=message.body,
        html_body=message.html_body,
        reference=reference,
    )


def _backoff(attempts: int) -> timedelta:
    return timedelta(seconds=min(60 * 2 ** (attempts - 1), 6 * 60 * 60))


def outbox_message_send(*, message_id: int) -> bool:
    """Send one queued message. Safe to call twice or from two workers: only the one that claims
    the row sends it. Returns True when this call sent it."""
    now = timezone.now()
    if _claim(message_id, now) != 1:
        return False
    message = OutboxMessage.objects.get(pk=message_id)
    attempts = message.attempts + 1
    try:
        provider_id = _deliver(message)
    except TransientSendError as error:
        failed = attempts >= settings.OUTBOX_MAX_ATTEMPTS
        OutboxMessage.objects.filter(pk=message_id).update(
            status=OutboxMessage.Status.FAILED if failed else OutboxMessage.Status.QUEUED,
            attempts=attempts,
            next_attempt_at=now + _backoff(attempts),
            last_error=str(error)[:500],
            claimed_at=None,
        )
        return False
    except PermanentSendError as error:
        OutboxMessage.objects.filter(pk=message_id).update(
            status=OutboxMessage.Status.FAILED,
            attempts=attempts,
            last_error=str(error)[:500],
            claimed_at=None,
        )
        return False
    OutboxMessage.objects.filter(pk=message_id).update(
        status=OutboxMessage.Status.SENT,
        attempts=attempts,
        sent_at=timezone.now(),
        provider_id=provider_id or "",
    )
    return True


def outbox_send_due(*, limit: int = 500) -> int:
    """Send what is due, oldest first. Claims left by a worker that died are released first.
    Returns how many this call sent."""
    now = timezone.now()
    OutboxMessage.objects.filter(
        status=OutboxMessage.Status.SENDING, claimed_at__lt=now - STALE_CLAIM
    ).update(status=OutboxMessage.Status.QUEUED, claimed_at=None)
    due = OutboxMessage.objects.filter(status=OutboxMessage.Status.QUEUED, next_attempt_at__lte=now)
    ids = list(due.order_by("next_attempt_at", "id").values_list("pk", flat=True)[:limit])
    return sum(1 for message_id in ids if outbox_message_send(message_id=message_id))


def outbox_message_cancel(*, purpose: str, reference: str) -> int:
    """Cancel queued messages about something that no longer needs them. Safe to call twice."""
    return OutboxMessage.objects.filter(
        purpose=purpose, reference=reference, status=OutboxMessage.Status.QUEUED
    ).update(status=OutboxMessage.Status.CANCELLED)


def outbox_failed_retry(*, message_ids: list[int]) -> int:
    """Queue failed messages again, from their first try, once the cause is fixed (an address
    corrected, the provider's key renewed). Only failed ones: a sent message is never resent.
    Returns how many were queued; the next outbox run sends them."""
    return OutboxMessage.objects.filter(
        pk__in=message_ids, status=OutboxMessage.Status.FAILED
    ).update(
        status=OutboxMessage.Status.QUEUED,
        attempts=0,
        next_attempt_at=timezone.now(),
        claimed_at=None,
    )
