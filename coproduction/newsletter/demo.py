"""Demo newsletters: three past issues (published through the real services, so each has its
printed PDF) and one in progress with pieces at every stage. Once per centre."""

from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format

from casework.models import Woman
from centre.models import Membership, User
from centre.pdf import PDFUnavailable
from centre.roles import Role

from . import services
from .models import Contribution, Issue

WAYS = "Come to the service-user meeting, first Monday of the month\nJoin the newsletter group\nHelp out at the drop-in"
NUMBERS = (
    "Samaritans: 116 123\nNational Domestic Abuse Helpline: 0808 2000 247\nShelter: 0808 800 4444"
)
PIECES = [
    (Contribution.Kind.POEM, "Morning", "The kettle sings\nthe window warms\nI am still here."),
    (
        Contribution.Kind.RECIPE,
        "Lentil soup for six",
        "1 onion, 2 carrots, 200 g red lentils.\nFry, add water, simmer 20 minutes.",
    ),
    (
        Contribution.Kind.STORY,
        "My first month",
        "I did not want to come in. Now I come every Tuesday.",
    ),
    (
        Contribution.Kind.GUIDE,
        "Getting here by bus",
        "The 9 and the 44 stop outside. Ask for your fare back.",
    ),
    (Contribution.Kind.NUMBERS, "Numbers I keep in my purse", "Citizens Advice: 0800 144 8848"),
]
CREDITS = [
    Contribution.Credit.FIRST_NAME,
    Contribution.Credit.ANONYMOUS,
    Contribution.Credit.FULL_NAME,
]
ISSUES = 4  # three published a season apart, and the one in progress


def _staff(centre) -> list[User]:
    memberships = Membership.objects.filter(
        centre=centre, is_active=True, role__in=[Role.MANAGER, Role.KEY_WORKER]
    ).select_related("user")
    return [m.user for m in memberships.order_by("role", "user__username")]


def _pieces(issue: Issue, by: User, women: list[Woman], *, ready: bool, offset: int) -> None:
    for index, (kind, title, body) in enumerate(PIECES):
        woman = women[(index + offset) % len(women)] if women and index < 3 else None
        piece = services.contribution_create(
            issue=issue,
            by=by,
            written_by=Contribution.From.WOMAN if woman else Contribution.From.STAFF,
            woman=woman,
            source=Contribution.Source.FROM_PAPER if woman else Contribution.Source.BY_AUTHOR,
            consent_to_publish=ready or index % 2 == 0,
            credit=CREDITS[index % 3],
            kind=kind,
            title=title,
            body=body,
        )
        steps = [Contribution.State.IN_REVIEW, Contribution.State.READY]
        if not ready:
            steps = steps[: index % 3] if piece.consent_to_publish else steps[:1]
        for state in steps:
            piece = services.contribution_move(
                piece=piece, by=by, expected_version=piece.version, state=state
            )


@transaction.atomic
def _seed_centre(centre, staff: list[User], women: list[Woman], today: date) -> None:
    by = staff[0]
    for number in range(1, ISSUES + 1):
        months_ago = 3 * (ISSUES - number)
        out_on = today - timedelta(days=30 * months_ago)
        issue = services.issue_create(
            centre=centre,
            by=by,
            title=f"{date_format(out_on, 'F Y')} newsletter",
            deadline=today + timedelta(days=14) - timedelta(days=30 * months_ago),
            call_text="Send us a story, a poem, a recipe or a photo. Hand it in at reception.",
            ways_to_get_involved=WAYS,
            useful_numbers=NUMBERS,
        )
        for editor in staff[1:3]:
            services.editor_add(issue=issue, user=editor)
        last = number == ISSUES
        _pieces(issue, by, women, ready=not last, offset=number)
        if last:
            services.call_send(issue=issue, by=by)
            continue
        services.issue_publish(issue=issue, by=by)
        Issue.objects.filter(pk=issue.pk).update(published_on=out_on)
        # Its pieces came in three weeks before it came out, so the quarterly report's
        # newsletter section has contributions in the quarters the past issues fall in.
        received = datetime.combine(out_on - timedelta(days=21), time(12, 0))
        Contribution.objects.filter(issue=issue).update(created_at=timezone.make_aware(received))


def seed_newsletter(*, centres, stdout) -> None:
    today = timezone.localdate()
    for centre in centres:
        if Issue.objects.filter(centre=centre).exists():
            continue
        staff = _staff(centre)
        if not staff:
            continue
        women = list(
            Woman.objects.filter(centre=centre, send_newsletter=True, anonymised_at__isnull=True)[
                :6
            ]
        )
        try:
            _seed_centre(centre, staff, women, today)
        except PDFUnavailable:
            # Without Pango (a bare machine) the issues are there; their printed copies are not.
            stdout.write("Newsletter: printed copies need Pango; build them from the issue page.")
        stdout.write(f"Newsletter: three past issues and one in progress for {centre.name}.")
