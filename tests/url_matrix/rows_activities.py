"""Who may reach which activities page. Volunteers: only registers (and feedback) of sessions
they help with, and the programme; steering group members: no activities pages at all."""

from activities.models import CourseCompletion, Enrolment, Facilitator
from tests.activities.factories import (
    ActivityFactory,
    FacilitatorFactory,
    SessionFactory,
    WomanFactory,
)

from .matrix import Row, for_roles

STAFF = ("manager", "key_worker", "partner")
EDITORS = ("manager", "key_worker")
WITH_VOLUNTEER = (*STAFF, "volunteer")


def build(world):
    centre = world.centre
    activity = ActivityFactory(centre=centre, name="Matrix group", kind="course")
    FacilitatorFactory(
        activity=activity, kind=Facilitator.Kind.VOLUNTEER, user=world.people["volunteer"]
    )
    woman = WomanFactory(centre=centre)
    world.extra.activity = activity
    world.extra.session = SessionFactory(activity=activity)
    world.extra.facilitator = FacilitatorFactory(activity=activity)
    world.extra.enrolment = Enrolment.objects.create(
        activity=activity, woman=woman, status=Enrolment.Status.SIGNED_UP
    )
    world.extra.completion = CourseCompletion.objects.create(
        activity=activity, woman=woman, sessions_attended=6
    )


def activity_kwargs(world):
    return {"pk": world.activity.pk}


def session_kwargs(world):
    return {"pk": world.session.pk}


def page(allowed, *, objects=False, post="ok"):
    """A page with a form: GET shows it, an empty POST shows it again with errors."""
    outsider = 404 if objects else None
    return Row(
        get=for_roles(allowed, outsider=outsider),
        post=for_roles(allowed, post, outsider=outsider),
    )


def get_only(allowed):
    """A page of the current centre (no object of ours in the URL)."""
    return Row(get=for_roles(allowed), post=for_roles(allowed, 405))


def post_only(allowed):
    """An action on one of our objects: another centre's manager gets a 404 either way."""
    return Row(
        get=for_roles(allowed, 405, outsider=404), post=for_roles(allowed, "redirect", outsider=404)
    )


def _with_kwargs(row, kwargs, data=None):
    row.kwargs, row.data = kwargs, data
    return row


ROWS = {
    "activities:index": get_only(WITH_VOLUNTEER),
    "activities:activity_create": page(EDITORS),
    "activities:activity_detail": _with_kwargs(
        Row(get=for_roles(STAFF, outsider=404), post=for_roles(STAFF, 405)), activity_kwargs
    ),
    "activities:activity_edit": _with_kwargs(page(EDITORS, objects=True), activity_kwargs),
    "activities:activity_status": _with_kwargs(page(["manager"], objects=True), activity_kwargs),
    "activities:activity_idea": _with_kwargs(post_only(EDITORS), activity_kwargs),
    "activities:facilitator_add": _with_kwargs(page(EDITORS, objects=True), activity_kwargs),
    "activities:cost_add": _with_kwargs(page(["manager"], objects=True), activity_kwargs),
    "activities:schedule_add": _with_kwargs(page(EDITORS, objects=True), activity_kwargs),
    "activities:session_add": _with_kwargs(page(EDITORS, objects=True), activity_kwargs),
    "activities:enrolment_add": _with_kwargs(post_only(EDITORS), activity_kwargs),
    "activities:completions_award": _with_kwargs(post_only(EDITORS), activity_kwargs),
    "activities:facilitator_remove": _with_kwargs(
        post_only(EDITORS), lambda w: {"pk": w.facilitator.pk}
    ),
    "activities:enrolment_leave": _with_kwargs(
        post_only(EDITORS), lambda w: {"pk": w.enrolment.pk}
    ),
    "activities:certificate_pdf": _with_kwargs(
        Row(get=for_roles(STAFF, outsider=404), post=for_roles(STAFF, 405)),
        lambda w: {"pk": w.completion.pk},
    ),
    "activities:session_cancel": _with_kwargs(page(EDITORS, objects=True), session_kwargs),
    "activities:session_reinstate": _with_kwargs(post_only(EDITORS), session_kwargs),
    # The volunteer helps with this session, so she may take its register.
    "activities:register": _with_kwargs(
        Row(
            get=for_roles(WITH_VOLUNTEER, outsider=404),
            post=for_roles(WITH_VOLUNTEER, "redirect", outsider=404),
        ),
        session_kwargs,
        lambda w: {"version": w.session.version, "others_count": 0},
    ),
    "activities:register_search": _with_kwargs(
        Row(get=for_roles(WITH_VOLUNTEER, outsider=404), post=for_roles(WITH_VOLUNTEER, 405)),
        session_kwargs,
    ),
    # Her photo beside her name: the matrix's woman has none (nor agreed), so those who may
    # take the register get a 404 as well; tests/activities/test_everyday_names_and_status.py
    # shows it where she agreed.
    "activities:register_photo": Row(
        get=for_roles(WITH_VOLUNTEER, 404, outsider=404),
        post=for_roles(WITH_VOLUNTEER, 405, outsider=405),
        kwargs=lambda w: {"pk": w.session.pk, "woman": w.enrolment.woman_id},
    ),
    "activities:feedback": _with_kwargs(
        Row(
            get=for_roles(WITH_VOLUNTEER, outsider=404),
            post=for_roles(WITH_VOLUNTEER, outsider=404),
        ),
        session_kwargs,
    ),
    "activities:programme": get_only(WITH_VOLUNTEER),
    "activities:programme_week": get_only(WITH_VOLUNTEER),
    "activities:programme_pdf": get_only(WITH_VOLUNTEER),
    "activities:numbers": get_only(STAFF),
    "activities:woman_search": get_only(EDITORS),
    "activities:setup": get_only(["manager"]),
    "activities:room_add": page(["manager"]),
    "activities:term_add": page(["manager"]),
}
