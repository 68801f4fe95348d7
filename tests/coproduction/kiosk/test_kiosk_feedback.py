"""Session feedback from the shared tablet: which session, a face, a few words; anonymous."""

import re
from datetime import datetime, time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from activities import selectors as activity_selectors
from activities.models import Activity, Feedback, Session
from coproduction.kiosk import services
from tests.activities.factories import ActivityFactory, SessionFactory

pytestmark = pytest.mark.django_db

URL = "/kiosk/feedback/"


@pytest.fixture
def ran(centre):
    """A session yesterday that ran, one earlier today, and ones that must not be offered."""
    today = timezone.localdate()
    art = ActivityFactory(centre=centre, name="Art group")
    walk = ActivityFactory(centre=centre, name="Walking group")
    sessions = {
        "yesterday": SessionFactory(activity=art, date=today - timedelta(days=1)),
        "today": SessionFactory(activity=walk, date=today, start_time=time(0, 0)),
        "later_today": SessionFactory(
            activity=art, date=today, start_time=time(23, 58), end_time=time(23, 59)
        ),
        "last_week": SessionFactory(activity=art, date=today - timedelta(days=7)),
        "cancelled": SessionFactory(
            activity=walk,
            date=today - timedelta(days=1),
            status=Session.Status.CANCELLED,
            cancel_reason="Snow",
        ),
    }
    return sessions


def test_selector_offers_only_sessions_that_ran_today_or_yesterday(centre, other_centre, ran):
    SessionFactory(activity=ActivityFactory(centre=other_centre), date=timezone.localdate())
    entries = activity_selectors.sessions_for_feedback(centre)
    ids = [e["session_id"] for e in entries]
    assert ids == [ran["today"].pk, ran["yesterday"].pk]
    # No personal data, not even the cancellation or pause notes.
    assert set(entries[0]) == {
        "session_id", "activity_id", "date", "start_time", "end_time", "activity", "kind",
        "kind_label", "category", "category_label", "open_drop_in", "room", "location",
        "is_today",
    }  # fmt: skip


def test_selector_leaves_out_a_paused_group_and_a_session_not_started(centre):
    today = timezone.localdate()
    paused = ActivityFactory(
        centre=centre,
        status=Activity.Status.PAUSED,
        status_changed_on=today - timedelta(days=3),
        status_reason="Facilitator away",
    )
    SessionFactory(activity=paused, date=today - timedelta(days=1))
    at_ten = SessionFactory(
        activity=ActivityFactory(centre=centre), date=today, start_time=time(10)
    )
    before = timezone.make_aware(datetime.combine(today, time(9, 30)))
    after = timezone.make_aware(datetime.combine(today, time(10, 30)))
    assert activity_selectors.sessions_for_feedback(centre, now=before) == []
    assert [
        e["session_id"] for e in activity_selectors.sessions_for_feedback(centre, now=after)
    ] == [at_ten.pk]


def test_woman_gives_feedback_and_it_is_marked_from_the_tablet(kiosk_client, ran):
    page = kiosk_client.get(URL)
    html = page.content.decode()
    assert page.status_code == 200
    assert "Art group" in html and "Walking group" in html
    assert f'name="session" value="{ran["last_week"].pk}"' not in html
    assert f'name="session" value="{ran["cancelled"].pk}"' not in html
    assert f'name="session" value="{ran["later_today"].pk}"' not in html
    # Pictures with words for every rating.
    for label in ("Not for me", "It was OK", "Good", "Really good", "Loved it"):
        assert label in html
    assert html.count("pictograms/face-") == 5
    response = kiosk_client.post(
        URL, {"session": ran["yesterday"].pk, "rating": 5, "comment": "  Lovely teacher "}
    )
    assert response.status_code == 200
    assert "Thank you for telling us" in response.content.decode()
    assert "data-reset-after" in response.content.decode()
    feedback = Feedback.objects.get()
    assert (feedback.session, feedback.rating, feedback.comment, feedback.source) == (
        ran["yesterday"],
        5,
        "Lovely teacher",
        Feedback.Source.TABLET,
    )


def test_comment_is_optional(kiosk_client, ran):
    response = kiosk_client.post(URL, {"session": ran["today"].pk, "rating": 2})
    assert response.status_code == 200
    assert Feedback.objects.get().comment == ""


