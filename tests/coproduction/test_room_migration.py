"""Moving co-production's models into its rooms loses no row.

The database is taken back to the last migrations before the rooms existed (co-production as one
app), filled through the historical models, then migrated forwards to today: every moved table
keeps its rows and values, content types follow the models, and audit events written before and
after the move name the same object type.
"""

from datetime import date

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from centre.audit import audit_log
from centre.models import AuditEvent, Document
from coproduction.kiosk.models import Tablet
from coproduction.reports.models import QuarterlyReport
from coproduction.suggestions.models import OverdueAlert, Suggestion, SuggestionChange
from tests.activities.factories import ActivityFactory
from tests.coproduction.factories import SuggestionFactory
from tests.factories import CentreFactory, UserFactory

# The last migrations of the one-app co-production (what a database from main had before).
BEFORE = [
    ("coproduction", "0008_suggestion_change_day_only"),
    ("suggestions", None),
    ("kiosk", None),
    ("reports", None),
]
MOVED = {
    "suggestion": Suggestion,
    "suggestionchange": SuggestionChange,
    "overduealert": OverdueAlert,
    "quarterlyreport": QuarterlyReport,
    "tablet": Tablet,
}


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor


def _latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def _seed_old_rows(old, centre, user, activity, document):
    """Rows written the way the one-app co-production wrote them."""
    model = old.get_model
    suggestion = model("coproduction", "Suggestion").objects.create(
        centre_id=centre.pk,
        source="tablet",
        about="food",
        text="Soup on a Wednesday, please.",
        received_on=date(2026, 3, 2),
        receipt_code="MIG-42",
        screening="clear",
        theme="food",
        status="done",
        owner_id=user.pk,
        activity_id=activity.pk,
        you_said="Soup on Wednesdays",
        we_did="Soup every Wednesday from April",
        wording="approved",
        version=3,
    )
    duplicate = model("coproduction", "Suggestion").objects.create(
        centre_id=centre.pk,
        source="paper",
        about="food",
        text="Soup!",
        received_on=date(2026, 3, 3),
        receipt_code="MIG-43",
        duplicate_of_id=suggestion.pk,
    )
    model("coproduction", "SuggestionChange").objects.create(
        suggestion_id=suggestion.pk, by_id=user.pk, what="Status: Done"
    )
    model("coproduction", "SuggestionChange").objects.create(
        suggestion_id=duplicate.pk, what="Received (Paper)"
    )
    model("coproduction", "OverdueAlert").objects.create(
        suggestion_id=duplicate.pk, threshold_days=14
    )
    model("coproduction", "QuarterlyReport").objects.create(
        centre_id=centre.pk, quarter="2026Q1", document_id=document.pk
    )
    model("coproduction", "Tablet").objects.create(
        centre_id=centre.pk, name="Front room", device_key="k" * 43
    )
    # What the contenttypes app held for them before the move: one row per model, under the
    # old app (taking the migrations back moved any the rooms had back to it).
    for name, model in MOVED.items():
        ContentType.objects.filter(app_label=model._meta.app_label, model=name).delete()
        ContentType.objects.get_or_create(app_label="coproduction", model=name)
    # A document about one of them points at its content type (a generic relation).
    about_it = Document.objects.create(
        centre=centre,
        kind="test_about_a_suggestion",
        content_type=ContentType.objects.get(app_label="coproduction", model="suggestion"),
        object_id=str(suggestion.pk),
    )
    return suggestion.pk, about_it.pk


@pytest.mark.django_db(transaction=True)
def test_moving_the_models_into_rooms_keeps_every_row():
    centre = CentreFactory()
    user = UserFactory()
    activity = ActivityFactory(centre=centre)
    document = Document.objects.create(centre=centre, kind="quarterly_report", status="ready")
    latest = _latest()
    try:
        old = _migrate(BEFORE).loader.project_state([BEFORE[0]]).apps
        suggestion_pk, about_it_pk = _seed_old_rows(old, centre, user, activity, document)
        before = {name: old.get_model("coproduction", name).objects.count() for name in MOVED}
        audit_log(
            actor=user,
            action="test.before",
            centre=centre,
            object_type="coproduction.suggestion",
            object_id=str(suggestion_pk),
        )
        _migrate(latest)
    finally:
        _migrate(latest)  # leave the database as every other test expects it

    after = {name: model.objects.count() for name, model in MOVED.items()}
    assert after == before
    assert all(count > 0 for count in after.values())

    suggestion = Suggestion.objects.get(pk=suggestion_pk)
    assert (suggestion.receipt_code, suggestion.owner_id, suggestion.activity_id) == (
        "MIG-42",
        user.pk,
        activity.pk,
    )
    assert suggestion.version == 3 and suggestion.wording == Suggestion.Wording.APPROVED
    assert Suggestion.objects.get(receipt_code="MIG-43").duplicate_of_id == suggestion_pk
    assert list(suggestion.changes.values_list("what", flat=True)) == ["Status: Done"]
    report = QuarterlyReport.objects.get(centre=centre)
    assert (report.quarter, report.document_id) == ("2026Q1", document.pk)
    assert Tablet.objects.get(centre=centre).name == "Front room"

    # Content types moved with the models (permissions and generic relations point at them).
    for name, model in MOVED.items():
        content_type = ContentType.objects.get_for_model(model)
        assert content_type.app_label == model._meta.app_label
        assert not ContentType.objects.filter(app_label="coproduction", model=name).exists()

    # The document about the suggestion still finds it through its content type.
    about_it = Document.objects.get(pk=about_it_pk)
    assert about_it.content_type.get_object_for_this_type(pk=about_it.object_id) == suggestion

    # An audit event written now names the suggestion as events written before the move did.
    audit_log(actor=user, action="test.after", obj=suggestion)
    events = AuditEvent.objects.filter(
        object_type="coproduction.suggestion", object_id=str(suggestion_pk)
    )
    assert sorted(events.values_list("action", flat=True)) == ["test.after", "test.before"]


@pytest.mark.django_db(transaction=True)
def test_taking_the_move_back_keeps_every_row_too():
    """Rolling a deploy back (migrating to the one-app state) loses nothing either."""
    centre = CentreFactory()
    SuggestionFactory(centre=centre, receipt_code="BCK-11")
    Tablet.objects.create(centre=centre, name="Hall")
    QuarterlyReport.objects.create(centre=centre, quarter="2026Q2")
    latest = _latest()
    try:
        old = _migrate(BEFORE).loader.project_state([BEFORE[0]]).apps
        back = {
            name: old.get_model("coproduction", name).objects.count()
            for name in ("suggestion", "tablet", "quarterlyreport")
        }
        code = old.get_model("coproduction", "Suggestion").objects.get().receipt_code
        content_type = ContentType.objects.get(model="tablet")
    finally:
        _migrate(latest)
    assert back == {"suggestion": 1, "tablet": 1, "quarterlyreport": 1}
    assert code == "BCK-11"
    assert content_type.app_label == "coproduction"
    assert ContentType.objects.get_for_model(Tablet).app_label == "kiosk"
