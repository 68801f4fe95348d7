from datetime import date, time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from activities import services
from activities.models import (
    Activity,
    Attendance,
    CourseCompletion,
    Enrolment,
    Facilitator,
    Feedback,
    Session,
)
from centre.models import AuditEvent
from centre.pdf import pdf_text
from centre.versioning import CONFLICT_MESSAGE

from .factories import (
    ActivityFactory,
    FacilitatorFactory,
    RoomFactory,
    SessionFactory,
    TermFactory,
    WomanFactory,
    status_change,
    weekly_from_today,
)

pytestmark = pytest.mark.django_db


def url(name, *args):
    return reverse(f"activities:{name}", args=args)


# --- The activities list and an activity -----------------------------------------------------


def test_index_lists_activities_and_today(key_worker_client, centre, other_centre, session):
    ActivityFactory(centre=other_centre, name="Their group")
    response = key_worker_client.get(url("index"))
    assert response.status_code == 200
    assert "Art group" in response.text and "Their group" not in response.text
    assert url("register", session.pk) in response.text


def test_volunteer_index_shows_only_sessions_she_helps_with(
    volunteer_client, helping_volunteer, session, centre
):
    other = SessionFactory(activity=ActivityFactory(centre=centre, name="Choir"))
    response = volunteer_client.get(url("index"))
    assert url("register", session.pk) in response.text
    assert url("register", other.pk) not in response.text


def test_steering_has_no_activities_pages(steering_client, activity):
    assert steering_client.get(url("index")).status_code == 403
    assert steering_client.get(url("programme")).status_code == 403


def test_create_activity(key_worker_client, centre):
    data = {
        "name": "Cooking <b>club</b>",
        "kind": "group",
        "category": "food",
        "description": "We cook <script>alert(1)</script> together.",
        "status": "running",
        "origin": "staff",
        "budget": "300",
    }
    response = key_worker_client.post(url("activity_create"), data)
    activity = Activity.objects.get(centre=centre)
    assert response.status_code == 302
    assert response.url == url("activity_detail", activity.pk)
    page = key_worker_client.get(response.url).text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>alert(1)" not in page
    assert activity.status_changes.count() == 1


def test_create_with_bad_input_keeps_what_was_typed(key_worker_client, centre):
    data = {
        "name": "Walking",
        "kind": "group",
        "category": "active",
        "description": "A walk " * 400,  # too long
        "status": "planned",
        "origin": "staff",
        "budget": "-5",
        "starts_on": "2026-05-01",
        "ends_on": "2026-04-01",
    }
    response = key_worker_client.post(url("activity_create"), data)
    assert response.status_code == 400
    assert not Activity.objects.exists()
    assert 'value="Walking"' in response.text
    assert "The end must be after the start." in response.text


def test_partner_may_see_but_not_create_or_edit(partner_client, activity):
    assert partner_client.get(url("activity_detail", activity.pk)).status_code == 200
    assert partner_client.get(url("activity_create")).status_code == 403
    assert partner_client.get(url("activity_edit", activity.pk)).status_code == 403


def test_another_centres_activity_is_404(outsider_client, activity, session):
    for name, pk in [
        ("activity_detail", activity.pk),
        ("activity_edit", activity.pk),
        ("register", session.pk),
        ("feedback", session.pk),
    ]:
        assert outsider_client.get(url(name, pk)).status_code == 404


def test_wrong_methods_are_405(key_worker_client, activity, session):
    assert key_worker_client.post(url("activity_detail", activity.pk)).status_code == 405
    assert key_worker_client.get(url("activity_idea", activity.pk)).status_code == 405
    assert key_worker_client.get(url("session_reinstate", session.pk)).status_code == 405
    assert key_worker_client.post(url("programme")).status_code == 405


def _edit_data(activity, **changes):
    data = {
        "name": activity.name,
        "kind": activity.kind,
        "category": activity.category,
        "description": activity.description,
        "origin": activity.origin,
        "budget": "0",
        "version": activity.version,
    }
    return data | changes


