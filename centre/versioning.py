"""One way to stop two people silently overwriting each other's edits (optimistic concurrency).

A record people edit has a `version` column (`VersionedModel`). Its form carries the version the
person started from (`VersionedForm` adds it as a hidden field). The service writes with
`versioned_update`, which changes the row only if nobody saved since that version, and bumps it;
otherwise it raises `EditConflict` with what the other person saved. The view runs the service
through `save_versioned`, which keeps everything she typed, moves her form onto the other
person's version (so saving again is a deliberate choice), and shows one plain message with what
they changed. Nothing typed is ever lost.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .forms import add_service_errors

CONFLICT_MESSAGE = _(
    "Someone else saved this while you were editing. Here is what they changed; "
    "your text is kept below."
)

M = TypeVar("M", bound=models.Model)


class VersionedModel(models.Model):
    """A record two people may edit at once: `version` goes up by one on every save."""

    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True


class EditConflict(Exception):  # noqa: N818 - named for what happened, as people say it
    """Someone else saved first. `current` is the record as they saved it."""

    def __init__(self, current: models.Model):
        super().__init__("saved by someone else first")
        self.current = current


def versioned_update(
    model: type[M], *, pk: Any, expected_version: int | None, values: Mapping[str, Any]
) -> M:
    """Write `values` only if the row is still at `expected_version`, bump it and return the row.

    Raises EditConflict (nothing written) when someone saved in between. One conditional UPDATE,
    so two saves racing in two processes can never both win."""
    values = dict(values)
    if _has_auto_now(model, "updated_at"):
        values.setdefault("updated_at", timezone.now())  # update() skips auto_now
    updated = model._default_manager.filter(pk=pk, version=expected_version or 0).update(
        **values, version=F("version") + 1
    )
    current = model._default_manager.get(pk=pk)
    if updated != 1:
        raise EditConflict(current)
    return current


def _has_auto_now(model: type[models.Model], name: str) -> bool:
    try:
        return bool(getattr(model._meta.get_field(name), "auto_now", False))
    except Exception:  # FieldDoesNotExist: the model keeps no such field
        return False


class VersionedForm(forms.Form):
    """Mixin for a (model) form: a hidden `version` field holding the version she started from."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        instance = getattr(self, "instance", None)
        if instance is not None and getattr(instance, "pk", None) and "version" not in self.initial:
            self.initial["version"] = instance.version

    @property
    def expected_version(self) -> int:
        return (self.cleaned_data.get("version") or 0) if hasattr(self, "cleaned_data") else 0


@dataclass(frozen=True)
class ChangedField:
    label: str
    theirs: Any
    yours: Any


@dataclass
class Conflict:
    """What the other person saved, for the page to show beside what she typed."""

    current: models.Model
    changes: list[ChangedField] = field(default_factory=list)

    @property
    def version(self) -> int:
        return getattr(self.current, "version", 0)


def conflict_changes(
    form: forms.BaseForm, current: models.Model, *, fields: Iterable[str] | None = None
) -> list[ChangedField]:
    """The fields where what they saved differs from what she typed, with both values."""
    cleaned = getattr(form, "cleaned_data", {}) or {}
    changes = []
    for name in fields or form.fields:
        if name == "version" or not hasattr(current, name):
            continue
        theirs = _display(current, name)
        yours = cleaned.get(name, form.data.get(name) if hasattr(form.data, "get") else None)
        if _normalise(getattr(current, name)) != _normalise(yours):
            changes.append(ChangedField(str(form.fields[name].label or name), theirs, yours))
    return changes


def _display(obj: models.Model, name: str) -> Any:
    getter = getattr(obj, f"get_{name}_display", None)
    return getter() if callable(getter) else getattr(obj, name)


def _normalise(value: Any) -> Any:
    if isinstance(value, models.Model):
        return value.pk
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip().replace("\r\n", "\n")
    return value


def save_versioned(
    request: HttpRequest,
    form: forms.BaseForm,
    save: Callable[[], Any],
    *,
    fields: Iterable[str] | None = None,
) -> tuple[bool, Conflict | None]:
    """Run `save` (a service call that uses `versioned_update`); returns (saved, conflict).

    On a clash nothing is overwritten: the form keeps what she typed, moves to their version so
    that her next save is deliberate, and `conflict` lists what they changed. A service's
    ValidationError goes onto the form's fields."""
    try:
        save()
    except EditConflict as clash:
        data = form.data.copy()  # type: ignore[attr-defined]  # a QueryDict or a dict
        data[form.add_prefix("version")] = getattr(clash.current, "version", 0)
        form.data = data
        messages.error(request, CONFLICT_MESSAGE)
        return False, Conflict(clash.current, conflict_changes(form, clash.current, fields=fields))
    except ValidationError as error:
        add_service_errors(form, error)
        return False, None
    return True, None
