"""The report's figures as a CSV file: the stored content, already suppressed, one block per
table (a heading line, the column headings, the rows, the total). Nothing is computed here, so
the CSV always says exactly what the PDF and the page say."""

import csv
import io
from typing import Any

from django.utils.translation import gettext as _


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
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([content["centre"], content["period"]])
    writer.writerows(_summary_rows(content))
    for section in content["sections"]:
        for table in section["tables"]:
            writer.writerow([section["title"], table["caption"]])
            writer.writerow([table["row_header"], *table["columns"]])
            writer.writerows(table["rows"])
            if table.get("total"):
                writer.writerow(table["total"])
            writer.writerow([])
    return out.getvalue()
