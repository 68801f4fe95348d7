from celery import shared_task
from django.core.management import call_command

from . import services


@shared_task(soft_time_limit=240, time_limit=300)
def outbox_send_due_task():
    """Send every message that is due. Safe to run twice at once: each row is claimed first."""
    return services.outbox_send_due()


@shared_task(soft_time_limit=60, time_limit=90)
def outbox_message_send_task(message_id):
    return services.outbox_message_send(message_id=message_id)


@shared_task(soft_time_limit=300, time_limit=360)
def sessions_clear_task():
    call_command("clearsessions")
