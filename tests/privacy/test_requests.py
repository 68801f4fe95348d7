"""The requests pages: record one, overdue first, the bundle, corrections, and erasure by two
managers (both audited, counts kept, never content)."""

import datetime
import io
import zipfile

import pytest
from django.urls import reverse

from casework.models import Woman
from centre.documents.services import document_build
from centre.models import AuditEvent, OutboxMessage
from centre.personal_data import DELETE, declarations, erase, held_about
from privacy.requests import services
from privacy.requests.bundle import MESSAGES
from privacy.requests.models import DataRequest, one_month_after
from privacy.retention.services import hold_lift, hold_place
from tests.casework.factories import ContactFactory, WomanFactory
from tests.conftest import client_for

from .factories import new_data_request, proposed_erasure

pytestmark = pytest.mark.django_db


def test_due_one_calendar_month_after_received():
    assert one_month_after(datetime.date(2026, 1, 31)) == datetime.date(2026, 2, 28)
    assert one_month_after(datetime.date(2026, 12, 5)) == datetime.date(2027, 1, 5)


def test_new_request_is_recorded_due_in_a_month_and_audited(manager_client, woman):
    response = manager_client.post(
        reverse("privacy_requests:new"),
        {"woman": woman.pk, "kind": "access", "received_on": "2026-11-20", "notes": "By letter"},
    )
    data_request = DataRequest.objects.get()
    assert response.url == reverse("privacy_requests:detail", args=[data_request.pk])
    assert data_request.due_on == datetime.date(2026, 12, 20)
    assert AuditEvent.objects.filter(action="privacy.request.create", woman_id=woman.pk).exists()


def test_new_request_form_says_what_is_wrong_and_keeps_what_was_typed(manager_client, woman):
    future = (datetime.date.today() + datetime.timedelta(days=3)).isoformat()
    response = manager_client.post(
        reverse("privacy_requests:new"),
        {"woman": woman.pk, "kind": "", "received_on": future, "notes": "Kept words"},
    )
    assert response.status_code == 400  # refused: the form again, with the messages
    page = response.content.decode()
    assert "Choose what she asked for." in page
    assert "The date received cannot be in the future." in page
    assert "Kept words" in page
    assert not DataRequest.objects.exists()


def test_another_centres_woman_cannot_be_chosen(manager_client, foreign_woman):
    response = manager_client.post(
        reverse("privacy_requests:new"),
        {"woman": foreign_woman.pk, "kind": "access", "received_on": "2026-11-20"},
    )
    assert response.status_code == 400
    assert not DataRequest.objects.exists()


def test_list_puts_overdue_first_and_marks_them(
    manager_client, woman, django_assert_max_num_queries
):
    today = datetime.date.today()
    new_data_request(woman, received_on=today - datetime.timedelta(days=2))
    late = new_data_request(woman, received_on=today - datetime.timedelta(days=70))
    for _ in range(5):
        new_data_request(WomanFactory(centre=woman.centre))
    with django_assert_max_num_queries(12):
        response = manager_client.get(reverse("privacy_requests:list"))
    requests = response.context["requests"]
    assert requests[0].pk == late.pk and requests[0].overdue
    assert not requests[1].overdue
    assert "Overdue" in response.content.decode()


def test_only_the_manager_reaches_the_pages(key_worker_client, woman):
    assert key_worker_client.get(reverse("privacy_requests:list")).status_code == 403


def test_another_centres_request_is_a_404(manager_client, foreign_woman):
    other = new_data_request(foreign_woman)
    response = manager_client.get(reverse("privacy_requests:detail", args=[other.pk]))
    assert response.status_code == 404


def test_opening_a_request_is_audited_with_grounds(manager_client, woman):
    data_request = new_data_request(woman)
    manager_client.get(reverse("privacy_requests:detail", args=[data_request.pk]))
    event = AuditEvent.objects.get(action="privacy.request.view")
    assert event.woman_id == woman.pk and event.grounds == "manager"


def test_build_the_bundle_through_the_platform_and_download_it(manager_client, woman):
    data_request = new_data_request(woman)
    manager_client.post(reverse("privacy_requests:bundle_build", args=[data_request.pk]))
    document = services.bundle_document(data_request)
    assert document is not None
    document_build(document_id=document.pk)
    document.refresh_from_db()
    assert document.status == document.Status.READY
    response = manager_client.get(reverse("documents:download", args=[document.pk]))
    assert response.status_code == 200
    assert AuditEvent.objects.filter(action="privacy.bundle.download").count() == 1
    zipped = manager_client.post(
        reverse("privacy_requests:bundle_download", args=[data_request.pk])
    )
    with zipfile.ZipFile(io.BytesIO(zipped.content)) as bundle:
        assert "everything-held.json" in bundle.namelist()


def test_rectification_records_what_was_corrected(manager_client, woman):
    data_request = new_data_request(woman, kind=DataRequest.Kind.RECTIFICATION)
    done = reverse("privacy_requests:done", args=[data_request.pk])
    manager_client.post(done)
    data_request.refresh_from_db()
    assert data_request.is_open  # nothing recorded yet
    response = manager_client.post(
        reverse("privacy_requests:correction_add", args=[data_request.pk]),
        {"what": "", "change": "", "reason": ""},
    )
    assert "Say which detail was corrected." in response.content.decode()
    manager_client.post(
        reverse("privacy_requests:correction_add", args=[data_request.pk]),
        {"what": "Date of birth", "change": "Day and month swapped back", "reason": "She said"},
    )
    manager_client.post(done)
    data_request.refresh_from_db()
    assert data_request.status == DataRequest.Status.DONE
    assert data_request.corrections.get().what == "Date of birth"
    assert AuditEvent.objects.filter(action="privacy.correction.add").count() == 1


