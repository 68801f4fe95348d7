"""Staff pages: the five checks per view (the URL matrix covers every role), plus what each
page does, conflicts, visibility of held suggestions, and query budgets."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from centre.models import AuditEvent
from coproduction.suggestions.models import Suggestion
from tests.coproduction.factories import SuggestionFactory

pytestmark = pytest.mark.django_db
S = Suggestion.Status


def detail_url(suggestion):
    return reverse("suggestions:detail", kwargs={"code": suggestion.receipt_code})


def triage_data(suggestion, **overrides):
    data = {
        "version": suggestion.version,
        "theme": "food",
        "owner": "",
        "status": "received",
        "reason": "",
        "duplicate_of": "",
    }
    data.update(overrides)
    return data


# Index -----------------------------------------------------------------------------------------


def test_index_lists_suggestions_with_ageing_and_overdue(centre, manager_client):
    SuggestionFactory(
        centre=centre, text="Old soup idea", received_on=timezone.localdate() - timedelta(days=20)
    )
    html = manager_client.get(reverse("suggestions:index")).content.decode()
    assert "Old soup idea" in html and "20 days" in html and "Overdue" in html


def test_index_filters(centre, manager_client, manager):
    SuggestionFactory(centre=centre, text="Mine", owner=manager, status=S.LOOKING)
    SuggestionFactory(centre=centre, text="Done one", owner=manager, status=S.DONE)
    html = manager_client.get(reverse("suggestions:index"), {"status": "open"}).content.decode()
    assert "Mine" in html and "Done one" not in html


def test_every_filter_starts_at_any(manager_client):
    """The owner filter says "Any" like the others, not Django's "---------"."""
    form = manager_client.get(reverse("suggestions:index")).context["form"]
    firsts = {
        name: next(iter(field.choices))[1]
        for name, field in form.fields.items()
        if hasattr(field, "choices")
    }
    assert set(firsts.values()) == {"Any"}, firsts


def test_index_hides_held_from_non_managers_and_unscreened_from_volunteers(
    centre, manager_client, key_worker_client, volunteer_client
):
    SuggestionFactory(centre=centre, text="Held words", screening="held")
    SuggestionFactory(centre=centre, text="Unchecked words", screening="to_screen")
    url = reverse("suggestions:index")
    manager_html = manager_client.get(url).content.decode()
    assert "Held for the duty manager" in manager_html and "Held words" not in manager_html
    key_worker_html = key_worker_client.get(url).content.decode()
    assert "Held" not in key_worker_html.split("<tbody>")[1]
    assert "Unchecked words" in key_worker_html
    volunteer_html = volunteer_client.get(url).content.decode()
    assert "Unchecked words" not in volunteer_html


def test_index_query_budget_does_not_grow(
    centre, manager, manager_client, django_assert_max_num_queries
):
    url = reverse("suggestions:index")
    SuggestionFactory.create_batch(3, centre=centre, owner=manager, status=S.LOOKING)
    with django_assert_max_num_queries(12) as small:
        manager_client.get(url)
    SuggestionFactory.create_batch(22, centre=centre, owner=manager, status=S.LOOKING)
    with django_assert_max_num_queries(len(small.captured_queries)):
        manager_client.get(url)


# Create ----------------------------------------------------------------------------------------


def test_staff_type_up_a_paper_suggestion(centre, volunteer_client):
    response = volunteer_client.post(
        reverse("suggestions:create"),
        {
            "source": "paper",
            "about": "activities",
            "text": "A knitting group",
            "received_on": timezone.localdate().isoformat(),
        },
    )
    suggestion = Suggestion.objects.get()
    assert response["Location"] == reverse("suggestions:index")
    assert suggestion.source == "paper" and suggestion.screening == "to_screen"
    assert suggestion.receipt_code in volunteer_client.get(response["Location"]).content.decode()


