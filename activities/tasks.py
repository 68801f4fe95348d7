from celery import shared_task

from . import services


@shared_task(
    name="activities.tasks.session_reminders_queue_task",
    autoretry_for=(ConnectionError,),
    retry_backoff=True,
    max_retries=3,
    soft_time_limit=120,
    time_limit=180,
)
def session_reminders_queue_task():
    """Queue reminders for tomorrow's sessions into the outbox. Safe to run twice."""
    return services.session_reminders_queue()
