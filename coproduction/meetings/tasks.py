from celery import shared_task

from . import reminders


@shared_task(
    name="coproduction.meetings.tasks.meeting_reminders_queue_task",
    autoretry_for=(ConnectionError,),
    retry_backoff=True,
    max_retries=3,
    soft_time_limit=120,
    time_limit=180,
)
def meeting_reminders_queue_task():
    """Queue the meeting, minutes and action reminders due now. Safe to run twice, or at once."""
    return reminders.reminders_queue_all()
