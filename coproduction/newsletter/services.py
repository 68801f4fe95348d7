"""Writes for the newsletter: issues, their editorial group, checklist and call; pieces with
consent, credit, states, comments and withdrawal; building and publishing the issue."""

from collections.abc import Callable
from datetime import date, datetime, time
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from casework.models import OPEN_STAGES, Woman
from centre.audit import audit_log
from centre.documents.models import Document
from centre.documents.services import Coverage, document_request
from centre.messaging import EMAIL, absolute_url, message_queue
from centre.models import Centre, User
from centre.versioning import versioned_update

from . import selectors
from .messages import CALL, ISSUE
from .models import ChecklistItem, Comment, Contribution, EditorialMember, Issue, Subscription

CHECKLIST = [
    _("Call for contributions sent and on the tablet"),
    _("Every piece has her consent and her choice of credit"),
    _("Photos of people: everyone in them agreed"),
    _("Pieces read and marked ready"),
    _("Ways to get involved and useful numbers checked"),
    _("Printed newsletter built and read through"),
    _("Published: copies printed for reception"),
]
EDITABLE_ISSUE_FIELDS = ("title", "deadline", "call_text", "ways_to_get_involved", "useful_numbers")
PIECE_FIELDS = ("kind", "title", "body", "image_description", "people_in_photo")


# --- Issues -----------------------------------------------------------------------------------


@transaction.atomic
def issue_create(*, centre: Centre, by: User, **values: Any) -> Issue:
    """A new issue, numbered after the last, with the usual checklist and its creator as the
    first member of the editorial group."""
    issue = Issue(centre=centre, created_by=by, number=selectors.next_number(centre))
    for name in EDITABLE_ISSUE_FIELDS:
        setattr(issue, name, values.get(name, getattr(issue, name)))
    issue.full_clean()
    issue.save()
    ChecklistItem.objects.bulk_create(
        ChecklistItem(issue=issue, text=str(text), position=index)
        for index, text in enumerate(CHECKLIST)
    )
    EditorialMember.objects.create(issue=issue, user=by)
    return issue


def _open(issue: Issue) -> None:
    if not issue.is_open:
        raise ValidationError(_("This issue is published: it can no longer be changed."))


@transaction.atomic
def issue_update(*, issue: Issue, expected_version: int | None, values: dict[str, Any]) -> Issue:
    """Change an open issue's details; someone else's save since she opened it is an
    EditConflict (nothing overwritten)."""
    _open(issue)
    candidate = Issue(centre=issue.centre, number=issue.number, **values)
    # Only the fields she can change are checked: who started it is not on the form.
    candidate.full_clean(exclude=["centre", "number", "created_by"], validate_unique=False)
    return versioned_update(Issue, pk=issue.pk, expected_version=expected_version, values=values)


@transaction.atomic
def editor_add(*, issue: Issue, user: User) -> EditorialMember:
    """Put someone in the issue's editorial group. Safe to call twice."""
    _open(issue)
    member, _created = EditorialMember.objects.get_or_create(issue=issue, user=user)
    return member


@transaction.atomic
def editor_remove(*, member: EditorialMember) -> None:
    _open(member.issue)
    member.delete()


@transaction.atomic
def checklist_toggle(*, item: ChecklistItem, by: User) -> ChecklistItem:
    """Tick a step off, or untick it."""
    _open(item.issue)
    item.done_at, item.done_by = (None, None) if item.done_at else (timezone.now(), by)
    item.save(update_fields=["done_at", "done_by"])
    return item


def _key_workers_to_tell(issue: Issue) -> dict[int, int]:
    """Key worker id -> how many of her open cases asked to hear about the newsletter."""
    rows = (
        Woman.objects.filter(
            centre=issue.centre,
            send_newsletter=True,
            stage__in=OPEN_STAGES,
            anonymised_at__isnull=True,
            key_worker__isnull=False,
        )
        .values_list("key_worker_id", flat=True)
        .order_by()
    )
    counts: dict[int, int] = {}
    for worker_id in rows:
        counts[worker_id] = counts.get(worker_id, 0) + 1
    return counts


