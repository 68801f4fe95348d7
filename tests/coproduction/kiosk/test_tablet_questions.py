"""The tablet's questions read well: each question said once, every hint and mistake read with its
box, writing from right to left shown the right way round, and a long idea never cut off."""

import re

import pytest
from django.urls import reverse

from .tablet_html import TabletPage

pytestmark = pytest.mark.django_db

IDEA = {"about": "food", "text": "Soup on Wednesdays please", "name_choice": "anonymous"}
RIGHT_TO_LEFT = "نريد فاكهة أكثر من فضلك"


def test_each_question_is_said_once_with_one_hint(kiosk_client):
    html = kiosk_client.get(reverse("kiosk:idea")).content.decode()
    assert html.count("What would make it better?") == 1
    assert html.count("You can skip this") == 1
    page = TabletPage(html)
    assert page.read_with(id="id_text")[0] == "Please do not write other people's names."
    assert page.read_with(id="id_fix_idea")[0] == "You can skip this question."


def test_every_hint_on_the_tablet_is_read_with_its_box(kiosk_client):
    page = TabletPage(kiosk_client.get(reverse("kiosk:idea")).content.decode())
    hints = [tag["id"] for tag in page.tags if "kiosk-hint" in tag.get("class", "")]
    described = " ".join(tag.get("aria-describedby", "") for tag in page.tags).split()
    assert hints and all(hint in described for hint in hints)


def test_her_mistakes_are_read_with_the_box_or_the_question(kiosk_client):
    response = kiosk_client.post(reverse("kiosk:idea"), {**IDEA, "text": "x" * 1501})
    page = TabletPage(response.content.decode())
    assert page.element(id="id_text")["aria-invalid"] == "true"
    assert any("That is a bit long for the box" in said for said in page.read_with(id="id_text"))

    response = kiosk_client.post(reverse("kiosk:idea"), {**IDEA, "about": ""})
    page = TabletPage(response.content.decode())
    assert page.read_with(tag="fieldset", data_step="1") == [
        "Please choose what your idea is about."
    ]


def test_writing_from_right_to_left_shows_the_right_way_round(kiosk_client):
    response = kiosk_client.post(
        reverse("kiosk:idea"), {**IDEA, "about": "", "text": RIGHT_TO_LEFT}
    )
    html = response.content.decode()
    page = TabletPage(html)
    boxes = [tag for tag in page.tags if tag["tag"] == "textarea" or tag.get("type") == "text"]
    assert len(boxes) == 3  # her idea, what would make it better, her first name
    assert all(box.get("dir") == "auto" for box in boxes)
    assert re.search(rf'<textarea[^>]*dir="auto"[^>]*>\s*{RIGHT_TO_LEFT}</textarea>', html)


def test_a_long_idea_is_counted_near_the_limit_and_never_cut_off(kiosk_client):
    page = TabletPage(kiosk_client.get(reverse("kiosk:idea")).content.decode())
    box = page.element(id="id_text")
    assert "maxlength" not in box and box["data-limit"] == "1500"
    assert "id_text_count" in box["aria-describedby"].split()
    count = page.element(id="id_text_count")
    assert count["data-limit-text"] == "{count} of {limit} letters"
    assert "data-count-said" in page.element(tag="p", aria_live="polite")
    # A short box keeps its limit: a first name is not a place to write at length.
    assert page.element(id="id_first_name")["maxlength"] == "40"


def test_the_code_page_reads_her_mistake_with_the_box(kiosk_client):
    page = TabletPage(kiosk_client.post(reverse("kiosk:code"), {"code": ""}).content.decode())
    assert page.read_with(id="id_code") == [
        "Please type the code from your receipt. It looks like KX7-42."
    ]
