from celery import shared_task

from . import services


@shared_task(soft_time_limit=240, time_limit=300)
def quarterly_report_pdf_build_task(report_id):
    """Build one quarterly report. Safe to run twice: the row is claimed first."""
    return services.report_build(report_id=report_id)


@shared_task(soft_time_limit=60, time_limit=90)
def quarterly_report_request_task():
    """Early in each quarter: ask for the previous quarter's report for every centre."""
    return services.reports_request_previous()