@transaction.atomic
def call_send(*, issue: Issue, by: User) -> int:
    """Email each key worker whose women asked to hear about the newsletter (her home page then
    lists them). Through the outbox: sending again queues nothing twice. Returns how many new."""
    issue = Issue.objects.select_for_update().get(pk=issue.pk)
    _open(issue)
    if issue.call_sent_at is None:
        issue.call_sent_at = timezone.now().replace(microsecond=0)
        issue.save(update_fields=["call_sent_at"])
    counts = _key_workers_to_tell(issue)
    workers = User.objects.filter(pk__in=counts, is_active=True)
    queued = _email_each(
        workers,
        kind=CALL.name,
        issue=issue,
        reference=f"newsletter-call-{issue.pk}",
        # The same time each call: the outbox key, so asking again sends nothing twice.
        send_at=issue.call_sent_at,
        context=lambda worker: {
            "issue": issue.title,
            "deadline": issue.deadline,
            "call_text": issue.call_text,
            "women": counts[worker.pk],
            "link": absolute_url(reverse("home")),
        },
    )
    audit_log(actor=by, action="newsletter.call.send", centre=issue.centre, obj=issue)
    return queued


def _request_pdf(issue: Issue, by: User | None) -> Document:
    document, _started = document_request(
        centre=issue.centre,
        kind=selectors.ISSUE_DOCUMENT,
        coverage=Coverage(obj=issue),
        requested_by=by,
    )
    return document


@transaction.atomic
def issue_build(*, issue: Issue, by: User, today: date | None = None) -> Document:
    """Fill the automatic sections from today's data and build the printed issue in the
    background (the page shows its progress). A published issue keeps its sections: only its
    printed copy is built again. Safe to call twice."""
    if issue.is_published:
        return _request_pdf(issue, by)
    sections = selectors.auto_sections(issue, today)
    Issue.objects.filter(pk=issue.pk).update(
        sections=sections, built_on=date.fromisoformat(sections["built_on"])
    )
    return _request_pdf(issue, by)


def _rebuild_if_built(issue: Issue, by: User | None) -> None:
    """A printed issue that may hold a piece that changed is built again (a withdrawn piece is
    in no PDF)."""
    if selectors.issue_document(issue) is not None:
        _request_pdf(issue, by)


@transaction.atomic
def issue_publish(*, issue: Issue, by: User) -> Issue:
    """Publish: the ready pieces become published, the printed issue is built as published and
    each subscriber gets one email (the outbox sends it once, however often this is asked)."""
    issue = Issue.objects.select_for_update().get(pk=issue.pk)
    _open(issue)
    printable = selectors.printable_pieces(issue)
    if not printable.exists():
        raise ValidationError(_("No piece is ready yet: mark at least one piece ready first."))
    if not issue.sections:
        sections = selectors.auto_sections(issue)
        issue.sections, issue.built_on = sections, date.fromisoformat(sections["built_on"])
    printable.update(state=Contribution.State.PUBLISHED, updated_at=timezone.now())
    issue.status, issue.published_on, issue.published_by = (
        Issue.Status.PUBLISHED,
        timezone.localdate(),
        by,
    )
    issue.save(update_fields=["status", "published_on", "published_by", "sections", "built_on"])
    _request_pdf(issue, by)
    _email_subscribers(issue)
    audit_log(actor=by, action="newsletter.issue.publish", centre=issue.centre, obj=issue)
    return issue