@pytest.mark.parametrize(
    "data, message, step",
    [
        ({"comment": "It was fun"}, "Please choose a face", "2"),
        ({"rating": 4, "comment": "It was fun"}, "Please choose the session", "1"),
        ({"rating": 9, "comment": "It was fun"}, "Please choose the session", "1"),
    ],
)
def test_bad_input_gets_a_kind_message_and_keeps_what_she_typed(
    kiosk_client, ran, data, message, step
):
    if "Please choose a face" in message:
        data = {**data, "session": ran["today"].pk}
    response = kiosk_client.post(URL, data)
    html = response.content.decode()
    assert response.status_code == 400
    assert message in html
    assert "What you wrote is still here" in html
    assert "It was fun</textarea>" in html
    assert f'data-start-step="{step}"' in html
    assert not Feedback.objects.exists()


def test_too_long_comment_with_script_is_refused_kindly_and_shown_back_escaped(kiosk_client, ran):
    text = "<script>alert(1)</script>" + "x" * 1000
    response = kiosk_client.post(URL, {"session": ran["today"].pk, "rating": 3, "comment": text})
    html = response.content.decode()
    assert response.status_code == 400
    assert "That is a bit long for the box" in html
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'data-start-step="3"' in html
    # Her choices are still ticked.
    assert f'value="{ran["today"].pk}" required checked' in html
    assert 'value="3" required checked' in html
    assert not Feedback.objects.exists()


def test_script_tags_are_kept_as_text_and_escaped_for_staff(kiosk_client, key_worker_client, ran):
    kiosk_client.post(URL, {"session": ran["today"].pk, "rating": 4, "comment": "<b>great</b> 😀"})
    assert Feedback.objects.get().comment == "<b>great</b> 😀"
    page = key_worker_client.get(
        reverse("activities:activity_detail", args=[ran["today"].activity_id])
    )
    html = page.content.decode()
    assert "&lt;b&gt;great&lt;/b&gt; 😀" in html and "<b>great</b>" not in html


def test_a_session_not_on_the_list_is_refused(kiosk_client, ran, other_centre):
    elsewhere = SessionFactory(activity=ActivityFactory(centre=other_centre))
    for session in (ran["last_week"], ran["cancelled"], ran["later_today"], elsewhere):
        response = kiosk_client.post(URL, {"session": session.pk, "rating": 4})
        assert response.status_code == 400
    assert not Feedback.objects.exists()


def test_a_flood_gets_a_kind_message_and_keeps_her_choices(kiosk_client, ran, monkeypatch):
    monkeypatch.setitem(services.KIOSK_LIMITS, "feedback", 2)
    for _ in range(2):
        assert kiosk_client.post(URL, {"session": ran["today"].pk, "rating": 4}).status_code == 200
    response = kiosk_client.post(
        URL, {"session": ran["today"].pk, "rating": 4, "comment": "Third go"}
    )
    html = response.content.decode()
    assert response.status_code == 429
    assert "The tablet needs a little rest" in html and "Third go</textarea>" in html
    assert Feedback.objects.count() == 2


def test_no_sessions_gets_a_friendly_page(kiosk_client):
    response = kiosk_client.get(URL)
    assert response.status_code == 200
    assert "no sessions from today or yesterday" in response.content.decode()
    assert "<form" not in response.content.decode().split("<main")[1].split("</main>")[0]


def test_kiosk_feedback_page_is_private_and_stays_in_the_kiosk(kiosk_client, ran):

    response = kiosk_client.get(URL)
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert 'autocomplete="off"' in html
    for target in re.findall(r'(?:href|action|src)="([^"]*)"', html):
        assert target.startswith(("/kiosk/", "/static/")), target
    # The start page links to it.
    assert URL in kiosk_client.get("/kiosk/").content.decode()


def test_feedback_needs_an_enrolled_tablet(client, manager_client, ran):
    assert client.get(URL).status_code == 403
    assert manager_client.get(URL).status_code == 403
    assert manager_client.post(URL, {"session": ran["today"].pk, "rating": 5}).status_code == 403
    assert not Feedback.objects.exists()


def test_wrong_method_is_405(kiosk_client):
    assert kiosk_client.put(URL).status_code == 405


def test_feedback_stores_nothing_about_the_tablet_or_the_woman():
    names = {f.name for f in Feedback._meta.get_fields()}
    assert names == {"id", "session", "rating", "comment", "source", "created_at"}
