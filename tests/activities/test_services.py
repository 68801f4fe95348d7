from datetime import date, datetime, time, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from activities import services
from activities.models import (
    Activity,
    ActivityStatusChange,
    Attendance,
    CourseCompletion,
    Schedule,
    Session,
)
from centre.models import OutboxMessage
from centre.versioning import EditConflict

from .factories import (
    ActivityFactory,
    FacilitatorFactory,
    RoomFactory,
    SessionFactory,
    TermFactory,
    WomanFactory,
    status_change,
)

pytestmark = pytest.mark.django_db


# --- Status with reasons and history ----------------------------------------------------------


def test_create_records_the_first_status(centre, manager):
    activity = services.activity_create(
        centre=centre,
        created_by=manager,
        name="Cooking",
        kind="group",
        category="food",
        description="We cook.",
    )
    assert activity.status == Activity.Status.PLANNED
    assert list(activity.status_changes.values_list("to_status", flat=True)) == ["planned"]


def test_a_womans_idea_starts_at_the_idea_stage(centre, manager):
    activity = services.activity_create(
        centre=centre,
        created_by=manager,
        name="Yoga",
        kind="group",
        category="wellbeing",
        description="Yoga.",
        origin=Activity.Origin.WOMAN,
        idea_notes="Asked for at the meeting",
    )
    assert activity.idea_stage == Activity.IdeaStage.IDEA
    with pytest.raises(ValidationError):
        services.activity_idea_advance(activity=activity, to_stage="reviewed", notes="x")
    services.activity_idea_advance(activity=activity, to_stage="pilot")
    with pytest.raises(ValidationError):
        services.activity_idea_advance(activity=activity, to_stage="reviewed", notes=" ")
    services.activity_idea_advance(activity=activity, to_stage="reviewed", notes="Keep it")
    activity.refresh_from_db()
    assert activity.idea_stage == "reviewed" and activity.reviewed_on == timezone.localdate()


def test_pausing_needs_a_reason_and_keeps_history(activity, manager):
    with pytest.raises(ValidationError):
        status_change(activity, "paused", on=date(2026, 3, 1), by=manager, reason="  ")
    status_change(activity, "paused", on=date(2026, 3, 1), by=manager, reason="Tutor on leave")
    status_change(activity, "running", on=date(2026, 4, 1), by=manager)
    history = list(
        ActivityStatusChange.objects.filter(activity=activity)
        .order_by("effective_on", "id")
        .values_list("from_status", "to_status", "reason")
    )
    assert history == [("running", "paused", "Tutor on leave"), ("paused", "running", "")]
    activity.refresh_from_db()
    assert activity.status == "running" and activity.status_changed_on == date(2026, 4, 1)


def test_ending_cancels_the_sessions_to_come(activity, manager):
    today = timezone.localdate()
    past = SessionFactory(activity=activity, date=today - timedelta(days=7))
    future = SessionFactory(activity=activity, date=today + timedelta(days=7))
    status_change(activity, "ended", on=today, by=manager, reason="Funding ended")
    past.refresh_from_db()
    future.refresh_from_db()
    assert past.status == Session.Status.SCHEDULED
    assert future.status == Session.Status.CANCELLED and future.cancel_reason


def test_edit_conflict_when_someone_saved_first(activity):
    services.activity_update(activity=activity, expected_version=1, name="Art and craft")
    stale = Activity.objects.get(pk=activity.pk)
    with pytest.raises(EditConflict) as caught:
        services.activity_update(activity=stale, expected_version=1, name="Painting")
    assert caught.value.current.name == "Art and craft"
    assert Activity.objects.get(pk=activity.pk).version == 2


# --- Facilitators -----------------------------------------------------------------------------


def test_a_woman_co_facilitating_needs_a_staff_partner(activity, centre, key_worker):
    woman = WomanFactory(centre=centre)
    with pytest.raises(ValidationError) as caught:
        services.facilitator_add(activity=activity, kind="woman", woman=woman)
    assert "staff_partner" in caught.value.error_dict
    facilitator = services.facilitator_add(
        activity=activity, kind="woman", woman=woman, staff_partner=key_worker
    )
    assert facilitator.display_name == woman.known_as
    again = services.facilitator_add(
        activity=activity, kind="woman", woman=woman, staff_partner=key_worker
    )
    assert again.pk == facilitator.pk


