from centre.messaging import reminders_task

from . import services


@reminders_task("coproduction.involvement.tasks.shift_reminders_queue_task")
def shift_reminders_queue_task():
    """Queue the day-before rota reminders due now. Safe to run twice, or at once."""
    return services.shift_reminders_queue()
