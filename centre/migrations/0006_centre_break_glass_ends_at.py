import datetime

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("centre", "0005_audit_grounds_and_woman"),
    ]

    operations = [
        migrations.AddField(
            model_name="centre",
            name="break_glass_ends_at",
            field=models.TimeField(
                default=datetime.time(17, 30),
                help_text="A record opened with break the glass closes again at this time of day (the end of the working day), or an hour after it is opened if that is later.",
                verbose_name="break the glass lasts until",
            ),
        ),
    ]
