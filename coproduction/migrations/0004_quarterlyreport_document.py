import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("centre", "0003_platform_documents_holidays_invitations_access"),
        ("coproduction", "0003_merge_0002_quarterly_report_0002_suggestion_activity"),
    ]

    operations = [
        migrations.AddField(
            model_name="quarterlyreport",
            name="document",
            field=models.OneToOneField(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="centre.document",
            ),
        ),
    ]
