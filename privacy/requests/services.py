"""Writes for data protection requests: record one, build her bundle, record corrections, mark
one done, and erasure in two steps (one manager proposes, a different one approves). Every step
is audited against her record; erasure keeps counts per kind of data, never content."""

from datetime import date
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from casework.access import Grounds
from casework.models import Woman
from centre.audit import audit_log
from centre.documents.models import Document
from centre.documents.services import Coverage, document_render, document_request, document_unsaved
from centre.models import Centre, User
from centre.personal_data import declarations, erase, erase_rows
from privacy.retention.services import is_held

from .bundle import MESSAGES, bundle_json, bundle_zip, everything_held, messages_to
from .documents import EVERYTHING_HELD
from .models import Correction, DataRequest, one_month_after


def _audit(action: str, *, by: User | None, data_request: DataRequest, reason: str = "") -> None:
    audit_log(
        actor=by,
        action=action,
        obj=data_request,
        centre=data_request.centre,
        reason=reason,
        grounds=Grounds.MANAGER,
        woman_id=data_request.woman_id,
    )


def request_create(
    *,
    centre: Centre,
    woman: Woman,
    kind: str,
    received_on: date,
    notes: str,
    by: User,
) -> DataRequest:
    if woman.centre_id != centre.pk:
        raise ValidationError({"woman": _("Choose a woman of this centre.")})
    if received_on > timezone.localdate():
        raise ValidationError({"received_on": _("The date received cannot be in the future.")})
    data_request = DataRequest.objects.create(
        centre=centre,
        woman=woman,
        kind=kind,
        received_on=received_on,
        due_on=one_month_after(received_on),
        notes=notes,
        handled_by=by,
    )
    _audit("privacy.request.create", by=by, data_request=data_request)
    return data_request


def bundle_build(*, data_request: DataRequest, by: User) -> Document:
    """Ask the platform to build her bundle's PDF for this request (a rebuild replaces it)."""
    document, _started = document_request(
        centre=data_request.centre,
        kind=EVERYTHING_HELD,
        coverage=Coverage(obj=data_request),
        requested_by=by,
    )
    _audit("privacy.bundle.build", by=by, data_request=data_request)
    return document


def _bundles(**filters: Any) -> QuerySet[Document]:
    """The built bundles (each made for a request), narrowed by `filters`."""
    return Document.objects.filter(
        kind=EVERYTHING_HELD, content_type=ContentType.objects.get_for_model(DataRequest), **filters
    )


def bundle_document(data_request: DataRequest) -> Document | None:
    return _bundles(centre=data_request.centre, object_id=str(data_request.pk)).first()


def bundle_export(*, woman: Woman, by: User | None) -> bytes:
    """The whole bundle as zip bytes: the JSON of every declared model's rows and the audit
    trail, and the readable PDF (made now, stored nowhere). Writes one audit event."""
    json_text = bundle_json(everything_held(woman))
    document = document_unsaved(
        centre=woman.centre, kind=EVERYTHING_HELD, coverage=Coverage(obj=woman)
    )
    pdf, _summary = document_render(document)
    audit_log(
        actor=by,
        action="privacy.bundle.export",
        obj=woman,
        grounds=Grounds.MANAGER,
        woman_id=woman.pk,
    )
    return bundle_zip(json_text=json_text, pdf=pdf, woman=woman)


def correction_add(
    *, data_request: DataRequest, what: str, change: str, reason: str, by: User
) -> Correction:
    if data_request.kind != DataRequest.Kind.RECTIFICATION:
        raise ValidationError(_("Corrections are recorded on a request to put something right."))
    if not data_request.is_open:
        raise ValidationError(_("This request is done: open a new one for another correction."))
    correction = Correction.objects.create(
        request=data_request, what=what, change=change, reason=reason, recorded_by=by
    )
    _audit("privacy.correction.add", by=by, data_request=data_request)
    return correction


def request_done(*, data_request: DataRequest, by: User) -> None:
    """An access or rectification request answered (an erasure is done by its approval)."""
    if data_request.kind == DataRequest.Kind.ERASURE:
        raise ValidationError(_("An erasure is done when a second manager approves it."))
    if not data_request.is_open:
        raise ValidationError(_("This request is already done."))
    if (
        data_request.kind == DataRequest.Kind.RECTIFICATION
        and not data_request.corrections.exists()
    ):
        raise ValidationError(_("Record what was corrected before marking the request done."))
    updated = (
        DataRequest.objects.filter(pk=data_request.pk)
        .exclude(status=DataRequest.Status.DONE)
        .update(status=DataRequest.Status.DONE, done_at=timezone.now(), handled_by=by)
    )
    if not updated:  # someone else marked it done a moment ago
        raise ValidationError(_("This request is already done."))
    _audit("privacy.request.done", by=by, data_request=data_request)


def erasure_propose(*, data_request: DataRequest, reason: str, by: User) -> None:
    if data_request.kind != DataRequest.Kind.ERASURE:
        raise ValidationError(_("Only an erasure request can be proposed for erasure."))
    if data_request.status != DataRequest.Status.OPEN:
        raise ValidationError(_("This erasure has already been proposed or done."))
    if not reason.strip():
        raise ValidationError({"reason": _("Say why her data should be erased.")})
    updated = DataRequest.objects.filter(pk=data_request.pk, status=DataRequest.Status.OPEN).update(
        status=DataRequest.Status.PROPOSED,
        proposed_by=by,
        proposed_at=timezone.now(),
        erasure_reason=reason,
    )
    if not updated:  # someone else proposed it a moment ago
        raise ValidationError(_("This erasure has already been proposed or done."))
    _audit("privacy.erasure.propose", by=by, data_request=data_request)


@transaction.atomic
def erasure_approve(*, data_request: DataRequest, by: User) -> dict[str, int]:
    """A second manager approves: erase everything the registry declares about her, in one
    transaction, and keep only how many rows each kind of data lost. Returns those counts."""
    locked = DataRequest.objects.select_for_update().select_related("woman").get(pk=data_request.pk)
    if locked.status != DataRequest.Status.PROPOSED:
        raise ValidationError(_("This erasure is not waiting for approval."))
    if locked.proposed_by_id == by.pk:
        raise ValidationError(
            _("You proposed this erasure, so a different manager must approve it.")
        )
    woman = locked.woman
    if is_held(woman):
        raise ValidationError(
            _("Her record is under a legal hold, so it cannot be erased until the hold ends.")
        )
    _delete_bundles(woman)
    # Found by her contact details, so before erasing them.
    sent = erase_rows(MESSAGES, messages_to(woman))
    counts = {**erase(woman.pk), MESSAGES.key: sent}
    Woman.objects.filter(pk=woman.pk).update(anonymised_at=timezone.now())
    labels = {declaration.key: declaration.label for declaration in [*declarations(), MESSAGES]}
    erased = {labels[key]: count for key, count in counts.items() if count}
    DataRequest.objects.filter(pk=locked.pk).update(
        status=DataRequest.Status.DONE,
        approved_by=by,
        approved_at=timezone.now(),
        done_at=timezone.now(),
        handled_by=by,
        erased_counts=erased,
    )
    _audit("privacy.erasure.approve", by=by, data_request=locked)
    return erased


def _delete_bundles(woman: Woman) -> None:
    """Her built bundles hold everything about her: they go with her data."""
    documents = _bundles(
        object_id__in=[str(pk) for pk in woman.data_requests.values_list("pk", flat=True)]
    )
    for document in documents:
        if document.file:
            document.file.delete(save=False)
    documents.delete()
