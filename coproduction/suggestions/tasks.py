from celery import shared_task

from . import services


@shared_task(soft_time_limit=60, time_limit=90)
def you_said_we_did_posters_request_task():
    """The weekly run: a fresh poster for every centre (and any build left waiting)."""
    return services.posters_request_all()


@shared_task(soft_time_limit=240, time_limit=300)
def suggestion_overdue_reminders_task():
    """Alert owners and managers about suggestions past the response target. Exactly once per
    suggestion per threshold, however often it runs."""
    return services.overdue_alerts_queue()
