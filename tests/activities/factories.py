"""factory_boy factories for activities (and the women they need)."""

from datetime import time, timedelta

import factory
from django.utils import timezone

from activities import services
from activities.models import Activity, Facilitator, Room, Session, Term
from tests.casework.factories import WomanFactory as CaseworkWomanFactory
from tests.factories import CentreFactory, UserFactory


class WomanFactory(CaseworkWomanFactory):
    """Casework's woman, without the details activities never need (no birthday, no mobile)."""

    date_of_birth = None
    mobile = ""


class RoomFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Room

    centre = factory.SubFactory(CentreFactory)
    name = factory.Sequence(lambda n: f"Room {n}")


class TermFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Term

    centre = factory.SubFactory(CentreFactory)
    name = factory.Sequence(lambda n: f"Term {n}")
    starts_on = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=14))
    ends_on = factory.LazyAttribute(lambda t: t.starts_on + timedelta(weeks=12))


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity

    centre = factory.SubFactory(CentreFactory)
    name = factory.Sequence(lambda n: f"Group {n}")
    kind = Activity.Kind.GROUP
    category = Activity.Category.CREATIVE
    description = "We make things together."
    status = Activity.Status.RUNNING


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    activity = factory.SubFactory(ActivityFactory)
    centre = factory.SelfAttribute("activity.centre")
    date = factory.LazyFunction(timezone.localdate)
    start_time = time(10, 0)
    end_time = time(12, 0)


class FacilitatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Facilitator

    activity = factory.SubFactory(ActivityFactory)
    kind = Facilitator.Kind.STAFF
    # A staff or volunteer facilitator is always a person (Facilitator.clean insists).
    user = factory.Maybe(
        factory.LazyAttribute(
            lambda f: f.kind in (Facilitator.Kind.STAFF, Facilitator.Kind.VOLUNTEER)
        ),
        factory.SubFactory(UserFactory),
        None,
    )


def weekly_from_today(activity, *, start, end, weeks=4):
    """A weekly schedule of `activity` on today's weekday for `weeks` weeks, from today."""
    today = timezone.localdate()
    return services.schedule_create(
        activity=activity,
        frequency="weekly",
        weekday=today.weekday(),
        start_time=start,
        end_time=end,
        starts_on=today,
        ends_on=today + timedelta(weeks=weeks),
    )


def status_change(activity, to_status, *, on, by, reason=""):
    """Move `activity` to `to_status` from the day `on`, recorded by `by`."""
    return services.activity_status_change(
        activity=activity, to_status=to_status, reason=reason, effective_on=on, changed_by=by
    )
