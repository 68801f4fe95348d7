"""Reallocation with handover notes, the caseload warning, and involved workers."""

import pytest
from django.urls import reverse

from casework.models import Allocation, Woman
from tests.conftest import client_for

from .factories import WomanFactory

pytestmark = pytest.mark.django_db


def test_manager_reallocates_with_a_handover_note_the_new_worker_sees_first(
    manager_client, woman, other_key_worker
):
    url = reverse("casework:woman_allocate", args=[woman.pk])
    assert manager_client.get(url).status_code == 200
    response = manager_client.post(
        url,
        {
            "worker": other_key_worker.pk,
            "reason": "Kate is leaving",
            "handover_note": "She prefers texts after 10am.",
        },
    )
    assert response.status_code == 302
    woman.refresh_from_db()
    assert woman.key_worker == other_key_worker
    allocation = Allocation.objects.get(woman=woman, worker=other_key_worker)
    assert allocation.allocated_by.username == "t_manager"
    client = client_for(other_key_worker)
    page = client.get(reverse("casework:woman", args=[woman.pk])).content.decode()
    assert page.index("Handover note for you") < page.index("Log a contact</h2>")
    assert "She prefers texts after 10am." in page
    client.post(reverse("casework:handover_read", args=[woman.pk]))
    assert (
        b"Handover note for you"
        not in client.get(reverse("casework:woman", args=[woman.pk])).content
    )


def test_reason_is_required(manager_client, woman, other_key_worker):
    url = reverse("casework:woman_allocate", args=[woman.pk])
    response = manager_client.post(
        url, {"worker": other_key_worker.pk, "reason": "", "handover_note": "Keep this"}
    )
    assert response.status_code == 200
    assert b"Keep this" in response.content
    woman.refresh_from_db()
    assert woman.key_worker.username == "t_keyworker"


def test_caseload_over_threshold_warns_but_allows(manager_client, centre, other_key_worker):
    centre.caseload_warning_threshold = 2
    centre.save()
    WomanFactory.create_batch(2, centre=centre, key_worker=other_key_worker)
    extra = WomanFactory(centre=centre, key_worker=None)
    response = manager_client.post(
        reverse("casework:woman_allocate", args=[extra.pk]),
        {"worker": other_key_worker.pk, "reason": "New", "handover_note": ""},
        follow=True,
    )
    assert "over the centre" in response.content.decode()
    assert Woman.objects.get(pk=extra.pk).key_worker == other_key_worker


def test_key_worker_may_not_reallocate(key_worker_client, woman, other_key_worker):
    url = reverse("casework:woman_allocate", args=[woman.pk])
    assert (
        key_worker_client.post(url, {"worker": other_key_worker.pk, "reason": "x"}).status_code
        == 403
    )


def test_another_centre_woman_is_404_to_allocate(manager_client, foreign_woman):
    url = reverse("casework:woman_allocate", args=[foreign_woman.pk])
    assert manager_client.get(url).status_code == 404


def test_key_worker_involves_a_partner_with_her_agency(key_worker_client, woman, partner):
    key_worker_client.post(
        reverse("casework:woman_involve", args=[woman.pk]),
        {"worker": partner.pk, "reason": "Housing support"},
    )
    allocation = Allocation.objects.get(woman=woman, worker=partner)
    assert allocation.kind == Allocation.Kind.INVOLVED and allocation.agency == "Housing Options"
    key_worker_client.post(reverse("casework:allocation_end", args=[allocation.pk]))
    allocation.refresh_from_db()
    assert allocation.ended_at is not None
