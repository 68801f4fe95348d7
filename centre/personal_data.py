"""The personal data registry: which models hold data about a woman, and how to find hers.

Each app declares its models in its own `personal_data.py`, next to its models, with one call
per model:

    declare(Contact, woman="woman", label="Contacts with her", retention="closed_case",
            erasure=DELETE)

- `woman` is the ORM lookup from the model to the woman's record (`"woman"`, `"booking__woman"`,
  `"pk"` for the record itself). A row is hers when `Model.objects.filter(<woman>=her.pk)`.
- `label` names the data in plain words (subject access bundle, data map, erasure record).
- `retention` names the retention kind whose period applies (see `RETENTION_KINDS`), or None
  when the row lives and dies with her case record.
- `erasure` says what erasing her does to the row: delete it, or anonymise the listed fields
  (for rows that must keep counting, such as attendance or expenses paid).

A model that links to a woman but holds nothing about her is declared `exempt(Model, reason)`.
`centre/apps.py` imports every app's `personal_data` once the registry is ready; subject access,
erasure, retention and `docs/data-map.md` are driven by `declarations()`, and a test walks every
model with a path to a woman and fails when one is neither declared nor exempt.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import models

DELETE = "delete"
ANONYMISE = "anonymise"

# The kinds of record with their own retention period (the periods are centre settings, kept by
# privacy/retention). A declaration names one, or None when its rows live and die with her case
# record (they go when the closed case record's period ends).
RETENTION_KINDS: dict[str, str] = {
    "closed_case": "Closed case records",
    "referral_not_taken": "Declined and withdrawn referrals",
    "tablet_suggestion": "Anonymous suggestions from the tablet",
    "outbox_message": "Messages sent (emails and text messages)",
    "audit_event": "Audit events",
    "meeting_attendance": "Meeting attendance",
    "expenses": "Volunteer expenses",
}


@dataclass(frozen=True)
class PersonalData:
    """One model's declaration: how to find her rows and what retention and erasure do to them."""

    model: type[models.Model]
    woman: str
    label: str
    retention: str | None = None
    erasure: str = DELETE
    anonymise: tuple[str, ...] = field(default_factory=tuple)

    @property
    def key(self) -> str:
        return self.model._meta.label_lower

    def rows_for(self, woman_pk: int) -> models.QuerySet:
        """Her rows of this model."""
        return self.model._default_manager.filter(**{self.woman: woman_pk})


_declared: dict[str, PersonalData] = {}
_exempt: dict[str, str] = {}


def declare(
    model: type[models.Model],
    *,
    woman: str,
    label: str,
    retention: str | None = None,
    erasure: str = DELETE,
    anonymise: Iterable[str] = (),
) -> PersonalData:
    """Declare that `model` holds data about a woman, found through the lookup `woman`."""
    key = model._meta.label_lower
    if key in _declared or key in _exempt:
        raise ValueError(f"{key} is already in the personal data registry.")
    if retention is not None and retention not in RETENTION_KINDS:
        raise ValueError(f"{key}: retention must be one of RETENTION_KINDS or None.")
    if erasure not in (DELETE, ANONYMISE):
        raise ValueError(f"{key}: erasure must be DELETE or ANONYMISE.")
    anonymise = tuple(anonymise)
    if erasure == ANONYMISE and not anonymise:
        raise ValueError(f"{key}: say which fields anonymising clears.")
    declaration = PersonalData(model, woman, label, retention, erasure, anonymise)
    _declared[key] = declaration
    return declaration


def exempt(model: type[models.Model], reason: str) -> None:
    """Declare that `model` links to a woman but holds nothing about her; say why."""
    key = model._meta.label_lower
    if key in _declared or key in _exempt:
        raise ValueError(f"{key} is already in the personal data registry.")
    if not reason.strip():
        raise ValueError(f"{key}: an exemption needs its reason.")
    _exempt[key] = reason


def declarations() -> list[PersonalData]:
    """Every declaration, in the order the apps declared them."""
    return list(_declared.values())


def declaration_for(model: type[models.Model]) -> PersonalData | None:
    return _declared.get(model._meta.label_lower)


def exemptions() -> dict[str, str]:
    return dict(_exempt)


def held_about(woman_pk: int) -> dict[str, models.QuerySet]:
    """Her rows of every declared model, by model label."""
    return {declaration.key: declaration.rows_for(woman_pk) for declaration in declarations()}


def _cleared_value(field: models.Field) -> object:
    """What an anonymised field holds: nothing, in the form the column accepts."""
    if field.null:
        return None
    if field.choices and field.has_default():
        return field.get_default()  # a choice's safe default (say, "not named"), never ""
    if isinstance(field, models.BooleanField):
        return False
    if isinstance(field, models.JSONField):
        return field.get_default()
    if isinstance(field, (models.CharField, models.TextField, models.FileField)):
        return ""
    if field.has_default():
        return field.get_default()
    raise ValueError(
        f"{field.model._meta.label_lower}.{field.name} cannot be cleared: make it blank or null."
    )


def erase_rows(declaration: PersonalData, rows: models.QuerySet) -> int:
    """Apply one declaration's erasure to `rows`: delete them or clear the named fields.

    Returns how many rows were changed. Files behind cleared file fields are deleted from storage
    too. Callers run this in a transaction; it is safe to run twice (a second run finds nothing
    left to delete and clears fields already clear).
    """
    if declaration.erasure == DELETE:
        count = rows.count()
        for row in rows.iterator():
            for field in row._meta.concrete_fields:
                if isinstance(field, models.FileField) and getattr(row, field.attname):
                    getattr(row, field.name).delete(save=False)
        rows.delete()
        return count
    fields = [
        field
        for name in declaration.anonymise
        if isinstance(field := declaration.model._meta.get_field(name), models.Field)
    ]
    for field in fields:
        if isinstance(field, models.FileField):
            for row in rows.exclude(**{field.attname: ""}).iterator():
                getattr(row, field.name).delete(save=False)
    return rows.update(**{field.name: _cleared_value(field) for field in fields})


def erase(woman_pk: int) -> dict[str, int]:
    """Erase everything held about one woman, as every app declared; rows changed per model.

    Declarations run in reverse order, so the apps that read casework go before casework's own
    rows and her record itself (declared first, by casework) is anonymised last. Never logs or
    returns content: only counts.
    """
    counts: dict[str, int] = {}
    for declaration in reversed(declarations()):
        counts[declaration.key] = erase_rows(declaration, declaration.rows_for(woman_pk))
    return counts