def _email_subscribers(issue: Issue) -> int:
    pieces = [
        {"title": piece.title, "kind": piece.get_kind_display(), "credit": piece.credit_line}
        for piece in selectors.printable_pieces(issue)
    ]
    link = absolute_url(reverse("newsletter:issue_read", args=[issue.pk]))
    # The day it was published is the outbox key: one email each, however often this runs.
    sent_at = timezone.make_aware(
        datetime.combine(issue.published_on or timezone.localdate(), time.min)
    )
    subscribers = User.objects.filter(newsletter_subscriptions__centre=issue.centre, is_active=True)
    return _email_each(
        subscribers,
        kind=ISSUE.name,
        issue=issue,
        reference=f"newsletter-issue-{issue.pk}",
        send_at=sent_at,
        context=lambda user: {
            "issue": issue.title,
            "number": issue.number,
            "pieces": pieces,
            "link": link,
        },
    )


def _email_each(
    people: QuerySet[User],
    *,
    kind: str,
    issue: Issue,
    reference: str,
    send_at: datetime | None,
    context: Callable[[User], dict[str, Any]],
) -> int:
    """One outbox email of `kind` to each person with an address. Returns how many are new."""
    queued = 0
    for person in people.exclude(email=""):
        _message, created = message_queue(
            kind=kind,
            channel=EMAIL,
            recipient=person.email,
            context={"name": person.first_name or person.get_username(), **context(person)},
            reference=reference,
            centre=issue.centre,
            send_at=send_at,
        )
        queued += int(created)
    return queued


@transaction.atomic
def subscription_set(*, centre: Centre, user: User, on: bool) -> bool:
    """Get (or stop getting) each issue by email. Safe to call twice."""
    if on:
        Subscription.objects.get_or_create(centre=centre, user=user)
    else:
        Subscription.objects.filter(centre=centre, user=user).delete()
    return on


# --- Pieces -----------------------------------------------------------------------------------


def _check_piece(piece: Contribution) -> None:
    errors: dict[str, str] = {}
    if piece.kind == Contribution.Kind.PHOTO and not piece.image:
        errors["image"] = _("A photo piece needs its photo.")
    if piece.kind != Contribution.Kind.PHOTO and not piece.body.strip():
        errors["body"] = _("Type the piece in here.")
    if piece.image and not piece.image_description.strip():
        errors["image_description"] = _("Say in a few words what the photo shows.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def contribution_create(
    *,
    issue: Issue,
    by: User,
    written_by: str,
    woman: Woman | None = None,
    source: str,
    image: UploadedFile | None = None,
    consent_to_publish: bool = False,
    credit: str = Contribution.Credit.ANONYMOUS,
    everyone_in_photo_agreed: bool = False,
    **values: Any,
) -> Contribution:
    """A new piece for an open issue: a woman's (entered by someone who may see her record,
    with how it reached us, her consent and her credit) or the writer's own."""
    _open(issue)
    piece = Contribution(
        centre=issue.centre,
        issue=issue,
        written_by=written_by,
        woman=woman,
        author=None if woman else by,
        entered_by=by,
        source=source,
        consent_to_publish=consent_to_publish,
        credit=credit,
        consent_recorded_at=timezone.now() if consent_to_publish else None,
        everyone_in_photo_agreed=everyone_in_photo_agreed,
        **{name: values[name] for name in PIECE_FIELDS if name in values},
    )
    if image:
        piece.image = image
    piece.full_clean()
    _check_piece(piece)
    piece.save()
    return piece


def _changeable(piece: Contribution) -> None:
    _open(piece.issue)
    if piece.withdrawn:
        raise ValidationError(_("This piece was withdrawn: it can no longer be changed."))


@transaction.atomic
def contribution_update(
    *,
    piece: Contribution,
    expected_version: int | None,
    values: dict[str, Any],
    image: UploadedFile | None = None,
) -> Contribution:
    """Change a piece's words (and photo). Someone else's save since she opened it is an
    EditConflict: nothing is overwritten."""
    _changeable(piece)
    candidate = Contribution.objects.get(pk=piece.pk)
    for name, value in values.items():
        setattr(candidate, name, value)
    if image:
        candidate.image = image
        candidate.image.save(image.name, image, save=False)
        values = {**values, "image": candidate.image.name}
    candidate.full_clean()
    _check_piece(candidate)
    updated = versioned_update(
        Contribution, pk=piece.pk, expected_version=expected_version, values=values
    )
    if updated.state == Contribution.State.READY:
        _rebuild_if_built(piece.issue, None)
    return updated


