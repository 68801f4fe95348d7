"""python manage.py outbox_status [--alert-after MINUTES]: how the outbox stands.

Prints what is due, waiting, being sent, stuck and failed, and exits with status 1 when a due
message has waited longer than --alert-after minutes or a claim has gone stale, so a cron job
or a monitoring check can raise the alarm (docs/operations.md, "Watching the queue").
"""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from centre.selectors import outbox_backlog


class Command(BaseCommand):
    help = "Show the outbox backlog; exit 1 if messages wait too long or a worker is stuck."

    def add_arguments(self, parser):
        parser.add_argument(
            "--alert-after",
            type=int,
            default=10,
            help="Minutes a due message may wait before this counts as a problem (default 10).",
        )

    def handle(self, *args, alert_after, **options):
        now = timezone.now()
        backlog = outbox_backlog(now)
        waited = backlog.oldest_due_wait(now)
        self.stdout.write(
            f"due now: {backlog.due} (oldest waiting {int(waited.total_seconds() // 60)} min)\n"
            f"queued for later: {backlog.waiting}\n"
            f"being sent: {backlog.sending} (stale claims: {backlog.stale_claims})\n"
            f"failed: {backlog.failed}"
        )
        problems = []
        if waited > timedelta(minutes=alert_after):
            problems.append(
                f"due messages have waited over {alert_after} minutes: are the worker and beat "
                "running, and is Redis up?"
            )
        if backlog.stale_claims:
            problems.append(
                f"{backlog.stale_claims} message(s) claimed by a worker that never finished: "
                "the next outbox run releases and resends them; check for a stuck worker"
            )
        for problem in problems:
            self.stderr.write(f"PROBLEM: {problem}")
        if problems:
            raise SystemExit(1)
