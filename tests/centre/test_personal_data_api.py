"""The registry's own rules: one declaration a model, a reason for every exemption."""

import pytest

from centre import personal_data
from centre.models import Centre, OutboxMessage


@pytest.fixture
def clean_registry(monkeypatch):
    monkeypatch.setattr(personal_data, "_declared", {})
    monkeypatch.setattr(personal_data, "_exempt", {})


def test_a_model_is_declared_once(clean_registry):
    personal_data.declare(OutboxMessage, woman="pk", label="Messages")
    with pytest.raises(ValueError, match="already"):
        personal_data.declare(OutboxMessage, woman="pk", label="Messages again")
    with pytest.raises(ValueError, match="already"):
        personal_data.exempt(OutboxMessage, "Not hers")


def test_anonymising_names_its_fields_and_an_exemption_its_reason(clean_registry):
    with pytest.raises(ValueError, match="which fields"):
        personal_data.declare(Centre, woman="pk", label="x", erasure=personal_data.ANONYMISE)
    with pytest.raises(ValueError, match="reason"):
        personal_data.exempt(Centre, "  ")


@pytest.mark.django_db
def test_rows_for_follows_the_lookup(clean_registry):
    centre = Centre.objects.create(name="Test centre", slug="test-centre")
    declaration = personal_data.declare(Centre, woman="pk", label="Centre")
    assert list(declaration.rows_for(centre.pk)) == [centre]
    assert list(personal_data.held_about(centre.pk)["centre.centre"]) == [centre]


@pytest.mark.django_db
def test_erase_deletes_or_clears_as_declared_and_is_safe_twice(clean_registry):
    kept = Centre.objects.create(name="Kept centre", slug="kept")
    gone = Centre.objects.create(name="Gone centre", slug="gone")
    personal_data.declare(
        Centre, woman="pk", label="Centre", erasure=personal_data.ANONYMISE, anonymise=("name",)
    )
    personal_data.declare(OutboxMessage, woman="pk", label="Messages")
    # Both kinds are "about" the number erased: the message must not share the centre's.
    message = OutboxMessage.objects.create(
        pk=max(kept.pk, gone.pk) + 1000,
        purpose="test",
        channel="email",
        recipient="her@example.org",
        subject="s",
        body="b",
    )
    assert personal_data.erase(kept.pk) == {"centre.outboxmessage": 0, "centre.centre": 1}
    kept.refresh_from_db()
    assert kept.name == "" and Centre.objects.get(pk=gone.pk).name == "Gone centre"
    assert personal_data.erase(message.pk)["centre.outboxmessage"] == 1
    assert not OutboxMessage.objects.filter(pk=message.pk).exists()
    assert personal_data.erase(message.pk)["centre.outboxmessage"] == 0


def test_a_cleared_choice_takes_its_safe_default_never_an_empty_choice():
    from coproduction.meetings.models import Attendance, Naming

    assert personal_data._cleared_value(Attendance._meta.get_field("naming")) == Naming.ANONYMOUS