def test_two_people_editing_at_once(key_worker_client, manager_client, activity):
    first = manager_client.post(url("activity_edit", activity.pk), _edit_data(activity, name="A"))
    assert first.status_code == 302
    second = key_worker_client.post(
        url("activity_edit", activity.pk), _edit_data(activity, name="Painting together")
    )
    assert second.status_code == 409
    assert str(CONFLICT_MESSAGE) in second.text
    assert 'value="Painting together"' in second.text  # what she typed is kept
    assert "Their saved version" in second.text and ">A<" in second.text
    assert "Edit A" in second.text  # the page is titled by what is saved, not what she typed
    again = key_worker_client.post(
        url("activity_edit", activity.pk),
        _edit_data(activity, name="Painting together", version=2),
    )
    assert again.status_code == 302
    assert Activity.objects.get(pk=activity.pk).name == "Painting together"


def test_a_stale_save_keeps_her_text_and_writes_nothing(
    key_worker_client, manager_client, activity
):
    manager_client.post(
        url("activity_edit", activity.pk), _edit_data(activity, description="Theirs")
    )
    saved = Activity.objects.get(pk=activity.pk)
    stale = key_worker_client.post(
        url("activity_edit", activity.pk),
        _edit_data(activity, name="Her new name", description="Her long careful text"),
    )
    assert stale.status_code == 409
    assert "Her long careful text" in stale.text and 'value="Her new name"' in stale.text
    assert 'name="version" value="2"' in stale.text  # saving again is now deliberate
    after = Activity.objects.get(pk=activity.pk)
    assert (after.name, after.description, after.version) == (saved.name, "Theirs", 2)
    assert after.updated_at == saved.updated_at


def test_manager_pauses_with_a_reason_and_it_shows_on_the_programme(manager_client, activity):
    SessionFactory(activity=activity, date=timezone.localdate())
    missing = manager_client.post(
        url("activity_status", activity.pk),
        {"status": "paused", "reason": "", "effective_on": timezone.localdate()},
    )
    assert missing.status_code == 400 and "Say why" in missing.text
    response = manager_client.post(
        url("activity_status", activity.pk),
        {"status": "paused", "reason": "Tutor on leave", "effective_on": timezone.localdate()},
    )
    assert response.status_code == 302
    programme = manager_client.get(url("programme")).text
    assert "Tutor on leave" in programme and "Paused" in programme
    week = manager_client.get(url("programme_week")).text
    assert "Tutor on leave" in week


def test_key_worker_cannot_change_status(key_worker_client, activity):
    assert key_worker_client.get(url("activity_status", activity.pk)).status_code == 403


def test_idea_to_pilot_to_review(key_worker_client, centre):
    idea = ActivityFactory(centre=centre, origin="woman", idea_stage="idea", status="planned")
    key_worker_client.post(url("activity_idea", idea.pk), {"stage": "pilot"})
    refused = key_worker_client.post(
        url("activity_idea", idea.pk), {"stage": "reviewed", "notes": ""}, follow=True
    )
    assert "Write what the review found." in refused.text
    key_worker_client.post(url("activity_idea", idea.pk), {"stage": "reviewed", "notes": "Keep"})
    idea.refresh_from_db()
    assert (idea.idea_stage, idea.review_notes) == ("reviewed", "Keep")


def test_facilitators_add_and_remove(key_worker_client, activity, centre, volunteer, key_worker):
    wrong = key_worker_client.post(
        url("facilitator_add", activity.pk), {"kind": "staff", "user": volunteer.pk}
    )
    assert "This person is a volunteer" in wrong.text
    woman = WomanFactory(centre=centre)
    no_partner = key_worker_client.post(
        url("facilitator_add", activity.pk), {"kind": "woman", "woman": woman.pk}
    )
    assert "named member of staff" in no_partner.text
    ok = key_worker_client.post(
        url("facilitator_add", activity.pk),
        {"kind": "woman", "woman": woman.pk, "staff_partner": key_worker.pk},
    )
    assert ok.status_code == 302
    facilitator = Facilitator.objects.get(activity=activity)
    key_worker_client.post(url("facilitator_remove", facilitator.pk))
    facilitator.refresh_from_db()
    assert facilitator.ended_on == timezone.localdate()


