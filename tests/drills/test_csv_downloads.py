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


def _plant_formulas() -> int:
    """Put the formula into every free-text column it fits; returns how many columns took it."""
    planted = 0
    for model in apps.get_models():
        for f in model._meta.concrete_fields:
            if (
                not isinstance(f, models.CharField | models.TextField)
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
    if not downloads:
        pytest.skip("no page serves a CSV file yet (write one with centre.csv_export)")
    assert not dangerous, "\n".join(dangerous)
