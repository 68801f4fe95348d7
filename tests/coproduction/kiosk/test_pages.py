"""tablet_form, the one shape of every tablet page with a form (the kiosk's idea, code and
feedback pages, and getting involved's moving-on and "I'd like to help")."""

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from coproduction.kiosk import pages
from coproduction.kiosk.forms import KioskCodeForm

TEMPLATE = "kiosk/code.html"


def _request(tablet, data=None):
    factory = RequestFactory()
    request = factory.get("/kiosk/code/") if data is None else factory.post("/kiosk/code/", data)
    request.tablet = tablet
    return request


def _page(request, record, **context):
    form = KioskCodeForm(request.POST if request.method == "POST" else None)
    return pages.tablet_form(request, form, TEMPLATE, record, kind="lookup", **context)


def _not_called(data):
    raise AssertionError("record must not be called")


@pytest.mark.django_db
def test_a_first_look_shows_the_form_and_saves_nothing(tablet):
    response = _page(_request(tablet), _not_called)
    assert response.status_code == 200
    assert 'name="code"' in response.content.decode()


@pytest.mark.django_db
def test_a_refused_form_comes_back_with_her_words_and_saves_nothing(tablet):
    response = _page(_request(tablet, {"code": ""}), _not_called)
    assert response.status_code == 400


@pytest.mark.django_db
def test_a_sent_form_is_saved_and_the_page_that_follows_is_shown(tablet):
    saved = []

    def record(data):
        saved.append(data)
        return HttpResponse("thanks")

    response = _page(_request(tablet, {"code": "ABC-12"}), record)
    assert response.content == b"thanks"
    assert len(saved) == 1


@pytest.mark.django_db
def test_what_record_refuses_comes_back_on_the_form(tablet):
    request = _request(tablet, {"code": "ABC-12"})
    form = KioskCodeForm(request.POST)

    def record(data):
        form.add_error("code", "Not that one.")
        return None

    response = pages.tablet_form(request, form, TEMPLATE, record, kind="lookup")
    assert response.status_code == 400
    assert "Not that one." in response.content.decode()


@pytest.mark.django_db
def test_a_tablet_past_its_allowance_rests_and_saves_nothing(tablet, monkeypatch):
    kinds = []

    def allowance_take(*, tablet, kind):
        kinds.append(kind)
        return False

    monkeypatch.setattr(pages, "kiosk_allowance_take", allowance_take)
    response = _page(_request(tablet, {"code": "ABC-12"}), _not_called)
    assert response.status_code == 429
    assert "needs a little rest" in response.content.decode()
    assert kinds == ["lookup"]
