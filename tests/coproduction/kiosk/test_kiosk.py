"""The shared tablet: enrolment, posting, receipts, bad input, floods, Redis down, privacy."""

import re
from datetime import timedelta

import pytest
from django.core import signing
from django.core.cache import cache
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from centre.models import OutboxMessage
from coproduction.kiosk import services
from coproduction.kiosk.access import COOKIE_NAME, COOKIE_SALT
from coproduction.kiosk.models import Tablet
from coproduction.suggestions import services as suggestion_services
from coproduction.suggestions.models import Suggestion
from tests.activities.factories import ActivityFactory, SessionFactory
from tests.coproduction.factories import SuggestionFactory, enrolled_tablet, you_said_we_did

pytestmark = pytest.mark.django_db

IDEA = {"about": "food", "text": "Soup on Wednesdays please", "name_choice": "anonymous"}


def receipt_code(response):
    match = re.search(r"data-receipt-code[^>]*>([A-Z0-9]{3}-\d{2})<", response.content.decode())
    assert match, "no receipt code on the page"
    return match.group(1)


def assert_only_kiosk_links(html):
    """Every link and form on a tablet page stays in /kiosk/ (or loads our static files)."""
    targets = re.findall(r'(?:href|action|src)="([^"]*)"', html)
    assert targets
    for target in targets:
        assert target.startswith(("/kiosk/", "/static/")), f"tablet page links to {target}"


# Enrolment -------------------------------------------------------------------------------------


def test_unenrolled_browser_gets_a_friendly_page_not_the_form(client):
    response = client.get(reverse("kiosk:idea"))
    assert response.status_code == 403
    assert "This tablet is not set up yet" in response.content.decode()
    assert "<textarea" not in response.content.decode()


def test_staff_session_does_not_open_the_kiosk(manager_client):
    assert manager_client.get(reverse("kiosk:start")).status_code == 403


def test_enrolment_link_sets_a_long_lived_cookie_once(centre, manager, manager_client):
    tablet, code = services.tablet_create(centre=centre, name="Front room", by=manager)
    url = reverse("kiosk:enrol_link", kwargs={"token": code.replace("-", "")})
    device = Client()
    # A GET (a link preview) does not spend the code.
    assert device.get(url).status_code == 200
    response = device.post(url)
    assert response.status_code == 302 and response["Location"] == reverse("kiosk:start")
    cookie = response.cookies[COOKIE_NAME]
    assert cookie["httponly"] and cookie["max-age"] >= 365 * 24 * 3600
    assert device.get(reverse("kiosk:start")).status_code == 200
    # Used once: a second browser cannot use it.
    assert Client().post(url).status_code == 404


def test_enrolment_by_typed_code_and_a_wrong_code(centre, manager):
    _tablet, code = services.tablet_create(centre=centre, name="Hall", by=manager)
    device = Client()
    response = device.post(reverse("kiosk:enrol"), {"code": "WRONG-CODE1"})
    assert "did not work" in response.content.decode()
    response = device.post(reverse("kiosk:enrol"), {"code": code.lower()})
    assert response.status_code == 302
    assert device.get(reverse("kiosk:start")).status_code == 200


def test_enrolment_signs_out_a_staff_session(centre, manager, manager_client):
    _tablet, code = services.tablet_create(centre=centre, name="Hall", by=manager)
    manager_client.post(reverse("kiosk:enrol_link", kwargs={"token": code.replace("-", "")}))
    assert manager_client.get(reverse("suggestions:index")).status_code == 302


def test_revoked_tablet_and_a_forged_cookie_are_refused(centre, manager, kiosk_client, tablet):
    assert kiosk_client.get(reverse("kiosk:start")).status_code == 200
    services.tablet_revoke(tablet=tablet, by=manager)
    assert kiosk_client.get(reverse("kiosk:start")).status_code == 403
    forged = Client()
    forged.cookies[COOKIE_NAME] = signing.dumps({"t": tablet.pk, "k": ""}, salt=COOKIE_SALT)
    assert forged.get(reverse("kiosk:start")).status_code == 403
    forged.cookies[COOKIE_NAME] = "garbage"
    assert forged.get(reverse("kiosk:start")).status_code == 403


