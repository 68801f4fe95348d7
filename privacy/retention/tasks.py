"""The nightly retention sweep (beat entry in centre/celery.py). Safe to run twice and to
interrupt: each batch is its own transaction and every rule skips what is already removed."""

from celery import shared_task

from . import services


@shared_task(soft_time_limit=1700, time_limit=1800)
def retention_sweep_task() -> dict[str, dict[str, int]]:
    """Anonymise or delete what has expired in every centre. Returns counts per kind only."""
    return {str(log.centre_id or "none"): dict(log.counts) for log in services.sweep_all()}
