"""Who may see and do what with the newsletter: the one place these decisions are made.

- Everyone of the centre reads published issues (the archive, the easy-read page, the PDF).
- The manager and key workers run issues: set one up, choose its editorial group, send the
  call for contributions, build it and publish it.
- An issue's editorial group (staff, or women with volunteer accounts) edits every piece of it
  while it is open: states, comments, the checklist.
- Staff (and partners) may send in their own pieces to an open issue; a piece from a woman is
  entered by someone who may see her record (casework's record policy), and only they (or the
  editors, once it is in) see it before it is published. Her record link is shown only to those
  whose record access allows it.
- Anyone else (a volunteer outside the group, the steering group) sees only published issues:
  an open issue is a 404 to them.

Views keep their `@roles_required(...)` rules (the URL x role matrix reads them); inside a page,
views, selectors and templates ask the capabilities and functions here.
"""

from django.db.models import Q, QuerySet
from django.http import HttpRequest

from casework.access import Part, record_access
from casework.models import Woman
from centre.access import can, capability, role_in
from centre.requests import CentreRequest
from centre.roles import (
    ALL_MEMBERS,
    KEY_WORKERS_AND_MANAGER,
    STAFF_ROLES,
    VOLUNTEER_AND_STAFF,
    Role,
)

from .models import Contribution, Issue

# The roles in the `@roles_required` rules of the newsletter's views.
READERS = ALL_MEMBERS
ISSUE_RUNNERS = KEY_WORKERS_AND_MANAGER
# Who may open an issue's working pages at all (the issue itself then decides: editors,
# contributors); the steering group only ever reads published issues.
WORKERS = VOLUNTEER_AND_STAFF
CONTRIBUTORS = STAFF_ROLES


@capability("see_newsletter")
def _see_newsletter(request: HttpRequest) -> bool:
    """The archive of published issues, and the newsletter pages."""
    return role_in(request, READERS)


@capability("run_newsletter")
def _run_newsletter(request: HttpRequest) -> bool:
    """Set up issues, their editorial group and call; build and publish them."""
    return role_in(request, ISSUE_RUNNERS)


@capability("contribute_to_newsletter")
def _contribute(request: HttpRequest) -> bool:
    """Send in a piece of one's own (staff and partners)."""
    return role_in(request, CONTRIBUTORS)


@capability("subscribe_to_newsletter")
def _subscribe(request: HttpRequest) -> bool:
    """Get each issue by email when it is published (staff and partners)."""
    return role_in(request, STAFF_ROLES)


@capability("enter_pieces_for_women")
def _enter_for_women(request: HttpRequest) -> bool:
    """Type up a woman's piece (from paper, a photo of her page, or with her): those who hold
    women's records. Which women: `woman_choices` (her caseload)."""
    return role_in(request, KEY_WORKERS_AND_MANAGER)


def writer_kind(request: HttpRequest) -> str:
    """Who a piece of one's own counts as from (the quarterly numbers split them)."""
    if role_in(request, frozenset({Role.PARTNER})):
        return Contribution.From.PARTNER
    if role_in(request, frozenset({Role.VOLUNTEER})):
        return Contribution.From.VOLUNTEER
    return Contribution.From.STAFF


def is_editor(request: HttpRequest, issue: Issue) -> bool:
    return issue.editors.filter(user_id=request.user.pk or 0).exists()


def visible_issues(request: HttpRequest, issues: QuerySet[Issue]) -> QuerySet[Issue]:
    """The issues (already scoped to the centre) this person may open: published ones for all;
    open ones for staff (to contribute) and for the editorial group."""
    if role_in(request, STAFF_ROLES):
        return issues
    published = Q(status=Issue.Status.PUBLISHED)
    if role_in(request, WORKERS):
        return issues.filter(published | Q(editors__user=request.user)).distinct()
    return issues.filter(published)


def may_edit_issue(request: HttpRequest, issue: Issue) -> bool:
    """Work on an open issue's pieces, comments and checklist: its editorial group and those
    who run the newsletter."""
    if not issue.is_open:
        return False
    return can(request, "run_newsletter") or is_editor(request, issue)


def may_build_issue(request: HttpRequest, issue: Issue) -> bool:
    """Build the printed copy: an open issue's editors; a published one's, those who run it."""
    if issue.is_published:
        return can(request, "run_newsletter")
    return may_edit_issue(request, issue)


def may_manage_issue(request: HttpRequest, issue: Issue) -> bool:
    return can(request, "run_newsletter")


def may_contribute(request: HttpRequest, issue: Issue) -> bool:
    """Send a piece in to this issue."""
    return issue.is_open and (can(request, "contribute_to_newsletter") or is_editor(request, issue))


def visible_contributions(
    request: HttpRequest, issue: Issue, pieces: QuerySet[Contribution]
) -> QuerySet[Contribution]:
    """Of an issue's pieces: all of them for its editors (and everyone once it is published,
    though only what was printed); otherwise what this person entered or wrote."""
    if may_edit_issue(request, issue):
        return pieces
    if issue.is_published:
        return pieces.filter(state=Contribution.State.PUBLISHED, withdrawn_at__isnull=True)
    return pieces.filter(Q(entered_by=request.user) | Q(author=request.user))


def sees_her_record(request: CentreRequest, woman: Woman | None) -> bool:
    """May this person see who the woman is (a link to her record)? The record policy decides."""
    if woman is None:
        return False
    return record_access(request, woman).sees(Part.SUMMARY)


def may_change_piece(request: CentreRequest, piece: Contribution) -> bool:
    """Edit a piece's words: its issue's editors, and whoever entered it while it is a draft."""
    if piece.withdrawn or not piece.issue.is_open or piece.state == Contribution.State.PUBLISHED:
        return False
    if may_edit_issue(request, piece.issue):
        return True
    own = request.user.pk in (piece.entered_by_id, piece.author_id)
    return own and piece.state == Contribution.State.DRAFT


def may_record_consent(request: CentreRequest, piece: Contribution) -> bool:
    """Her consent and credit are recorded by someone who may see her record (who spoke with
    her); a piece of one's own, by its author."""
    if piece.withdrawn or not piece.issue.is_open:
        return False
    if piece.woman_id is not None:
        return sees_her_record(request, piece.woman)
    return request.user.pk in (piece.author_id, piece.entered_by_id)


def may_withdraw(request: CentreRequest, piece: Contribution) -> bool:
    """Before publication: her key worker (or anyone who may see her record) for her, the
    author of her own piece, and the editors."""
    if piece.withdrawn or not piece.issue.is_open:
        return False
    return (
        may_record_consent(request, piece)
        or may_edit_issue(request, piece.issue)
        or request.user.pk in (piece.entered_by_id, piece.author_id)
    )
