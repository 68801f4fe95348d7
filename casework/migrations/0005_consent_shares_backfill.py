"""Existing sharing agreements: structured choices for rows recorded as free text.

Before 0004 an agreement was a yes/no plus free text, and an involved partner worker saw the
whole record whatever it said. So that nothing changes silently, every agreed row gets every
part of the record allowed (the free text stays as the note); refused rows share nothing. Key
workers should review the agreements and untick what she did not agree to (docs/casework.md).
"""

from django.db import migrations

DOMAINS = [
    "housing",
    "substance_use",
    "mental_health",
    "physical_health",
    "money",
    "children_family",
    "relationships",
    "justice",
    "learning_work",
    "wellbeing",
]
PARTS = ["contact_notes", "justice_record", "alerts"]


def forwards(apps, schema_editor):
    Consent = apps.get_model("casework", "Consent")
    Consent.objects.filter(agreed=True, shares=[]).update(shares=DOMAINS + PARTS)
    Consent.objects.filter(agreed=False).update(shares=[])


def backwards(apps, schema_editor):
    """Nothing to undo: the free text was never changed."""


class Migration(migrations.Migration):
    dependencies = [("casework", "0004_consent_shares")]

    operations = [migrations.RunPython(forwards, backwards)]
