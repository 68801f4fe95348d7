"""Two people saving the same record, for every versioned record in the project.

The records are found by walking the models (any model with a `version` counter, such as a
`centre.versioning.VersionedModel`), so a new one is covered without editing this test. Their
edit pages are found by opening every page of the URL matrix's world and keeping the forms that
carry the hidden `version` field. On each such page, as a role allowed there, one person saves
(the record's version goes up), then the second sends the form she opened before: she is warned,
her text is on the page for her to keep, and nothing of hers overwrote theirs.
"""

import pytest
from django.apps import apps
from django.db import transaction
from django.utils.html import escape

from centre.versioning import CONFLICT_MESSAGE

from .pages import client_as, forms_on, pages_with_forms, post, reachable_pages, shows_error

pytestmark = [pytest.mark.drill, pytest.mark.django_db]

VERSIONED = sorted(
    model._meta.label
    for model in apps.get_models()
    if any(f.name == "version" for f in model._meta.concrete_fields)
)
WARNING = str(CONFLICT_MESSAGE)
_bumps: dict = {}  # (url name, form index) -> the versioned models its save was seen to change


def _edit_forms(world):
    """(url name, column, form index) of every form that carries a version field."""
    return [
        (name, column, index)
        for name, column, forms in pages_with_forms(world)
        for index, form in enumerate(forms)
        if form.method == "post" and any(f.name.endswith("version") for f in form.fields)
    ]


def _versions():
    return {
        (label, pk): version
        for label in VERSIONED
        for pk, version in apps.get_model(label).objects.values_list("pk", "version")
    }


def _her_field(form):
    """The field she types into, with what the first person and she type there: the first text
    area, else a plain text box, else a number (a register's count of others)."""
    typed = form.typed_fields()
    for kind in ("textarea", "text", "number"):
        for field in typed:
            if (field.tag == "textarea") == (kind == "textarea") and field.type in (kind, ""):
                if kind == "number":
                    start = int(field.value or 0)
                    return field, str(start + 1), str(start + 2), f'value="{start + 2}"'
                mine = "My words, typed before they saved"
                shown = mine if kind == "textarea" else f'value="{mine}"'
                return field, f"{field.value} Their change".strip(), mine, shown
    return None


def test_every_versioned_model_is_found():
    assert "casework.Woman" in VERSIONED and "meetings.Minutes" in VERSIONED


@pytest.mark.parametrize("label", VERSIONED)
def test_the_second_to_save_is_warned_and_keeps_her_text(label, world):
    page_urls = {name: url for name, url, _column in reachable_pages(world)}
    proved, failures = [], []
    for editor in _edit_forms(world):
        name, column, index = editor
        if editor in _bumps and label not in _bumps[editor]:
            continue  # seen before: it edits something else
        with transaction.atomic():  # each page starts from the same world
            client = client_as(world, column)
            form = forms_on(client, page_urls[name])[index]
            typing = _her_field(form)
            if typing is None:
                transaction.set_rollback(True)
                continue
            field, their_value, mine, shown = typing
            before = _versions()
            theirs = {**form.data(), field.name: [their_value]}
            post(client, form, theirs)
            bumped = {key[0] for key, version in _versions().items() if before.get(key) != version}
            _bumps[editor] = bumped
            if label in bumped:
                saved_before = _versions()
                response = post(client, form, {**form.data(), field.name: [mine]})
                page = response.content.decode()
                problems = [
                    problem
                    for problem, wrong in (
                        # A clash answers 409; a refusal (cancelling what they already
                        # cancelled) answers 400 with its reason, as every refused form does.
                        (
                            f"status {response.status_code}",
                            response.status_code not in (200, 400, 409),
                        ),
                        # Warned of the clash, or (cancelling what they already cancelled) told
                        # why her save cannot go ahead.
                        ("no warning", escape(WARNING) not in page and not shows_error(page)),
                        ("what she typed is not on the page", shown not in page),
                        ("her save changed the record", _versions() != saved_before),
                    )
                    if wrong
                ]
                if problems:
                    failures.append(f"{name} as {column}: {', '.join(problems)}")
                else:
                    proved.append(name)
            transaction.set_rollback(True)
    assert not failures, "\n".join(failures)
    assert proved, (
        f"No page of the URL matrix's world edits {label} through a form with a version field "
        "(give the world such a record, or make its edit page use centre.versioning)."
    )