@transaction.atomic
def contribution_consent(
    *,
    piece: Contribution,
    by: User,
    expected_version: int | None,
    consent_to_publish: bool,
    credit: str,
    everyone_in_photo_agreed: bool,
) -> Contribution:
    """Record her consent to publish and her choice of credit. Without consent a piece goes
    back to draft (it is in no newsletter)."""
    _changeable(piece)
    values: dict[str, Any] = {
        "consent_to_publish": consent_to_publish,
        "credit": credit,
        "everyone_in_photo_agreed": everyone_in_photo_agreed,
        "consent_recorded_at": timezone.now(),
    }
    if not consent_to_publish and piece.state == Contribution.State.READY:
        values["state"] = Contribution.State.DRAFT
    updated = versioned_update(
        Contribution, pk=piece.pk, expected_version=expected_version, values=values
    )
    audit_log(actor=by, action="newsletter.piece.consent", centre=piece.centre, obj=piece)
    _rebuild_if_built(piece.issue, by)
    return updated


MOVES: dict[str, set[str]] = {
    Contribution.State.DRAFT: {Contribution.State.IN_REVIEW},
    Contribution.State.IN_REVIEW: {Contribution.State.DRAFT, Contribution.State.READY},
    Contribution.State.READY: {Contribution.State.IN_REVIEW},
}


@transaction.atomic
def contribution_move(
    *, piece: Contribution, by: User, expected_version: int | None, state: str
) -> Contribution:
    """Move a piece along draft -> in review -> ready (and back). Ready needs her consent, and
    for a photo of people everyone's; publishing the issue makes ready pieces published."""
    _changeable(piece)
    if state not in MOVES.get(piece.state, set()):
        raise ValidationError(_("This piece cannot move there from where it is."))
    if state == Contribution.State.READY:
        if not piece.consent_to_publish:
            raise ValidationError(_("Record her consent to publish before marking it ready."))
        if piece.people_in_photo and not piece.everyone_in_photo_agreed:
            raise ValidationError(_("Everyone in the photo must agree before it is marked ready."))
    updated = versioned_update(
        Contribution, pk=piece.pk, expected_version=expected_version, values={"state": state}
    )
    if Contribution.State.READY in (state, piece.state):
        _rebuild_if_built(piece.issue, by)
    return updated


@transaction.atomic
def contribution_withdraw(
    *, piece: Contribution, by: User, for_her: bool, reason: str
) -> Contribution:
    """Withdraw a piece before publication, by its writer or for her: it is in no PDF, page or
    email from now on (a built PDF is built again). Safe to call twice."""
    piece = Contribution.objects.select_for_update().get(pk=piece.pk)
    if piece.withdrawn:
        return piece
    if not piece.issue.is_open or piece.state == Contribution.State.PUBLISHED:
        raise ValidationError(_("This piece is already published, so it cannot be withdrawn."))
    piece.withdrawn_at, piece.withdrawn_by = timezone.now(), by
    piece.withdrawn_for_her, piece.withdrawal_reason = for_her, reason.strip()[:300]
    piece.version += 1
    piece.save(
        update_fields=[
            "withdrawn_at",
            "withdrawn_by",
            "withdrawn_for_her",
            "withdrawal_reason",
            "version",
            "updated_at",
        ]
    )
    audit_log(actor=by, action="newsletter.piece.withdraw", centre=piece.centre, obj=piece)
    _rebuild_if_built(piece.issue, by)
    return piece


@transaction.atomic
def comment_add(*, piece: Contribution, by: User, text: str) -> Comment:
    """A note to the other editors about a piece (never printed)."""
    _open(piece.issue)
    comment = Comment(contribution=piece, author=by, text=text.strip())
    comment.full_clean()
    comment.save()
    return comment
