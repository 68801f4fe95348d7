"""Activities' pages, by topic. urls.py names each view from here; the URLs are unchanged."""

from .activities import (
    activity_create,
    activity_detail,
    activity_edit,
    activity_idea,
    activity_status,
    index,
)
from .parts import (
    certificate_pdf,
    completions_award,
    cost_add,
    enrolment_add,
    enrolment_leave,
    facilitator_add,
    facilitator_remove,
    schedule_add,
    session_add,
)
from .programme import programme, programme_pdf, programme_week
from .register import (
    feedback,
    register,
    register_photo,
    register_search,
    session_cancel,
    session_reinstate,
)
from .setup import numbers, room_add, setup, term_add, woman_search

__all__ = [
    "index",
    "activity_create",
    "activity_detail",
    "activity_edit",
    "activity_status",
    "activity_idea",
    "facilitator_add",
    "facilitator_remove",
    "cost_add",
    "schedule_add",
    "session_add",
    "enrolment_add",
    "enrolment_leave",
    "completions_award",
    "certificate_pdf",
    "session_cancel",
    "session_reinstate",
    "register",
    "register_photo",
    "register_search",
    "feedback",
    "programme",
    "programme_week",
    "programme_pdf",
    "numbers",
    "woman_search",
    "setup",
    "room_add",
    "term_add",
]
