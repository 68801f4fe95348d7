"""The personal data registry covers every model with a path to a woman's record.

Walks every installed model's foreign keys and one-to-ones (up to four steps) to
`casework.Woman`. A model found that way which is neither declared nor exempt fails the test,
by name, so a new model about a woman cannot be added without saying how subject access,
erasure and retention treat it.
"""

from collections import deque

import pytest
from django.apps import apps
from django.db import models

from casework.models import Woman
from centre.personal_data import ANONYMISE, declarations, exemptions, held_about

MAX_DEPTH = 4


def path_to_woman(model: type[models.Model]) -> str | None:
    """The shortest lookup from `model` to a woman's record, or None."""
    if model is Woman:
        return "pk"
    queue: deque[tuple[type[models.Model], list[str]]] = deque([(model, [])])
    seen = {model}
    while queue:
        current, path = queue.popleft()
        if len(path) >= MAX_DEPTH:
            continue
        for field in current._meta.concrete_fields:
            if not (field.many_to_one or field.one_to_one) or field.related_model is None:
                continue
            target = field.related_model
            if target == "self":
                target = current
            step = [*path, field.name]
            if target is Woman:
                return "__".join(step)
            if target not in seen:
                seen.add(target)
                queue.append((target, step))
    return None


def models_with_a_path() -> dict[str, str]:
    found = {}
    for model in apps.get_models():
        path = path_to_woman(model)
        if path is not None:
            found[model._meta.label_lower] = path
    return found


def test_the_walk_finds_what_it_should():
    found = models_with_a_path()
    assert found["casework.woman"] == "pk"
    assert found["casework.contact"] == "woman"
    assert found["newsletter.comment"] == "contribution__woman"
    assert "centre.centre" not in found


def test_every_model_with_a_path_to_a_woman_is_declared_or_exempt():
    declared = {declaration.key for declaration in declarations()}
    covered = declared | set(exemptions())
    missing = sorted(
        f"{label} (through {path})"
        for label, path in models_with_a_path().items()
        if label not in covered
    )
    assert not missing, (
        "These models hold a path to a woman's record but are not in the personal data "
        "registry; declare them (or exempt them with a reason) in their app's "
        "personal_data.py: " + ", ".join(missing)
    )


def test_her_record_is_declared_first_and_anonymised():
    first = declarations()[0]
    assert first.model is Woman
    assert first.woman == "pk"
    assert first.erasure == ANONYMISE
    assert {"first_name", "last_name", "date_of_birth", "mobile", "email", "photo"} <= set(
        first.anonymise
    )


@pytest.mark.django_db
def test_every_declaration_lookup_runs(django_assert_max_num_queries):
    queries = held_about(0)
    assert set(queries) == {declaration.key for declaration in declarations()}
    with django_assert_max_num_queries(len(queries)):
        for queryset in queries.values():
            assert queryset.count() == 0


def test_anonymised_fields_exist_and_can_be_cleared():
    for declaration in declarations():
        for name in declaration.anonymise:
            field = declaration.model._meta.get_field(name)  # raises when the field is missing
            assert field.concrete, f"{declaration.key}.{name} is not a column"
            assert (
                field.null
                or isinstance(
                    field,
                    (models.CharField, models.TextField, models.FileField, models.BooleanField),
                )
                or field.has_default()
            ), f"{declaration.key}.{name} cannot be cleared"


def test_declared_lookups_lead_to_a_woman():
    for declaration in declarations():
        if declaration.woman == "pk":
            assert declaration.model is Woman
            continue
        model = declaration.model
        for part in declaration.woman.split("__"):
            model = model._meta.get_field(part).related_model
        assert model is Woman, f"{declaration.key}: {declaration.woman} does not reach a woman"
