"""One way to send: every message kind renders from its templates, texts to women stay
discreet, HTML is escaped, and queueing goes through the outbox exactly once."""

import re
from dataclasses import replace
from datetime import timedelta
from html import unescape

import pytest
from django.core.exceptions import ValidationError
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.utils import timezone

from casework.services import appointment_reminders_queue, reminder_channel
from centre import messaging
from centre.models import OutboxMessage
from centre.outbox import assert_discreet, outbox_send_due
from tests.casework.factories import AppointmentFactory, WomanFactory

pytestmark = pytest.mark.django_db

EVERY_KIND = {
    "password_reset",
    "team_invitation",
    "second_factor_reset",
    "sessions_ended",
    "break_glass",
    "appointment_reminder",
    "court_reminder",
    "caseload_digest",
    "suggestion_safeguarding",
    "suggestion_overdue",
    "session_reminder",
    "record_access_changed",
    "meeting_reminder",
    "meeting_reminder_woman",
    "minutes_reminder",
    "meeting_action_due",
    "involvement_shift_reminder",
    "involvement_worry_handed_over",
    "newsletter_call",
    "newsletter_issue",
    "access_review_monthly",
}
KINDS = messaging.kinds()
TEMPLATES = [(kind, name) for kind in KINDS for name in kind.template_names()]


def test_every_existing_message_is_a_registered_kind():
    assert {kind.name for kind in KINDS} == EVERY_KIND


@pytest.mark.parametrize(("kind", "name"), TEMPLATES, ids=[name for _kind, name in TEMPLATES])
def test_every_template_of_every_kind_exists(kind, name):
    assert get_template(name)


@pytest.mark.parametrize("kind", KINDS, ids=[kind.name for kind in KINDS])
def test_every_kind_renders_with_its_example(kind):
    for channel in kind.channels:
        rendered = messaging.message_render(kind=kind, channel=channel, context=kind.example)
        assert rendered.body.strip()
        assert "{{" not in rendered.body and "{%" not in rendered.body
        if channel == messaging.EMAIL:
            assert rendered.subject and "\n" not in rendered.subject
            assert rendered.html_body.lstrip().startswith("<!DOCTYPE html>")
            assert rendered.subject.replace("'", "&#x27;") in rendered.html_body


def test_a_kind_missing_a_template_fails():
    kind = replace(messaging.get_kind("court_reminder"), channels=frozenset({messaging.SMS}))
    with pytest.raises(TemplateDoesNotExist):
        messaging.message_render(kind=kind, channel=messaging.SMS, context=kind.example)


def test_a_kind_is_only_sent_by_its_channels():
    with pytest.raises(ValueError, match="not sent by"):
        messaging.message_queue(
            kind="session_reminder",
            channel=messaging.EMAIL,
            recipient="jo@example.org",
            context={},
            reference="session:1",
        )


def test_registering_a_different_kind_under_a_taken_name_fails():
    kind = messaging.get_kind("break_glass")
    assert messaging.register(kind) is kind  # the same kind again is harmless
    with pytest.raises(ValueError, match="registered twice"):
        messaging.register(replace(kind, purpose="something_else"))


# Discreet messages to women --------------------------------------------------------------------

DISCREET = [kind for kind in KINDS if kind.discreet]


def test_reminders_to_women_are_the_discreet_kinds():
    assert {kind.name for kind in DISCREET} == {
        "appointment_reminder",
        "session_reminder",
        "meeting_reminder_woman",
        "involvement_shift_reminder",
    }
    for kind in DISCREET:
        assert kind.sms_template == "sms_discreet.txt"


@pytest.mark.parametrize("kind", DISCREET, ids=[kind.name for kind in DISCREET])
def test_texts_and_emails_to_women_pass_the_discreet_check(kind):
    for channel in kind.channels:
        rendered = messaging.message_render(kind=kind, channel=channel, context=kind.example)
        assert_discreet(f"{rendered.subject}\n{rendered.body}")
        assert "centre" not in rendered.html_body.lower()


