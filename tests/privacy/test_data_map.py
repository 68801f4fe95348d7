"""docs/data-map.md is the data_map command's output: regenerate it when the registry changes."""

import io
from pathlib import Path

from django.core.management import call_command

from centre.personal_data import declarations

DATA_MAP = Path(__file__).resolve().parents[2] / "docs" / "data-map.md"


def test_docs_data_map_matches_the_registry():
    out = io.StringIO()
    call_command("data_map", stdout=out)
    assert DATA_MAP.read_text() == out.getvalue(), (
        "docs/data-map.md is out of date: run "
        "`python manage.py data_map > docs/data-map.md` and commit it."
    )


def test_every_declaration_is_in_the_map():
    text = DATA_MAP.read_text()
    for declaration in declarations():
        assert f"`{declaration.key}`" in text