def test_new_link_then_re_enrolment_stops_the_old_device(centre, manager, kiosk_client, tablet):
    code = services.tablet_link_renew(tablet=tablet, by=manager)
    new_device = Client()
    new_device.post(reverse("kiosk:enrol_link", kwargs={"token": code.replace("-", "")}))
    assert new_device.get(reverse("kiosk:start")).status_code == 200
    assert kiosk_client.get(reverse("kiosk:start")).status_code == 403


# Posting a suggestion --------------------------------------------------------------------------


def test_woman_posts_an_anonymous_suggestion_and_gets_a_receipt(centre, kiosk_client):
    response = kiosk_client.post(reverse("kiosk:idea"), IDEA)
    assert response.status_code == 200
    code = receipt_code(response)
    suggestion = Suggestion.objects.get(centre=centre, receipt_code=code)
    assert suggestion.source == Suggestion.Source.TABLET
    assert suggestion.first_name == ""
    assert suggestion.screening == Suggestion.Screening.TO_SCREEN
    assert suggestion.status == Suggestion.Status.RECEIVED


def test_first_name_only_when_she_chooses_to_add_it(centre, kiosk_client):
    kiosk_client.post(reverse("kiosk:idea"), {**IDEA, "first_name": "Shona"})
    assert Suggestion.objects.get().first_name == ""
    kiosk_client.post(
        reverse("kiosk:idea"), {**IDEA, "name_choice": "named", "first_name": "Shona"}
    )
    assert Suggestion.objects.filter(first_name="Shona").count() == 1
    response = kiosk_client.post(reverse("kiosk:idea"), {**IDEA, "name_choice": "named"})
    assert response.status_code == 400
    assert "Please type your first name" in response.content.decode()


def test_the_form_tells_her_about_privacy_and_turns_off_autofill(kiosk_client):
    page = kiosk_client.get(reverse("kiosk:idea"))
    html = page.content.decode()
    assert "No one will know it was you, unless you add your name" in html
    assert "do not put other people" in html
    assert 'autocomplete="off"' in html
    assert "no-store" in page["Cache-Control"]
    assert_only_kiosk_links(html)


def test_the_suggestion_stores_no_device_or_person_details():
    names = {field.name for field in Suggestion._meta.get_fields()}
    for forbidden in ("ip", "ip_address", "user_agent", "tablet", "device", "created_by"):
        assert forbidden not in names
    # Only the day is kept, not the time of day.
    assert Suggestion._meta.get_field("received_on").get_internal_type() == "DateField"


def test_posting_stores_no_ip_or_browser_anywhere(centre, kiosk_client):
    kiosk_client.post(
        reverse("kiosk:idea"),
        {**IDEA, "text": "More art please"},
        REMOTE_ADDR="203.0.113.77",
        HTTP_USER_AGENT="DistinctiveBrowser/9.9",
    )
    row = Suggestion.objects.values().get()
    flat = " ".join(str(value) for value in row.values())
    assert "203.0.113.77" not in flat and "DistinctiveBrowser" not in flat
    assert Tablet.objects.count() == 1  # and no link from the suggestion to it


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"about": "food", "text": "   "}, "Please tell us your idea"),
        ({"text": "something"}, "Please choose what your idea is about"),
        ({"about": "food", "text": "x" * 1501}, "That is a bit long for the box"),
        ({"about": "nonsense", "text": "something"}, "Select a valid choice"),
    ],
)
def test_bad_input_gets_a_kind_message_and_keeps_what_she_typed(kiosk_client, data, message):
    response = kiosk_client.post(reverse("kiosk:idea"), {"name_choice": "anonymous", **data})
    html = response.content.decode()
    assert response.status_code == 400
    assert message in html
    assert "What you wrote is still here" in html
    if data.get("text", "").strip():
        assert data["text"] in html
    assert Suggestion.objects.count() == 0