@pytest.mark.parametrize("kind", DISCREET, ids=[kind.name for kind in DISCREET])
def test_the_discreet_check_runs_on_the_rendered_text(kind):
    context = {**kind.example, "first_name": "Probation"}
    for channel in kind.channels:
        with pytest.raises(ValidationError, match="discreet"):
            messaging.message_render(kind=kind, channel=channel, context=context)
    with pytest.raises(ValidationError):
        messaging.message_queue(
            kind=kind.name,
            channel=messaging.SMS,
            recipient="+447700900123",
            context=context,
            reference="thing:1",
        )
    assert not OutboxMessage.objects.exists()


@pytest.mark.parametrize(
    ("names", "hello", "never"),
    [
        ({"first_name": "Shona", "last_name": "Macphail"}, "Hi Shona,", "Macphail"),
        # The name she goes by, not the one on her papers.
        ({"first_name": "Rebecca", "preferred_name": "Bex"}, "Hi Bex,", "Rebecca"),
    ],
)
def test_an_appointment_reminder_calls_her_by_her_name_only(
    centre, key_worker, names, hello, never
):
    woman = WomanFactory(centre=centre, reminders_opt_in=True, safe_to_text=True, **names)
    appointment = AppointmentFactory(
        woman=woman, worker=key_worker, starts_at=timezone.now() + timedelta(days=3)
    )
    message = appointment_reminders_queue(appointment=appointment)
    assert message.channel == OutboxMessage.Channel.SMS
    assert message.body.startswith(f"{hello} just a reminder about") and never not in message.body
    assert key_worker.first_name in message.body and key_worker.last_name not in message.body


@pytest.mark.parametrize(
    ("her", "channels", "expected"),
    [
        ({"safe_to_text": True, "safe_to_email": True}, None, ("sms", "07700 900123")),
        ({"safe_to_email": True}, None, ("email", "her@example.org")),
        ({"safe_to_email": True}, ("sms",), None),  # a text-only reminder: no text is safe
        ({"safe_to_text": True, "reminders_opt_in": False}, None, None),  # she did not ask
        ({"safe_to_text": True, "mobile": "  "}, None, None),  # no number to text
        ({"safe_to_text": True, "anonymised_at": timezone.now()}, None, None),
    ],
)
def test_one_rule_says_how_a_woman_may_be_reminded(centre, her, channels, expected):
    """Appointments, sessions, meetings and rota shifts all ask reminder_channel."""
    woman = WomanFactory(
        centre=centre, email="her@example.org", **{"reminders_opt_in": True, **her}
    )
    asked = {} if channels is None else {"channels": channels}
    assert reminder_channel(woman, **asked) == expected


# Escaping --------------------------------------------------------------------------------------


def test_html_is_escaped_and_plain_text_is_left_readable():
    kind = messaging.get_kind("team_invitation")
    context = {**kind.example, "inviter": "<script>alert('x')</script>", "centre_name": "A&B"}
    rendered = messaging.message_render(kind=kind, channel=messaging.EMAIL, context=context)
    assert "<script>" not in rendered.html_body
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in rendered.html_body
    assert "A&amp;B" in rendered.html_body
    # Plain text is not HTML: it is shown as typed, never run.
    assert "<script>alert('x')</script> has invited you" in rendered.body
    assert rendered.subject == "You are invited to join the team at A&B"


def test_a_reason_with_markup_is_inert_in_the_break_glass_email():
    kind = messaging.get_kind("break_glass")
    context = {**kind.example, "reason": '<img src=x onerror="alert(1)"> urgent'}
    html = messaging.message_render(kind=kind, channel=messaging.EMAIL, context=context).html_body
    assert "<img" not in html and "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html


# Queueing --------------------------------------------------------------------------------------


def test_queueing_twice_gives_one_row(centre):
    kind = messaging.get_kind("court_reminder")
    when = timezone.now() + timedelta(hours=5)
    arguments = {
        "kind": kind.name,
        "channel": messaging.EMAIL,
        "recipient": "kate@example.org",
        "context": kind.example,
        "reference": "court:1:7",
        "centre": centre,
        "send_at": when,
    }
    first, created_first = messaging.message_queue(**arguments)
    second, created_second = messaging.message_queue(**arguments)
    assert (created_first, created_second) == (True, False) and first.pk == second.pk
    assert OutboxMessage.objects.count() == 1
    assert first.purpose == kind.purpose and first.subject == "Court date coming up"
    assert "Glasgow Sheriff Court" in first.body and "Glasgow Sheriff Court" in first.html_body


