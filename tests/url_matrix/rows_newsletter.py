"""Who may reach which newsletter page. The manager and key workers run issues; the matrix's
open issue has the volunteer in its editorial group (so she edits it), the partner may send a
piece in but sees no one else's, and the steering role sees only published issues (the open one
is a 404 to her). The open piece is a woman's, entered by her key worker. The tablet sees only
its own newsletter page."""

from coproduction.newsletter.models import Contribution, Issue
from tests.casework.factories import WomanFactory
from tests.coproduction.newsletter.factories import (
    EditorFactory,
    IssueFactory,
    PieceFactory,
    png_file,
)

from .matrix import Row, expect, for_roles

RUNNERS = ("manager", "key_worker")
EVERYONE = ("manager", "key_worker", "partner", "volunteer", "steering")
WORKERS = ("manager", "key_worker", "partner", "volunteer")
KIOSK_GET = expect(403, tablet="ok")
KIOSK_GET_ONLY_POST = expect(403, tablet=405)


def build(world):
    issue = IssueFactory(centre=world.centre, number=90, title="Matrix news")
    EditorFactory(issue=issue, user=world.people["volunteer"])
    world.extra.newsletter_editor_row = EditorFactory(issue=issue, user=world.people["key_worker"])
    woman = WomanFactory(centre=world.centre, key_worker=world.people["key_worker"])
    world.extra.newsletter_issue = issue
    world.extra.newsletter_piece = PieceFactory(
        issue=issue, woman=woman, entered_by=world.people["key_worker"]
    )
    world.extra.newsletter_checklist_item = issue.checklist.create(text="Proof read")
    published = IssueFactory(
        centre=world.centre, number=89, status=Issue.Status.PUBLISHED, published_on="2026-09-01"
    )
    photo = PieceFactory(
        issue=published,
        kind=Contribution.Kind.PHOTO,
        state=Contribution.State.PUBLISHED,
        image_description="The garden",
    )
    photo.image.save("matrix.png", png_file(), save=True)
    world.extra.newsletter_published = published
    world.extra.newsletter_photo = photo


def _issue(world):
    return {"pk": world.newsletter_issue.pk}


def _piece(world):
    return {"pk": world.newsletter_piece.pk}


def _open_issue_get(ok_for, *, partner="ok", post=None):
    """An open issue's page: staff and its editors; the steering role and other centres 404."""
    outcomes = for_roles(ok_for, outsider=404)
    outcomes.update({"steering": 404})
    if "partner" not in ok_for:
        outcomes["partner"] = partner
    return outcomes


def _everyone_405():
    return for_roles(EVERYONE, 405)


def _workers(outcome, *, partner, volunteer=None, steering=403, outsider=404):
    outcomes = for_roles(WORKERS, outcome, outsider=outsider)
    outcomes.update({"partner": partner, "steering": steering})
    if volunteer is not None:
        outcomes["volunteer"] = volunteer
    return outcomes


def _runner_form(kwargs=None):
    outsider = 404 if kwargs else None
    return Row(
        get=for_roles(RUNNERS, outsider=outsider),
        post=for_roles(RUNNERS, outsider=outsider),
        kwargs=kwargs,
    )


def _runner_post(kwargs):
    return Row(
        get=for_roles(RUNNERS, 405),
        post=for_roles(RUNNERS, "redirect", outsider=404),
        kwargs=kwargs,
    )


def _worker_post(kwargs, *, partner):
    return Row(
        get=for_roles(WORKERS, 405),
        post=_workers("redirect", partner=partner),
        kwargs=kwargs,
    )


def _removed_by_the_manager(row):
    row.post["key_worker"] = 404
    return row


ROWS = {
    "newsletter:index": Row(get=for_roles(EVERYONE), post=_everyone_405()),
    "newsletter:subscription": Row(
        get=for_roles(("manager", "key_worker", "partner"), 405),
        post=for_roles(("manager", "key_worker", "partner"), "redirect"),
    ),
    "newsletter:issue_create": _runner_form(),
    "newsletter:issue_detail": Row(
        get=_open_issue_get(WORKERS), post=_everyone_405(), kwargs=_issue
    ),
    "newsletter:issue_edit": _runner_form(_issue),
    # The published issue: everyone of the centre reads it.
    "newsletter:issue_read": Row(
        get=for_roles(EVERYONE, outsider=404),
        post=_everyone_405(),
        kwargs=lambda world: {"pk": world.newsletter_published.pk},
    ),
    "newsletter:editor_add": _runner_post(_issue),
    "newsletter:call_send": _runner_post(_issue),
    # Its editors build it: the partner is not one (403), the volunteer is.
    "newsletter:issue_build": _worker_post(_issue, partner=403),
    # The manager publishes (the key worker is then told it is already published).
    "newsletter:issue_publish": _runner_post(_issue),
    "newsletter:piece_create": Row(
        get=_workers("ok", partner="ok"), post=_workers("ok", partner="ok"), kwargs=_issue
    ),
    "newsletter:piece_for_woman": _runner_form(_issue),
    "newsletter:editor_remove": _removed_by_the_manager(
        _runner_post(lambda world: {"pk": world.newsletter_editor_row.pk})
    ),
    "newsletter:checklist_toggle": _worker_post(
        lambda world: {"pk": world.newsletter_checklist_item.pk}, partner=403
    ),
    # The woman's piece: the partner cannot see it (404); steering never sees an open issue.
    "newsletter:piece_detail": Row(
        get=_open_issue_get(("manager", "key_worker", "volunteer"), partner=404),
        post=_everyone_405(),
        kwargs=_piece,
    ),
    "newsletter:piece_edit": Row(
        get=_workers("ok", partner=404), post=_workers("ok", partner=404), kwargs=_piece
    ),
    # Her consent is recorded by those who may see her record: not the volunteer editor.
    "newsletter:piece_consent": Row(
        get=_workers("ok", partner=404, volunteer=403),
        post=_workers("ok", partner=404, volunteer=403),
        kwargs=_piece,
    ),
    "newsletter:piece_move": _worker_post(_piece, partner=404),
    # Withdrawing: her key worker (or the manager) for her, and the editors. (An empty POST
    # shows the form again: the withdrawal itself is tested in the room's tests.)
    "newsletter:piece_withdraw": Row(
        get=_workers("ok", partner=404), post=_workers("ok", partner=404), kwargs=_piece
    ),
    # An empty comment comes back on a form page with the message (a refused form: 400).
    "newsletter:comment_add": Row(
        get=for_roles(WORKERS, 405), post=_workers(400, partner=404), kwargs=_piece
    ),
    "newsletter:piece_photo": Row(
        get=for_roles(EVERYONE, outsider=404),
        post=_everyone_405(),
        kwargs=lambda world: {"pk": world.newsletter_photo.pk},
    ),
    "kiosk:newsletter": Row(get=KIOSK_GET, post=KIOSK_GET_ONLY_POST),
    # The photo in the latest published issue (the matrix's published issue is the latest).
    "kiosk:newsletter_photo": Row(
        get=KIOSK_GET,
        post=KIOSK_GET_ONLY_POST,
        kwargs=lambda world: {"pk": world.newsletter_photo.pk},
    ),
}
