"""Factories for groups and meetings."""

import datetime

import factory
from django.utils import timezone

from coproduction.meetings.models import Group, GroupMember, Meeting, MeetingChange
from tests.factories import CentreFactory, UserFactory


class GroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Group

    centre = factory.SubFactory(CentreFactory)
    name = factory.Sequence(lambda n: f"Service-user meeting {n}")
    kind = Group.Kind.SERVICE_USER
    terms_of_reference = "Women and staff meet monthly to talk about the centre."


class GroupMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GroupMember

    group = factory.SubFactory(GroupFactory)
    user = factory.SubFactory(UserFactory)


def in_days(days: int, hour: int = 11) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting
        skip_postgeneration_save = True

    group = factory.SubFactory(GroupFactory)
    centre = factory.LazyAttribute(lambda m: m.group.centre)
    starts_at = factory.LazyFunction(lambda: in_days(7))
    place = "Community room, ground floor"
    organiser = factory.SubFactory(UserFactory)

    @factory.post_generation
    def history(obj, create, extracted, **kwargs):
        if create:
            MeetingChange.objects.create(
                meeting=obj, kind=MeetingChange.Kind.SCHEDULED, now_at=obj.starts_at
            )
