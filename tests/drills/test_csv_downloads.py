"""Every CSV download of the app neutralises spreadsheet formulas.

Every free-text column of every row in the URL matrix's world is set to a formula, then every
page some role may open is fetched as that role; each answer that is a CSV file must have no
cell a spreadsheet would run (see centre/csv_export.py, the one writer).
"""

import csv
import io

import pytest
from django.apps import apps
from django.db import DatabaseError, models, transaction

from centre.csv_export import FORMULA_STARTS

from .pages import client_as, reachable_pages

pytestmark = [pytest.mark.drill, pytest.mark.django_db]

FORMULA = '=HYPERLINK("http://evil.example")'
NOT_FREE_TEXT = (models.SlugField, models.EmailField, models.URLField)
# Not text anyone types: what signs people in (a formula there signs every role out) and the
# name of a registered document kind (a formula there is an unknown kind, not a cell).
NOT_PLANTED = {"sessions.session", "centre.user.password", "centre.document.kind"}


def _plant_formulas() -> int:
    """Put the formula into every free-text column it fits; returns how many columns took it."""
    planted = 0
    for model in apps.get_models():
        if model._meta.label_lower in NOT_PLANTED:
            continue
        for f in model._meta.concrete_fields:
            if (
                f"{model._meta.label_lower}.{f.name}" in NOT_PLANTED
                or not isinstance(f, models.CharField | models.TextField)
                or isinstance(f, NOT_FREE_TEXT)
                or f.choices
                or f.unique
                or (f.max_length or 1000) < len(FORMULA)
            ):
                continue
            try:
                with transaction.atomic():  # some tables refuse changes (the audit log)
                    planted += bool(model._default_manager.update(**{f.name: FORMULA}))
            except (DatabaseError, PermissionError):  # refused in the database or in Python
                pass
    return planted


def test_every_csv_download_neutralises_formulas(world):
    assert _plant_formulas() > 20
    downloads, dangerous = [], []
    for name, url, column in reachable_pages(world):
        response = client_as(world, column).get(url)
        if not response.get("Content-Type", "").startswith("text/csv"):
            continue
        downloads.append(name)
        text = b"".join(getattr(response, "streaming_content", [response.content])).decode()
        for row in csv.reader(io.StringIO(text.removeprefix("\ufeff"))):
            dangerous += [
                f"{name}: {cell[:40]!r}" for cell in row if cell.startswith(FORMULA_STARTS)
            ]
    # The world's quarterly report is built, so at least its figures are a CSV download.
    assert "reports:csv" in downloads, f"no CSV was served (downloads: {downloads})"
    assert not dangerous, "\n".join(dangerous)
