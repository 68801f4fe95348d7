"""The A4 "you said, we did" poster: command, task, page, escaping."""

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from centre.models import Document
from centre.pdf import pdf_text
from centre.tasks import document_build_task
from coproduction.suggestions import services
from coproduction.suggestions.documents import POSTER
from coproduction.suggestions.models import Suggestion
from coproduction.suggestions.tasks import you_said_we_did_posters_request_task
from coproduction.suggestions.templatetags.you_said_we_did import we_did_label, you_said_text
from tests.coproduction.factories import SuggestionFactory, you_said_we_did

pytestmark = pytest.mark.django_db


@pytest.fixture
def approved(centre):
    return SuggestionFactory(
        centre=centre,
        status=Suggestion.Status.NOT_POSSIBLE,
        reason="No room",
        you_said="You asked for a <b>sauna</b> & steam room",
        we_did="We couldn't, because the <script>boiler</script> is too small",
        wording=Suggestion.Wording.APPROVED,
    )


def test_command_writes_the_poster_with_escaped_text(centre, approved, tmp_path):
    you_said_we_did(centre, "Draft only", "x", wording=Suggestion.Wording.DRAFT)
    output = tmp_path / "poster.pdf"
    call_command("you_said_we_did", "--centre", centre.slug, "--output", str(output))
    pdf = output.read_bytes()
    assert pdf.startswith(b"%PDF")
    text = " ".join(pdf_text(pdf).split())
    assert "You said, we did" in text
    assert "You asked for a <b>sauna</b> & steam room" in text
    assert "the <script>boiler</script> is too small" in text
    assert "We couldn't, because:" in text
    assert "Draft only" not in text


def test_command_refuses_an_unknown_centre(tmp_path):
    with pytest.raises(CommandError, match="No centre"):
        call_command("you_said_we_did", "--centre", "nope", "--output", str(tmp_path / "x.pdf"))


def test_task_builds_once_and_is_safe_to_run_twice(centre, approved):
    poster, started = services.poster_request(centre=centre)
    assert started
    assert document_build_task(poster.pk) is True
    assert document_build_task(poster.pk) is False
    poster.refresh_from_db()
    assert poster.status == Document.Status.READY and poster.summary == {"items": 1}
    with poster.file.open("rb") as handle:
        assert "sauna" in pdf_text(handle.read())


def test_rebuild_button_enqueues_after_commit_and_page_shows_progress(
    centre, approved, manager_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = manager_client.post(
            reverse("suggestions:poster_rebuild"), HTTP_HX_REQUEST="true"
        )
    assert response.status_code == 200
    assert 'hx-trigger="every 2s"' in response.content.decode()
    assert len(callbacks) == 1
    callbacks[0]()  # eager here: the worker builds it
    status = manager_client.get(reverse("suggestions:poster_status")).content.decode()
    assert "Last built" in status and "every 2s" not in status
    download = manager_client.get(reverse("suggestions:poster_download"))
    assert download["Content-Type"] == "application/pdf"
    assert "sauna" in pdf_text(download.content)


def test_a_second_click_while_building_does_not_queue_twice(centre, manager_client):
    with pytest.MonkeyPatch.context() as patch:
        calls = []
        patch.setattr(
            "centre.tasks.document_build_task.apply_async",
            lambda *a, **k: calls.append(a),
        )
        services.poster_request(centre=centre)
        _poster, started = services.poster_request(centre=centre)
    assert started is False


def test_broker_down_leaves_the_poster_queued_for_the_schedule(
    centre, manager_client, approved, django_capture_on_commit_callbacks
):
    def broken(*args, **kwargs):
        raise ConnectionError("broker down")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("centre.tasks.document_build_task.apply_async", broken)
        with django_capture_on_commit_callbacks(execute=True):
            response = manager_client.post(reverse("suggestions:poster_rebuild"))
    assert response.status_code == 302
    poster = Document.objects.get(centre=centre, kind=POSTER)
    assert poster.status == Document.Status.QUEUED
    # The scheduled run (eager in tests) enqueues the waiting build again.
    with django_capture_on_commit_callbacks(execute=True):
        you_said_we_did_posters_request_task()
    poster.refresh_from_db()
    assert poster.status == Document.Status.READY


def test_download_before_any_poster_explains(manager_client):
    response = manager_client.get(reverse("suggestions:poster_download"))
    assert response.status_code == 302


def test_a_suggestion_marked_the_same_as_another_is_listed_once(centre, approved, tmp_path):
    """Issue 18: the poster listed the same item twice (a duplicate with the same wording)."""
    SuggestionFactory(
        centre=centre,
        status=Suggestion.Status.NOT_POSSIBLE,
        reason="No room",
        you_said=approved.you_said,
        we_did=approved.we_did,
        wording=Suggestion.Wording.APPROVED,
        duplicate_of=approved,
    )
    output = tmp_path / "poster.pdf"
    call_command("you_said_we_did", "--centre", centre.slug, "--output", str(output))
    text = " ".join(pdf_text(output.read_bytes()).split())
    assert text.count("sauna") == 1


def test_wording_that_starts_with_you_said_is_not_labelled_twice(centre, manager_client, tmp_path):
    """The poster printed "You said: You said the waiting area was cold." The page, the poster
    and the suggestion itself show what she said once, after the label."""
    cold = SuggestionFactory(
        centre=centre,
        status=Suggestion.Status.NOT_POSSIBLE,
        reason="The landlord controls it",
        you_said="You said the waiting area was cold.",
        we_did="The landlord controls the heating.",
        wording=Suggestion.Wording.APPROVED,
    )
    you_said_we_did(centre, "You asked for soup.", "Soup on Wednesdays.")
    output = tmp_path / "poster.pdf"
    call_command("you_said_we_did", "--centre", centre.slug, "--output", str(output))
    text = " ".join(pdf_text(output.read_bytes()).split())
    assert "You said: The waiting area was cold." in text
    assert "You said: You asked for soup." in text  # other wording is printed as written
    assert "You said: You said" not in text
    assert "We couldn't, because: The landlord controls the heating." in text
    detail = reverse("suggestions:detail", args=[cold.receipt_code])
    for url in (reverse("suggestions:poster"), detail):
        page = manager_client.get(url).content.decode()
        assert "You said:</strong> The waiting area was cold." in page
        assert "We couldn&#x27;t, because:</strong> The landlord" in page


@pytest.mark.parametrize(
    ("wording", "shown"),
    [
        ("You said the meeting was too early.", "The meeting was too early."),
        ("you said: more art", "More art"),
        ("You said that bus fares stop you coming", "Bus fares stop you coming"),
        ("You asked for a sauna", "You asked for a sauna"),
        ("You saidx", "You saidx"),
        ("You said", "You said"),
    ],
)
def test_you_said_text_drops_only_a_leading_you_said(wording, shown):
    assert you_said_text(wording) == shown


def test_we_did_label_by_outcome():
    assert we_did_label(Suggestion.Status.DONE) == "We did:"
    assert we_did_label(Suggestion.Status.NOT_POSSIBLE) == "We couldn't, because:"
    assert we_did_label("") == "Our answer:"  # an old newsletter kept no outcome