def test_external_partner_needs_a_name(activity):
    with pytest.raises(ValidationError):
        services.facilitator_add(activity=activity, kind="external", external_name=" ")
    partner = services.facilitator_add(
        activity=activity, kind="external", external_name="Dr Ross", organisation="NHS"
    )
    assert partner.display_name == "Dr Ross (NHS)"


def test_budget_committed_and_remaining(activity, manager):
    from activities.selectors import budget_summary

    activity.budget = 500
    activity.save()
    services.activity_cost_add(
        activity=activity,
        description="Paint",
        amount=120,
        committed_on=date(2026, 1, 5),
        created_by=manager,
    )
    summary = budget_summary(activity)
    assert summary["committed"] == 120 and summary["remaining"] == 380


# --- Schedules and sessions -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("frequency", "weekday", "start", "end", "expected"),
    [
        (
            "weekly",
            0,
            time(10),
            time(12),
            [date(2026, 1, 5), date(2026, 1, 12), date(2026, 1, 19), date(2026, 1, 26)],
        ),
        ("fortnightly", 2, time(14), time(15), [date(2026, 1, 7), date(2026, 1, 21)]),
    ],
)
def test_weekly_and_fortnightly_schedules_make_sessions(
    activity, frequency, weekday, start, end, expected
):
    result = services.schedule_create(
        activity=activity,
        frequency=frequency,
        weekday=weekday,
        start_time=start,
        end_time=end,
        starts_on=date(2026, 1, 1),
        ends_on=date(2026, 1, 31),
    )
    assert [s.date for s in result.schedule.sessions.order_by("date")] == expected


def test_termly_block_skips_the_break_and_is_safe_to_generate_twice(activity, centre):
    term = TermFactory(
        centre=centre,
        starts_on=date(2026, 1, 5),
        ends_on=date(2026, 2, 27),
        break_starts_on=date(2026, 2, 16),
        break_ends_on=date(2026, 2, 20),
    )
    result = services.schedule_create(
        activity=activity,
        frequency="termly",
        weekday=1,
        start_time=time(10),
        end_time=time(12),
        term=term,
    )
    dates = [s.date for s in result.schedule.sessions.order_by("date")]
    assert date(2026, 2, 17) not in dates and len(dates) == 7
    again = services.schedule_sessions_generate(schedule=result.schedule)
    assert again.created == 0
    assert result.schedule.sessions.count() == 7


def test_schedule_validation(activity):
    with pytest.raises(ValidationError) as caught:
        services.schedule_create(
            activity=activity,
            frequency="weekly",
            weekday=0,
            start_time=time(12),
            end_time=time(10),
            starts_on=date(2026, 1, 1),
            ends_on=date(2028, 1, 1),
        )
    assert {"end_time", "ends_on"} <= set(caught.value.error_dict)
    with pytest.raises(ValidationError):
        services.schedule_create(
            activity=activity,
            frequency="termly",
            weekday=0,
            start_time=time(10),
            end_time=time(11),
        )
    assert not Schedule.objects.exists()


def test_room_clashes_are_warned_not_refused(centre):
    room = RoomFactory(centre=centre)
    art = ActivityFactory(centre=centre, name="Art", room=room)
    yoga = ActivityFactory(centre=centre, name="Yoga", room=room)
    SessionFactory(
        activity=art, room=room, date=date(2026, 3, 2), start_time=time(10), end_time=time(12)
    )
    session, clashes = services.session_create(
        activity=yoga, date=date(2026, 3, 2), start_time=time(11), end_time=time(12)
    )
    assert session.pk and [c.activity.name for c in clashes] == ["Art"]
    _session, none = services.session_create(
        activity=yoga, date=date(2026, 3, 2), start_time=time(12), end_time=time(13)
    )
    assert none == []
    result = services.schedule_create(
        activity=yoga,
        frequency="weekly",
        weekday=0,
        start_time=time(9),
        end_time=time(10, 30),
        starts_on=date(2026, 2, 23),
        ends_on=date(2026, 3, 9),
    )
    assert [c.date for c in result.clashes] == [date(2026, 3, 2)]


