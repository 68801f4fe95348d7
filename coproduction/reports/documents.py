"""The quarterly report as a platform document kind (registered when the app is ready)."""

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from centre.access import can
from centre.documents.models import Document
from centre.documents.registry import DocumentKind, document_kind_register
from centre.documents.services import Coverage

from .content import report_content, with_charts
from .models import QuarterlyReport
from .quarters import Quarter

QUARTERLY_REPORT = "quarterly_report"
REPORT_TEMPLATE = "reports/report_pdf.html"


def quarter_coverage(quarter: Quarter) -> Coverage:
    return Coverage(period_start=quarter.start, period_end=quarter.end)


def document_quarter(document: Document) -> Quarter:
    return Quarter.containing(document.period_start)


def may_read_report(request: HttpRequest, document: Document) -> bool:
    """Managers and steering members read the centre's reports (aggregates only)."""
    return can(request, "read_reports")


def _context(document: Document) -> dict[str, Any]:
    content = report_content(document.centre, document_quarter(document))
    return {"report": with_charts(content), "content": content}


def _filename(document: Document) -> str:
    return f"quarterly-report-{document.centre.slug}-{document_quarter(document)}.pdf"


def _title(document: Document) -> str:
    return _("the %(quarter)s report") % {"quarter": document_quarter(document)}


def _report_row(document: Document) -> QuarterlyReport | Document:
    return QuarterlyReport.objects.filter(document=document).first() or document


def register() -> None:
    document_kind_register(
        DocumentKind(
            name=QUARTERLY_REPORT,
            label=_("the quarterly report"),
            template=REPORT_TEMPLATE,
            context=_context,
            filename=_filename,
            may_read=may_read_report,
            summary=lambda context: context["content"],
            title=_title,
            audit_action="report.download",
            audit_object=_report_row,
        )
    )
