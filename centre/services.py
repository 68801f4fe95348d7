"""Writes for the platform: memberships, the outbox and sending."""

import logging
import re
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from kombu.exceptions import OperationalError as KombuOperationalError
from redis.exceptions import RedisError

from .models import Membership, OutboxMessage
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


def membership_choose(*, request, centre_id):
    """Switch the person's current centre. Only to a centre she belongs to."""
    from .middleware import SESSION_CENTRE_KEY

    if not any(m.centre_id == centre_id for m in request.memberships):
        raise ValidationError(_("You are not a member of that centre."))
    request.session[SESSION_CENTRE_KEY] = centre_id


def assert_discreet(text):
    """Refuse wording that would tell an onlooker what the message is about."""
    found = _GIVES_AWAY.search(text)
    if found:
        raise ValidationError(
            _("A message to a woman must be discreet: remove the word “%(word)s”.")
            % {"word": found.group(0)}
        )


def outbox_message_queue(
    *,
    purpose,
    channel,
    recipient,
    body,
    centre=None,
    reference="",
    subject="",
    html_body="",
    scheduled_for=None,
    discreet=False,
):
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


def outbox_send_enqueue(*, message_id):
    """Ask a worker to send now. If the broker is down the periodic task sends it later."""
    from .tasks import outbox_message_send_task

    try:
        outbox_message_send_task.apply_async(args=[message_id], retry=False)
    except BROKER_ERRORS:
        # The outbox row is the source of truth: the periodic task sends it once Redis is back.
        logger.warning("Broker unavailable; message %s goes with the next outbox run", message_id)


def _claim(message_id, now):
    return OutboxMessage.objects.filter(
        pk=message_id, status=OutboxMessage.Status.QUEUED, next_attempt_at__lte=now
    ).update(status=OutboxMessage.Status.SENDING, claimed_at=now)


def _deliver(message):
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


def _backoff(attempts):
    return timedelta(seconds=min(60 * 2 ** (attempts - 1), 6 * 60 * 60))


def outbox_message_send(*, message_id):
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


def outbox_send_due(*, limit=500):
    """Send what is due, oldest first. Claims left by a worker that died are released first.
    Returns how many this call sent."""
    now = timezone.now()
    OutboxMessage.objects.filter(
        status=OutboxMessage.Status.SENDING, claimed_at__lt=now - STALE_CLAIM
    ).update(status=OutboxMessage.Status.QUEUED, claimed_at=None)
    due = OutboxMessage.objects.filter(status=OutboxMessage.Status.QUEUED, next_attempt_at__lte=now)
    ids = list(due.order_by("next_attempt_at", "id").values_list("pk", flat=True)[:limit])
    return sum(1 for message_id in ids if outbox_message_send(message_id=message_id))


def outbox_message_cancel(*, purpose, reference):
    """Cancel queued messages about something that no longer needs them. Safe to call twice."""
    return OutboxMessage.objects.filter(
        purpose=purpose, reference=reference, status=OutboxMessage.Status.QUEUED
    ).update(status=OutboxMessage.Status.CANCELLED)