def test_cancel_needs_a_reason(session):
    with pytest.raises(ValidationError):
        services.session_cancel(session=session, reason="")
    services.session_cancel(session=session, reason="Snow")
    services.session_cancel(session=session, reason="Snow")
    session.refresh_from_db()
    assert session.status == "cancelled" and session.cancel_reason == "Snow"
    services.session_reinstate(session=session)
    session.refresh_from_db()
    assert session.status == "scheduled" and session.cancel_reason == ""


# --- Sign-ups and the waiting list ------------------------------------------------------------


def test_waiting_list_and_promotion(centre):
    activity = ActivityFactory(centre=centre, capacity=1)
    first, second = WomanFactory(centre=centre), WomanFactory(centre=centre)
    one = services.enrolment_add(activity=activity, woman=first)
    two = services.enrolment_add(activity=activity, woman=second)
    assert (one.status, two.status) == ("signed_up", "waiting")
    assert services.enrolment_add(activity=activity, woman=second).pk == two.pk
    promoted = services.enrolment_leave(enrolment=one)
    assert promoted.pk == two.pk
    two.refresh_from_db()
    assert two.status == "signed_up"
    assert services.enrolment_leave(enrolment=one) is None


def test_cannot_sign_up_a_woman_of_another_centre(activity, other_centre):
    with pytest.raises(ValidationError):
        services.enrolment_add(activity=activity, woman=WomanFactory(centre=other_centre))


# --- The register -----------------------------------------------------------------------------


def _save(session, women, others=0, facilitators=(), version=None, by=None):
    return services.register_save(
        session=session,
        woman_ids=[w.pk for w in women],
        others_count=others,
        facilitator_ids=list(facilitators),
        taken_by=by,
        expected_version=session.version if version is None else version,
    )


def test_register_saves_and_a_double_tap_saves_once(session, women, key_worker):
    facilitator = FacilitatorFactory(activity=session.activity, user=key_worker)
    _save(session, women[:2], others=3, facilitators=[facilitator.pk], version=1, by=key_worker)
    # The second tap carries the same (now stale) version and the same register.
    _save(session, women[:2], others=3, facilitators=[facilitator.pk], version=1, by=key_worker)
    session.refresh_from_db()
    assert Attendance.objects.filter(session=session).count() == 2
    assert session.others_count == 3 and session.version == 2
    assert list(session.facilitators_present.all()) == [facilitator]
    assert session.register_taken_by == key_worker


def test_register_untick_and_conflict(session, women, key_worker):
    _save(session, women, version=1)
    _save(session, women[:1], version=2)
    assert set(session.attendances.values_list("woman_id", flat=True)) == {women[0].pk}
    with pytest.raises(EditConflict):
        _save(session, women[1:], version=2)
    session.refresh_from_db()
    assert set(session.attendances.values_list("woman_id", flat=True)) == {women[0].pk}
    assert session.version == 3  # the stale save wrote nothing


def test_register_ignores_women_of_another_centre(session, women, other_centre):
    stranger = WomanFactory(centre=other_centre)
    _save(session, [women[0], stranger], version=1)
    assert list(session.attendances.values_list("woman_id", flat=True)) == [women[0].pk]


def test_the_database_refuses_a_second_attendance(session, women):
    Attendance.objects.create(session=session, woman=women[0])
    with pytest.raises(IntegrityError), transaction.atomic():
        Attendance.objects.create(session=session, woman=women[0])


def test_feedback_rating_is_checked(session):
    with pytest.raises(ValidationError):
        services.feedback_add(session=session, rating=9)
    feedback = services.feedback_add(session=session, rating=5, comment="  Lovely ")
    assert feedback.comment == "Lovely"


# --- Courses ----------------------------------------------------------------------------------


def test_course_completion_for_enough_sessions(centre, women, manager):
    course = ActivityFactory(centre=centre, kind="course", completion_sessions=2)
    sessions = [SessionFactory(activity=course, date=date(2026, 1, d)) for d in (5, 12, 19)]
    for s in sessions:
        Attendance.objects.create(session=s, woman=women[0])
    Attendance.objects.create(session=sessions[0], woman=women[1])
    made = services.course_completions_award(activity=course, awarded_by=manager)
    assert [c.woman_id for c in made] == [women[0].pk]
    assert services.course_completions_award(activity=course, awarded_by=manager) == []
    assert CourseCompletion.objects.get().sessions_attended == 3


def test_completion_needs_a_course_with_a_threshold(activity, manager):
    with pytest.raises(ValidationError):
        services.course_completions_award(activity=activity, awarded_by=manager)