def test_emoji_and_script_tags_are_kept_as_text_and_escaped(centre, kiosk_client, manager_client):
    text = "<script>alert('x')</script> more soup 🍲 & bread"
    response = kiosk_client.post(reverse("kiosk:idea"), {**IDEA, "text": text})
    code = receipt_code(response)
    suggestion = Suggestion.objects.get(receipt_code=code)
    assert suggestion.text == text
    suggestion_services.suggestion_screen(
        suggestion=suggestion, by=None, hold=False, expected_version=1
    )
    page = manager_client.get(
        reverse("suggestions:detail", kwargs={"code": suggestion.receipt_code})
    )
    html = page.content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; more soup 🍲 &amp; bread" in html


def test_a_too_long_text_with_script_is_escaped_when_shown_back(kiosk_client):
    text = "<b>bold</b>" + "y" * 1600
    html = kiosk_client.post(reverse("kiosk:idea"), {**IDEA, "text": text}).content.decode()
    assert "&lt;b&gt;bold&lt;/b&gt;" in html and "<b>bold</b>" not in html


def test_a_flood_gets_a_kind_message_and_keeps_her_words(kiosk_client):
    for index in range(services.KIOSK_RATE_LIMIT):
        response = kiosk_client.post(reverse("kiosk:idea"), {**IDEA, "text": f"idea {index}"})
        assert response.status_code == 200
    response = kiosk_client.post(reverse("kiosk:idea"), {**IDEA, "text": "one more idea"})
    html = response.content.decode()
    assert response.status_code == 429
    assert "The tablet needs a little rest" in html
    assert "one more idea" in html
    assert Suggestion.objects.count() == services.KIOSK_RATE_LIMIT


def test_the_limit_is_per_tablet(centre, kiosk_client):

    for index in range(services.KIOSK_RATE_LIMIT + 1):
        kiosk_client.post(reverse("kiosk:idea"), {**IDEA, "text": f"idea {index}"})
    _other, cookie = enrolled_tablet(centre, "Hall")
    other = Client()
    other.cookies[COOKIE_NAME] = cookie
    assert other.post(reverse("kiosk:idea"), IDEA).status_code == 200


CLOSED_REDIS_CACHE = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
    }
}


def test_with_redis_down_the_tablet_still_accepts_suggestions(kiosk_client):
    with override_settings(CACHES=CLOSED_REDIS_CACHE):
        for index in range(services.KIOSK_RATE_LIMIT + 2):
            response = kiosk_client.post(reverse("kiosk:idea"), {**IDEA, "text": f"i{index}"})
            assert response.status_code == 200
    assert Suggestion.objects.count() == services.KIOSK_RATE_LIMIT + 2


def test_with_a_private_redis_stopped_suggestions_still_go_in(private_redis, kiosk_client):
    cache_settings = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": private_redis.url,
            "OPTIONS": {"socket_connect_timeout": 0.3, "socket_timeout": 0.3},
        }
    }
    with override_settings(CACHES=cache_settings, CELERY_BROKER_URL=private_redis.url):
        assert kiosk_client.post(reverse("kiosk:idea"), IDEA).status_code == 200
        private_redis.stop()
        response = kiosk_client.post(reverse("kiosk:idea"), {**IDEA, "text": "while down"})
        assert response.status_code == 200
        receipt_code(response)
    assert Suggestion.objects.filter(text="while down").exists()


# Possible disclosures ----------------------------------------------------------------------------


def test_a_possible_disclosure_is_held_and_the_duty_manager_told_without_content(
    centre, manager, kiosk_client, django_capture_on_commit_callbacks
):

    centre.duty_manager_email = "duty@example.org"
    centre.save()
    text = "My partner Gary hits me when I get home"
    with django_capture_on_commit_callbacks(execute=True):
        response = kiosk_client.post(reverse("kiosk:idea"), {**IDEA, "text": text})
    code = receipt_code(response)
    # She sees the same kind receipt, with the "talk to staff" line every receipt has.
    assert "talk to a member of staff today" in response.content.decode()
    suggestion = Suggestion.objects.get(receipt_code=code)
    assert suggestion.screening == Suggestion.Screening.HELD
    message = OutboxMessage.objects.get(purpose="coproduction.safeguarding")
    assert message.recipient == "duty@example.org"
    assert "Gary" not in message.body and "hits" not in message.body
    assert code in message.body


