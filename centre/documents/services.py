"""Writes for generated documents: ask for one, build it, record progress, success or failure."""

import logging
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from celery.exceptions import SoftTimeLimitExceeded
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from centre.models import Centre, User
from centre.outbox import BROKER_ERRORS
from centre.pdf import render_pdf

from .models import Document, document_path
from .registry import document_kind

logger = logging.getLogger(__name__)
STALE_AFTER = timedelta(minutes=10)  # a build claimed this long ago was left by a dead worker


@dataclass(frozen=True)
class Coverage:
    """What a document covers: a period, an object, a key, or a mix of them."""

    period_start: date | None = None
    period_end: date | None = None
    obj: models.Model | None = None
    key: str = ""

    def fields(self) -> dict[str, Any]:
        content_type = ContentType.objects.get_for_model(self.obj) if self.obj else None
        object_id = str(self.obj.pk) if self.obj else ""
        parts = [
            f"{self.period_start or ''}..{self.period_end or ''}" if self.period_start else "",
            f"{content_type.app_label}.{content_type.model}:{object_id}" if content_type else "",
            self.key,
        ]
        return {
            "period_start": self.period_start,
            "period_end": self.period_end,
            "content_type": content_type,
            "object_id": object_id,
            "key": self.key,
            "coverage": "|".join(parts),
        }


EVERYTHING = Coverage()  # a document about the centre as a whole (the poster)


def document_unsaved(*, centre: Centre, kind: str, coverage: Coverage = EVERYTHING) -> Document:
    """A document that is never stored: for commands that write the file somewhere else."""
    document_kind(kind)
    return Document(centre=centre, kind=kind, **coverage.fields())


@transaction.atomic
def document_request(
    *,
    centre: Centre,
    kind: str,
    coverage: Coverage = EVERYTHING,
    requested_by: User | None = None,
    retry_waiting: bool = False,
    enqueue: bool = True,
) -> tuple[Document, bool]:
    """Ask for a document to be built (or rebuilt). Returns (document, started). A build already
    waiting is reused; with `retry_waiting` (a scheduled run) it is enqueued again in case the
    broker lost it: the build claims the row, so a duplicate does nothing. Who asked is kept on
    the row; callers write their own audit event if asking is worth one. Safe to call twice."""
    spec = document_kind(kind)
    fields = coverage.fields()
    document, _created = Document.objects.get_or_create(
        centre=centre, kind=kind, coverage=fields.pop("coverage"), defaults=fields
    )
    document = Document.objects.select_for_update().get(pk=document.pk)
    now = timezone.now()
    waiting = (
        document.in_progress and document.requested_at and now - document.requested_at < STALE_AFTER
    )
    if waiting:
        if retry_waiting and document.status == Document.Status.QUEUED:
            transaction.on_commit(lambda: _enqueue(document.pk, spec.queue))
        return document, False
    Document.objects.filter(pk=document.pk).update(
        status=Document.Status.QUEUED,
        progress=0,
        progress_message=_("Waiting to start"),
        requested_at=now,
        requested_by=requested_by,
        error="",
    )
    document.refresh_from_db()
    if enqueue:
        transaction.on_commit(lambda: _enqueue(document.pk, spec.queue))
    return document, True


def _enqueue(document_id: int, queue: str) -> None:
    # Inner import: centre.tasks imports this module (a real cycle).
    from centre.tasks import document_build_task

    try:
        document_build_task.apply_async(args=[document_id], queue=queue, retry=False)
    except BROKER_ERRORS:  # broker down: the document stays queued for the next request or run
        logger.warning("Broker unavailable; document %s waits", document_id)


def _claim(document_id: int, *, rebuild: bool) -> int:
    """A conditional update, so only one worker builds: a waiting document, one whose build was
    left by a worker that died, or (asked to rebuild) one already built or failed."""
    now = timezone.now()
    claimable = models.Q(status=Document.Status.QUEUED) | models.Q(
        status=Document.Status.BUILDING, started_at__lt=now - STALE_AFTER
    )
    if rebuild:
        claimable |= models.Q(status__in=[Document.Status.READY, Document.Status.FAILED])
    return Document.objects.filter(claimable, pk=document_id).update(
        status=Document.Status.BUILDING,
        started_at=now,
        progress=5,
        progress_message=_("Starting"),
    )


def document_progress(*, document_id: int | None, percent: int, message: str) -> None:
    """Record how far a build has got (shown by the progress partial). Safe to call twice."""
    if document_id is None:
        return
    Document.objects.filter(pk=document_id, status=Document.Status.BUILDING).update(
        progress=max(0, min(100, percent)), progress_message=message[:120]
    )


def document_render(document: Document) -> tuple[bytes, dict[str, Any]]:
    """The document's file as bytes, and what to keep of it on the row. Stores nothing."""
    spec = document_kind(document.kind)
    document_progress(document_id=document.pk, percent=10, message=_("Gathering what goes in it"))
    context = spec.context(document)
    document_progress(document_id=document.pk, percent=60, message=_("Laying out the pages"))
    pdf = render_pdf(spec.template, {"centre": document.centre, "document": document, **context})
    return pdf, (spec.summary(context) if spec.summary else {})


def document_build(*, document_id: int, rebuild: bool = False) -> bool:
    """Build one document and store its file. Safe to run twice: only the call that claims the
    row builds it, and a ready document is left alone unless `rebuild`."""
    if not _claim(document_id, rebuild=rebuild):
        return False
    document = Document.objects.select_related("centre").get(pk=document_id)
    try:
        pdf, summary = document_render(document)
        document_progress(document_id=document_id, percent=90, message=_("Saving the file"))
        _store(document, pdf, summary)
    except Exception as error:
        _fail(document_id, error)
        raise
    return True


def _store(document: Document, pdf: bytes, summary: dict[str, Any]) -> None:
    """Save the new file under a fresh name, point the row at it, then delete the old file, so
    a download running meanwhile reads a whole file, old or new."""
    storage = document.file.storage
    old_name = document.file.name
    filename = document_kind(document.kind).filename(document)
    new_name = storage.save(document_path(document, filename), ContentFile(pdf))
    Document.objects.filter(pk=document.pk).update(
        status=Document.Status.READY,
        file=new_name,
        summary=summary,
        built_at=timezone.now(),
        progress=100,
        progress_message=_("Ready"),
        error="",
    )
    if old_name and old_name != new_name:
        storage.delete(old_name)


def _fail(document_id: int, error: Exception) -> None:
    if isinstance(error, SoftTimeLimitExceeded):
        message = _("It took too long to build. Please try again later.")
    else:
        message = str(error).strip() or error.__class__.__name__
    logger.exception("Document %s could not be built", document_id)
    Document.objects.filter(pk=document_id).update(
        status=Document.Status.FAILED, error=message[:300], progress_message=""
    )


def document_build_now(
    *, centre: Centre, kind: str, coverage: Coverage = EVERYTHING, requested_by: User | None = None
) -> Document:
    """Build a small document in this request, for files people expect at once (the printed
    programme, a certificate). Returns the document; if someone else is building it right now,
    the last good file (if any) stays."""
    document, _started = document_request(
        centre=centre, kind=kind, coverage=coverage, requested_by=requested_by, enqueue=False
    )
    document_build(document_id=document.pk, rebuild=True)
    document.refresh_from_db()
    return document