def test_schedule_add_makes_sessions_and_warns_of_clashes(key_worker_client, centre, activity):
    room = RoomFactory(centre=centre, name="Kitchen")
    SessionFactory(
        activity=ActivityFactory(centre=centre, name="Cooking"),
        room=room,
        date=date(2026, 3, 2),
        start_time=time(10),
        end_time=time(12),
    )
    response = key_worker_client.post(
        url("schedule_add", activity.pk),
        {
            "frequency": "weekly",
            "weekday": 0,
            "start_time": "11:00",
            "end_time": "12:30",
            "starts_on": "2026-03-01",
            "ends_on": "2026-03-31",
            "room": room.pk,
        },
        follow=True,
    )
    assert "5 sessions added." in response.text
    assert "Room clash: Kitchen is also booked for Cooking" in response.text
    assert activity.sessions.count() == 5


def test_one_off_session_and_cancel(key_worker_client, activity):
    key_worker_client.post(
        url("session_add", activity.pk),
        {"date": "2026-06-01", "start_time": "10:00", "end_time": "15:00", "location": "Beach"},
    )
    session = activity.sessions.get()
    assert session.location == "Beach"
    blank = key_worker_client.post(url("session_cancel", session.pk), {"reason": ""})
    assert blank.status_code == 400
    key_worker_client.post(url("session_cancel", session.pk), {"reason": "Rain"})
    session.refresh_from_db()
    assert session.status == Session.Status.CANCELLED
    key_worker_client.post(url("session_reinstate", session.pk))
    session.refresh_from_db()
    assert session.status == Session.Status.SCHEDULED


def test_sign_up_and_waiting_list(key_worker_client, centre):
    activity = ActivityFactory(centre=centre, capacity=1)
    first, second = WomanFactory(centre=centre), WomanFactory(centre=centre)
    key_worker_client.post(url("enrolment_add", activity.pk), {"woman": first.pk})
    response = key_worker_client.post(
        url("enrolment_add", activity.pk), {"woman": second.pk}, follow=True
    )
    assert "waiting list" in response.text
    enrolment = Enrolment.objects.get(woman=first)
    response = key_worker_client.post(url("enrolment_leave", enrolment.pk), follow=True)
    assert "moved up from the waiting list" in response.text


def test_cost_add_shows_what_is_left(manager_client, key_worker_client, activity):
    activity.budget = 100
    activity.save()
    assert key_worker_client.get(url("cost_add", activity.pk)).status_code == 403
    response = manager_client.post(
        url("cost_add", activity.pk),
        {"description": "Paint", "amount": "130", "committed_on": "2026-01-05"},
        follow=True,
    )
    assert "£-30.00 left" in response.text and "over its budget" in response.text


def test_course_completion_and_certificate(key_worker_client, partner_client, centre, women):
    course = ActivityFactory(centre=centre, kind="course", name="Confidence", completion_sessions=1)
    Attendance.objects.create(session=SessionFactory(activity=course), woman=women[0])
    key_worker_client.post(url("completions_award", course.pk))
    completion = CourseCompletion.objects.get()
    response = partner_client.get(url("certificate_pdf", completion.pk))
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(pdf_text(response.content).split())
    assert "Ann Smith" in text and "Confidence" in text
    day = completion.completed_on
    assert f"attending 1 session on {day.day} {day:%B %Y}" in text
    assert "Page 1 of 1" not in text  # a certificate is not a numbered report
    assert AuditEvent.objects.filter(action="activities.certificate.download").exists()


