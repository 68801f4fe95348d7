"""Every activities page a manager uses, checked with axe-core."""

from datetime import timedelta

import pytest
from django.utils import timezone

from activities.models import Attendance, CourseCompletion
from tests.activities.factories import (
    ActivityFactory,
    RoomFactory,
    SessionFactory,
    TermFactory,
    WomanFactory,
)

from .conftest import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_activities_pages_are_accessible(page, manager, centre):
    room = RoomFactory(centre=centre, name="Kitchen")
    TermFactory(centre=centre, name="Spring")
    course = ActivityFactory(
        centre=centre,
        name="Confidence",
        kind="course",
        completion_sessions=1,
        room=room,
        origin="woman",
        idea_stage="pilot",
        idea_notes="Asked for at the meeting",
    )
    session = SessionFactory(activity=course, date=timezone.localdate() - timedelta(days=1))
    woman = WomanFactory(centre=centre)
    Attendance.objects.create(session=session, woman=woman)
    session.register_taken_at = timezone.now()
    session.save()
    CourseCompletion.objects.create(activity=course, woman=woman, sessions_attended=1)
    sign_in(page, manager.username)
    for path in [
        "/activities/",
        "/activities/new/",
        f"/activities/{course.pk}/",
        f"/activities/{course.pk}/edit/",
        f"/activities/{course.pk}/facilitators/add/",
        f"/activities/{course.pk}/schedules/add/",
        f"/activities/{course.pk}/sessions/add/",
        f"/activities/{course.pk}/costs/add/",
        f"/activities/sessions/{session.pk}/cancel/",
        f"/activities/sessions/{session.pk}/feedback/",
        "/activities/programme/",
        "/activities/numbers/",
        "/activities/setup/",
        "/activities/setup/terms/add/",
    ]:
        response = page.goto(page.base_url + path)
        assert response.status == 200, path
        assert_accessible(page)


def test_sign_up_by_searching_for_her(page, manager, centre):
    activity = ActivityFactory(centre=centre, name="Cooking", capacity=8)
    WomanFactory(centre=centre, first_name="Isla", last_name="Reid")
    sign_in(page, manager.username)
    page.goto(page.base_url + f"/activities/{activity.pk}/")
    page.get_by_label("Find a woman to sign up").fill("Isl")
    page.get_by_label("Isla Reid").wait_for()
    assert_accessible(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Sign up").click()
    assert "She is signed up." in page.content()
    assert activity.enrolments.get().woman.first_name == "Isla"
