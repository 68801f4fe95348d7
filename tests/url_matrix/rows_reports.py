"""The steering group's quarterly reports (/reports/). Managers and steering members read and
download them and ask for a quarter's report; only managers rebuild; another centre's report is
a 404."""

from datetime import date

from django.core.files.base import ContentFile

from centre.models import Document
from coproduction.reports.models import QuarterlyReport

from .matrix import Row, for_roles

READERS = ("manager", "steering")
MANAGER = ("manager",)


def build(world):
    document = Document.objects.create(
        centre=world.centre,
        kind="quarterly_report",
        coverage="2026-04-01..2026-06-30||",
        period_start=date(2026, 4, 1),
        period_end=date(2026, 6, 30),
        status=Document.Status.READY,
        built_at="2026-07-03T05:30Z",
        # Built content, so its CSV is served (the CSV drill checks no cell runs as a formula).
        summary={
            "centre": world.centre.name,
            "period": "April to June 2026",
            "summary": [],
            "sections": [
                {
                    "title": "Referrals",
                    "tables": [
                        {
                            "caption": '=HYPERLINK("http://evil.example")',
                            "row_header": "Where from",
                            "columns": ["Women"],
                            "rows": [["-Self-referral", 7], ["@Police", "fewer than 5"]],
                            "total": ["Total", 12],
                        }
                    ],
                }
            ],
        },
    )
    document.file.save("matrix.pdf", ContentFile(b"%PDF-1.4 matrix"))
    world.extra.quarterly_report = QuarterlyReport.objects.create(
        centre=world.centre, quarter="2026Q2", document=document
    )


def report(world):
    return {"pk": world.quarterly_report.pk}


ROWS = {
    "reports:list": Row(get=for_roles(READERS), post=for_roles(READERS, 405)),
    # An empty POST shows the form again with its message.
    "reports:request": Row(get=for_roles(READERS, 405), post=for_roles(READERS, 400)),
    "reports:detail": Row(
        get=for_roles(READERS, outsider=404), post=for_roles(READERS, 405), kwargs=report
    ),
    "reports:status": Row(
        get=for_roles(READERS, outsider=404), post=for_roles(READERS, 405), kwargs=report
    ),
    "reports:rebuild": Row(
        get=for_roles(MANAGER, 405),
        post=for_roles(MANAGER, "redirect", outsider=404),
        kwargs=report,
    ),
    # No report content in the matrix world: the CSV redirects to the report's page.
    "reports:csv": Row(
        get=for_roles(READERS, outsider=404),
        post=for_roles(READERS, 405),
        kwargs=report,
    ),
    "reports:range": Row(get=for_roles(READERS), post=for_roles(READERS, 405)),
    # Every target is optional: an empty POST saves "no targets" and goes back to the list.
    "reports:targets": Row(get=for_roles(MANAGER), post=for_roles(MANAGER, "redirect")),
    "reports:download": Row(
        get=for_roles(READERS, outsider=404), post=for_roles(READERS, 405), kwargs=report
    ),
}
