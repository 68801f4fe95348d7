"""The report's figures as a CSV file: the stored content, already suppressed, one block per
table (a heading line, the column headings, the rows, the total). Nothing is computed here, so
the CSV always says exactly what the PDF and the page say."""

import io
from typing import Any

from django.utils.translation import gettext as _

from centre.csv_export import csv_write


def _summary_rows(content: dict[str, Any]) -> list[list[str]]:
    if not content.get("summary"):
        return []
    rows = [
        [_("Summary")],
        [
            _("Figure"),
            _("This quarter"),
            _("Last quarter"),
            _("Same quarter last year"),
            _("Target"),
        ],
    ]
    rows += [
        [h["label"], h["value"], h["previous"], h["last_year"], h["target"]]
        for h in content["summary"]
    ]
    return [*rows, []]


def report_csv(content: dict[str, Any]) -> str:
    """The tables of a report's stored content as CSV text."""
    rows = _summary_rows(content)
    for section in content["sections"]:
        for table in section["tables"]:
            rows.append([section["title"], table["caption"]])
            rows.append([table["row_header"], *table["columns"]])
            rows.extend(table["rows"])
            if table.get("total"):
                rows.append(table["total"])
            rows.append([])
    out = io.StringIO()
    # Through the one CSV writer, so a caption or label can never be read as a formula.
    csv_write(out, [content["centre"], content["period"]], rows)
    return out.getvalue()
