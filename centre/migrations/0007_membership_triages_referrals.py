from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("centre", "0006_centre_break_glass_ends_at"),
    ]

    operations = [
        migrations.AddField(
            model_name="membership",
            name="triages_referrals",
            field=models.BooleanField(
                default=False,
                help_text="On referral duty: reads referrals waiting for a decision.",
                verbose_name="triages referrals",
            ),
        ),
    ]
