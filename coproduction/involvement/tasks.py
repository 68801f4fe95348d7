from celery import shared_task

from . import services


@shared_task(
    name="coproduction.involvement.tasks.shift_reminders_queue_task",
    autoretry_for=(ConnectionError,),
    retry_backoff=True,
    max_retries=3,
    soft_time_limit=120,
    time_limit=180,
)
def shift_reminders_queue_task():
    """Queue the day-before rota reminders due now. Safe to run twice, or at once."""
    return services.shift_reminders_queue()
