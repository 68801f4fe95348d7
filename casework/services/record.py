"""Her record: opening it, her details (safe against two people saving at once), her choices
about taking part, her stage."""

from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.storage import Storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from centre.audit import audit_log
from centre.models import Centre, User
from centre.versioning import versioned_update

from ..models import (
    OPEN_STAGES,
    WOMAN_ABOUT_FIELDS,
    WOMAN_CONTACT_FIELDS,
    Stage,
    StageChange,
    Woman,
)

WOMAN_DETAIL_FIELDS = [*WOMAN_CONTACT_FIELDS, "photo_on_registers", *WOMAN_ABOUT_FIELDS]


PARTICIPATION_FIELDS = ["invite_to_meetings", "send_newsletter", "ask_to_help"]


@transaction.atomic
def woman_create(
    *, centre: Centre, by: User, stage: str = Stage.ASSESSMENT, reason: str = "", **fields: Any
) -> Woman:
    """Open a woman's record, with the first entry in her stage history."""
    woman = Woman(centre=centre, stage=stage, **fields)
    woman.full_clean()
    woman.save()
    StageChange.objects.create(
        woman=woman, from_stage="", to_stage=stage, reason=reason[:500], changed_by=by
    )
    audit_log(actor=by, action="casework.woman.create", obj=woman, woman_id=woman.pk)
    return woman


@transaction.atomic
def woman_update(
    *, woman: Woman, expected_version: int | None, data: dict[str, Any], by: User
) -> Woman:
    """Save her details unless someone else saved first (EditConflict)."""
    values = {name: data[name] for name in WOMAN_DETAIL_FIELDS if name in data}
    old_photo = woman.photo.name
    if "photo" in data:
        if data["photo"] is False:
            values["photo"] = ""
        elif data["photo"]:
            woman.photo.save(data["photo"].name, data["photo"], save=False)
            values["photo"] = woman.photo.name
    candidate = Woman(**{**{f: getattr(woman, f) for f in WOMAN_DETAIL_FIELDS}, **values})
    candidate.centre = woman.centre
    candidate.full_clean(exclude=["centre", "photo"])
    values["updated_at"] = timezone.now()
    saved = versioned_update(Woman, pk=woman.pk, expected_version=expected_version, values=values)
    audit_log(actor=by, action="casework.woman.edit", obj=saved, woman_id=saved.pk)
    if old_photo and values.get("photo", old_photo) != old_photo:
        _remove_file_on_commit(woman.photo.storage, old_photo)
    return saved


def _remove_file_on_commit(storage: Storage, name: str) -> None:
    """A replaced or removed photo leaves the disk once the change is saved (and stays if the
    save is rolled back, so the record never points at a missing file)."""
    transaction.on_commit(lambda: storage.delete(name))


@transaction.atomic
def participation_update(*, woman: Woman, by: User, **choices: bool) -> Woman:
    """Her opt-ins for meetings, the newsletter and being asked to help. Safe to call twice."""
    values: dict[str, Any] = {name: bool(choices.get(name)) for name in PARTICIPATION_FIELDS}
    values["participation_updated_at"] = timezone.now()
    Woman.objects.filter(pk=woman.pk).update(**values)
    audit_log(actor=by, action="casework.woman.participation", obj=woman, woman_id=woman.pk)
    woman.refresh_from_db()
    return woman


@transaction.atomic
def woman_stage_change(*, woman: Woman, stage: str, reason: str, by: User) -> Woman:
    """Move her to a stage, keeping the history. She can come back from closed at any time."""
    if stage not in Stage.values:
        raise ValidationError({"stage": _("Choose a stage.")})
    if stage == woman.stage:
        raise ValidationError({"stage": _("She is already at that stage.")})
    reopening = woman.stage not in OPEN_STAGES and stage in OPEN_STAGES
    if (reopening or stage == Stage.CLOSED) and not reason.strip():
        raise ValidationError({"reason": _("Say why, so the history makes sense later.")})
    StageChange.objects.create(
        woman=woman, from_stage=woman.stage, to_stage=stage, reason=reason[:500], changed_by=by
    )
    closed_at = timezone.now() if stage == Stage.CLOSED else None
    Woman.objects.filter(pk=woman.pk).update(stage=stage, closed_at=closed_at)
    woman.stage, woman.closed_at = stage, closed_at
    audit_log(actor=by, action="casework.woman.stage", obj=woman, woman_id=woman.pk)
    return woman