def test_create_bad_input_keeps_what_was_typed(volunteer_client):
    future = (timezone.localdate() + timedelta(days=3)).isoformat()
    response = volunteer_client.post(
        reverse("suggestions:create"),
        {"source": "tablet", "about": "food", "text": "<i>kept</i>", "received_on": future},
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "cannot be in the future" in html
    assert "&lt;i&gt;kept&lt;/i&gt;" in html
    assert not Suggestion.objects.exists()


# Detail, screening, triage -----------------------------------------------------------------------


def test_detail_works_and_is_audited(suggestion, manager_client, manager):
    response = manager_client.get(detail_url(suggestion))
    assert response.status_code == 200
    assert suggestion.text in response.content.decode()
    assert AuditEvent.objects.filter(
        action="coproduction.suggestion.view", object_id=str(suggestion.pk)
    ).exists()


def test_detail_query_budget(suggestion, manager, manager_client, django_assert_max_num_queries):
    url = detail_url(suggestion)
    with django_assert_max_num_queries(20) as few:
        manager_client.get(url)
    SuggestionFactory.create_batch(30, centre=suggestion.centre, owner=manager)
    with django_assert_max_num_queries(len(few.captured_queries)):
        manager_client.get(url)


def test_held_suggestion_is_404_to_key_workers_and_visible_to_managers(
    centre, manager_client, key_worker_client
):
    held = SuggestionFactory(centre=centre, screening="held", text="private words")
    assert key_worker_client.get(detail_url(held)).status_code == 404
    assert "private words" in manager_client.get(detail_url(held)).content.decode()


def test_volunteer_may_see_but_not_change(suggestion, volunteer_client):
    assert volunteer_client.get(detail_url(suggestion)).status_code == 200
    url = reverse("suggestions:triage", kwargs={"code": suggestion.receipt_code})
    assert volunteer_client.post(url, triage_data(suggestion)).status_code == 403


def test_steering_never_sees_a_suggestion(suggestion, steering_client):
    assert steering_client.get(detail_url(suggestion)).status_code == 403
    assert steering_client.get(reverse("suggestions:index")).status_code == 403
    assert steering_client.get(reverse("reports:numbers")).status_code == 200


def test_other_centres_suggestion_is_404(other_suggestion, manager_client):
    assert manager_client.get(detail_url(other_suggestion)).status_code == 404
    url = reverse("suggestions:triage", kwargs={"code": other_suggestion.receipt_code})
    assert manager_client.post(url, triage_data(other_suggestion)).status_code == 404


def test_screen_then_triage_through_the_pages(centre, key_worker, key_worker_client):
    suggestion = SuggestionFactory(centre=centre, screening="to_screen")
    page = key_worker_client.get(detail_url(suggestion)).content.decode()
    assert "Step 1: safeguarding check" in page
    key_worker_client.post(
        reverse("suggestions:screen", kwargs={"code": suggestion.receipt_code}),
        {"version": 1, "decision": "clear"},
    )
    suggestion.refresh_from_db()
    response = key_worker_client.post(
        reverse("suggestions:triage", kwargs={"code": suggestion.receipt_code}),
        triage_data(suggestion, status="not_possible", owner=key_worker.pk, reason=""),
    )
    assert response.status_code == 400
    assert "women expect to be told why" in response.content.decode()
    response = key_worker_client.post(
        reverse("suggestions:triage", kwargs={"code": suggestion.receipt_code}),
        triage_data(suggestion, status="not_possible", owner=key_worker.pk, reason="No room"),
    )
    assert response.status_code == 302
    suggestion.refresh_from_db()
    assert suggestion.status == "not_possible" and suggestion.owner == key_worker


def test_hold_from_the_page_sends_a_key_worker_back_to_the_list(centre, key_worker_client):
    suggestion = SuggestionFactory(centre=centre, screening="to_screen")
    response = key_worker_client.post(
        reverse("suggestions:screen", kwargs={"code": suggestion.receipt_code}),
        {"version": 1, "decision": "hold"},
    )
    assert response["Location"] == reverse("suggestions:index")


def test_two_staff_editing_at_once_see_each_other_and_lose_nothing(
    suggestion, manager, key_worker, manager_client, key_worker_client
):
    url = reverse("suggestions:triage", kwargs={"code": suggestion.receipt_code})
    manager_client.post(url, triage_data(suggestion, status="looking", owner=manager.pk))
    response = key_worker_client.post(
        url,
        triage_data(
            suggestion, status="not_possible", owner=key_worker.pk, reason="My careful reason"
        ),
    )
    html = response.content.decode()
    assert response.status_code == 409
    assert "What the other person saved" in html
    assert "My careful reason" in html  # what she typed is kept
    assert 'name="version" value="2"' in html
    suggestion.refresh_from_db()
    assert suggestion.owner == manager and suggestion.status == "looking"
    # She saves again, knowingly, over the newer version.
    response = key_worker_client.post(
        url,
        triage_data(
            suggestion, status="not_possible", owner=key_worker.pk, reason="My careful reason"
        ),
    )
    assert response.status_code == 302


def test_wording_and_approval_through_the_pages(
    suggestion, manager, key_worker, key_worker_client, manager_client
):
    Suggestion.objects.filter(pk=suggestion.pk).update(owner=key_worker, status=S.DONE)
    suggestion.refresh_from_db()
    response = key_worker_client.post(
        reverse("suggestions:wording", kwargs={"code": suggestion.receipt_code}),
        {"version": suggestion.version, "you_said": "You asked for soup", "we_did": "Soup on Weds"},
    )
    assert response.status_code == 302
    assert (
        key_worker_client.post(
            reverse("suggestions:approve", kwargs={"code": suggestion.receipt_code}),
            {"version": 2},
        ).status_code
        == 403
    )
    manager_client.post(
        reverse("suggestions:approve", kwargs={"code": suggestion.receipt_code}), {"version": 2}
    )
    suggestion.refresh_from_db()
    assert suggestion.wording == "approved" and suggestion.wording_approved_by == manager


def test_redact_page(centre, manager_client):
    held = SuggestionFactory(centre=centre, screening="held", text="Named Person hurt me")
    url = reverse("suggestions:redact", kwargs={"code": held.receipt_code})
    assert manager_client.get(url).status_code == 200
    response = manager_client.post(
        url, {"version": 1, "text": "[removed] hurt me", "fix_idea": "", "first_name": ""}
    )
    assert response.status_code == 302
    held.refresh_from_db()
    assert held.text == "[removed] hurt me"


def test_home_panel_counts(centre, manager_client, manager):
    SuggestionFactory(centre=centre, screening="to_screen")
    html = manager_client.get(reverse("home")).content.decode()
    assert "Women&#x27;s suggestions" in html or "Women's suggestions" in html
    assert "1 to check for safeguarding" in html


def test_duplicate_is_linked_by_typing_its_receipt_code(centre, manager, manager_client):
    original = SuggestionFactory(centre=centre, receipt_code="ORG-12")
    suggestion = SuggestionFactory(centre=centre)
    url = reverse("suggestions:triage", kwargs={"code": suggestion.receipt_code})
    response = manager_client.post(url, triage_data(suggestion, duplicate_of="XXX-99"))
    assert "No other suggestion here has the code XXX-99" in response.content.decode()
    response = manager_client.post(url, triage_data(suggestion, duplicate_of="org 12"))
    assert response.status_code == 302
    suggestion.refresh_from_db()
    assert suggestion.duplicate_of == original
    assert 'value="ORG-12"' in manager_client.get(detail_url(suggestion)).content.decode()
