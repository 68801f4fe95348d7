from celery import shared_task

from . import services


@shared_task(soft_time_limit=60, time_limit=90)
def quarterly_report_request_task():
    """Early in each quarter: ask for the previous quarter's report for every centre. The build
    runs as centre.tasks.document_build_task on the reports queue."""
    return services.reports_request_previous()