# --- The register -----------------------------------------------------------------------------


def _register_post(client, session, women, others=0, version=None, facilitators=(), follow=False):
    return client.post(
        url("register", session.pk),
        {
            "women": [w.pk for w in women],
            "others_count": others,
            "version": session.version if version is None else version,
            "facilitators": list(facilitators),
        },
        follow=follow,
    )


def test_register_shows_regulars_and_saves(key_worker_client, session, women, key_worker):
    for woman in women:
        Enrolment.objects.create(activity=session.activity, woman=woman, status="signed_up")
    facilitator = FacilitatorFactory(activity=session.activity, user=key_worker)
    page = key_worker_client.get(url("register", session.pk))
    assert "Ann Smith" in page.text and "Cara Brown" in page.text
    response = _register_post(key_worker_client, session, women[:2], 3, 1, [facilitator.pk])
    assert response.status_code == 302
    assert set(session.attendances.values_list("woman_id", flat=True)) == {
        women[0].pk,
        women[1].pk,
    }
    session.refresh_from_db()
    assert session.others_count == 3 and session.facilitators_present.count() == 1
    assert AuditEvent.objects.filter(action="activities.register.save").count() == 1


def test_register_double_tap_counts_once(key_worker_client, session, women):
    first = _register_post(key_worker_client, session, women, version=1)
    second = _register_post(key_worker_client, session, women, version=1)
    assert (first.status_code, second.status_code) == (302, 302)
    assert Attendance.objects.filter(session=session).count() == 3


def test_register_counts_a_woman_ticked_twice_once(key_worker_client, session, women):
    """Ticked in the list and again in the search results, she is one woman who came."""
    response = _register_post(key_worker_client, session, [women[0], women[0]], follow=True)
    assert "Register saved: 1 woman came." in response.text
    assert Attendance.objects.filter(session=session).count() == 1


def test_register_conflict_keeps_her_ticks(key_worker_client, manager_client, session, women):
    _register_post(manager_client, session, women[:1], version=1)
    response = _register_post(key_worker_client, session, women[1:], version=1)
    assert response.status_code == 409
    assert str(CONFLICT_MESSAGE) in response.text
    assert "Women who came" in response.text
    assert "Ann Smith" in response.text  # what the other person saved
    assert f'value="{women[1].pk}" id="woman-{women[1].pk}" autocomplete="off" checked' in (
        response.text
    )


def test_register_bad_count_keeps_ticks(key_worker_client, session, women):
    response = _register_post(key_worker_client, session, women[:1], others=-3)
    assert response.status_code == 400
    assert "The register was not saved" in response.text
    assert not Attendance.objects.exists()
    assert f'value="{women[0].pk}" id="woman-{women[0].pk}" autocomplete="off" checked' in (
        response.text
    )


def test_volunteer_sees_first_names_only(volunteer_client, helping_volunteer, session, women):
    Attendance.objects.create(session=session, woman=women[0])
    Enrolment.objects.create(activity=session.activity, woman=women[1], status="signed_up")
    response = volunteer_client.get(url("register", session.pk))
    assert response.status_code == 200
    assert "Ann" in response.text and "Smith" not in response.text
    found = volunteer_client.get(url("register_search", session.pk), {"q": "Bea"})
    assert "Bea" in found.text and "Jones" not in found.text
    by_surname = volunteer_client.get(url("register_search", session.pk), {"q": "Jones"})
    assert "Bea" not in by_surname.text
    assert url("activity_detail", session.activity_id) not in response.text


