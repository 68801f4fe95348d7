"""Print the data map (docs/data-map.md) from the personal data registry."""

from django.core.management.base import BaseCommand

from privacy.requests.datamap import data_map_markdown


class Command(BaseCommand):
    help = "Print the data map as markdown: every model holding data about a woman."

    def handle(self, *args, **options):
        self.stdout.write(data_map_markdown(), ending="")
