"""Her details with two people saving at once, stages with reopen and history, participation."""

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from casework import services
from casework.models import Consent, Stage, StageChange, Woman
from centre.versioning import EditConflict

from .factories import AgencyFactory, AllocationFactory

pytestmark = pytest.mark.django_db


def details(woman, **changes):
    data = {
        "first_name": woman.first_name,
        "last_name": woman.last_name,
        "preferred_name": woman.preferred_name,
        "mobile": woman.mobile,
        "version": woman.version,
    }
    data.update(changes)
    return data


def test_details_page_works(key_worker_client, woman):
    response = key_worker_client.get(reverse("casework:woman_edit", args=[woman.pk]))
    assert response.status_code == 200
    assert b"Safe to text" in response.content or b"safe to text" in response.content.lower()


def test_saving_details_bumps_the_version(key_worker_client, woman):
    url = reverse("casework:woman_edit", args=[woman.pk])
    response = key_worker_client.post(
        url, details(woman, safe_to_text="on", safe_time="Mornings", code_word="tulip")
    )
    assert response.status_code == 302
    woman.refresh_from_db()
    assert woman.version == 2 and woman.safe_to_text and woman.code_word == "tulip"


def test_second_person_saving_is_told_and_shown_both_versions(
    key_worker_client, manager_client, woman
):
    url = reverse("casework:woman_edit", args=[woman.pk])
    stale = details(woman)
    assert manager_client.post(url, {**stale, "preferred_name": "Ally"}).status_code == 302
    response = key_worker_client.post(url, {**stale, "preferred_name": "Ails"})
    assert response.status_code == 200
    text = response.content.decode()
    assert "Someone else saved" in text
    assert "Ally" in text  # their version
    assert 'value="Ails"' in text  # what she typed
    woman.refresh_from_db()
    assert woman.preferred_name == "Ally" and woman.version == 2
    # She can save again on top of the new version.
    again = key_worker_client.post(url, {**stale, "preferred_name": "Ails", "version": 2})
    assert again.status_code == 302
    woman.refresh_from_db()
    assert woman.preferred_name == "Ails"


def test_service_refuses_a_stale_version(woman, key_worker):
    services.woman_update(woman=woman, expected_version=1, data={"mobile": "1"}, by=key_worker)
    with pytest.raises(EditConflict):
        services.woman_update(woman=woman, expected_version=1, data={"mobile": "2"}, by=key_worker)


def test_bad_input_keeps_what_was_typed(key_worker_client, woman):
    url = reverse("casework:woman_edit", args=[woman.pk])
    response = key_worker_client.post(
        url, details(woman, email="not-an-email", what_matters="Her son Callum")
    )
    assert response.status_code == 200
    assert b"Her son Callum" in response.content
    assert b"valid email" in response.content


def test_stage_change_keeps_history_and_reopen_needs_reason(key_worker_client, woman, key_worker):
    url = reverse("casework:woman_stage", args=[woman.pk])
    key_worker_client.post(url, {"stage": Stage.CLOSED, "reason": ""})
    woman.refresh_from_db()
    assert woman.stage == Stage.INTENSIVE  # closing needs a reason
    key_worker_client.post(url, {"stage": Stage.CLOSED, "reason": "Moved away"})
    woman.refresh_from_db()
    assert woman.stage == Stage.CLOSED and woman.closed_at is not None
    key_worker_client.post(url, {"stage": Stage.ASSESSMENT, "reason": "Came back in"})
    woman.refresh_from_db()
    assert woman.stage == Stage.ASSESSMENT and woman.closed_at is None
    history = list(StageChange.objects.filter(woman=woman).values_list("to_stage", flat=True))
    assert history == [Stage.ASSESSMENT, Stage.CLOSED]


def test_participation_opt_in_and_out(key_worker_client, woman):
    url = reverse("casework:woman_participation", args=[woman.pk])
    key_worker_client.post(url, {"invite_to_meetings": "on", "send_newsletter": "on"})
    woman.refresh_from_db()
    assert woman.invite_to_meetings and woman.send_newsletter and not woman.ask_to_help
    key_worker_client.post(url, {"ask_to_help": "on"})
    woman.refresh_from_db()
    assert not woman.invite_to_meetings and woman.ask_to_help
    assert woman.participation_updated_at is not None


def test_photo_must_be_an_image(key_worker_client, woman):
    url = reverse("casework:woman_edit", args=[woman.pk])
    bad = SimpleUploadedFile("photo.png", b"not an image", content_type="image/png")
    response = key_worker_client.post(url, {**details(woman), "photo": bad})
    assert response.status_code == 200
    assert Woman.objects.get(pk=woman.pk).photo == ""


def _png():
    buffer = BytesIO()
    Image.new("RGB", (4, 4), "purple").save(buffer, "PNG")
    return SimpleUploadedFile("me.png", buffer.getvalue(), content_type="image/png")


def test_photo_is_served_only_to_those_with_the_full_record(
    key_worker_client, partner_client, woman, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    url = reverse("casework:woman_edit", args=[woman.pk])
    assert key_worker_client.post(url, {**details(woman), "photo": _png()}).status_code == 302
    photo_url = reverse("casework:woman_photo", args=[woman.pk])
    response = key_worker_client.get(photo_url)
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert partner_client.get(photo_url).status_code == 403


def test_partner_is_reminded_when_there_is_no_sharing_agreement(partner_client, partner, woman):
    AllocationFactory(woman=woman, worker=partner)
    url = reverse("casework:woman", args=[woman.pk])
    assert b"is not linked to the centre&#x27;s directory" in partner_client.get(url).content
    agency = AgencyFactory(centre=woman.centre, name="Housing Options")
    assert b"no sharing agreement" in partner_client.get(url).content
    Consent.objects.create(woman=woman, agency=agency, agreed=False)
    assert b"has not agreed to share" in partner_client.get(url).content
    Consent.objects.create(woman=woman, agency=agency, agreed=True, shares=["housing"])
    content = partner_client.get(url).content
    assert b"has not agreed to share" not in content and b"no sharing agreement" not in content
    assert b"agreed to share part of her record" in content


def test_her_record_s_tabs_say_which_is_the_page_and_which_only_its_section(
    key_worker_client, woman
):
    """On the overview the Overview tab is the current page; on a page reached from it (log a
    contact) it is the current section, not the page; other tabs are neither."""
    overview = reverse("casework:woman", args=[woman.pk])
    timeline = reverse("casework:woman_timeline", args=[woman.pk])

    def current(url):
        page = key_worker_client.get(url).content.decode()
        return {
            tab: page.split(f'href="{tab}"')[0].rsplit("<a ", 1)[1] for tab in (overview, timeline)
        }

    on_overview = current(overview)
    assert 'aria-current="page"' in on_overview[overview]
    assert "aria-current" not in on_overview[timeline]
    on_contact = current(reverse("casework:contact_new", args=[woman.pk]))
    assert 'aria-current="true"' in on_contact[overview] and "active" in on_contact[overview]
    assert 'aria-current="page"' in current(timeline)[timeline]
