"""The building blocks of a report section: tables of suppressed figures, as plain data.

A table is a dict: caption, row_header, columns, rows ([label, cell, ...]) and, when the rows add
up, a total row. Every total is the sum of its rows (a test checks every table of a report), so
a column whose rows overlap (women who came to two activities) has a dash in the total row and
its real total is given in its own figure table.
"""

from collections.abc import Mapping
from typing import Any

from django.db.models import TextChoices
from django.utils.translation import gettext as _

from . import suppression as s

NO_TOTAL = "–"


def labelled(
    choices: type[TextChoices], raw: Mapping[str, int], order: list[str] | None = None
) -> dict[str, int]:
    """{label: n} for every choice (zeros included), in the choices' order; anything recorded
    under a value no longer offered keeps its own row."""
    keys = order or [value for value, _label in choices.choices]
    names = {**dict(choices.choices), "": _("Not recorded")}
    result = {str(names.get(key, key)): raw.get(key, 0) for key in keys}
    for key, n in raw.items():
        if key not in keys:
            result[str(names.get(key, key))] = n
    return result


def group_table(
    caption: str,
    values: dict[str, int],
    *,
    column: str,
    row_header: str,
    total_label: str | None = None,
    total_fixed: bool = True,
) -> tuple[dict[str, Any], list[tuple[str, int | None, str]]]:
    """A one-column table of a protected group (rules 1 and 2), and the bars it may chart."""
    cells, total = s.protect(values, total_fixed=total_fixed)
    table = {
        "caption": caption,
        "row_header": row_header,
        "columns": [column],
        "rows": [[label, cells[label].text] for label in values],
        "total": [total_label or _("Total"), total.text],
    }
    if values and all(cells[label].state == s.HIDDEN for label in values):
        # Rule 2's last resort hides the zeros too (with five 1s and a 0 under a total of 5,
        # the 0 would say each of the others is exactly 1): the note says why.
        table["note"] = _(
            "None of these counts is shown, not even a 0: with the total, any one of them would "
            "let a count of fewer than 5 be worked out."
        )
    bars = [(label, cells[label].value, cells[label].text) for label in values]
    return table, bars


def list_table(
    caption: str, values: dict[str, int], *, column: str, row_header: str
) -> tuple[dict[str, Any], list[tuple[str, int | None, str]]]:
    """A table of counts that overlap (a contact can name two needs): no total, rule 1 only."""
    cells = {label: s.count(n) for label, n in values.items()}
    table = {
        "caption": caption,
        "row_header": row_header,
        "columns": [column],
        "rows": [[label, cells[label].text] for label in values],
    }
    return table, [(label, cells[label].value, cells[label].text) for label in values]


def figure_table(caption: str, rows: list[list[str]], column: str | None = None) -> dict[str, Any]:
    """Figures that are not a breakdown of one another (no total row)."""
    return {
        "caption": caption,
        "row_header": _("Measure"),
        "columns": [column or _("Number")],
        "rows": rows,
    }


def columns_table(
    caption: str,
    rows: list[tuple[str, dict[str, int]]],
    columns: list[tuple[str, Any, bool]],
    *,
    row_header: str,
    total_label: str,
    service: tuple[str, ...] = (),
) -> dict[str, Any]:
    """A table of several columns of counts. `columns`: (key, heading, adds_up). A column that
    adds up is protected as a group under its total; one that does not gets rule 1 and a dash
    in the total row. Keys in `service` count meetings or sessions, not women: shown in full."""
    cells: dict[str, list[str]] = {}
    totals = [total_label]
    for key, _heading, adds_up in columns:
        values = {index: row[key] for index, (_label, row) in enumerate(rows)}
        if key in service:
            cells[key] = [f"{n:,}" for n in values.values()]
            totals.append(f"{sum(values.values()):,}" if adds_up else NO_TOTAL)
        elif adds_up:
            protected, total = s.protect(values)
            cells[key] = [protected[index].text for index in values]
            totals.append(total.text)
        else:
            cells[key] = [s.count(n).text for n in values.values()]
            totals.append(NO_TOTAL)
    return {
        "caption": caption,
        "row_header": row_header,
        "columns": [str(heading) for _key, heading, _adds in columns],
        "rows": [
            [label, *(cells[key][index] for key, _h, _a in columns)]
            for index, (label, _row) in enumerate(rows)
        ],
        "total": totals,
    }