def test_two_women_with_the_same_name_can_be_told_apart_on_the_register(
    key_worker_client, volunteer_client, helping_volunteer, session, centre
):
    """Staff see the date of birth (or record number) beside each; a volunteer, who may see
    neither, is asked to check. A name only one woman has carries nothing."""
    born = WomanFactory(
        centre=centre, first_name="Bex", last_name="Johnson", date_of_birth=date(1984, 3, 12)
    )
    unknown = WomanFactory(centre=centre, first_name="Bex", last_name="Johnson")
    alone = WomanFactory(centre=centre, first_name="Ann", last_name="Smith")
    for woman in (born, unknown, alone):
        Enrolment.objects.create(activity=session.activity, woman=woman, status="signed_up")
    staff = key_worker_client.get(url("register", session.pk)).text
    assert 'Bex Johnson <span class="register-tell-apart">(born 12 Mar 1984)' in staff
    assert f'Bex Johnson <span class="register-tell-apart">(record {unknown.pk})' in staff
    assert "Ann Smith <span" not in staff
    volunteer = volunteer_client.get(url("register", session.pk)).text
    assert volunteer.count("same name as another woman: ask her or a member of staff") == 2
    assert "1984" not in volunteer and f"record {unknown.pk}" not in volunteer


def test_a_partner_worker_tells_them_apart_by_record_not_birth_date(
    partner_client, session, centre
):
    twins = [
        WomanFactory(centre=centre, first_name="Jo", last_name="Kerr", date_of_birth=born)
        for born in (date(1990, 1, 2), date(1991, 5, 6))
    ]
    for woman in twins:
        Enrolment.objects.create(activity=session.activity, woman=woman, status="signed_up")
    page = partner_client.get(url("register", session.pk)).text
    assert all(f"(record {woman.pk})" in page for woman in twins) and "1990" not in page


def test_volunteer_only_for_sessions_she_helps_with(volunteer_client, session, women):
    assert volunteer_client.get(url("register", session.pk)).status_code == 403
    assert _register_post(volunteer_client, session, women).status_code == 403
    assert volunteer_client.get(url("feedback", session.pk)).status_code == 403
    assert volunteer_client.get(url("activity_detail", session.activity_id)).status_code == 403


def test_volunteer_who_stopped_helping_cannot(volunteer_client, helping_volunteer, session):
    Facilitator.objects.filter(user=helping_volunteer).update(ended_on=date(2026, 1, 1))
    assert volunteer_client.get(url("register", session.pk)).status_code == 403


def test_register_search_finds_anyone_in_the_centre(
    key_worker_client, session, centre, other_centre
):
    WomanFactory(centre=centre, first_name="Morven", last_name="Ure")
    WomanFactory(centre=other_centre, first_name="Morag", last_name="Ure")
    WomanFactory(centre=centre, first_name="Moira", last_name="Gone", stage="closed")
    response = key_worker_client.get(url("register_search", session.pk), {"q": "mor"})
    assert "Morven" in response.text
    assert "Morag" not in response.text and "Moira" not in response.text


def test_register_shows_placement_alerts_without_reason(
    key_worker_client, session, women, must_not_meet
):
    for woman in women:
        Enrolment.objects.create(activity=session.activity, woman=woman, status="signed_up")
    must_not_meet(women[2], women[0], reason="Secret history between them")
    response = key_worker_client.get(url("register", session.pk))
    assert "Must not be placed together" in response.text
    assert "Ann Smith and Cara Brown" in " ".join(response.text.split())
    assert "Secret history" not in response.text
    found = key_worker_client.get(
        url("register_search", session.pk), {"q": "Cara", "women": [women[0].pk]}
    )
    assert "must not be placed with someone on this register" in found.text
    assert "Secret history" not in found.text


def test_volunteer_is_told_to_ask_a_key_worker_and_not_who(
    volunteer_client, helping_volunteer, session, women, must_not_meet
):
    Attendance.objects.create(session=session, woman=women[0])
    Attendance.objects.create(session=session, woman=women[1])
    must_not_meet(women[0], women[1])
    response = volunteer_client.get(url("register", session.pk))
    page = " ".join(response.text.split())
    assert "must not be seated together: ask a key worker" in page
    assert "Ann and Bea" not in page and "Must not be placed together" not in page
    assert "Smith" not in response.text and "Private reason" not in response.text


