from centre.messaging import reminders_task

from . import reminders


@reminders_task("coproduction.meetings.tasks.meeting_reminders_queue_task")
def meeting_reminders_queue_task():
    """Queue the meeting, minutes and action reminders due now. Safe to run twice, or at once."""
    return reminders.reminders_queue_all()
