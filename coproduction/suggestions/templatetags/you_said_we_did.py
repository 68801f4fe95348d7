"""The public "you said, we did" wording as every place prints it (the tablet board, the
poster, the newsletter): `{{ item.you_said|you_said_text }}` after the "You said:" label, and
`{{ item.status|we_did_label }}` before what we did, or why we couldn't."""

import re

from django import template
from django.utils.translation import gettext as _

from ..models import Suggestion

register = template.Library()

# Wording is often written as a whole sentence, which after the label read "You said: You said
# the waiting area was cold."
_LEADING_YOU_SAID = re.compile(r"^\s*you said\b(?:\s+that\b)?[\s:,.…-]*", re.IGNORECASE)


@register.filter
def you_said_text(wording: str) -> str:
    """What follows the "You said:" label: the wording without a "You said" of its own."""
    rest = _LEADING_YOU_SAID.sub("", wording, count=1)
    if not rest:
        return wording
    return rest[0].upper() + rest[1:]


@register.filter
def we_did_label(status: str | None) -> str:
    """The label before the answer, by what really happened. A newsletter kept from before its
    sections held the outcome has none: it claims neither."""
    if not status:
        return _("Our answer:")
    if status == Suggestion.Status.NOT_POSSIBLE:
        return _("We couldn't, because:")
    return _("We did:")
