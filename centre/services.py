"""Writes for the platform: memberships, the outbox and sending."""

import logging
import secrets
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from .access import may_reset_sign_in_of
from .audit import audit_log
from .messaging import message_queue
from .middleware import SESSION_CENTRE_KEY
from .models import Centre, Invitation, Membership, OutboxMessage, User
from .requests import CentreRequest

logger = logging.getLogger(__name__)


def membership_choose(*, request: CentreRequest, centre_id: int) -> None:
    """Switch the person's current centre. Only to a centre she belongs to."""
    if not any(m.centre_id == centre_id for m in request.memberships):
        raise ValidationError(_("You are not a member of that centre."))
    request.session[SESSION_CENTRE_KEY] = centre_id


def totp_device_for_setup(*, user: User) -> TOTPDevice:
    """The unconfirmed authenticator being set up for this person; made once, reused on reload."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(
        user=user, name=_("Authenticator app"), confirmed=False
    )


def totp_device_confirm(*, device: TOTPDevice) -> None:
    """Confirm the authenticator once its first code has been checked."""
    device.confirmed = True
    device.save(update_fields=["confirmed"])


def _end_sessions_of(user: User) -> int:
    """Sign a person out everywhere (ASVS 7.4.2): their access changed, so old sessions go."""
    ended = 0
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if str(session.get_decoded().get("_auth_user_id")) == str(user.pk):
            session.delete()
            ended += 1
    return ended


def email_person(
    *,
    kind: str,
    user: User,
    context: dict[str, Any],
    centre: Centre | None = None,
    reference: str = "",
) -> OutboxMessage | None:
    """Queue an email of message kind `kind` to a person; nothing for someone with no address."""
    if not user.email:
        return None
    context = {"name": user.first_name or user.username, "site_url": settings.SITE_URL, **context}
    message, _created = message_queue(
        kind=kind,
        reference=reference,
        channel=OutboxMessage.Channel.EMAIL,
        recipient=user.email,
        centre=centre,
        context=context,
    )
    return message


def user_sessions_end(*, user: User, ended_by: User, centre: Centre | None, reason: str) -> int:
    """End every session of this person, audited and emailed to her. Returns how many ended.
    The caller has checked that `ended_by` may (centre.access.may_reset_sign_in_of)."""
    ended = _end_sessions_of(user)
    audit_log(
        actor=ended_by, action="account.sessions_ended", centre=centre, obj=user, reason=reason
    )
    email_person(
        kind="sessions_ended",
        user=user,
        centre=centre,
        reference=f"user:{user.pk}:{timezone.now():%Y%m%d%H%M%S%f}",
        context={"reason": reason},
    )
    return ended


def _end_sessions_if_allowed(*, membership: Membership, changed_by: User, reason: str) -> int:
    """End her sessions when this manager may; otherwise her access here has already changed
    (memberships are read on every request) and her sessions at other centres carry on."""
    if not may_reset_sign_in_of(changed_by, membership.user):
        return 0
    return user_sessions_end(
        user=membership.user, ended_by=changed_by, centre=membership.centre, reason=reason
    )


def _new_token() -> tuple[str, str]:
    token = secrets.token_urlsafe(32)
    return token, Invitation.hash_token(token)


@transaction.atomic
def invitation_create(
    *, centre: Centre, invited_by: User, email: str, role: str, agency: str = ""
) -> Invitation:
    """Invite an email address to join a centre. An earlier pending invitation to the same
    address for this centre is withdrawn, so only the newest link works."""
    email = User.objects.normalize_email(email).strip()
    if Membership.objects.filter(centre=centre, is_active=True, user__email__iexact=email).exists():
        raise ValidationError(
            {"email": _("Someone with this email is already on the team: change her role instead.")}
        )
    now = timezone.now()
    Invitation.objects.pending().filter(centre=centre, email__iexact=email).update(withdrawn_at=now)
    token, token_hash = _new_token()
    invitation = Invitation(
        centre=centre,
        email=email,
        role=role,
        agency=agency,
        invited_by=invited_by,
        token_hash=token_hash,
        expires_at=now + timedelta(days=settings.INVITATION_VALID_DAYS),
    )
    invitation.full_clean()
    invitation.save()
    audit_log(actor=invited_by, action="team.invite", centre=centre, obj=invitation, reason=role)
    link = settings.SITE_URL + reverse("invitation_open", args=[token])
    message_queue(
        kind="team_invitation",
        reference=f"invitation:{invitation.pk}",
        channel=OutboxMessage.Channel.EMAIL,
        recipient=email,
        centre=centre,
        context={
            "inviter": str(invited_by),
            "centre_name": centre.name,
            "role": invitation.get_role_display(),
            "expires_at": invitation.expires_at,
            "link": link,
        },
    )
    return invitation


@transaction.atomic
def invitation_withdraw(*, invitation: Invitation, withdrawn_by: User) -> Invitation:
    """Withdraw a pending invitation: its link stops working. Safe to call twice."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.is_pending:
        invitation.withdrawn_at = timezone.now()
        invitation.save(update_fields=["withdrawn_at"])
        audit_log(
            actor=withdrawn_by,
            action="team.invitation_withdrawn",
            centre=invitation.centre,
            obj=invitation,
        )
    return invitation


