"""Subject access from the command line: everything held about one woman, as a zip of the JSON
(every model the personal data registry declares, and who read her record) and the readable
PDF."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from casework.models import Woman
from centre.models import User
from privacy.requests.services import bundle_export


class Command(BaseCommand):
    help = "Export everything held about a woman (JSON and a readable PDF) to a zip file."

    def add_arguments(self, parser):
        parser.add_argument("--woman", type=int, required=True, help="The woman's record id.")
        parser.add_argument("--output", required=True, help="Where to write the zip file.")
        parser.add_argument(
            "--by",
            default="",
            help="Username of the person making the request (for the audit log).",
        )

    def handle(self, *args, woman, output, by, **options):
        try:
            record = Woman.objects.select_related("centre").get(pk=woman)
        except Woman.DoesNotExist:
            raise CommandError(f"No woman with id {woman}.") from None
        actor = None
        if by:
            actor = User.objects.filter(username=by).first()
            if actor is None:
                raise CommandError(f"No user called {by!r}.")
        bundle = bundle_export(woman=record, by=actor)
        path = Path(output)
        path.write_bytes(bundle)
        self.stdout.write(self.style.SUCCESS(f"Wrote {len(bundle)} bytes to {path}."))
