"""The pathway and the continuum: interest through her key worker, checks, training, active, a
back seat, stepping down and coming back; her steps on her record; the key worker's panel."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from centre.pdf import pdf_text
from coproduction.involvement import services
from coproduction.involvement.models import (
    Helper,
    InvolvementStep,
    Opportunity,
    Placement,
    Step,
    Supervision,
    Training,
)
from tests.casework.factories import WomanFactory

from .factories import opportunity

pytestmark = pytest.mark.django_db
S = Placement.Status


def test_her_key_worker_records_her_interest(key_worker_client, key_worker, centre, greeter_role):
    woman = WomanFactory(centre=centre, key_worker=key_worker, ask_to_help=True)
    page = key_worker_client.get(reverse("involvement:interest_new") + f"?woman={woman.pk}")
    assert page.status_code == 200
    response = key_worker_client.post(
        reverse("involvement:interest_new"),
        {"opportunity": greeter_role.pk, "woman": woman.pk, "note": "Loves a chat"},
    )
    placement = Placement.objects.get()
    assert response.url == reverse("involvement:helper", args=[placement.helper_id])
    assert placement.status == S.INTERESTED and placement.source == Placement.Source.KEY_WORKER
    assert InvolvementStep.objects.filter(woman=woman, step=Step.HELPING).exists()


def test_a_key_worker_names_only_women_on_her_caseload(
    key_worker_client, key_worker, other_key_worker, centre, greeter_role
):
    not_hers = WomanFactory(centre=centre, key_worker=other_key_worker, ask_to_help=True)
    response = key_worker_client.post(
        reverse("involvement:interest_new"), {"opportunity": greeter_role.pk, "woman": not_hers.pk}
    )
    assert response.status_code == 400
    assert not Placement.objects.exists()


def test_the_home_panel_lists_women_on_her_caseload_who_would_like_to_help(
    key_worker_client, key_worker, other_key_worker, centre
):
    mine = WomanFactory(centre=centre, key_worker=key_worker, ask_to_help=True, first_name="Maya")
    WomanFactory(centre=centre, key_worker=key_worker, ask_to_help=False, first_name="Nora")
    WomanFactory(centre=centre, key_worker=other_key_worker, ask_to_help=True, first_name="Orla")
    page = key_worker_client.get(reverse("home")).content.decode()
    assert "Maya" in page and "Nora" not in page and "Orla" not in page
    assert f"?woman={mine.pk}" in page


def test_a_community_volunteer_by_name(manager_client, greeter_role):
    response = manager_client.post(
        reverse("involvement:interest_new"),
        {"opportunity": greeter_role.pk, "name": "Margaret", "contact": "Church office"},
    )
    assert response.status_code == 302
    helper = Helper.objects.get()
    assert helper.is_community and helper.display_name == "Margaret"
    assert Placement.objects.get().source == Placement.Source.COMMUNITY


def test_a_role_needing_a_disclosure_check_waits_for_its_date(manager, centre):
    role = opportunity(centre, Opportunity.Role.PEER_MENTOR, check=True)
    woman = WomanFactory(centre=centre)
    placement = services.interest_record(
        centre=centre, opportunity=role, source="key_worker", by=manager, woman=woman
    )
    services.placement_move(placement=placement, to_status=S.CHECKS, by=manager)
    with pytest.raises(ValidationError):
        services.placement_move(placement=placement, to_status=S.ACTIVE, by=manager)
    services.placement_move(
        placement=placement,
        to_status=S.ACTIVE,
        by=manager,
        disclosure_check_on=timezone.localdate(),
    )
    placement.refresh_from_db()
    assert placement.status == S.ACTIVE and placement.disclosure_check_on == timezone.localdate()
    assert InvolvementStep.objects.filter(woman=woman, step=Step.PEER_MENTORING).exists()


def test_stepped_down_and_coming_back(manager, centre, greeter_role):
    woman = WomanFactory(centre=centre)
    placement = services.interest_record(
        centre=centre, opportunity=greeter_role, source="key_worker", by=manager, woman=woman
    )
    for status in (S.TRAINING, S.ACTIVE, S.STEPPED_DOWN):
        services.placement_move(placement=placement, to_status=status, by=manager)
    with pytest.raises(ValidationError):
        services.placement_move(placement=placement, to_status=S.BACK_SEAT, by=manager)
    again = services.interest_record(
        centre=centre, opportunity=greeter_role, source="key_worker", by=manager, woman=woman
    )
    assert again.pk == placement.pk and again.status == S.INTERESTED
    statuses = list(again.changes.values_list("to_status", flat=True))
    assert statuses == [S.INTERESTED, S.TRAINING, S.ACTIVE, S.STEPPED_DOWN, S.INTERESTED]


def test_the_manager_moves_her_through_the_pages(manager_client, manager, centre, greeter_role):
    woman = WomanFactory(centre=centre)
    placement = services.interest_record(
        centre=centre, opportunity=greeter_role, source="key_worker", by=manager, woman=woman
    )
    url = reverse("involvement:placement_move", args=[placement.pk])
    manager_client.post(url, {"to_status": "training"})
    manager_client.post(url, {"to_status": "active", "note": "Started on Monday"})
    placement.refresh_from_db()
    assert placement.status == S.ACTIVE
    page = manager_client.get(reverse("involvement:helper", args=[placement.helper_id]))
    assert "Started on Monday" in page.content.decode()


def test_training_with_a_certificate_and_a_one_to_one(manager_client, manager, her):
    response = manager_client.post(
        reverse("involvement:training_add", args=[her.pk]),
        {
            "course": "Safeguarding basics",
            "completed_on": timezone.localdate().isoformat(),
            "accredited": "on",
            "certificate": SimpleUploadedFile(
                "cert.png", b"\x89PNG\r\n\x1a\nrest", content_type="image/png"
            ),
        },
    )
    assert response.status_code == 302
    training = Training.objects.get()
    assert training.accredited and training.certificate
    got = manager_client.get(reverse("involvement:training_certificate", args=[training.pk]))
    assert got.status_code == 200
    manager_client.post(
        reverse("involvement:supervision_add", args=[her.pk]),
        {"held_on": timezone.localdate().isoformat(), "notes": "Going well"},
    )
    assert Supervision.objects.get().supervisor == manager


def test_a_step_recorded_from_her_record(key_worker_client, key_worker, centre):
    woman = WomanFactory(centre=centre, key_worker=key_worker)
    response = key_worker_client.post(
        reverse("involvement:step_add", args=[woman.pk]),
        {"step": "meetings", "taken_on": timezone.localdate().isoformat(), "note": "First meeting"},
    )
    assert response.url == reverse("casework:woman", args=[woman.pk])
    page = key_worker_client.get(response.url).content.decode()
    assert "Attending meetings" in page and "First meeting" in page
    tomorrow = timezone.localdate() + timedelta(days=1)
    future = key_worker_client.post(
        reverse("involvement:step_add", args=[woman.pk]),
        {"step": "meetings", "taken_on": tomorrow.isoformat()},
    )
    assert future.status_code == 400


def test_a_key_worker_without_her_record_cannot_add_to_it(
    key_worker_client, other_key_worker, centre
):
    woman = WomanFactory(centre=centre, key_worker=other_key_worker)
    url = reverse("involvement:step_add", args=[woman.pk])
    assert key_worker_client.get(url).status_code == 403


def test_her_certificate_and_history_read_back(volunteer_client, her, manager):
    services.training_record(
        helper=her,
        by=manager,
        course="Welcoming and boundaries",
        completed_on=timezone.localdate(),
        accredited=True,
    )
    certificate = volunteer_client.get(reverse("involvement:certificate", args=[her.pk]))
    assert certificate["Content-Type"] == "application/pdf"
    text = " ".join(pdf_text(certificate.content).split())
    assert (
        "Certificate of thanks" in text
        and her.woman.known_as in text
        and "Meeter and greeter" in text
    )
    history = volunteer_client.get(reverse("involvement:history", args=[her.pk]))
    text = " ".join(pdf_text(history.content).split())
    assert "Involvement history" in text and "Welcoming and boundaries" in text


def test_the_pathway_page_keeps_a_fixed_query_budget(
    manager_client, manager, centre, greeter_role, django_assert_max_num_queries
):
    for _ in range(6):
        services.interest_record(
            centre=centre,
            opportunity=greeter_role,
            source="key_worker",
            by=manager,
            woman=WomanFactory(centre=centre),
        )
    with django_assert_max_num_queries(20):
        assert manager_client.get(reverse("involvement:index")).status_code == 200


def test_an_overdue_one_to_one_shows_on_her_page(manager_client, manager, her):
    long_ago = timezone.localdate() - timedelta(days=60)
    services.supervision_record(
        helper=her, supervisor=manager, held_on=long_ago, next_on=long_ago + timedelta(days=28)
    )
    page = manager_client.get(reverse("involvement:helper", args=[her.pk])).content.decode()
    assert "Overdue" in page
