"""The one deadline rule: working days are Monday to Friday less the centre's holidays.

Dates are worked out by hand against a calendar: 4 December 2026 is a Friday; Christmas Day
2026 is a Friday, so Boxing Day's holiday moves to Monday 28th; New Year's Day 2027 is a
Friday and 2 January (Scotland) moves to Monday 4th; Good Friday 2027 is 26 March."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.template import Context, Template
from django.urls import reverse
from django.utils import timezone

from casework import selectors as casework_selectors
from casework import services as casework_services
from casework.jobs import digest_numbers
from casework.models import Action, SupportPlan, Woman
from centre import deadlines
from centre.models import AuditEvent, CentreHoliday
from coproduction.suggestions import selectors as coproduction_selectors
from coproduction.suggestions import services as coproduction_services
from coproduction.suggestions.models import Suggestion
from tests.casework.factories import AppointmentFactory, WomanFactory
from tests.coproduction.factories import SuggestionFactory

pytestmark = pytest.mark.django_db

FESTIVE = {
    date(2026, 12, 25): "Christmas Day",
    date(2026, 12, 28): "Boxing Day (moved)",
    date(2027, 1, 1): "New Year's Day",
    date(2027, 1, 4): "2 January (moved)",
}
EASTER = {date(2027, 3, 26): "Good Friday", date(2027, 3, 29): "Easter Monday"}


def add_holidays(centre, days):
    for day, name in days.items():
        CentreHoliday.objects.create(centre=centre, date=day, name=name)


@pytest.fixture
def festive(centre):
    add_holidays(centre, FESTIVE | EASTER)
    return centre


# Working days and due dates --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "working_days", "due"),
    [
        (date(2026, 12, 4), 0, date(2026, 12, 4)),  # nothing to wait for
        (date(2026, 12, 3), 1, date(2026, 12, 4)),  # Thursday -> Friday
        (date(2026, 12, 4), 1, date(2026, 12, 7)),  # Friday -> Monday, over the weekend
        (date(2026, 12, 5), 1, date(2026, 12, 7)),  # Saturday -> Monday
        (date(2026, 12, 6), 5, date(2026, 12, 11)),  # Sunday -> the Friday after
        (date(2026, 12, 4), 10, date(2026, 12, 18)),  # two whole weeks
    ],
)
def test_due_date_over_weekends(centre, start, working_days, due):
    assert deadlines.due_date(centre=centre, start=start, working_days=working_days) == due


@pytest.mark.parametrize(
    ("start", "working_days", "due"),
    [
        (date(2026, 12, 24), 1, date(2026, 12, 29)),  # Christmas Eve: 25th and 28th closed
        (date(2026, 12, 24), 3, date(2026, 12, 31)),
        (date(2026, 12, 24), 4, date(2027, 1, 5)),  # over the year end: 1st and 4th closed
        (date(2026, 12, 31), 1, date(2027, 1, 5)),
        (date(2026, 12, 18), 10, date(2027, 1, 7)),  # two weeks over the festive closure
        (date(2027, 3, 25), 1, date(2027, 3, 30)),  # Easter: Good Friday to Easter Monday
    ],
)
def test_due_date_skips_the_centres_holidays(festive, start, working_days, due):
    assert deadlines.due_date(centre=festive, start=start, working_days=working_days) == due


def test_holidays_of_another_centre_do_not_count(festive, other_centre):
    assert deadlines.due_date(
        centre=other_centre, start=date(2026, 12, 24), working_days=1
    ) == date(2026, 12, 25)


@pytest.mark.parametrize(
    ("start", "end", "count"),
    [
        (date(2026, 12, 4), date(2026, 12, 4), 0),  # the start never counts
        (date(2026, 12, 4), date(2026, 12, 7), 1),  # Friday to Monday
        (date(2026, 12, 4), date(2026, 12, 3), 0),  # backwards is nothing
        (date(2026, 12, 24), date(2027, 1, 5), 4),  # 29, 30, 31 December and 5 January
        # 2026 has 261 weekdays; less 1 January (the start) and the two Christmas holidays.
        (date(2026, 1, 1), date(2026, 12, 31), 258),
    ],
)
def test_working_days_between(festive, start, end, count):
    assert deadlines.working_days_between(centre=festive, start=start, end=end) == count


def test_due_and_overdue_for_a_chosen_date():
    today = date(2026, 12, 4)
    assert not deadlines.is_overdue(due_on=today, today=today)
    assert deadlines.is_due(due_on=today, today=today)
    assert deadlines.is_overdue(due_on=date(2026, 12, 3), today=today)
    assert not deadlines.is_due(due_on=date(2026, 12, 5), today=today)
    assert not deadlines.is_overdue(due_on=None) and not deadlines.is_due(due_on=None)


def test_overdue_cutoff_by_hand(centre):
    # Ten working days back from Sunday 6 December is Monday 23 November: received on the
    # 22nd it was due Friday 4th (overdue on Monday 7th); received on the 23rd, due the 7th.
    cutoff = deadlines.overdue_cutoff(centre=centre, working_days=10, today=date(2026, 12, 7))
    assert cutoff == date(2026, 11, 23)


def test_overdue_cutoff_matches_due_date_day_by_day(festive):
    """The database filter and the per-item rule agree for every start and every day."""
    calendar = deadlines.working_calendar(centre=festive)
    first = date(2026, 12, 10)
    for working_days in (1, 3, 10):
        for today in (first + timedelta(days=n) for n in range(40)):
            cutoff = calendar.overdue_cutoff(working_days, today)
            for start in (first - timedelta(days=n) for n in range(-20, 20)):
                overdue = calendar.due_date(start, working_days) < today
                assert (start < cutoff) == overdue, (working_days, today, start)


def test_the_calendar_reads_holidays_in_one_query(festive, django_assert_num_queries):
    with django_assert_num_queries(1):
        calendar = deadlines.working_calendar(centre=festive)
    with django_assert_num_queries(0):
        calendar.due_date(date(2026, 12, 1), 30)
        calendar.working_days_between(date(2026, 12, 1), date(2027, 4, 1))


def test_negative_working_days_are_refused(centre):
    with pytest.raises(ValueError, match="negative"):
        deadlines.due_date(centre=centre, start=date(2026, 12, 4), working_days=-1)


# Managing holidays -----------------------------------------------------------------------------


def next_weekday(day):
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def test_holiday_add_and_remove_are_audited(centre, manager):
    day = next_weekday(timezone.localdate() + timedelta(days=30))
    holiday = deadlines.centre_holiday_add(
        centre=centre, added_by=manager, day=day, name="  Glasgow Fair "
    )
    assert holiday.name == "Glasgow Fair"
    with pytest.raises(ValidationError, match="already a holiday"):
        deadlines.centre_holiday_add(centre=centre, added_by=manager, day=day, name="Again")
    deadlines.centre_holiday_remove(holiday=holiday, removed_by=manager)
    deadlines.centre_holiday_remove(holiday=holiday, removed_by=manager)
    assert not CentreHoliday.objects.exists()
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"centre.holiday.add", "centre.holiday.remove"} <= actions


@pytest.mark.parametrize(
    ("day", "message"),
    [
        (date(2026, 12, 5), "weekend"),
        (date(2046, 12, 4), "within 5 years"),
    ],
)
def test_holiday_add_refuses_bad_days(centre, manager, day, message):
    with pytest.raises(ValidationError, match=message):
        deadlines.centre_holiday_add(centre=centre, added_by=manager, day=day, name="Day off")


def test_manager_adds_and_removes_a_holiday_on_the_settings_page(manager_client, centre):
    day = next_weekday(timezone.localdate() + timedelta(days=10))
    response = manager_client.post(
        reverse("centre_holiday_add"), {"date": day.isoformat(), "name": "<b>Fair</b> Friday"}
    )
    assert response.status_code == 302
    page = manager_client.get(reverse("centre_settings")).content.decode()
    assert "&lt;b&gt;Fair&lt;/b&gt; Friday" in page and "<b>Fair" not in page
    assert "working days to respond to a suggestion" in page.lower()
    holiday = CentreHoliday.objects.get(centre=centre)
    assert manager_client.post(reverse("centre_holiday_remove", args=[holiday.pk])).status_code == (
        302
    )
    assert not CentreHoliday.objects.exists()


def test_holiday_form_errors_keep_what_was_typed(manager_client, centre):
    response = manager_client.post(
        reverse("centre_holiday_add"), {"date": "2026-12-05", "name": "Saturday treat"}
    )
    assert response.status_code == 400  # refused, as every refused form answers
    html = response.content.decode()
    assert "weekends never count" in html and "Saturday treat" in html
    assert not CentreHoliday.objects.exists()


def test_another_centres_holiday_is_a_404(manager_client, other_centre):
    holiday = CentreHoliday.objects.create(
        centre=other_centre, date=date(2026, 12, 25), name="Christmas Day"
    )
    response = manager_client.post(reverse("centre_holiday_remove", args=[holiday.pk]))
    assert response.status_code == 404
    assert CentreHoliday.objects.filter(pk=holiday.pk).exists()


def test_only_the_manager_changes_holidays(key_worker_client, centre):
    holiday = CentreHoliday.objects.create(centre=centre, date=date(2026, 12, 25), name="Xmas")
    response = key_worker_client.post(reverse("centre_holiday_remove", args=[holiday.pk]))
    assert response.status_code == 403
    assert CentreHoliday.objects.filter(pk=holiday.pk).exists()
    response = key_worker_client.post(
        reverse("centre_holiday_add"), {"date": "2026-12-31", "name": "Hogmanay"}
    )
    assert response.status_code == 403


def test_holiday_pages_refuse_get(manager_client):
    assert manager_client.get(reverse("centre_holiday_add")).status_code == 405


# Every place that works out "due" or "overdue" follows the rule --------------------------------


@pytest.fixture
def three_day_target(festive):
    festive.suggestion_response_days = 3
    festive.save()
    return festive


def test_a_suggestion_is_not_overdue_across_a_holiday(three_day_target, manager):
    # Received Wednesday 23 December with 3 working days to answer: Thursday 24th, (Christmas,
    # weekend, moved Boxing Day), Tuesday 29th, Wednesday 30th. Overdue from the 31st only.
    centre = three_day_target
    suggestion = SuggestionFactory(centre=centre, received_on=date(2026, 12, 23))
    assert suggestion.due_on() == date(2026, 12, 30)
    listed = Suggestion.objects.filter(centre=centre)
    for today in (date(2026, 12, 29), date(2026, 12, 30)):
        assert list(coproduction_selectors.overdue(listed, centre, today=today)) == []
        assert coproduction_services.overdue_alerts_queue(today=today) == 0
    assert list(coproduction_selectors.overdue(listed, centre, today=date(2026, 12, 31))) == [
        suggestion
    ]
    assert coproduction_services.overdue_alerts_queue(today=date(2026, 12, 31)) == 1


def test_the_second_overdue_alert_is_at_twice_the_working_days(three_day_target, manager):
    # 6 working days from 23 December: 24, 29, 30, 31 December, 5 and 6 January.
    centre = three_day_target
    SuggestionFactory(centre=centre, received_on=date(2026, 12, 23))
    assert coproduction_services.overdue_alerts_queue(today=date(2026, 12, 31)) == 1
    assert coproduction_services.overdue_alerts_queue(today=date(2027, 1, 6)) == 0
    assert coproduction_services.overdue_alerts_queue(today=date(2027, 1, 7)) == 1


def test_suggestion_numbers_judge_answers_against_working_days(three_day_target):
    centre = three_day_target
    answered = {"status": Suggestion.Status.DONE, "outcome_on": date(2026, 12, 30)}
    SuggestionFactory(
        centre=centre, received_on=date(2026, 12, 23), answered_on=date(2026, 12, 30), **answered
    )
    SuggestionFactory(
        centre=centre, received_on=date(2026, 12, 22), answered_on=date(2026, 12, 30), **answered
    )
    numbers = coproduction_selectors.suggestion_numbers(
        centre, date(2026, 12, 1), date(2026, 12, 31)
    )
    # The 22nd's was due on the 29th (23rd, 24th, 29th): answered a day late.
    assert (numbers["answered_within_target"], numbers["judged_against_target"]) == (1, 2)


def test_the_suggestion_list_marks_overdue_by_working_days(manager_client, centre):
    centre.suggestion_response_days = 1
    centre.save()
    today = timezone.localdate()
    yesterday = today - timedelta(days=1)
    if yesterday.weekday() < 5:
        # Closed yesterday, so a suggestion from the day before is still not overdue.
        CentreHoliday.objects.create(centre=centre, date=yesterday, name="Closed")
    received = today - timedelta(days=2)
    SuggestionFactory(centre=centre, received_on=received, text="Crisps in the machine")
    expected = deadlines.due_date(centre=centre, start=received, working_days=1) < today
    html = manager_client.get(reverse("suggestions:index")).content.decode()
    assert "Crisps in the machine" in html
    assert ("badge-overdue" in html) is expected


def test_actions_are_overdue_the_day_after_they_are_due(centre, key_worker):
    today = timezone.localdate()
    woman = WomanFactory(centre=centre, key_worker=key_worker)
    for days in (-1, 0, 1):
        Action.objects.create(woman=woman, text="Call", who="Jo", due_on=today + timedelta(days))
    annotated = casework_selectors.annotate_caseload(Woman.objects.filter(pk=woman.pk)).get()
    assert annotated.overdue_actions == 1
    assert digest_numbers(centre, key_worker, today)["overdue_actions"] == 1


def test_reviews_are_due_on_the_day_in_the_digest(centre, key_worker):
    today = timezone.localdate()
    for days in (-1, 0, 1):
        woman = WomanFactory(centre=centre, key_worker=key_worker)
        SupportPlan.objects.create(woman=woman, next_review_on=today + timedelta(days))
    assert digest_numbers(centre, key_worker, today)["reviews_due"] == 2


def test_the_step_after_a_missed_appointment_is_due_in_two_working_days(centre, key_worker):
    today = timezone.localdate()
    tomorrow = today + timedelta(days=1)
    CentreHoliday.objects.create(centre=centre, date=next_weekday(tomorrow), name="Closed")
    woman = WomanFactory(centre=centre, key_worker=key_worker)
    appointment = AppointmentFactory(woman=woman, starts_at=timezone.now() - timedelta(hours=2))
    casework_services.appointment_record(
        appointment=appointment, status="missed", re_engagement="Text her", by=key_worker
    )
    action = Action.objects.get(woman=woman, source=Action.Source.RE_ENGAGEMENT)
    # By hand: count two weekdays after today, skipping the holiday.
    day, counted = today, 0
    while counted < 2:
        day += timedelta(days=1)
        counted += day.weekday() < 5 and day != next_weekday(tomorrow)
    assert action.due_on == day


def test_the_suggestion_page_gives_the_due_date_in_working_days(manager_client, centre):
    centre.suggestion_response_days = 1
    centre.save()
    today = timezone.localdate()
    closed = next_weekday(today + timedelta(days=1))
    CentreHoliday.objects.create(centre=centre, date=closed, name="Closed")
    suggestion = SuggestionFactory(centre=centre, received_on=today)
    due = next_weekday(closed + timedelta(days=1))  # by hand: the weekday after the holiday
    html = manager_client.get(reverse("suggestions:detail", args=[suggestion.receipt_code])).content
    assert f"answer due by {due.day} {due:%B %Y}" in html.decode()


def test_the_template_filters_follow_the_rule():
    page = Template("{% load deadlines %}{{ day|overdue }} {{ day|due }}")
    today = timezone.localdate()
    assert page.render(Context({"day": today})) == "False True"
    assert page.render(Context({"day": today - timedelta(days=1)})) == "True True"
    assert page.render(Context({"day": None})) == "False False"