def _fill_register(session, count):
    women = [WomanFactory(centre=session.centre) for _ in range(count)]
    Attendance.objects.bulk_create(Attendance(session=session, woman=w) for w in women)
    for _ in range(count // 5 + 1):
        FacilitatorFactory(activity=session.activity, kind="external", external_name="Jo")


@pytest.mark.parametrize("size", [3, 30])
def test_register_query_budget(key_worker_client, session, size, django_assert_max_num_queries):
    _fill_register(session, size)
    with django_assert_max_num_queries(16):
        assert key_worker_client.get(url("register", session.pk)).status_code == 200


# --- Feedback ---------------------------------------------------------------------------------


def test_feedback(volunteer_client, helping_volunteer, session):
    bad = volunteer_client.post(url("feedback", session.pk), {"comment": "Nice"})
    assert bad.status_code == 400 and "Nice</textarea>" in bad.text
    response = volunteer_client.post(
        url("feedback", session.pk), {"rating": 5, "comment": "<i>Lovely</i>"}, follow=True
    )
    assert "Thank you" in response.text and "&lt;i&gt;Lovely" in response.text
    assert Feedback.objects.get().rating == 5


# --- Programme --------------------------------------------------------------------------------


def _fill_programme(centre, count):
    room = RoomFactory(centre=centre)
    monday = timezone.localdate() - timedelta(days=timezone.localdate().weekday())
    for index in range(count):
        activity = ActivityFactory(centre=centre, room=room)
        SessionFactory(activity=activity, room=room, date=monday + timedelta(days=index % 7))


@pytest.mark.parametrize("size", [2, 20])
def test_programme_query_budget(manager_client, centre, size, django_assert_max_num_queries):
    _fill_programme(centre, size)
    with django_assert_max_num_queries(11):
        assert manager_client.get(url("programme")).status_code == 200
    with django_assert_max_num_queries(4):
        assert manager_client.get(url("programme_week")).status_code == 200


def test_programme_for_a_term_shows_empty_days(key_worker_client, centre, activity):
    term = TermFactory(
        centre=centre, name="Spring", starts_on=date(2026, 1, 5), ends_on=date(2026, 1, 18)
    )
    SessionFactory(activity=activity, date=date(2026, 1, 6))
    response = key_worker_client.get(url("programme"), {"term": term.pk})
    assert "Programme: Spring" in response.text
    assert "Nothing on this week" in response.text  # the second week
    assert "Nothing on regularly on:" in response.text and "Monday" in response.text


def test_programme_pdf(volunteer_client, centre, manager):
    walking = ActivityFactory(centre=centre, name="Walking <group>", location="Park gates")
    weekly_from_today(walking, start=time(10), end=time(11))
    sewing = ActivityFactory(centre=centre, name="Sewing")
    weekly_from_today(sewing, start=time(14), end=time(15))
    status_change(sewing, "paused", on=timezone.localdate(), by=manager, reason="No tutor for now")
    choir = ActivityFactory(centre=centre, name="Choir")  # paused, with no sessions this term
    status_change(choir, "paused", on=timezone.localdate(), by=manager, reason="Hall closed")
    response = volunteer_client.get(url("programme_pdf"))
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(pdf_text(response.content).split())
    assert "Walking <group>" in text and "Park gates" in text
    every_week, paused = text.split("Every week")[1].split("Paused for now")
    assert "Sewing" in every_week and "Paused: No tutor for now" in every_week
    # A paused group in the weekly table is not listed again; one not in it is.
    assert "Sewing" not in paused and "Choir: Hall closed" in paused


def test_numbers_page(key_worker_client, session, women):
    session.register_taken_at = timezone.now()
    session.save()
    Attendance.objects.create(session=session, woman=women[0])
    response = key_worker_client.get(
        url("numbers"), {"start": session.date.replace(day=1), "end": session.date}
    )
    assert "1 sessions run, 1 attendances by 1 women (1 new)" in response.text
    bad = key_worker_client.get(url("numbers"), {"start": "2026-05-01", "end": "2026-01-01"})
    assert "The end must be after the start." in bad.text


def test_rooms_and_terms(manager_client, key_worker_client, centre):
    assert key_worker_client.get(url("setup")).status_code == 403
    manager_client.post(url("room_add"), {"name": "Kitchen", "capacity": 10})
    response = manager_client.post(
        url("term_add"),
        {"name": "Spring", "starts_on": "2026-01-05", "ends_on": "2026-01-01"},
    )
    assert "The last day must be after the first day." in response.text
    manager_client.post(
        url("term_add"), {"name": "Spring", "starts_on": "2026-01-05", "ends_on": "2026-03-27"}
    )
    page = manager_client.get(url("setup")).text
    assert "Kitchen" in page and "Spring" in page


def test_home_panels(key_worker_client, volunteer_client, helping_volunteer, session):
    assert "session on today" in key_worker_client.get("/").text
    assert "Sessions you help with" in volunteer_client.get("/").text


def test_woman_search_for_sign_up(key_worker_client, partner_client, centre, other_centre):
    WomanFactory(centre=centre, first_name="Isla", last_name="Reid")
    WomanFactory(centre=other_centre, first_name="Isla", last_name="Other")
    response = key_worker_client.get(url("woman_search"), {"q": "isl", "field": "woman"})
    assert "Isla Reid" in response.text and "Isla Other" not in response.text
    assert 'name="woman"' in response.text
    odd = key_worker_client.get(url("woman_search"), {"q": "isl", "field": '"><script>'})
    assert "<script>" not in odd.text
    assert partner_client.get(url("woman_search"), {"q": "isl"}).status_code == 403


@pytest.mark.parametrize("size", [5, 50])
def test_activity_page_does_not_list_every_woman(
    key_worker_client, activity, centre, size, django_assert_max_num_queries
):
    WomanFactory.create_batch(size, centre=centre)
    for index in range(size // 5):
        session = SessionFactory(activity=activity)
        # Feedback from the register and the tablet is listed with a constant number of queries.
        services.feedback_add(session=session, rating=4, comment=f"c{index}")
        services.feedback_add(session=session, rating=5, source=Feedback.Source.TABLET)
    # 18 before, + the newest feedback list + the women's ideas the activity started from.
    with django_assert_max_num_queries(20):
        response = key_worker_client.get(url("activity_detail", activity.pk))
    assert response.text.count('type="radio"') == 0


def test_ideas_filter_and_feedback_summary(key_worker_client, centre, session):
    ActivityFactory(centre=centre, name="Yoga idea", origin="woman", idea_stage="idea")
    listed = key_worker_client.get(url("index"), {"status": "ideas"}).text
    assert "Yoga idea" in listed
    assert url("activity_detail", session.activity_id) not in listed
    Feedback.objects.create(session=session, rating=4)
    Feedback.objects.create(session=session, rating=5)
    page = key_worker_client.get(url("activity_detail", session.activity_id)).text
    assert "4.5 out of 5, from 2 replies" in page


def test_activity_page_lists_feedback_marked_by_where_it_was_given(key_worker_client, session):
    services.feedback_add(session=session, rating=5, comment="From the room", source="register")
    services.feedback_add(session=session, rating=2, comment="On the tablet", source="tablet")
    page = key_worker_client.get(url("activity_detail", session.activity_id)).text
    assert "3.5 out of 5, from 2 replies (1 from the tablet)" in page
    assert 'data-feedback-source="tablet"' in page and 'data-feedback-source="register"' in page
    tablet_row = page.split('data-feedback-source="tablet"')[1].split("</tr>")[0]
    assert "On the tablet" in tablet_row and "The tablet" in tablet_row
    register = key_worker_client.get(url("feedback", session.pk)).text
    assert "From the tablet" in register and "From the register" in register
