"""Who may reach which meetings page. Organisers (manager, key worker) set up groups and
schedule meetings; every member of the centre may look, but sees only the groups she may:
staff all of them, a volunteer those she belongs to, the steering role the steering groups.
The matrix group is a steering group with the volunteer as a member, so all five roles see it."""

from coproduction.meetings.models import Group
from tests.coproduction.meetings.factories import GroupFactory, GroupMemberFactory, MeetingFactory

from .matrix import Row, for_roles

ORGANISERS = ("manager", "key_worker")
EVERYONE = ("manager", "key_worker", "partner", "volunteer", "steering")


def build(world):
    group = GroupFactory(centre=world.centre, name="Matrix steering", kind=Group.Kind.STEERING)
    GroupMemberFactory(group=group, user=world.people["volunteer"])
    world.extra.meeting_group = group
    world.extra.leaving_member = GroupMemberFactory(group=group)
    world.extra.meeting = MeetingFactory(group=group, organiser=world.people["manager"])


def _group(world):
    return {"pk": world.meeting_group.pk}


def _meeting(world):
    return {"pk": world.meeting.pk}


def read_only(kwargs=None):
    """A page anyone may read (GET only); another centre's object is a 404."""
    outsider = 404 if kwargs else None
    return Row(
        get=for_roles(EVERYONE, outsider=outsider), post=for_roles(EVERYONE, 405), kwargs=kwargs
    )


def form_page(kwargs=None):
    """A form for organisers: an empty POST shows the form again with its errors."""
    outsider = 404 if kwargs else None
    return Row(
        get=for_roles(ORGANISERS, outsider=outsider),
        post=for_roles(ORGANISERS, outsider=outsider),
        kwargs=kwargs,
    )


ROWS = {
    "meetings:index": read_only(),
    "meetings:group_create": form_page(),
    "meetings:group_detail": read_only(_group),
    "meetings:group_edit": form_page(_group),
    "meetings:member_add": form_page(_group),
    "meetings:role_elect": form_page(_group),
    "meetings:meeting_create": form_page(_group),
    "meetings:member_leave": Row(
        get=for_roles(ORGANISERS, 405),
        post=for_roles(ORGANISERS, "redirect", outsider=404),
        kwargs=lambda world: {"pk": world.leaving_member.pk},
    ),
    "meetings:meeting_detail": read_only(_meeting),
    "meetings:meeting_edit": form_page(_meeting),
    "meetings:meeting_reschedule": form_page(_meeting),
    "meetings:meeting_cancel": form_page(_meeting),
    "meetings:meeting_ics": read_only(_meeting),
}