def _lock_pending(invitation: Invitation) -> Invitation:
    """Re-read under a row lock: two clicks on accept must not both act."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_pending:
        raise ValidationError(
            _("This invitation is no longer open. Ask the manager for a new one.")
        )
    return invitation


def _join(invitation: Invitation, user: User) -> Membership:
    membership = Membership.objects.filter(user=user, centre=invitation.centre).first()
    if membership is None:
        membership = Membership(user=user, centre=invitation.centre)
    membership.role, membership.agency = invitation.role, invitation.agency
    membership.is_active = True
    membership.full_clean()
    membership.save()
    invitation.accepted_at, invitation.accepted_by = timezone.now(), user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    audit_log(
        actor=user,
        action="team.invitation_accepted",
        centre=invitation.centre,
        obj=invitation,
        reason=invitation.role,
    )
    return membership


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user: User) -> Membership:
    """She accepts, signed in as the account the invitation was sent to, and joins the centre."""
    invitation = _lock_pending(invitation)
    if invitation.email.lower() != (user.email or "").lower():
        raise ValidationError(_("This invitation was sent to someone else."))
    return _join(invitation, user)


@transaction.atomic
def invitation_decline(*, invitation: Invitation, user: User) -> Invitation:
    """She says no: the invitation closes and she does not join."""
    invitation = _lock_pending(invitation)
    if invitation.email.lower() != (user.email or "").lower():
        raise ValidationError(_("This invitation was sent to someone else."))
    invitation.declined_at = timezone.now()
    invitation.save(update_fields=["declined_at"])
    audit_log(
        actor=user, action="team.invitation_declined", centre=invitation.centre, obj=invitation
    )
    return invitation


@transaction.atomic
def invitation_accept_as_new_person(
    *, invitation: Invitation, username: str, first_name: str, last_name: str, password: str
) -> User:
    """A new person makes her account from the invitation link and joins the centre. If an
    account already has this email, she must sign in to it and accept there instead."""
    invitation = _lock_pending(invitation)
    if User.objects.filter(email__iexact=invitation.email).exists():
        raise ValidationError(
            _("There is already an account for this email. Sign in to it to accept.")
        )
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError({"username": _("That username is already taken. Choose another.")})
    user = User(
        username=username, first_name=first_name, last_name=last_name, email=invitation.email
    )
    user.set_password(password)
    user.full_clean()
    user.save()
    _join(invitation, user)
    return user


@transaction.atomic
def membership_update(
    *, membership: Membership, changed_by: User, role: str, agency: str
) -> Membership:
    """Change someone's role in a centre; it applies from her next page. Her sessions end too,
    when this manager may end them (see centre.access.may_reset_sign_in_of)."""
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
        _end_sessions_if_allowed(
            membership=membership, changed_by=changed_by, reason=_("Your role changed.")
        )
    return membership


def _membership_flag_set(
    membership: Membership, *, field: str, value: bool, changed_by: User, action: str
) -> bool:
    """Set one yes/no field of a membership and audit it; False (nothing written) if unchanged."""
    if getattr(membership, field) == value:
        return False
    setattr(membership, field, value)
    membership.save(update_fields=[field])
    audit_log(actor=changed_by, action=action, centre=membership.centre, obj=membership.user)
    return True


@transaction.atomic
def membership_triage_set(
    *, membership: Membership, triages_referrals: bool, changed_by: User
) -> Membership:
    """Put someone on referral duty (she reads referrals waiting for a decision) or take her
    off it. Safe to call twice; writes an audit event when it changes."""
    action = "team.triage_on" if triages_referrals else "team.triage_off"
    _membership_flag_set(
        membership,
        field="triages_referrals",
        value=triages_referrals,
        changed_by=changed_by,
        action=action,
    )
    return membership


@transaction.atomic
def membership_deactivate(*, membership: Membership, changed_by: User) -> int:
    """Take away someone's access to a centre and end her sessions. Safe to call twice."""
    if membership.user_id == changed_by.pk:
        raise ValidationError(_("You cannot remove your own access. Ask another manager."))
    _membership_flag_set(
        membership, field="is_active", value=False, changed_by=changed_by, action="team.deactivate"
    )
    return _end_sessions_if_allowed(
        membership=membership, changed_by=changed_by, reason=_("Your access to a centre ended.")
    )


@transaction.atomic
def membership_reactivate(*, membership: Membership, changed_by: User) -> Membership:
    """Give back someone's access to a centre. Safe to call twice."""
    _membership_flag_set(
        membership, field="is_active", value=True, changed_by=changed_by, action="team.reactivate"
    )
    return membership


@transaction.atomic
def centre_update(*, centre: Centre, changed_by: User, **values: Any) -> Centre:
    """Change a centre's targets and thresholds."""
    for field, value in values.items():
        setattr(centre, field, value)
    centre.full_clean()
    centre.save(update_fields=list(values))
    audit_log(actor=changed_by, action="centre.settings", centre=centre, obj=centre)
    return centre


@transaction.atomic
def second_factor_reset(*, user: User, changed_by: User, centre: Centre | None = None) -> int:
    """Remove someone's authenticator (a lost phone) and end her sessions: at her next sign-in
    she sets up a new one with her password. Only for someone `changed_by` may reset (centre.
    access.may_reset_sign_in_of); audited and emailed to her. Safe to call twice."""
    if user.pk == changed_by.pk:
        raise ValidationError(_("You cannot reset your own sign-in app. Ask another manager."))
    if not may_reset_sign_in_of(changed_by, user):
        raise ValidationError(
            _(
                "%(name)s also works at a centre you do not manage, so only an organisation "
                "administrator can reset her sign-in app."
            )
            % {"name": user}
        )
    removed, _details = TOTPDevice.objects.filter(user=user).delete()
    audit_log(actor=changed_by, action="team.reset_second_factor", centre=centre, obj=user)
    _end_sessions_of(user)
    email_person(
        kind="second_factor_reset",
        user=user,
        centre=centre,
        reference=f"user:{user.pk}:{timezone.now():%Y%m%d%H%M%S%f}",
        context={},
    )
    return removed