def test_erasure_needs_a_second_manager(manager, second_manager, woman, centre):
    ContactFactory(woman=woman, note="Private words")
    data_request = new_data_request(woman, kind=DataRequest.Kind.ERASURE)
    first, second = client_for(manager), client_for(second_manager)
    first.post(
        reverse("privacy_requests:erasure_propose", args=[data_request.pk]),
        {"reason": "She asked us to erase it"},
    )
    response = first.post(
        reverse("privacy_requests:erasure_approve", args=[data_request.pk]), follow=True
    )
    assert "a different manager must approve it" in response.content.decode()
    woman.refresh_from_db()
    assert woman.first_name == "Ailsa" and woman.contacts.count() == 1

    second.post(reverse("privacy_requests:erasure_approve", args=[data_request.pk]))
    data_request.refresh_from_db()
    woman = Woman.objects.get(pk=woman.pk)
    assert data_request.status == DataRequest.Status.DONE
    assert data_request.approved_by == second_manager
    assert woman.first_name == "" and woman.mobile == "" and woman.anonymised_at
    assert woman.contacts.count() == 0
    labels = {d.key: d.label for d in declarations()}
    assert data_request.erased_counts[labels["casework.contact"]] == 1
    assert "Private words" not in str(data_request.erased_counts)
    propose = AuditEvent.objects.get(action="privacy.erasure.propose")
    approve = AuditEvent.objects.get(action="privacy.erasure.approve")
    assert propose.actor == manager and approve.actor == second_manager
    assert approve.woman_id == woman.pk


def test_erasure_without_a_reason_is_refused(manager_client, woman):
    data_request = new_data_request(woman, kind=DataRequest.Kind.ERASURE)
    response = manager_client.post(
        reverse("privacy_requests:erasure_propose", args=[data_request.pk]), {"reason": " "}
    )
    assert "Say why her data should be erased." in response.content.decode()
    data_request.refresh_from_db()
    assert data_request.status == DataRequest.Status.OPEN


def test_a_held_record_is_not_erased_until_the_hold_is_lifted(manager, second_manager, woman):
    data_request = proposed_erasure(woman, manager)
    hold = hold_place(woman=woman, by=manager, reason="Police asked us to keep her file")
    approve = reverse("privacy_requests:erasure_approve", args=[data_request.pk])
    response = client_for(second_manager).post(approve, follow=True)
    assert "legal hold" in response.content.decode()
    woman.refresh_from_db()
    assert woman.first_name == "Ailsa"
    data_request.refresh_from_db()
    assert data_request.status == DataRequest.Status.PROPOSED

    hold_lift(hold=hold, by=manager, reason="The case is over")
    client_for(second_manager).post(approve)
    woman.refresh_from_db()
    assert woman.first_name == ""


def test_home_panel_counts_due_and_overdue(manager_client, woman):
    new_data_request(woman, received_on=datetime.date.today() - datetime.timedelta(days=40))
    page = manager_client.get(reverse("home")).content.decode()
    assert "One request is overdue." in page
    assert "Data protection" in page


def test_record_panel_links_to_a_new_request(manager_client, woman):
    page = manager_client.get(reverse("casework:woman", args=[woman.pk])).content.decode()
    assert reverse("privacy_requests:new") + f"?woman={woman.pk}" in page


def test_erasure_of_a_woman_with_data_in_every_app(seeded_woman, manager, second_manager):
    data_request = proposed_erasure(seeded_woman, manager, erasure_reason="She asked")
    before = {key: rows.count() for key, rows in held_about(seeded_woman.pk).items()}
    erased = services.erasure_approve(data_request=data_request, by=second_manager)
    labels = {d.key: d.label for d in declarations()}
    for declaration in declarations():
        left = declaration.rows_for(seeded_woman.pk).count()
        if declaration.erasure == DELETE:
            assert left == 0, declaration.key
        if before[declaration.key]:
            assert erased[labels[declaration.key]] == before[declaration.key], declaration.key
    woman = Woman.objects.get(pk=seeded_woman.pk)
    assert (woman.first_name, woman.last_name, woman.mobile) == ("", "", "")
    # Safe to run twice: nothing more to delete (anonymised rows are cleared again, still empty).
    again = erase(woman.pk)
    assert all(again[d.key] == 0 for d in declarations() if d.erasure == DELETE)
    assert Woman.objects.get(pk=woman.pk).first_name == ""


def test_no_link_or_panel_for_anyone_but_the_manager(key_worker_client, woman):
    new_data_request(woman, received_on=datetime.date.today() - datetime.timedelta(days=40))
    page = key_worker_client.get(reverse("home")).content.decode()
    assert "Data protection" not in page
    assert "request is overdue" not in page


def test_erasure_deletes_the_messages_sent_to_her_and_no_one_elses(manager, second_manager, woman):
    woman.mobile = "07700 900123"
    woman.save()
    for recipient in ("07700 900123", "07700 900999"):
        OutboxMessage.objects.create(
            purpose="appointment_reminder", channel="sms", recipient=recipient, body="Tuesday 10."
        )
    data_request = proposed_erasure(woman, manager)
    client_for(second_manager).post(
        reverse("privacy_requests:erasure_approve", args=[data_request.pk])
    )
    assert list(OutboxMessage.objects.values_list("recipient", flat=True)) == ["07700 900999"]
    data_request.refresh_from_db()
    assert data_request.erased_counts[MESSAGES.label] == 1
