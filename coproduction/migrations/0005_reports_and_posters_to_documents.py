"""Move every quarterly report's and poster's build state and PDF into platform documents
(centre.Document), so one pipeline builds, stores and serves them. Nothing is dropped: each
report keeps its row (and address) and points at its document; each poster that was ever asked
for becomes its centre's poster document. A poster row never asked for holds nothing to keep."""

import calendar
from datetime import date

from django.core.files.base import ContentFile
from django.db import migrations

QUARTERLY_REPORT = "quarterly_report"  # coproduction/reports/documents.py
POSTER = "you_said_we_did_poster"  # coproduction/documents.py
BUILD_FIELDS = ("requested_at", "started_at", "built_at", "error")


def quarter_bounds(quarter):
    year, number = int(quarter[:4]), int(quarter[5])
    last_month = 3 * number
    last_day = calendar.monthrange(year, last_month)[1]
    return date(year, last_month - 2, 1), date(year, last_month, last_day)


def _document(Document, *, centre_id, kind, status, coverage, summary, row, **extra):
    return Document.objects.create(
        centre_id=centre_id,
        kind=kind,
        status=status,
        progress=100 if status == "ready" else 0,
        coverage=coverage,
        summary=summary,
        **{name: getattr(row, name) for name in BUILD_FIELDS},
        **extra,
    )


def reports_forwards(apps, schema_editor):
    Document = apps.get_model("centre", "Document")
    QuarterlyReport = apps.get_model("coproduction", "QuarterlyReport")
    for report in QuarterlyReport.objects.select_related("centre").order_by("pk"):
        start, end = quarter_bounds(report.quarter)
        document = _document(
            Document,
            centre_id=report.centre_id,
            kind=QUARTERLY_REPORT,
            status=report.status,
            coverage=f"{start}..{end}||",
            summary=report.content or {},
            row=report,
            period_start=start,
            period_end=end,
            requested_by_id=report.requested_by_id,
        )
        if report.pdf:
            name = f"quarterly-report-{report.centre.slug}-{report.quarter}.pdf"
            document.file.save(name, ContentFile(bytes(report.pdf)), save=True)
        report.document_id = document.pk
        report.save(update_fields=["document"])


def posters_forwards(apps, schema_editor):
    Document = apps.get_model("centre", "Document")
    Poster = apps.get_model("coproduction", "Poster")
    for poster in Poster.objects.select_related("centre").exclude(state="never").order_by("pk"):
        document = _document(
            Document,
            centre_id=poster.centre_id,
            kind=POSTER,
            status=poster.state,
            coverage="||",
            summary={"items": poster.item_count},
            row=poster,
        )
        if poster.pdf:
            name = f"you-said-we-did-{poster.centre.slug}.pdf"
            document.file.save(name, ContentFile(bytes(poster.pdf)), save=True)


def _pdf_bytes(document):
    if not document.file:
        return b""
    with document.file.open("rb") as handle:
        return handle.read()


def reports_backwards(apps, schema_editor):
    QuarterlyReport = apps.get_model("coproduction", "QuarterlyReport")
    for report in QuarterlyReport.objects.select_related("document").exclude(document=None):
        document = report.document
        for name in BUILD_FIELDS:
            setattr(report, name, getattr(document, name))
        report.status = document.status
        report.requested_by_id = document.requested_by_id
        report.content = document.summary
        report.pdf = _pdf_bytes(document)
        report.document = None
        report.save()
        document.delete()


def posters_backwards(apps, schema_editor):
    Document = apps.get_model("centre", "Document")
    Poster = apps.get_model("coproduction", "Poster")
    for document in Document.objects.filter(kind=POSTER):
        Poster.objects.update_or_create(
            centre_id=document.centre_id,
            defaults={
                "state": document.status,
                "item_count": document.summary.get("items", 0),
                "pdf": _pdf_bytes(document),
                **{name: getattr(document, name) for name in BUILD_FIELDS},
            },
        )
        document.delete()


class Migration(migrations.Migration):
    dependencies = [("coproduction", "0004_quarterlyreport_document")]

    operations = [
        migrations.RunPython(reports_forwards, reports_backwards),
        migrations.RunPython(posters_forwards, posters_backwards),
    ]
