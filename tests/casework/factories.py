"""Factories for casework."""

import datetime

import factory
from django.utils import timezone

from casework.models import (
    Agency,
    Alert,
    Allocation,
    Appointment,
    Contact,
    Referral,
    Stage,
    Woman,
)
from tests.factories import CentreFactory


class WomanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Woman

    centre = factory.SubFactory(CentreFactory)
    first_name = factory.Faker("first_name_female", locale="en_GB")
    last_name = factory.Faker("last_name", locale="en_GB")
    date_of_birth = datetime.date(1988, 5, 17)
    stage = Stage.INTENSIVE
    mobile = "07700 900123"


class AllocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Allocation

    woman = factory.SubFactory(WomanFactory)
    kind = Allocation.Kind.INVOLVED
    reason = "Involved in her support"


class OnHerRecordFactory(factory.django.DjangoModelFactory):
    """Something written on a woman's record: it belongs to her centre."""

    class Meta:
        abstract = True

    woman = factory.SubFactory(WomanFactory)
    centre = factory.SelfAttribute("woman.centre")


class ContactFactory(OnHerRecordFactory):
    class Meta:
        model = Contact

    contact_type = Contact.Type.PHONE
    note = "Talked about the week ahead"
    contact_on = factory.LazyFunction(timezone.localdate)


class AppointmentFactory(OnHerRecordFactory):
    class Meta:
        model = Appointment

    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=3))
    place = "The usual place"


class AlertFactory(OnHerRecordFactory):
    class Meta:
        model = Alert

    kind = Alert.Kind.SAFETY
    detail = "Ex-partner may come to the centre"


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency
        django_get_or_create = ["centre", "name"]

    centre = factory.SubFactory(CentreFactory)
    name = factory.Sequence(lambda n: f"Agency {n}")


class ReferralFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Referral

    centre = factory.SubFactory(CentreFactory)
    first_name = factory.Faker("first_name_female", locale="en_GB")
    last_name = factory.Faker("last_name", locale="en_GB")
    source = Referral.Source.COURT
    vulnerability = "Homeless and using"
