"""Who may reach which meetings page. Organisers (manager, key worker) set up groups and
schedule meetings; every member of the centre may look, but sees only the groups she may:
staff all of them, a volunteer those she belongs to, the steering role the steering groups.
The matrix group is a steering group with the volunteer as a member, so all five roles see it."""

from django.core.files.base import ContentFile

from coproduction.meetings.models import Action, AgendaItem, Group, Minutes, Paper
from tests.casework.factories import WomanFactory
from tests.coproduction.meetings.factories import GroupFactory, GroupMemberFactory, MeetingFactory

from .matrix import Row, for_roles

ORGANISERS = ("manager", "key_worker")
# Key workers ask the women on their caseload (and the manager anyone's); the record policy
# decides which women: another centre's woman, or one she may not read, is a 404.
INVITERS = ("manager", "key_worker")
EVERYONE = ("manager", "key_worker", "partner", "volunteer", "steering")


def build(world):
    # Papers released 30 days before, so the matrix meeting's paper is open to its members.
    group = GroupFactory(
        centre=world.centre,
        name="Matrix steering",
        kind=Group.Kind.STEERING,
        papers_release_days=30,
    )
    GroupMemberFactory(group=group, user=world.people["volunteer"])
    world.extra.meetings_meeting_group = group
    world.extra.meetings_leaving_member = GroupMemberFactory(group=group)
    world.extra.meetings_named_member = GroupMemberFactory(group=group)
    world.extra.meetings_meeting = MeetingFactory(group=group, organiser=world.people["manager"])
    Minutes.objects.create(meeting=world.meetings_meeting, text="Draft minutes")
    world.extra.meetings_published_meeting = MeetingFactory(
        group=group, organiser=world.people["manager"]
    )
    Minutes.objects.create(
        meeting=world.meetings_published_meeting,
        text="Minutes",
        plain_summary="We met.",
        status=Minutes.Status.PUBLISHED,
    )
    world.extra.meetings_agenda_item = AgendaItem.objects.create(
        meeting=world.meetings_meeting, kind=AgendaItem.Kind.NEW, title="Matrix item"
    )
    world.extra.meetings_action = Action.objects.create(
        centre=world.centre,
        group=group,
        raised_at=world.meetings_meeting,
        text="Matrix action",
        owner=world.people["manager"],
        due_on=world.meetings_meeting.starts_at.date(),
    )
    paper = Paper(
        meeting=world.meetings_meeting,
        title="Matrix paper",
        plain_summary="What it says.",
        file_name="matrix.txt",
        content_type="text/plain",
        size=5,
    )
    paper.file.save("matrix.txt", ContentFile(b"hello"), save=True)
    world.extra.meetings_paper = paper
    world.extra.meetings_invited_woman = WomanFactory(
        centre=world.centre, key_worker=world.people["key_worker"], invite_to_meetings=True
    )


def _group(world):
    return {"pk": world.meetings_meeting_group.pk}


def _meeting(world):
    return {"pk": world.meetings_meeting.pk}


def post_action(kwargs):
    """A button on one of our objects (POST only); another centre's object is a 404."""
    return Row(
        get=for_roles(ORGANISERS, 405),
        post=for_roles(ORGANISERS, "redirect", outsider=404),
        kwargs=kwargs,
    )


def _removed_by_the_manager(row):
    row.post["key_worker"] = 404
    return row


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


def minutes_writers(kwargs):
    """Organisers and the group's secretary (the matrix group has none, so: organisers)."""
    return Row(
        get=for_roles(ORGANISERS, outsider=404),
        post=for_roles(ORGANISERS, outsider=404),
        kwargs=kwargs,
    )


ROWS = {
    "meetings:index": read_only(),
    "meetings:group_create": form_page(),
    "meetings:group_detail": read_only(_group),
    "meetings:group_edit": form_page(_group),
    "meetings:group_actions": read_only(_group),
    "meetings:member_add": form_page(_group),
    "meetings:role_elect": form_page(_group),
    "meetings:meeting_create": form_page(_group),
    "meetings:member_leave": post_action(lambda world: {"pk": world.meetings_leaving_member.pk}),
    "meetings:meeting_detail": read_only(_meeting),
    "meetings:meeting_edit": form_page(_meeting),
    "meetings:meeting_reschedule": form_page(_meeting),
    "meetings:meeting_cancel": form_page(_meeting),
    "meetings:meeting_ics": read_only(_meeting),
    "meetings:agenda_bring_in": post_action(_meeting),
    "meetings:agenda_item_add": form_page(_meeting),
    # The manager's POST (the first column) removes the item, so the key worker then finds no
    # item: 404. That a key worker may remove one is tested in tests/coproduction/meetings.
    "meetings:agenda_item_remove": _removed_by_the_manager(
        post_action(lambda world: {"pk": world.meetings_agenda_item.pk})
    ),
    "meetings:agenda_pdf": read_only(_meeting),
    "meetings:action_add": minutes_writers(_meeting),
    "meetings:attendance": minutes_writers(_meeting),
    "meetings:minutes_edit": minutes_writers(_meeting),
    "meetings:decision_add": minutes_writers(_meeting),
    # The chair approves; the matrix group has no chair with an account, so a manager does.
    # An empty POST carries no version: a clear message and back to the meeting.
    "meetings:minutes_approve": Row(
        get=for_roles(EVERYONE, 405),
        post=for_roles(["manager"], "redirect", outsider=404),
        kwargs=_meeting,
    ),
    "meetings:minutes_publish": post_action(_meeting),
    "meetings:minutes_pdf": read_only(lambda world: {"pk": world.meetings_published_meeting.pk}),
    "meetings:action_close": form_page(lambda world: {"pk": world.meetings_action.pk}),
    "meetings:member_naming": form_page(lambda world: {"pk": world.meetings_named_member.pk}),
    "meetings:interest_add": minutes_writers(_meeting),
    "meetings:paper_add": form_page(_meeting),
    "meetings:members_invite": form_page(_meeting),
    "meetings:paper_download": read_only(lambda world: {"pk": world.meetings_paper.pk}),
    "meetings:invitations": Row(get=for_roles(INVITERS), post=for_roles(INVITERS, 405)),
    "meetings:invitation_add": Row(
        get=for_roles(INVITERS, outsider=404),
        post=for_roles(INVITERS, outsider=404),
        kwargs=lambda world: {"pk": world.meetings_invited_woman.pk},
    ),
}
