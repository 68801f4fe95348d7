from centre.messaging import reminders_task

from . import services


@reminders_task("activities.tasks.session_reminders_queue_task")
def session_reminders_queue_task():
    """Queue reminders for tomorrow's sessions into the outbox. Safe to run twice."""
    return services.session_reminders_queue()
