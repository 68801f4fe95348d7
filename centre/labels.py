"""A choice's label for a list of rows, translated once.

Django's get_<field>_display() builds the field's whole choices dictionary on every call, and
with lazily translated labels that means translating and hashing every label of the field for
every row (profiled on the suggestions list: a fifth of the page's time for 25 rows; on her
timeline, 100 contacts). `choice_label(obj, "field")` keeps one dictionary per model, field and
language; templates use it as `{{ obj|choice_label:"field" }}` (`{% load choices %}`).
"""

from functools import lru_cache
from typing import Any

from django.db.models import Choices, Model
from django.utils.translation import get_language


@lru_cache(maxsize=512)
def choice_labels(model: type[Model], field_name: str, language: str | None) -> dict[Any, str]:
    field = model._meta.get_field(field_name)
    return {value: str(label) for value, label in field.flatchoices}  # type: ignore[union-attr]


def choice_label(obj: Model, field_name: str) -> Any:
    """What get_<field_name>_display() gives: the label, or the value when it has none."""
    value = getattr(obj, field_name)
    if value is None or value == "":
        return getattr(obj, f"get_{field_name}_display")()
    try:
        labels = choice_labels(type(obj)._meta.concrete_model, field_name, get_language())
    except TypeError:  # an unhashable value (a list): let Django work it out
        return getattr(obj, f"get_{field_name}_display")()
    return labels.get(value, value)


@lru_cache(maxsize=256)
def _enum_labels(choices: type[Choices], language: str | None) -> dict[Any, str]:
    return {value: str(label) for value, label in choices.choices}


def enum_labels(choices: type[Choices]) -> dict[Any, str]:
    """{value: label} of a choices class (`Domain`, `Contact.Support`), translated once per
    language: for lists of values in a JSON field, which have no get_<field>_display()."""
    return _enum_labels(choices, get_language())
