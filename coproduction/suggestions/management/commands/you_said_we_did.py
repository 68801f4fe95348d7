from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from centre.models import Centre
from coproduction.suggestions.services import poster_pdf_render


class Command(BaseCommand):
    help = "Build the A4 “you said, we did” poster for a centre's notice board."

    def add_arguments(self, parser):
        parser.add_argument("--centre", required=True, help="The centre's short name (slug).")
        parser.add_argument("--output", required=True, help="Where to write the PDF.")

    def handle(self, *args, centre, output, **options):
        try:
            found = Centre.objects.get(slug=centre)
        except Centre.DoesNotExist:
            raise CommandError(f"No centre with the short name {centre!r}") from None
        pdf, count = poster_pdf_render(centre=found)
        Path(output).write_bytes(pdf)
        self.stdout.write(f"Wrote {output}: {count} items, {len(pdf)} bytes.")
