"""The one shape of a page that saves something (centre.pages): saved, refused, or clashed, and
nothing typed is ever lost."""

import pytest
from django import forms
from django.contrib.messages.storage.fallback import FallbackStorage
from django.core.exceptions import ValidationError
from django.test import RequestFactory

from activities.models import Activity
from centre import pages
from centre.versioning import CONFLICT_MESSAGE, EditConflict, VersionedForm, versioned_update
from tests.activities.factories import ActivityFactory

pytestmark = pytest.mark.django_db


class NameForm(VersionedForm, forms.ModelForm):
    class Meta:
        model = Activity
        fields = ["name", "description"]


class NoteForm(forms.Form):
    note = forms.CharField(max_length=20)


def _request(method="post", data=None):
    request = getattr(RequestFactory(), method)("/", data or {})
    request.session = {}
    request._messages = FallbackStorage(request)
    return request


def _said(request):
    return [str(m) for m in request._messages]


@pytest.fixture
def rendered(monkeypatch):
    """What form_page would have drawn: its context and status."""
    seen = {}

    def render(request, template, context, status=None):
        seen.update(template=template, context=context, status=status)
        return pages.HttpResponse(status=status or 200)

    monkeypatch.setattr(pages, "render", render)
    return seen


def test_a_valid_post_runs_the_service_says_so_and_goes_on_with_its_result():
    request = _request(data={"note": "hello"})
    form = NoteForm(request.POST)
    response = pages.form_view(
        request,
        form,
        lambda: 42,
        success=lambda result: f"Saved number {result}.",
        done=lambda result: f"/next/{result}/",
        title="Note",
        back="/",
    )
    assert (response.status_code, response["Location"]) == (302, "/next/42/")
    assert _said(request) == ["Saved number 42."]


def test_a_get_shows_the_form_and_runs_nothing(rendered):
    ran = []
    request = _request("get")
    pages.form_view(
        request, NoteForm(), lambda: ran.append(1), success="x", done="/", title="Note", back="/"
    )
    assert ran == []
    assert (rendered["template"], rendered["status"]) == ("form_page.html", 200)


def test_an_invalid_form_comes_back_with_what_was_typed_and_a_400(rendered):
    request = _request(data={"note": "far too long for the field, surely"})
    ran = []
    pages.form_view(
        request,
        NoteForm(request.POST),
        lambda: ran.append(1),
        success="x",
        done="/",
        title="Note",
        back="/",
    )
    assert ran == [] and rendered["status"] == 400
    form = rendered["context"]["form"]
    assert form.data["note"] == "far too long for the field, surely"
    assert form.errors["note"]


def test_a_services_refusal_goes_onto_the_form_next_to_the_field(rendered):
    request = _request(data={"note": "hello"})

    def refuse():
        raise ValidationError({"note": "Not that one."})

    pages.form_view(
        request, NoteForm(request.POST), refuse, success="x", done="/", title="Note", back="/"
    )
    assert rendered["status"] == 400
    assert rendered["context"]["form"].errors["note"] == ["Not that one."]
    assert _said(request) == []


def test_a_clash_keeps_her_text_shows_theirs_and_answers_409(rendered):
    activity = ActivityFactory(name="Art group", description="Paint")
    start = activity.version
    versioned_update(Activity, pk=activity.pk, expected_version=start, values={"name": "Theirs"})
    request = _request(data={"name": "Mine", "description": "Paint", "version": str(start)})
    form = NameForm(request.POST, instance=activity)
    pages.form_view(
        request,
        form,
        lambda: versioned_update(
            Activity,
            pk=activity.pk,
            expected_version=form.expected_version,
            values={"name": form.cleaned_data["name"]},
        ),
        success="Saved.",
        done="/",
        title="Activity",
        back="/",
    )
    assert rendered["status"] == 409
    conflict = rendered["context"]["conflict"]
    assert [(c.theirs, c.yours) for c in conflict.changes] == [("Theirs", "Mine")]
    assert form.data["name"] == "Mine"
    assert _said(request) == [str(CONFLICT_MESSAGE)]
    assert Activity.objects.get(pk=activity.pk).name == "Theirs"


def test_run_form_reports_the_result_only_when_saved():
    request = _request(data={"note": "hi"})
    outcome = pages.run_form(request, NoteForm(request.POST), lambda: "done", success="Saved.")
    assert (bool(outcome), outcome.result, outcome.conflict) == (True, "done", None)
    assert not pages.run_form(_request("get"), NoteForm(), lambda: "done")


def test_a_button_says_its_success_its_refusal_or_that_the_record_moved_on():
    request = _request()
    assert pages.button_run(request, lambda: 3, lambda n: f"{n} sent.")

    def refuse():
        raise ValidationError("Not now.")

    def stale():
        raise EditConflict(ActivityFactory())

    assert not pages.button_run(request, refuse, "x")
    assert not pages.button_run(request, stale, "x")
    assert not pages.button_run(request, stale, "x", stale="The rota changed. Look again.")
    assert _said(request) == [
        "3 sent.",
        "Not now.",
        str(pages.STALE_BUTTON),
        "The rota changed. Look again.",
    ]


def test_a_refused_small_form_says_all_its_errors_as_one_message():
    class TwoFields(forms.Form):
        note = forms.CharField(max_length=3)
        day = forms.DateField()

    request = _request(data={"note": "too long", "day": "31/02/2026"})
    form = TwoFields(request.POST)
    assert not form.is_valid()
    pages.refusal_said(request, form)
    (said,) = _said(request)
    assert "at most 3 characters" in said and "Enter a valid date." in said
