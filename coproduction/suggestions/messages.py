"""The suggestion room's message kinds: the wording is in templates/messaging/<kind>/
(centre/messaging.py). Purposes stay as they were, for messages already queued."""

from centre.messaging import MessageKind, register

_EXAMPLE_LINK = "https://casework.example.org/coproduction/suggestions/4FW-27/"  # its receipt code

SUGGESTION_SAFEGUARDING = register(
    MessageKind(
        name="suggestion_safeguarding",
        purpose="coproduction.safeguarding",
        example={"code": "4FW-27", "link": _EXAMPLE_LINK},
    )
)
SUGGESTION_OVERDUE = register(
    MessageKind(
        name="suggestion_overdue",
        purpose="coproduction.overdue",
        example={"code": "4FW-27", "waited": 11, "target": 10, "link": _EXAMPLE_LINK},
    )
)
