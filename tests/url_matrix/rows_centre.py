import secrets

from .matrix import MEMBERS, Row, expect, for_roles


def build(world):
    from datetime import date

    from centre.models import CentreHoliday, Invitation, Membership
    from centre.services import invitation_create

    world.extra.key_worker_membership = Membership.objects.get(
        user=world.people["key_worker"], centre=world.centre
    )
    world.extra.holiday = CentreHoliday.objects.create(
        centre=world.centre, date=date(2026, 12, 25), name="Christmas Day"
    )
    world.extra.invitation = invitation_create(
        centre=world.centre,
        invited_by=world.people["manager"],
        email="someone-new@example.org",
        role="volunteer",
    )
    world.extra.invitation_model = Invitation


def _invitation(world):
    return {"pk": world.invitation.pk}


def _open_invitation_token(world):
    """A fresh pending invitation for every request: the link page may use one up."""
    from centre.services import invitation_create

    invitation = invitation_create(
        centre=world.centre,
        invited_by=world.people["manager"],
        email="matrix-new@example.org",
        role="volunteer",
    )
    token = secrets.token_urlsafe(16)  # the real one is only in the email
    world.invitation_model.objects.filter(pk=invitation.pk).update(
        token_hash=world.invitation_model.hash_token(token)
    )
    return {"token": token}


def _member(world):
    return {"pk": world.key_worker_membership.pk}


ROWS = {
    "centre_settings": Row(get=for_roles(["manager"]), post=for_roles(["manager"])),
    "centre_holiday_add": Row(
        get=expect(403, anonymous="login", tablet="login", manager=405, outsider=405),
        post=for_roles(["manager"], 400),
        notes="An empty form: refused, the page again with its errors (400).",
    ),
    "centre_holiday_remove": Row(
        get=expect(403, anonymous="login", tablet="login", manager=405, outsider=405),
        post=for_roles(["manager"], "redirect", outsider=404),
        kwargs=lambda world: {"pk": world.holiday.pk},
    ),
    "team": Row(
        get=for_roles(["manager"]),
        post=expect(403, anonymous="login", tablet="login", manager=405, outsider=405),
    ),
    "team_invite": Row(get=for_roles(["manager"]), post=for_roles(["manager"])),
    "team_invitation_withdraw": Row(
        get=expect(403, anonymous="login", tablet="login", manager=405, outsider=405),
        post=for_roles(["manager"], "redirect", outsider=404),
        kwargs=_invitation,
    ),
    # The link in an invitation: anyone holding it sees the page (the token is the secret).
    # With an empty form the POST shows the form again with its errors.
    "invitation_open": Row(get=expect("ok"), post=expect("ok"), kwargs=_open_invitation_token),
    # Her own invitations: any signed-in account, a member of a centre or not.
    "my_invitations": Row(
        get=expect("ok", anonymous="login", tablet="login"),
        post=expect(405, anonymous="login", tablet="login"),
    ),
    # Nobody in the matrix was invited, so answering someone else's invitation is a 404.
    "invitation_respond": Row(
        get=expect(405, anonymous="login", tablet="login"),
        post=expect(404, anonymous="login", tablet="login"),
        kwargs=_invitation,
    ),
    "team_edit": Row(
        get=for_roles(["manager"], outsider=404),
        post=for_roles(["manager"], outsider=404),
        kwargs=_member,
    ),
    "team_second_factor_reset": Row(
        get=expect(403, anonymous="login", tablet="login", manager=405, outsider=405),
        post=for_roles(["manager"], "redirect", outsider=404),
        kwargs=_member,
    ),
    "team_triage": Row(
        get=expect(403, anonymous="login", tablet="login", manager=405, outsider=405),
        post=for_roles(["manager"], "redirect", outsider=404),
        kwargs=_member,
    ),
    "team_access": Row(
        get=expect(403, anonymous="login", tablet="login", manager=405, outsider=405),
        post=for_roles(["manager"], "redirect", outsider=404),
        kwargs=_member,
    ),
    "home": Row(get=for_roles(MEMBERS), post=expect(405, anonymous="login", tablet="login")),
    "centre_choose": Row(
        get=expect(405, anonymous="login", tablet="login"), post=for_roles(MEMBERS, "redirect")
    ),
    "audit_log": Row(
        get=for_roles(["manager"]),
        post=expect(403, anonymous="login", tablet="login", manager=405, outsider=405),
    ),
    "healthz": Row(get=expect("ok"), post=expect(405)),
    "accessibility": Row(get=expect("ok"), post=expect(405)),
    "login": Row(
        get=expect("redirect", anonymous="ok", tablet="ok"),
        post=expect("redirect", anonymous="ok", tablet="ok"),
    ),
    "logout": Row(get=expect(405), post=expect("login")),
    "two_factor": Row(
        get=expect("ok", anonymous="login", tablet="login"),
        post=expect("ok", anonymous="login", tablet="login"),
    ),
    "session_keepalive": Row(
        get=expect(405, anonymous="login", tablet="login"), post=for_roles(MEMBERS)
    ),
    "password_change": Row(get=for_roles(MEMBERS), post=for_roles(MEMBERS)),
    "password_change_done": Row(
        get=for_roles(MEMBERS), post=expect(405, anonymous="login", tablet="login")
    ),
    "password_reset": Row(get=expect("ok"), post=expect("ok")),
    "password_reset_done": Row(get=expect("ok"), post=expect(405)),
    "password_reset_confirm": Row(
        get=expect("ok"),
        post=expect("ok"),
        kwargs=lambda world: {"uidb64": "MQ", "token": "set-password"},
    ),
    "password_reset_complete": Row(get=expect("ok"), post=expect(405)),
    # The Django admin is for superusers only; none of our roles is one.
    "admin:index": Row(
        get=expect(403, anonymous="login", tablet="login"),
        post=expect(403, anonymous="login", tablet="login"),
    ),
}
