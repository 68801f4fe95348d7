from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("centre", "0004_centre_holiday_working_day_deadlines"),
    ]

    operations = [
        migrations.AddField(
            model_name="auditevent",
            name="grounds",
            field=models.CharField(blank=True, max_length=30),
        ),
        migrations.AddField(
            model_name="auditevent",
            name="woman_id",
            field=models.IntegerField(blank=True, db_index=True, null=True),
        ),
    ]