# Receipt look-up and the board -------------------------------------------------------------------


def test_typing_the_code_shows_what_happened(centre, kiosk_client, manager):
    suggestion = SuggestionFactory(
        centre=centre,
        receipt_code="KX7-42",
        status=Suggestion.Status.NOT_POSSIBLE,
        owner=manager,
        reason="No budget",
        you_said="You asked for a sauna",
        we_did="We couldn't find the money <this year>",
        wording=Suggestion.Wording.APPROVED,
    )
    response = kiosk_client.post(reverse("kiosk:code"), {"code": " kx7 42 "})
    html = response.content.decode()
    assert "Sorry. We could not do this one." in html
    assert "We couldn&#x27;t find the money &lt;this year&gt;" in html
    # Her original words are never shown back on the tablet.
    assert suggestion.text not in html
    assert "KX7-42" in html


def test_held_suggestion_code_shows_only_that_we_have_it(centre, kiosk_client):
    SuggestionFactory(
        centre=centre,
        receipt_code="ABC-12",
        screening=Suggestion.Screening.HELD,
        status=Suggestion.Status.LOOKING,
        you_said="secret",
        we_did="secret",
        wording=Suggestion.Wording.APPROVED,
    )
    html = kiosk_client.post(reverse("kiosk:code"), {"code": "ABC-12"}).content.decode()
    assert "We have your idea" in html and "secret" not in html


def test_unknown_or_other_centres_code_is_not_found(kiosk_client, other_centre):
    SuggestionFactory(centre=other_centre, receipt_code="ZZZ-99")
    for code in ("ZZZ-99", "ABC-00", "🍲"):
        response = kiosk_client.post(reverse("kiosk:code"), {"code": code})
        assert "We could not find that code" in response.content.decode()
    response = kiosk_client.post(reverse("kiosk:code"), {"code": ""})
    assert "Please type the code" in response.content.decode()


def test_code_guessing_is_limited(kiosk_client):
    for _ in range(services.KIOSK_LOOKUP_LIMIT):
        kiosk_client.post(reverse("kiosk:code"), {"code": "ABC-00"})
    response = kiosk_client.post(reverse("kiosk:code"), {"code": "ABC-00"})
    assert response.status_code == 429


def test_board_shows_only_approved_wording_and_never_held(centre, other_centre, kiosk_client):
    you_said_we_did(centre, "Approved said", "Approved did")
    you_said_we_did(centre, "Draft said", "d", wording=Suggestion.Wording.DRAFT)
    you_said_we_did(centre, "Held said", "h", screening=Suggestion.Screening.HELD)
    you_said_we_did(other_centre, "Other centre", "o")
    html = kiosk_client.get(reverse("kiosk:board")).content.decode()
    assert "Approved said" in html
    for hidden in ("Draft said", "Held said", "Other centre"):
        assert hidden not in html


def test_kiosk_pages_carry_timings_and_never_link_to_staff_pages(kiosk_client):
    for name in ("kiosk:start", "kiosk:idea", "kiosk:code", "kiosk:board"):
        response = kiosk_client.get(reverse(name))
        html = response.content.decode()
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"]
        assert 'data-countdown-seconds="30"' in html
        assert_only_kiosk_links(html)


def test_reset_sends_clear_site_data_but_keeps_the_device_cookie(kiosk_client):
    response = kiosk_client.get(reverse("kiosk:start") + "?fresh=1")
    assert response["Clear-Site-Data"] == '"cache", "storage"'
    assert "cookies" not in response["Clear-Site-Data"]


@override_settings(KIOSK_IDLE_SECONDS=5, KIOSK_RESET_AFTER_SUBMIT_SECONDS=2)
def test_timings_are_configurable(kiosk_client):
    assert 'data-idle-seconds="5"' in kiosk_client.get(reverse("kiosk:idea")).content.decode()
    html = kiosk_client.post(reverse("kiosk:idea"), IDEA).content.decode()
    assert 'data-reset-after="2"' in html


