"""What the audit log calls a woman ("Bex M.") and the words for the grounds of a read,
registered with the platform's audit words (centre/audit_words.py) at start-up."""

from collections.abc import Iterable

from centre import audit_words

from .access import Grounds
from .models import Woman


def women_short_names(ids: Iterable[int]) -> dict[int, str]:
    """Her short name by id, in one query (the manager's audit log names the women it shows)."""
    women = Woman.objects.filter(pk__in=list(ids)).only("first_name", "last_name", "preferred_name")
    return {woman.pk: woman.short_name for woman in women}


def register() -> None:
    audit_words.register_names(
        women_short_names, {str(value): str(label) for value, label in Grounds.choices}
    )