# --- Reminders --------------------------------------------------------------------------------


@pytest.fixture
def tomorrow_session(activity):
    tomorrow = timezone.localdate() + timedelta(days=1)
    return SessionFactory(activity=activity, date=tomorrow, start_time=time(10, 30))


@pytest.fixture
def eight_this_morning():
    return timezone.make_aware(datetime.combine(timezone.localdate(), time(8)))


def _woman(centre, **kwargs):
    defaults = {"mobile": "07700900123", "safe_to_text": True, "reminders_opt_in": True}
    return WomanFactory(centre=centre, **(defaults | kwargs))


def test_reminders_only_to_women_who_opted_in_and_can_be_texted(
    centre, activity, tomorrow_session, eight_this_morning
):
    wants = _woman(centre, first_name="Ann", preferred_name="Annie", mobile="07700900001")
    for woman in (
        wants,
        _woman(centre, mobile="07700900002", reminders_opt_in=False),
        _woman(centre, mobile="07700900003", safe_to_text=False),
        _woman(centre, mobile=""),
        _woman(centre, mobile="07700900004", stage="closed"),
    ):
        services.enrolment_add(activity=activity, woman=woman)
    assert services.session_reminders_queue(now=eight_this_morning) == 1
    assert services.session_reminders_queue(now=eight_this_morning) == 0
    message = OutboxMessage.objects.get()
    assert message.recipient == "07700900001"
    assert message.body.startswith("Hi Annie,")
    assert activity.name not in message.body
    assert message.reference == f"session:{tomorrow_session.pk}"
    assert timezone.localtime(message.scheduled_for).hour == services.REMINDER_HOUR


def test_no_reminders_for_paused_groups_or_cancelled_sessions(
    centre, activity, tomorrow_session, eight_this_morning
):
    services.enrolment_add(activity=activity, woman=_woman(centre))
    Activity.objects.filter(pk=activity.pk).update(status="paused")
    assert services.session_reminders_queue(now=eight_this_morning) == 0
    Activity.objects.filter(pk=activity.pk).update(status="running")
    assert services.session_reminders_queue(now=eight_this_morning) == 1
    services.session_cancel(session=tomorrow_session, reason="Snow")
    assert OutboxMessage.objects.get().status == OutboxMessage.Status.CANCELLED


def test_leaving_withdraws_her_reminders(centre, activity, tomorrow_session, eight_this_morning):
    enrolment = services.enrolment_add(activity=activity, woman=_woman(centre))
    services.session_reminders_queue(now=eight_this_morning)
    services.enrolment_leave(enrolment=enrolment)
    assert OutboxMessage.objects.get().status == OutboxMessage.Status.CANCELLED


def test_reminder_task_queues(
    centre, activity, tomorrow_session, django_capture_on_commit_callbacks
):
    from activities.tasks import session_reminders_queue_task

    services.enrolment_add(activity=activity, woman=_woman(centre))
    with django_capture_on_commit_callbacks(execute=True):
        session_reminders_queue_task.apply()
    assert OutboxMessage.objects.filter(purpose=services.REMINDER_PURPOSE).count() == 1


def test_a_name_that_gives_away_is_skipped_not_fatal(
    centre, activity, tomorrow_session, eight_this_morning
):
    services.enrolment_add(activity=activity, woman=_woman(centre, first_name="Justice"))
    services.enrolment_add(activity=activity, woman=_woman(centre, mobile="07700900009"))
    assert services.session_reminders_queue(now=eight_this_morning) == 1
    assert OutboxMessage.objects.get().recipient == "07700900009"


def test_feedback_from_the_tablet_and_its_limits(session):
    from activities.models import Feedback, Session

    feedback = services.feedback_add(session=session, rating=3, source=Feedback.Source.TABLET)
    assert feedback.source == "tablet"
    assert services.feedback_add(session=session, rating=4).source == "register"
    with pytest.raises(ValidationError):
        services.feedback_add(session=session, rating=4, comment="x" * 1001)
    with pytest.raises(ValidationError):
        services.feedback_add(session=session, rating=4, source="elsewhere")
    Session.objects.filter(pk=session.pk).update(status=Session.Status.CANCELLED)
    session.refresh_from_db()
    with pytest.raises(ValidationError):
        services.feedback_add(session=session, rating=4)
