from celery import shared_task
from django.core.management import call_command

from . import outbox
from .documents.services import document_build


@shared_task(soft_time_limit=240, time_limit=300)
def outbox_send_due_task():
    """Send every message that is due. Safe to run twice at once: each row is claimed first."""
    return outbox.outbox_send_due()


@shared_task(soft_time_limit=60, time_limit=90)
def outbox_message_send_task(message_id):
    return outbox.outbox_message_send(message_id=message_id)


@shared_task(soft_time_limit=300, time_limit=360)
def sessions_clear_task():
    call_command("clearsessions")


@shared_task(soft_time_limit=240, time_limit=300)
def document_build_task(document_id, rebuild=False):
    """Build one generated document (on the reports queue). Safe to run twice: the row is
    claimed first, and a ready document is left alone unless asked to rebuild."""
    return document_build(document_id=document_id, rebuild=rebuild)
