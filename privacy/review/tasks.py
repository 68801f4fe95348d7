"""The monthly access review email (beat entry in centre/celery.py: the 1st to the 3rd of each
month, so a missed day catches up; each manager gets one email per month whatever runs)."""

from celery import shared_task

from . import services


@shared_task(soft_time_limit=600, time_limit=700)
def access_review_email_task() -> int:
    return services.monthly_emails_queue()
