from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from centre.models import Centre
from coproduction.reports.quarters import BadQuarter, Quarter
from coproduction.reports.services import report_pdf_render


class Command(BaseCommand):
    help = "Write a centre's quarterly report for the steering group as a PDF."

    def add_arguments(self, parser):
        parser.add_argument("--centre", required=True, help="The centre's short name (slug).")
        parser.add_argument("--quarter", required=True, help="The quarter, like 2026Q3.")
        parser.add_argument("--output", required=True, help="Where to write the PDF.")

    def handle(self, *args, centre, quarter, output, **options):
        try:
            found = Centre.objects.get(slug=centre)
        except Centre.DoesNotExist:
            raise CommandError(f"No centre with the short name {centre!r}.") from None
        try:
            period = Quarter.parse(quarter)
        except BadQuarter as error:
            raise CommandError(str(error)) from None
        pdf, _content = report_pdf_render(centre=found, quarter=period)
        Path(output).write_bytes(pdf)
        self.stdout.write(f"Wrote {output}: {found.name}, {period.label}, {len(pdf):,} bytes.")