def _queue_its_example(centre, kind_name, channel, recipient, reference):
    kind = messaging.get_kind(kind_name)
    return messaging.message_queue(
        kind=kind.name,
        channel=channel,
        recipient=recipient,
        context=kind.example,
        reference=reference,
        centre=centre,
    )


def test_an_email_goes_once_with_its_html_version(centre, mailoutbox):
    _queue_its_example(
        centre, "suggestion_safeguarding", messaging.EMAIL, "duty@example.org", "suggestion:7"
    )
    assert outbox_send_due() == 1 and outbox_send_due() == 0
    assert len(mailoutbox) == 1
    email = mailoutbox[0]
    assert email.subject == "A suggestion needs a safeguarding look"
    assert "4FW-27" in email.body
    (html, mimetype), *_rest = email.alternatives
    assert mimetype == "text/html" and "4FW-27" in html


def test_a_text_goes_once(centre, sms_outbox):
    _queue_its_example(centre, "session_reminder", messaging.SMS, "+447700900123", "session:9")
    assert outbox_send_due() == 1 and outbox_send_due() == 0
    assert [text["body"] for text in sms_outbox] == [
        "Hi Jo, just a reminder about Wednesday 9 December at 10:30am. "
        "If you can't make it, no problem, see you next time."
    ]


def test_links_in_emails_are_full_addresses(settings):
    settings.SITE_URL = "https://casework.example.org/"
    assert messaging.absolute_url("/casework/") == "https://casework.example.org/casework/"


# One wording for text and HTML -----------------------------------------------------------------

EMAIL_KINDS = [kind for kind in KINDS if messaging.EMAIL in kind.channels]


def _words_of_html(html):
    """What the HTML part says, written as the text part writes it: a link as "its words: its
    address" (or the address alone when that is its words) and a list item as "- "."""
    article = html.split('role="article"', 1)[1].split(">", 1)[1].rsplit("</div>", 1)[0]
    article = re.sub(
        r'<a href="([^"]*)">(.*?)</a>',
        lambda link: link[1] if link[1] == link[2] else f"{link[2]}: {link[1]}",
        article,
    )
    article = re.sub(r"<[^>]+>", " ", article.replace("<li>", " - "))
    return " ".join(unescape(article).split())


@pytest.mark.parametrize("kind", EMAIL_KINDS, ids=[kind.name for kind in EMAIL_KINDS])
def test_the_text_and_html_parts_say_the_same(kind):
    rendered = messaging.message_render(kind=kind, channel=messaging.EMAIL, context=kind.example)
    assert " ".join(rendered.body.split()) == _words_of_html(rendered.html_body)


def test_every_shared_wording_is_used_by_both_parts_of_its_kind():
    for kind in EMAIL_KINDS:
        wording = f'"{kind.path("_wording.txt")}"'
        for name in ("body.txt", "body.html"):
            source = get_template(kind.path(name)).template.source
            # The words are in the shared wording; a part adds at most a link's label.
            assert wording in source and "blocktranslate" not in source, kind.path(name)


def test_a_signed_out_email_gives_the_reason_as_its_own_sentence():
    kind = messaging.get_kind("sessions_ended")
    context = {**kind.example, "reason": "An organisation administrator signed you out."}
    rendered = messaging.message_render(kind=kind, channel=messaging.EMAIL, context=context)
    said = "signed out everywhere. An organisation administrator signed you out."
    for part in (rendered.body, rendered.html_body):
        assert said in part
        assert "because your access changed" not in part


def test_an_invitation_names_the_role_without_a_colon():
    kind = messaging.get_kind("team_invitation")
    context = {**kind.example, "role": "Centre manager"}
    rendered = messaging.message_render(kind=kind, channel=messaging.EMAIL, context=context)
    said = "to join the team at Tomorrow's Women as Centre manager."
    assert said in rendered.body and said.replace("'", "&#x27;") in rendered.html_body
    assert "as:" not in rendered.body + rendered.html_body
    assert f"Accept the invitation: {kind.example['link']}" in rendered.body
