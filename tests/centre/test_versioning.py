"""The one edit-conflict helper: a stale save writes nothing, keeps what was typed, and says what
the other person changed."""

import pytest
from django import forms
from django.contrib.messages.storage.fallback import FallbackStorage
from django.core.exceptions import ValidationError
from django.test import RequestFactory

from activities.models import Activity
from centre.versioning import (
    CONFLICT_MESSAGE,
    EditConflict,
    VersionedForm,
    save_versioned,
    versioned_update,
)
from tests.activities.factories import ActivityFactory

pytestmark = pytest.mark.django_db


class NameForm(VersionedForm, forms.ModelForm):
    class Meta:
        model = Activity
        fields = ["name", "description"]


def _request():
    request = RequestFactory().post("/")
    request.session = {}
    request._messages = FallbackStorage(request)
    return request


def test_a_save_at_the_current_version_writes_and_bumps_it():
    activity = ActivityFactory(name="Art group")
    saved = versioned_update(
        Activity, pk=activity.pk, expected_version=activity.version, values={"name": "Art club"}
    )
    assert (saved.name, saved.version) == ("Art club", activity.version + 1)


def test_a_stale_save_writes_nothing_and_carries_what_they_saved():
    activity = ActivityFactory(name="Art group")
    start = activity.version
    versioned_update(Activity, pk=activity.pk, expected_version=start, values={"name": "Theirs"})
    with pytest.raises(EditConflict) as clash:
        versioned_update(Activity, pk=activity.pk, expected_version=start, values={"name": "Mine"})
    assert clash.value.current.name == "Theirs"
    activity.refresh_from_db()
    assert (activity.name, activity.version) == ("Theirs", start + 1)


def test_only_one_of_two_saves_from_the_same_version_wins():
    activity = ActivityFactory()
    outcomes = []
    for name in ("First", "Second"):
        try:
            versioned_update(
                Activity, pk=activity.pk, expected_version=activity.version, values={"name": name}
            )
            outcomes.append("saved")
        except EditConflict:
            outcomes.append("conflict")
    assert outcomes == ["saved", "conflict"]


def test_the_form_starts_from_the_records_version():
    activity = ActivityFactory()
    versioned_update(Activity, pk=activity.pk, expected_version=activity.version, values={})
    activity.refresh_from_db()
    assert NameForm(instance=activity).initial["version"] == activity.version


def test_save_versioned_keeps_her_text_and_lists_what_they_changed():
    activity = ActivityFactory(name="Art group", description="Paint")
    started_from = activity.version
    versioned_update(
        Activity, pk=activity.pk, expected_version=started_from, values={"name": "Their name"}
    )
    request = _request()
    data = {"name": "My name", "description": "Paint", "version": str(started_from)}
    form = NameForm(data, instance=Activity.objects.get(pk=activity.pk))
    assert form.is_valid()

    def save():
        versioned_update(
            Activity,
            pk=activity.pk,
            expected_version=form.expected_version,
            values={"name": form.cleaned_data["name"]},
        )

    saved, conflict = save_versioned(request, form, save)

    assert not saved
    assert [(c.label, c.theirs, c.yours) for c in conflict.changes] == [
        ("Name", "Their name", "My name")
    ]
    assert form.data["name"] == "My name"  # nothing she typed is lost
    assert form.data["version"] == started_from + 1  # her next save is a deliberate one
    assert [str(m) for m in request._messages] == [str(CONFLICT_MESSAGE)]
    assert Activity.objects.get(pk=activity.pk).name == "Their name"


def test_save_versioned_puts_a_services_validation_error_on_the_form():
    activity = ActivityFactory()
    data = {"name": "x", "description": "y", "version": activity.version}
    form = NameForm(data, instance=activity)
    assert form.is_valid()

    def save():
        raise ValidationError({"name": "That name is taken."})

    saved, conflict = save_versioned(_request(), form, save)
    assert (saved, conflict) == (False, None)
    assert form.errors["name"] == ["That name is taken."]
