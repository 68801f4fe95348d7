"""Thin Celery tasks: each calls one service in casework.jobs and is safe to run twice."""

from celery import shared_task

from . import jobs


@shared_task(soft_time_limit=240, time_limit=300)
def casework_court_reminders_task():
    """Queue reminders to key workers a week and a day before court dates."""
    return jobs.court_reminders_queue()


@shared_task(soft_time_limit=240, time_limit=300)
def casework_digest_reminders_task():
    """Queue each key worker's daily digest email."""
    return jobs.daily_digests_queue()
