"""The Celery app: queues, time limits and the whole beat schedule, in one place."""

import os
from datetime import timedelta

from celery import Celery
from celery.schedules import crontab
from kombu import Queue

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "centre.settings")


def _beat(task: str, schedule: object) -> dict[str, object]:
    """One entry of the beat schedule: which task, and when."""
    return {"task": task, "schedule": schedule}


app = Celery("centre")
app.config_from_object("django.conf:settings", namespace="CELERY")

app.conf.update(
    task_queues=[Queue("default"), Queue("notifications"), Queue("reports")],
    task_default_queue="default",
    task_routes={
        "centre.tasks.outbox_*": {"queue": "notifications"},
        "centre.tasks.document_*": {"queue": "reports"},
        "*.tasks.*_reminders_*": {"queue": "notifications"},
        "*.tasks.*_pdf_*": {"queue": "reports"},
        "*.tasks.*_report_*": {"queue": "reports"},
        "*.tasks.*_poster_*": {"queue": "reports"},
    },
    task_soft_time_limit=120,
    task_time_limit=180,
    worker_prefetch_multiplier=1,
    task_acks_late=True,
    task_reject_on_worker_lost=True,
    # A broker outage must not hang a web request: fail fast; the outbox task catches up later.
    task_publish_retry=False,
    broker_connection_timeout=2,
    broker_connection_retry_on_startup=True,
    broker_transport_options={
        "socket_connect_timeout": 2,
        "socket_timeout": 5,
        "visibility_timeout": 3600,
    },
    timezone="Europe/London",
    beat_schedule={
        "send-due-messages": _beat("centre.tasks.outbox_send_due_task", timedelta(seconds=60)),
        # activities: reminders for sessions women signed up to (the day before, via the outbox)
        "activities-session-reminders": _beat(
            "activities.tasks.session_reminders_queue_task", crontab(minute=5)
        ),
        "clear-expired-sessions": _beat(
            "centre.tasks.sessions_clear_task", crontab(hour=3, minute=15)
        ),
        # casework: court-date reminders and key workers' daily digest
        "casework-court-reminders": _beat(
            "casework.tasks.casework_court_reminders_task", crontab(hour=6, minute=45)
        ),
        "casework-daily-digest": _beat(
            "casework.tasks.casework_digest_reminders_task", crontab(hour=6, minute=50)
        ),
        # coproduction: overdue suggestions (hourly; each alert goes once) and the weekly poster
        "coproduction-overdue-suggestions": _beat(
            "coproduction.suggestions.tasks.suggestion_overdue_reminders_task", crontab(minute=20)
        ),
        "coproduction-you-said-we-did-posters": _beat(
            "coproduction.suggestions.tasks.you_said_we_did_posters_request_task",
            crontab(day_of_week="mon", hour=6, minute=30),
        ),
        # meetings: two-day and two-hour reminders, minutes to publish, actions falling due
        "meetings-reminders": _beat(
            "coproduction.meetings.tasks.meeting_reminders_queue_task", crontab(minute="*/10")
        ),
        # involvement: the day-before rota reminders for volunteers
        "involvement-shift-reminders": _beat(
            "coproduction.involvement.tasks.shift_reminders_queue_task", crontab(minute="*/15")
        ),
        # data protection: the retention sweep (what has expired is anonymised or deleted) and
        # the manager's monthly access review email (once per month per manager)
        "privacy-retention-sweep": _beat(
            "privacy.retention.tasks.retention_sweep_task", crontab(hour=2, minute=30)
        ),
        "privacy-access-review-email": _beat(
            "privacy.review.tasks.access_review_email_task",
            crontab(day_of_month="1-3", hour=7, minute=10),
        ),
        # reports: last quarter's steering group report, from the 3rd of each new quarter (two
        # days for records to catch up); later days only retry a report not built yet
        "reports-quarterly-report": _beat(
            "coproduction.reports.tasks.quarterly_report_request_task",
            crontab(day_of_month="3-9", month_of_year="1,4,7,10", hour=5, minute=30),
        ),
    },
)
app.autodiscover_tasks()
