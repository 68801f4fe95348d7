"""Factories for newsletter issues and pieces."""

import datetime
import io

import factory
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image

from coproduction.newsletter.models import Contribution, EditorialMember, Issue
from tests.factories import CentreFactory, UserFactory


def png_bytes(size=(40, 30), colour="purple") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "PNG")
    return buffer.getvalue()


def png_file(name="photo.png") -> ContentFile:
    return ContentFile(png_bytes(), name=name)


class IssueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Issue

    centre = factory.SubFactory(CentreFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Newsletter {n + 1}")
    deadline = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=14))
    call_text = "Send us your stories, poems and recipes."
    ways_to_get_involved = "Join the newsletter group"
    useful_numbers = "Samaritans: 116 123"


class EditorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EditorialMember

    issue = factory.SubFactory(IssueFactory)
    user = factory.SubFactory(UserFactory)


class PieceFactory(factory.django.DjangoModelFactory):
    """A staff member's own story by default; pass woman=... (and written_by) for hers."""

    class Meta:
        model = Contribution

    issue = factory.SubFactory(IssueFactory)
    centre = factory.LazyAttribute(lambda piece: piece.issue.centre)
    kind = Contribution.Kind.STORY
    title = factory.Sequence(lambda n: f"Piece {n}")
    body = "Some words."
    written_by = factory.LazyAttribute(
        lambda piece: Contribution.From.WOMAN if piece.woman else Contribution.From.STAFF
    )
    woman = None
    source = factory.LazyAttribute(
        lambda piece: (
            Contribution.Source.FROM_PAPER if piece.woman else Contribution.Source.BY_AUTHOR
        )
    )
    consent_to_publish = True
    credit = Contribution.Credit.FIRST_NAME
