"""Co-production became rooms: its models now belong to the suggestions, kiosk and reports apps.

State only: the tables (coproduction_*) stay exactly as they are, with every row, and the rooms'
first migrations take the models over with the same table names. Nothing is dropped or copied.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("coproduction", "0008_suggestion_change_day_only"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="OverdueAlert"),
                migrations.DeleteModel(name="SuggestionChange"),
                migrations.DeleteModel(name="QuarterlyReport"),
                migrations.DeleteModel(name="Suggestion"),
                migrations.DeleteModel(name="Tablet"),
            ],
            database_operations=[],
        ),
    ]
