"""A suggestion's response target becomes working days (see centre/deadlines.py).

Each centre's target in calendar days becomes the nearest number of working days (14 calendar
days, two weeks, become 10 working days), and the overdue alerts already sent are relabelled
with the new thresholds so no suggestion is alerted a second time for the same lateness."""

from django.db import migrations


def _working(days):
    return max(1, round(days * 5 / 7))


def _calendar(days):
    return max(1, round(days * 7 / 5))


def _convert(apps, convert):
    Centre = apps.get_model("centre", "Centre")
    OverdueAlert = apps.get_model("coproduction", "OverdueAlert")
    for centre in Centre.objects.all():
        old = centre.suggestion_response_days
        new = convert(old)
        alerts = OverdueAlert.objects.filter(suggestion__centre_id=centre.pk)
        # Highest first, so relabelling one threshold never collides with the next.
        for before, after in sorted({(old * 2, new * 2), (old, new)}, reverse=old > new):
            alerts.filter(threshold_days=before).update(threshold_days=after)
        Centre.objects.filter(pk=centre.pk).update(suggestion_response_days=new)


def to_working_days(apps, schema_editor):
    _convert(apps, _working)


def to_calendar_days(apps, schema_editor):
    _convert(apps, _calendar)


class Migration(migrations.Migration):
    dependencies = [
        ("centre", "0003_platform_documents_holidays_invitations_access"),
        ("coproduction", "0006_remove_poster_and_report_build_fields"),
    ]

    operations = [migrations.RunPython(to_working_days, to_calendar_days)]
