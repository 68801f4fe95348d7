"""Issues already built: each "you said, we did" item gets the outcome of its suggestion.

Before this an issue kept only the wording, and every item printed "We did:", even for what the
centre could not do. The outcome is found by the wording itself (the same centre, the same "you
said" and "we did"); an item whose wording has changed since keeps none, and prints a label that
claims neither. Only the JSON of the sections changes: every issue is kept.
"""

from django.db import migrations


def forwards(apps, schema_editor):
    Issue = apps.get_model("newsletter", "Issue")
    Suggestion = apps.get_model("suggestions", "Suggestion")
    outcomes = {}
    for issue in Issue.objects.exclude(sections={}).iterator():
        items = issue.sections.get("you_said_we_did") or []
        if not any("status" not in item for item in items):
            continue
        if issue.centre_id not in outcomes:
            wording = Suggestion.objects.filter(centre_id=issue.centre_id).exclude(you_said="")
            outcomes[issue.centre_id] = {
                (said, did): status
                for said, did, status in wording.values_list("you_said", "we_did", "status")
            }
        for item in items:
            status = outcomes[issue.centre_id].get((item.get("you_said"), item.get("we_did")))
            if "status" not in item and status:
                item["status"] = status
        issue.save(update_fields=["sections"])


def backwards(apps, schema_editor):
    """Nothing to undo: the outcome is one more key the older code does not read."""


class Migration(migrations.Migration):
    dependencies = [
        ("newsletter", "0001_issues_pieces_consent_subscriptions"),
        ("suggestions", "0002_suggestion_screening_index"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
