"""Groups, members and elected roles."""

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from casework.models import Woman
from centre.models import Centre, User

from ..models import (
    PAPERS_RELEASE_DAYS,
    Attendance,
    ElectedRole,
    Group,
    GroupMember,
    Minutes,
    Naming,
)
from .meetings import STEERING_STANDING_ITEM


@transaction.atomic
def group_create(
    *,
    centre: Centre,
    name: str,
    kind: str,
    terms_of_reference: str = "",
    standing_items: str = "",
    papers_release_days: int = PAPERS_RELEASE_DAYS,
) -> Group:
    """A new group; a name already used in the centre is a ValidationError. A steering group
    always starts with service-user involvement as a standing item."""
    if kind in Group.STEERING_KINDS and STEERING_STANDING_ITEM not in standing_items:
        standing_items = "\n".join(filter(None, [STEERING_STANDING_ITEM, standing_items.strip()]))
    group = Group(
        centre=centre,
        name=name.strip(),
        kind=kind,
        terms_of_reference=terms_of_reference,
        standing_items=standing_items,
        papers_release_days=papers_release_days,
    )
    group.full_clean()
    group.save()
    return group


@transaction.atomic
def group_update(
    *,
    group: Group,
    name: str,
    kind: str,
    terms_of_reference: str,
    standing_items: str,
    papers_release_days: int = PAPERS_RELEASE_DAYS,
) -> Group:
    """Change a group's name, kind, terms of reference, standing items or when papers go out."""
    group.name, group.kind, group.terms_of_reference = name.strip(), kind, terms_of_reference
    group.standing_items = standing_items
    group.papers_release_days = papers_release_days
    group.full_clean()
    group.save(
        update_fields=[
            "name",
            "kind",
            "terms_of_reference",
            "standing_items",
            "papers_release_days",
        ]
    )
    return group


@transaction.atomic
def group_member_add(
    *,
    group: Group,
    user: User | None = None,
    woman: Woman | None = None,
    joined_on: date,
    wants_reminders: bool = False,
    naming: str = Naming.ANONYMOUS,
) -> GroupMember:
    """Add a member of the team or a woman (exactly one); someone already in the group is an error."""
    if (user is None) == (woman is None):
        raise ValidationError(_("Choose one person: someone from the team or a woman."))
    if woman is not None and woman.centre_id != group.centre_id:
        raise ValidationError(_("That woman is not at this centre."))
    current = group.members.filter(left_on__isnull=True)
    if current.filter(Q(user=user) if user else Q(woman=woman)).exists():
        raise ValidationError(_("She is already a member of this group."))
    member = GroupMember(
        group=group,
        user=user,
        woman=woman,
        joined_on=joined_on,
        wants_reminders=wants_reminders,
        naming=naming,
    )
    member.full_clean()
    member.save()
    return member


@transaction.atomic
def member_naming_set(*, member: GroupMember, naming: str) -> GroupMember:
    """How she wants to be named from now on. Attendance already recorded keeps its choice
    unless the minutes are still a draft (then it follows her new choice)."""
    if naming not in Naming.values:
        raise ValidationError({"naming": _("Choose how she wants to be named.")})
    member.naming = naming
    member.save(update_fields=["naming"])
    if member.woman_id:
        drafts = Attendance.objects.filter(
            woman_id=member.woman_id, meeting__group_id=member.group_id
        ).exclude(meeting__minutes__status__in=[Minutes.Status.APPROVED, Minutes.Status.PUBLISHED])
        drafts.update(naming=naming)
    return member


@transaction.atomic
def group_member_leave(*, member: GroupMember, left_on: date) -> GroupMember:
    """She leaves the group; any role she holds ends the same day. Safe to call twice."""
    if member.left_on is not None:
        return member
    member.left_on = max(left_on, member.joined_on)
    member.save(update_fields=["left_on"])
    member.roles.filter(Q(ends_on__isnull=True) | Q(ends_on__gt=member.left_on)).update(
        ends_on=member.left_on
    )
    return member


def _role_overlaps(
    group: Group, role: str, starts_on: date, ends_on: date | None
) -> QuerySet[ElectedRole]:
    overlapping = group.elected_roles.filter(role=role).filter(
        Q(ends_on__isnull=True) | Q(ends_on__gte=starts_on)
    )
    if ends_on is not None:
        overlapping = overlapping.filter(starts_on__lte=ends_on)
    return overlapping


@transaction.atomic
def elected_role_record(
    *,
    member: GroupMember,
    role: str,
    starts_on: date,
    ends_on: date | None,
    by: User,
) -> ElectedRole:
    """Record an election. For chair, vice chair and secretary, the holder whose term is still
    running hands over the day before; a term that would overlap an earlier finished one is an
    error. Past terms are kept as the group's election history."""
    group = Group.objects.select_for_update().get(pk=member.group_id)
    if not member.is_current:
        raise ValidationError(_("Only a current member can be elected."))
    if ends_on is not None and ends_on < starts_on:
        raise ValidationError({"ends_on": _("The term must end after it starts.")})
    if role in ElectedRole.SINGLE_HOLDER:
        _hand_over(group, role, starts_on, ends_on)
    elected = ElectedRole(
        group=group, member=member, role=role, starts_on=starts_on, ends_on=ends_on, elected_by=by
    )
    elected.full_clean()
    elected.save()
    return elected


def _hand_over(group: Group, role: str, starts_on: date, ends_on: date | None) -> None:
    for holder in _role_overlaps(group, role, starts_on, ends_on):
        if holder.starts_on >= starts_on:
            raise ValidationError(
                _("%(name)s is already %(role)s from %(day)s. Change the dates.")
                % {
                    "name": holder.member,
                    "role": holder.get_role_display().lower(),
                    "day": f"{holder.starts_on:%-d %b %Y}",
                }
            )
        holder.ends_on = starts_on - timedelta(days=1)
        holder.save(update_fields=["ends_on"])