def test_wrong_method_is_405(kiosk_client):
    assert kiosk_client.post(reverse("kiosk:board")).status_code == 405
    assert kiosk_client.delete(reverse("kiosk:idea")).status_code == 405


# This week's activities ------------------------------------------------------------------------


def test_this_weeks_activities_on_the_tablet(centre, other_centre, kiosk_client):

    today = timezone.localdate()
    art = ActivityFactory(centre=centre, name="Art <group>")
    SessionFactory(centre=centre, activity=art, date=today + timedelta(days=2))
    SessionFactory(
        centre=centre,
        activity=art,
        date=today + timedelta(days=3),
        status="cancelled",
        cancel_reason="Sarah is off sick",
    )
    SessionFactory(centre=centre, activity=art, date=today + timedelta(days=9))
    other = ActivityFactory(centre=other_centre, name="Elsewhere yoga")
    SessionFactory(centre=other_centre, activity=other, date=today)
    response = kiosk_client.get(reverse("kiosk:activities"))
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("Art &lt;group&gt;") == 2
    assert "Not on this time" in html
    assert "Sarah" not in html and "Elsewhere yoga" not in html
    assert "Nothing on this day." in html
    assert_only_kiosk_links(html)


def _enrol_from(address, code):
    return Client(REMOTE_ADDR=address).post(reverse("kiosk:enrol"), {"code": code})


def test_guessing_set_up_codes_from_one_address_is_stopped(centre, manager):

    tablet, code = services.tablet_create(centre=centre, name="Front desk", by=manager)
    for n in range(services.ENROL_FAILURE_LIMIT):
        _enrol_from("203.0.113.7", f"WRONG-{n:05d}")
    # Even the right code now waits at that address: a fresh browser cannot get round it.
    blocked = _enrol_from("203.0.113.7", code)
    assert blocked.status_code == 429
    assert "Too many wrong codes" in blocked.content.decode()
    tablet.refresh_from_db()
    assert tablet.enrolled_at is None
    cache.clear()  # the window passes
    assert _enrol_from("203.0.113.7", code).status_code == 302


def test_one_visitor_cannot_lock_out_the_real_enrolment(centre, manager):
    tablet, code = services.tablet_create(centre=centre, name="Front desk", by=manager)
    for n in range(services.ENROL_FAILURE_LIMIT * 2):
        _enrol_from("203.0.113.7", f"WRONG-{n:05d}")
    assert _enrol_from("203.0.113.7", "WRONG-99999").status_code == 429
    # The manager, at the centre's own address, still sets the tablet up.
    assert _enrol_from("198.51.100.20", code).status_code == 302
    tablet.refresh_from_db()
    assert tablet.enrolled_at is not None


def test_the_one_time_link_is_limited_per_address_too(centre, manager):
    tablet, code = services.tablet_create(centre=centre, name="Front desk", by=manager)
    attacker = Client(REMOTE_ADDR="203.0.113.7")
    for n in range(services.ENROL_FAILURE_LIMIT):
        attacker.post(reverse("kiosk:enrol_link", kwargs={"token": f"WRONG{n:05d}"}))
    token = code.replace("-", "")
    assert attacker.post(reverse("kiosk:enrol_link", kwargs={"token": token})).status_code == 429
    device = Client(REMOTE_ADDR="198.51.100.20")
    assert device.post(reverse("kiosk:enrol_link", kwargs={"token": token})).status_code == 302


def test_the_same_wrong_code_from_many_addresses_is_stopped(centre, manager):
    for n in range(services.ENROL_FAILURE_LIMIT):
        _enrol_from(f"203.0.113.{n + 1}", "OLD12-LINK1")
    assert _enrol_from("198.51.100.20", "OLD12-LINK1").status_code == 429


def test_enrolment_still_works_when_the_cache_is_down(centre, manager, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    _tablet, code = services.tablet_create(centre=centre, name="Front desk", by=manager)
    assert Client().post(reverse("kiosk:enrol"), {"code": "WRONG-00000"}).status_code == 200
    assert Client().post(reverse("kiosk:enrol"), {"code": code}).status_code == 302
