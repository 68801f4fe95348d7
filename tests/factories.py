"""factory_boy factories for the platform. Each app adds its own in tests/<app>/factories.py."""

import factory
from django.contrib.auth.hashers import make_password

from centre.models import Centre, Membership, User
from centre.roles import Role

PASSWORD = "a-long-test-password-2026"


class CentreFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Centre
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Centre {n}")
    slug = factory.Sequence(lambda n: f"centre-{n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"person{n}")
    first_name = factory.Faker("first_name_female", locale="en_GB")
    last_name = factory.Faker("last_name", locale="en_GB")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.LazyFunction(lambda: make_password(PASSWORD))


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    centre = factory.SubFactory(CentreFactory)
    role = Role.KEY_WORKER
    agency = factory.Maybe(
        factory.LazyAttribute(lambda m: m.role == Role.PARTNER), "Housing Options", ""
    )


def member(centre, role, username=None, **kwargs):
    user = UserFactory(**({"username": username} if username else {}), **kwargs)
    MembershipFactory(user=user, centre=centre, role=role)
    return user