def totp_device_for_setup(*, user):
    """The unconfirmed authenticator being set up for this person; made once, reused on reload."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(
        user=user, name=_("Authenticator app"), confirmed=False
    )


def totp_device_confirm(*, device):
    """Confirm the authenticator once its first code has been checked."""
    device.confirmed = True
    device.save(update_fields=["confirmed"])


def _end_sessions_of(user):
    """Sign a person out everywhere (ASVS 7.4.2): their access changed, so old sessions go."""
    from django.contrib.sessions.models import Session

    ended = 0
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if str(session.get_decoded().get("_auth_user_id")) == str(user.pk):
            session.delete()
            ended += 1
    return ended


@transaction.atomic
def membership_add(*, centre, added_by, username, first_name, last_name, email, role, agency=""):
    """Add a person to a centre. A new person gets an email with a link to choose a password.
    An existing person (same username) just gains a membership. Safe to call twice."""
    from django.contrib.auth.tokens import default_token_generator
    from django.urls import reverse
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    from .audit import audit_log
    from .models import User

    user, created = User.objects.get_or_create(
        username=username,
        defaults={"first_name": first_name, "last_name": last_name, "email": email},
    )
    if created:
        user.set_unusable_password()
        user.full_clean()
        user.save()
    membership = Membership.objects.filter(user=user, centre=centre).first()
    if membership is None:
        membership = Membership(user=user, centre=centre, role=role, agency=agency)
    membership.role, membership.agency, membership.is_active = role, agency, True
    membership.full_clean()
    membership.save()
    audit_log(actor=added_by, action="team.add", centre=centre, obj=user, reason=role)
    if created and email:
        link = reverse(
            "password_reset_confirm",
            kwargs={
                "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                "token": default_token_generator.make_token(user),
            },
        )
        # Inner import: centre.messaging imports this module (the outbox).
        from .messaging import absolute_url, message_queue

        message_queue(
            kind="team_welcome",
            reference=f"user:{user.pk}",
            channel=OutboxMessage.Channel.EMAIL,
            recipient=email,
            centre=centre,
            context={
                "centre_name": centre.name,
                "first_name": first_name,
                "username": username,
                "link": absolute_url(link),
            },
        )
    return membership


@transaction.atomic
def membership_update(*, membership, changed_by, role, agency):
    """Change someone's role in a centre. Her sessions end so the new role applies at once."""
    from .audit import audit_log

    if membership.user_id == changed_by.pk and role != membership.role:
        raise ValidationError(_("You cannot change your own role. Ask another manager."))
    changed = role != membership.role
    membership.role, membership.agency = role, agency
    membership.full_clean()
    membership.save(update_fields=["role", "agency"])
    audit_log(
        actor=changed_by,
        action="team.change_role",
        centre=membership.centre,
        obj=membership.user,
        reason=role,
    )
    if changed:
        _end_sessions_of(membership.user)
    return membership


@transaction.atomic
def membership_triage_set(*, membership, triages_referrals: bool, changed_by):
    """Put someone on referral duty (she reads referrals waiting for a decision) or take her
    off it. Safe to call twice; writes an audit event when it changes."""
    from .audit import audit_log  # noqa: PLC0415 - as the other team services here

    if membership.triages_referrals == triages_referrals:
        return membership
    membership.triages_referrals = triages_referrals
    membership.save(update_fields=["triages_referrals"])
    audit_log(
        actor=changed_by,
        action="team.triage_on" if triages_referrals else "team.triage_off",
        centre=membership.centre,
        obj=membership.user,
    )
    return membership


@transaction.atomic
def membership_deactivate(*, membership, changed_by):
    """Take away someone's access to a centre and end her sessions. Safe to call twice."""
    from .audit import audit_log

    if membership.user_id == changed_by.pk:
        raise ValidationError(_("You cannot remove your own access. Ask another manager."))
    if membership.is_active:
        membership.is_active = False
        membership.save(update_fields=["is_active"])
        audit_log(
            actor=changed_by,
            action="team.deactivate",
            centre=membership.centre,
            obj=membership.user,
        )
    return _end_sessions_of(membership.user)


@transaction.atomic
def membership_reactivate(*, membership, changed_by):
    """Give back someone's access to a centre. Safe to call twice."""
    from .audit import audit_log

    if not membership.is_active:
        membership.is_active = True
        membership.save(update_fields=["is_active"])
        audit_log(
            actor=changed_by,
            action="team.reactivate",
            centre=membership.centre,
            obj=membership.user,
        )
    return membership


@transaction.atomic
def centre_update(*, centre, changed_by, **values):
    """Change a centre's targets and thresholds."""
    from .audit import audit_log

    for field, value in values.items():
        setattr(centre, field, value)
    centre.full_clean()
    centre.save(update_fields=list(values))
    audit_log(actor=changed_by, action="centre.settings", centre=centre, obj=centre)
    return centre


@transaction.atomic
def second_factor_reset(*, membership, changed_by):
    """Remove someone's authenticator (a lost phone) and end her sessions: at her next sign-in
    she sets up a new one with her password. Safe to call twice."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from .audit import audit_log

    if membership.user_id == changed_by.pk:
        raise ValidationError(_("You cannot reset your own sign-in app. Ask another manager."))
    removed, _details = TOTPDevice.objects.filter(user=membership.user).delete()
    audit_log(
        actor=changed_by,
        action="team.reset_second_factor",
        centre=membership.centre,
        obj=membership.user,
    )
    _end_sessions_of(membership.user)
    return removed
