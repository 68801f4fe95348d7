"""Co-production and the kiosk. Steering members see numbers and the poster, never a suggestion.
The enrolled tablet reaches the kiosk pages and nothing else; nobody else reaches the kiosk."""

from django.core.files.base import ContentFile

from centre.models import Document
from coproduction.kiosk.access import COOKIE_NAME, device_cookie_value
from coproduction.kiosk.services import tablet_create, tablet_enrol
from coproduction.suggestions.documents import POSTER
from coproduction.suggestions.models import Suggestion

from .matrix import STAFF, Row, expect, for_roles

ALL_BUT_STEERING = ("manager", "key_worker", "partner", "volunteer")
EVERY_MEMBER = (*ALL_BUT_STEERING, "steering")
MANAGER = ("manager",)
NUMBERS = ("manager", "key_worker", "partner", "steering")
# A kiosk page: only the enrolled tablet gets in; everyone else gets the friendly 403 page.
KIOSK_GET = expect(403, tablet="ok")
# The tablet check comes first (it is the page's access rule), so a POST to a GET-only kiosk
# page is refused as 403 before anyone but the tablet learns which methods it takes.
KIOSK_GET_ONLY_POST = expect(403, tablet=405)


def build(world):
    world.extra.suggestion = Suggestion.objects.create(
        centre=world.centre,
        source=Suggestion.Source.TABLET,
        about=Suggestion.About.FOOD,
        text="Soup please",
        receipt_code="MTX-11",
        screening=Suggestion.Screening.CLEAR,
    )
    world.extra.spare_tablet, _code = tablet_create(centre=world.centre, name="Spare", by=None)
    poster = Document.objects.create(
        centre=world.centre,
        kind=POSTER,
        coverage="||",
        status=Document.Status.READY,
        built_at="2026-01-05T10:00Z",
    )
    poster.file.save("matrix-poster.pdf", ContentFile(b"%PDF-1.4 matrix"))


def tablet_client(world, client):
    """The client as an enrolled tablet of world.centre (a device cookie, no session)."""
    tablet, code = tablet_create(centre=world.centre, name="Matrix tablet", by=None)
    tablet = tablet_enrol(code=code)
    client.cookies[COOKIE_NAME] = device_cookie_value(tablet)
    return client


def suggestion(world):
    return {"code": world.suggestion.receipt_code}


def spare_tablet(world):
    return {"pk": world.spare_tablet.pk}


ROWS = {
    "suggestions:index": Row(
        get=for_roles(ALL_BUT_STEERING), post=for_roles(ALL_BUT_STEERING, 405)
    ),
    # An empty POST is refused: the form again with its messages (400).
    "suggestions:create": Row(
        get=for_roles(ALL_BUT_STEERING), post=for_roles(ALL_BUT_STEERING, 400)
    ),
    "suggestions:detail": Row(
        get=for_roles(ALL_BUT_STEERING, outsider=404),
        post=for_roles(ALL_BUT_STEERING, 405),
        kwargs=suggestion,
    ),
    "suggestions:screen": Row(
        get=for_roles(STAFF, 405, outsider=404),
        post=for_roles(STAFF, 400, outsider=404),
        kwargs=suggestion,
    ),
    "suggestions:triage": Row(
        get=for_roles(STAFF, 405, outsider=404),
        post=for_roles(STAFF, 400, outsider=404),
        kwargs=suggestion,
    ),
    # Wording is written by the suggestion's owner or a manager; nobody owns this one yet.
    "suggestions:wording": Row(
        get=for_roles(STAFF, 405, outsider=404),
        post=for_roles(MANAGER, 400, outsider=404),
        kwargs=suggestion,
    ),
    "suggestions:approve": Row(
        get=for_roles(MANAGER, 405, outsider=404),
        post=for_roles(MANAGER, "redirect", outsider=404),
        kwargs=suggestion,
    ),
    "suggestions:release": Row(
        get=for_roles(MANAGER, 405, outsider=404),
        post=for_roles(MANAGER, "redirect", outsider=404),
        kwargs=suggestion,
    ),
    "suggestions:redact": Row(
        get=for_roles(MANAGER, outsider=404),
        post=for_roles(MANAGER, 400, outsider=404),
        kwargs=suggestion,
    ),
    # Starting an activity from an idea: a manager, or the owner if she adds activities (nobody
    # owns this one). An empty POST shows the form again.
    "suggestions:activity_start": Row(
        get=for_roles(MANAGER, outsider=404),
        post=for_roles(MANAGER, 400, outsider=404),
        kwargs=suggestion,
    ),
    "suggestions:activity_link": Row(
        get=for_roles(STAFF, 405, outsider=404),
        post=for_roles(MANAGER, 400, outsider=404),
        kwargs=suggestion,
    ),
    "kiosk:tablets": Row(get=for_roles(MANAGER), post=for_roles(MANAGER)),
    "kiosk:tablet_link": Row(
        get=for_roles(MANAGER, 405, outsider=404),
        post=for_roles(MANAGER, outsider=404),
        kwargs=spare_tablet,
    ),
    "kiosk:tablet_revoke": Row(
        get=for_roles(MANAGER, 405, outsider=404),
        post=for_roles(MANAGER, "redirect", outsider=404),
        kwargs=spare_tablet,
    ),
    "suggestions:poster": Row(get=for_roles(EVERY_MEMBER), post=for_roles(EVERY_MEMBER, 405)),
    "suggestions:poster_status": Row(
        get=for_roles(EVERY_MEMBER), post=for_roles(EVERY_MEMBER, 405)
    ),
    "suggestions:poster_rebuild": Row(get=for_roles(STAFF, 405), post=for_roles(STAFF, "redirect")),
    # The outsider's own centre has no poster yet, so she is sent back to the poster page.
    "suggestions:poster_download": Row(
        get=for_roles(EVERY_MEMBER, outsider="redirect"), post=for_roles(EVERY_MEMBER, 405)
    ),
    # Not volunteers: small numbers are suppressed, but the page is for staff and the steering group.
    "reports:numbers": Row(get=for_roles(NUMBERS), post=for_roles(NUMBERS, 405)),
    # The kiosk.
    "kiosk:start": Row(get=KIOSK_GET, post=KIOSK_GET_ONLY_POST),
    "kiosk:idea": Row(get=KIOSK_GET, post=expect(403, tablet=400)),
    "kiosk:code": Row(get=KIOSK_GET, post=expect(403, tablet=400)),
    "kiosk:feedback": Row(get=KIOSK_GET, post=expect(403, tablet=400)),
    "kiosk:board": Row(get=KIOSK_GET, post=KIOSK_GET_ONLY_POST),
    "kiosk:activities": Row(get=KIOSK_GET, post=KIOSK_GET_ONLY_POST),
    "kiosk:accessibility": Row(get=KIOSK_GET, post=KIOSK_GET_ONLY_POST),
    # Setting a tablet up needs only the one-time code, which is the credential.
    "kiosk:enrol": Row(get=expect("ok"), post=expect("ok")),
    "kiosk:enrol_link": Row(
        get=expect("ok"), post=expect(404), kwargs=lambda world: {"token": "NOTAREALCODE"}
    ),
}
