from django.core.management.base import BaseCommand

from centre.demo import DEMO_PASSWORD, DEMO_PEOPLE, seed_platform
from centre.features import run_each


class Command(BaseCommand):
    help = "Create demo centres, people and realistic data. Safe to run twice."

    def add_arguments(self, parser):
        parser.add_argument("--scale", choices=["small", "large"], default="small")
        parser.add_argument("--centres", type=int, default=2, help="How many centres (at least 1).")

    def handle(self, *args, scale, centres, **options):
        if centres < 1:
            self.stderr.write("--centres must be at least 1")
            raise SystemExit(2)
        made = seed_platform(centre_count=centres)
        run_each("seed_demo", centres=made, scale=scale, stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS(f"Demo data ready ({scale}) in {len(made)} centres."))
        self.stdout.write(
            f"Demo sign-ins (password {DEMO_PASSWORD}): {', '.join(p[0] for p in DEMO_PEOPLE)}"
        )
