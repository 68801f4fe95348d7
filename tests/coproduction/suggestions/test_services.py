"""Service tests: safeguarding, triage rules, concurrency, wording, overdue alerts, numbers."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from centre.models import OutboxMessage
from centre.versioning import EditConflict
from coproduction.suggestions import selectors, services
from coproduction.suggestions.models import OverdueAlert, Suggestion
from coproduction.suggestions.tasks import suggestion_overdue_reminders_task
from tests.coproduction.factories import SuggestionFactory, acting_on

pytestmark = pytest.mark.django_db
S = Suggestion.Status


def triage(suggestion, by, **overrides):
    values = {
        "theme": Suggestion.Theme.FOOD,
        "owner": by,
        "status": S.LOOKING,
        "agreed_in_part": False,
        "reason": "",
        "duplicate_of": None,
    }
    values.update(overrides)
    return services.suggestion_triage(
        suggestion=suggestion, by=by, expected_version=suggestion.version, **values
    )


# Safeguarding screen ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["He hit me again", "I want to self-harm", "I'm scared to go home", "someone abused my kid"],
)
def test_possible_disclosures_are_held(centre, manager, text):
    suggestion = services.suggestion_create(
        centre=centre, source=Suggestion.Source.PAPER, about="other", text=text, by=manager
    )
    assert suggestion.screening == Suggestion.Screening.HELD
    message = OutboxMessage.objects.get(purpose="coproduction.safeguarding")
    assert text not in message.body


def test_ordinary_ideas_wait_for_a_human_check(centre):
    suggestion = services.suggestion_create(
        centre=centre, source="tablet", about="food", text="Better biscuits"
    )
    assert suggestion.screening == Suggestion.Screening.TO_SCREEN
    assert not OutboxMessage.objects.exists()


def test_triage_needs_the_safeguarding_check_first(centre, manager):
    suggestion = SuggestionFactory(centre=centre, screening=Suggestion.Screening.TO_SCREEN)
    with pytest.raises(ValidationError, match="safeguarding check first"):
        triage(suggestion, manager)


def test_staff_hold_notifies_managers_when_no_duty_email(centre, manager, key_worker):
    suggestion = SuggestionFactory(centre=centre, screening=Suggestion.Screening.TO_SCREEN)
    services.suggestion_screen(suggestion=suggestion, by=key_worker, hold=True, expected_version=1)
    assert suggestion.is_held
    assert list(OutboxMessage.objects.values_list("recipient", flat=True)) == [manager.email]


def test_redaction_replaces_the_words_and_keeps_no_copy(centre, manager):
    suggestion = SuggestionFactory(
        centre=centre, text="Tell Gary Smith at 12 Elm Road", screening=Suggestion.Screening.HELD
    )
    services.suggestion_redact(
        suggestion=suggestion,
        by=manager,
        expected_version=1,
        text="Tell [a person] at [an address]",
        fix_idea="",
        first_name="",
    )
    suggestion.refresh_from_db()
    assert "Gary" not in suggestion.text and suggestion.redacted_at
    assert not suggestion.changes.filter(what__icontains="Gary").exists()
    services.suggestion_release(suggestion=suggestion, by=manager, expected_version=2)
    assert suggestion.screening == Suggestion.Screening.CLEAR


# Triage ----------------------------------------------------------------------------------------


def test_named_owner_required_before_leaving_received(suggestion, manager):
    with pytest.raises(ValidationError) as error:
        triage(suggestion, manager, owner=None)
    assert "owner" in error.value.message_dict
    triage(suggestion, manager, owner=None, status=S.RECEIVED)  # staying put is fine


def test_owner_must_be_staff_of_this_centre(suggestion, manager, volunteer, outsider):
    for person in (volunteer, outsider):
        with pytest.raises(ValidationError):
            triage(suggestion, manager, owner=person)


@pytest.mark.parametrize(
    ("status", "partly"), [(S.NOT_POSSIBLE, False), (S.AGREED, True), (S.DONE, True)]
)
def test_reason_required_when_the_answer_is_no_or_partly(suggestion, manager, status, partly):
    with pytest.raises(ValidationError) as error:
        triage(suggestion, manager, status=status, agreed_in_part=partly, reason="  ")
    assert "reason" in error.value.message_dict
    triage(suggestion, manager, status=status, agreed_in_part=partly, reason="No room")
    suggestion.refresh_from_db()
    assert suggestion.reason == "No room"


def test_dates_for_response_and_outcome(suggestion, manager):
    triage(suggestion, manager, status=S.LOOKING)
    assert suggestion.first_response_on == timezone.localdate()
    assert suggestion.answered_on is None
    triage(suggestion, manager, status=S.NOT_POSSIBLE, reason="No money")
    assert suggestion.answered_on == suggestion.outcome_on == timezone.localdate()


def test_duplicates_link_within_the_centre(suggestion, manager, centre, other_suggestion):
    original = SuggestionFactory(centre=centre)
    triage(suggestion, manager, duplicate_of=original)
    assert suggestion.duplicate_of == original
    with pytest.raises(ValidationError):
        triage(suggestion, manager, duplicate_of=other_suggestion)
    with pytest.raises(ValidationError):
        triage(suggestion, manager, duplicate_of=suggestion)


def test_two_people_saving_at_once_never_overwrite(suggestion, manager, key_worker):
    first = Suggestion.objects.get(pk=suggestion.pk)
    second = Suggestion.objects.get(pk=suggestion.pk)
    triage(first, manager, status=S.LOOKING, owner=manager)
    with pytest.raises(EditConflict) as conflict:
        triage(second, key_worker, status=S.MEETING, owner=key_worker)
    assert conflict.value.current.owner == manager
    suggestion.refresh_from_db()
    assert suggestion.status == S.LOOKING and suggestion.version == 2


# Wording ---------------------------------------------------------------------------------------


def test_wording_by_owner_then_approved_by_manager(suggestion, manager, key_worker):
    triage(suggestion, manager, owner=key_worker, status=S.NOT_POSSIBLE, reason="No budget")
    services.suggestion_wording_write(
        **acting_on(suggestion, key_worker),
        you_said="You asked for a sauna",
        we_did="We couldn't afford one",
    )
    assert suggestion.wording == Suggestion.Wording.DRAFT
    assert not selectors.you_said_we_did_items(suggestion.centre).exists()
    services.suggestion_wording_approve(
        suggestion=suggestion, by=manager, expected_version=suggestion.version
    )
    assert list(selectors.you_said_we_did_items(suggestion.centre)) == [suggestion]


@pytest.mark.parametrize(
    ("owner", "writer", "status", "error"),
    [
        pytest.param(
            "key_worker", "partner", S.DONE, PermissionError, id="only-the-owner-or-a-manager"
        ),
        pytest.param(
            "manager", "manager", S.LOOKING, ValidationError, id="only-once-done-or-not-possible"
        ),
    ],
)
def test_wording_is_refused(request, suggestion, manager, owner, writer, status, error):
    triage(suggestion, manager, owner=request.getfixturevalue(owner), status=status)
    with pytest.raises(error):
        services.suggestion_wording_write(
            **acting_on(suggestion, request.getfixturevalue(writer), version=2),
            you_said="a",
            we_did="b",
        )


def test_changing_approved_wording_needs_approval_again(suggestion, manager):
    triage(suggestion, manager, status=S.DONE)
    services.suggestion_wording_write(**acting_on(suggestion, manager), you_said="a", we_did="b")
    services.suggestion_wording_approve(
        suggestion=suggestion, by=manager, expected_version=suggestion.version
    )
    services.suggestion_wording_write(**acting_on(suggestion, manager), you_said="a2", we_did="b2")
    assert suggestion.wording == Suggestion.Wording.DRAFT and suggestion.wording_approved_by is None


# Overdue alerts --------------------------------------------------------------------------------


def test_overdue_alert_goes_once_per_threshold_to_owner_and_managers(centre, manager, key_worker):
    # 10 working days: received Thursday 19 November, due Thursday 3 December; received on
    # Saturday 21st, due Friday 4th (overdue from Monday 7th).
    centre.suggestion_response_days = 10
    centre.save()
    today = date(2026, 12, 4)
    late = SuggestionFactory(
        centre=centre,
        received_on=date(2026, 11, 19),
        owner=key_worker,
        status=S.LOOKING,
    )
    SuggestionFactory(centre=centre, received_on=date(2026, 11, 21))
    SuggestionFactory(
        centre=centre, received_on=today - timedelta(days=40), status=S.DONE, owner=manager
    )
    assert services.overdue_alerts_queue(today=today) == 1
    assert services.overdue_alerts_queue(today=today) == 0
    recipients = set(
        OutboxMessage.objects.filter(purpose="coproduction.overdue").values_list(
            "recipient", flat=True
        )
    )
    assert recipients == {manager.email, key_worker.email}
    assert all(late.text not in m.body for m in OutboxMessage.objects.all())
    # Two weeks on (20 working days from the 19th is the 17th): the late one passes twice the target (alerted once more) and the other
    # one passes the target (no owner yet, so the managers only); then nothing more.
    later = today + timedelta(days=14)
    assert services.overdue_alerts_queue(today=later) == 2
    assert services.overdue_alerts_queue(today=later) == 0
    assert OverdueAlert.objects.filter(suggestion=late).count() == 2
    assert OutboxMessage.objects.filter(purpose="coproduction.overdue").count() == 5


def test_overdue_task_runs_the_service(centre, manager):

    SuggestionFactory(centre=centre, received_on=timezone.localdate() - timedelta(days=30))
    assert suggestion_overdue_reminders_task() == 1
    assert suggestion_overdue_reminders_task() == 0


# Numbers ---------------------------------------------------------------------------------------


def test_suggestion_numbers(centre, other_centre, manager):
    centre.suggestion_response_days = 10
    centre.save()
    start, end = date(2026, 1, 1), date(2026, 3, 31)
    common = {"centre": centre, "owner": manager}
    SuggestionFactory(
        **common,
        source="tablet",
        received_on=date(2026, 1, 5),
        status=S.DONE,
        first_response_on=date(2026, 1, 7),
        answered_on=date(2026, 1, 12),
        outcome_on=date(2026, 1, 12),
    )
    SuggestionFactory(
        **common,
        source="paper",
        received_on=date(2026, 2, 1),
        status=S.NOT_POSSIBLE,
        theme="building",
        first_response_on=date(2026, 2, 3),
        answered_on=date(2026, 2, 20),
        outcome_on=date(2026, 2, 20),
        reason="no",
    )
    SuggestionFactory(
        **common,
        source="meeting",
        received_on=date(2026, 3, 1),
        status=S.LOOKING,
        first_response_on=date(2026, 3, 2),
    )
    SuggestionFactory(centre=centre, received_on=date(2026, 3, 2), screening="held")
    SuggestionFactory(centre=centre, received_on=date(2025, 12, 31))
    SuggestionFactory(centre=other_centre, received_on=date(2026, 2, 2))
    numbers = selectors.suggestion_numbers(centre, start, end)
    assert numbers["received"] == 3
    assert numbers["held_for_safeguarding"] == 1
    assert numbers["by_source"] == {"tablet": 1, "paper": 1, "meeting": 1, "peer_rep": 0}
    assert numbers["by_theme"]["food"] == 2 and numbers["by_theme"]["building"] == 1
    assert numbers["first_response_days"]["median"] == 2
    assert numbers["outcome_days"] == {"count": 2, "median": 13, "mean": 13}
    assert numbers["answered_within_target"] == 1
    assert numbers["judged_against_target"] == 3
    assert numbers["answered_within_target_share"] == pytest.approx(0.333, abs=0.001)
    assert numbers["done_share"] == 0.5 and numbers["not_possible_share"] == 0.5


def test_numbers_for_an_empty_period(centre):
    numbers = selectors.suggestion_numbers(centre, date(2020, 1, 1), date(2020, 3, 31))
    assert numbers["received"] == 0
    assert numbers["answered_within_target_share"] is None
    assert numbers["done_share"] is None
