"""Every app of ours registers itself with the platform through one base config
(centre.room_config.RoomConfig), so none can forget a capability, a message kind or a document kind."""

import sys
import types

from django.apps import apps

from centre.access import registered_capabilities
from centre.documents.registry import document_kinds
from centre.messaging import kinds
from centre.room_config import RoomConfig

OURS = ("activities", "casework", "coproduction.", "privacy.")


def test_every_app_of_ours_is_a_room_config():
    ours = [c for c in apps.get_app_configs() if c.name.startswith(OURS)]
    assert len(ours) == 11
    assert [c.name for c in ours if not isinstance(c, RoomConfig)] == []


def test_each_rooms_document_and_message_kinds_are_registered_at_start_up():
    assert {
        "woman_summary",
        "termly_programme",
        "course_certificate",
        "meeting_agenda",
        "meeting_minutes",
        "involvement_certificate",
        "involvement_history",
        "quarterly_report",
        "woman_everything_held",
    } <= set(document_kinds())
    # centre's own (sign-in) and one from each room's `messages` module
    assert {"password_reset", "appointment_reminder", "access_review_monthly"} <= {
        kind.name for kind in kinds()
    }
    assert len(kinds()) >= 20
    assert len(registered_capabilities()) >= 30


def test_only_a_modules_own_register_is_called(monkeypatch):
    """A `messages` module imports `centre.messaging.register`; that must not be called bare."""
    called = []

    def imported_register(kind):  # pragma: no cover - it must not run
        called.append("imported")

    package = types.ModuleType("fake_room")
    package.__path__ = []  # a package
    own = types.ModuleType("fake_room.documents")

    def register():
        called.append("own")

    register.__module__ = "fake_room.documents"
    own.register = register
    borrowed = types.ModuleType("fake_room.messages")
    borrowed.register = imported_register
    monkeypatch.setitem(sys.modules, "fake_room", package)
    monkeypatch.setitem(sys.modules, "fake_room.documents", own)
    monkeypatch.setitem(sys.modules, "fake_room.messages", borrowed)
    monkeypatch.setattr(
        "centre.room_config.module_has_submodule",
        lambda module, name: f"fake_room.{name}" in sys.modules,
    )

    class FakeConfig(RoomConfig):
        path = "/nonexistent"

    FakeConfig("fake_room", package).ready()

    assert called == ["own"]
