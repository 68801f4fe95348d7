"""The platform's demo data: centres and the demo people. Feature apps add theirs via hooks."""

from django.db import transaction

from .models import Centre, Membership, User
from .roles import Role

DEMO_PASSWORD = "centre-demo-2026"  # noqa: S105 - published demo password
DEMO_CENTRES = [
    ("tomorrows-women-demo", "Tomorrow's Women (demo)"),
    ("northside-womens-centre", "Northside Women's Centre (demo)"),
]
DEMO_PEOPLE = [
    # username, first, last, role, agency
    ("manager", "Morag", "Campbell", Role.MANAGER, ""),
    ("keyworker", "Aisha", "Khan", Role.KEY_WORKER, ""),
    ("partner", "Fiona", "MacLeod", Role.PARTNER, "NHS Addiction Services"),
    ("volunteer", "Jo", "Reid", Role.VOLUNTEER, ""),
    ("steering", "Graham", "Stewart", Role.STEERING, ""),
]
EXTRA_KEY_WORKERS = [
    ("kw.sarah", "Sarah", "Murray"),
    ("kw.leanne", "Leanne", "Docherty"),
    ("kw.ruth", "Ruth", "Ferguson"),
]


def _user(username, first, last):
    user, created = User.objects.get_or_create(
        username=username,
        defaults={"first_name": first, "last_name": last, "email": f"{username}@example.org"},
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    return user


@transaction.atomic
def seed_platform(*, centre_count=2):
    """Centres and people. Safe to run twice."""
    centres = []
    for index in range(max(centre_count, 1)):
        slug, name = (
            DEMO_CENTRES[index]
            if index < len(DEMO_CENTRES)
            else (f"demo-centre-{index + 1}", f"Demo centre {index + 1}")
        )
        centre, _ = Centre.objects.get_or_create(
            slug=slug,
            defaults={"name": name, "target_women": 100, "duty_manager_email": "duty@example.org"},
        )
        centres.append(centre)
    home = centres[0]
    for username, first, last, role, agency in DEMO_PEOPLE:
        user = _user(username, first, last)
        Membership.objects.get_or_create(
            user=user, centre=home, defaults={"role": role, "agency": agency}
        )
    for username, first, last in EXTRA_KEY_WORKERS:
        Membership.objects.get_or_create(
            user=_user(username, first, last), centre=home, defaults={"role": Role.KEY_WORKER}
        )
    for index, centre in enumerate(centres[1:], start=2):
        Membership.objects.get_or_create(
            user=_user(f"manager{index}", "Demo", f"Manager {index}"),
            centre=centre,
            defaults={"role": Role.MANAGER},
        )
        Membership.objects.get_or_create(
            user=_user(f"keyworker{index}", "Demo", f"Key worker {index}"),
            centre=centre,
            defaults={"role": Role.KEY_WORKER},
        )
    # The demo manager also works at the second centre, to show switching between centres.
    if len(centres) > 1:
        Membership.objects.get_or_create(
            user=User.objects.get(username="manager"),
            centre=centres[1],
            defaults={"role": Role.MANAGER},
        )
    return centres
