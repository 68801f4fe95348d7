"""Every write in getting involved. Each service is atomic, validates before saving and says
what it promises in its first line.

One module per topic; everything is imported here, so callers say `services.placement_move`.
"""

from ._rules import (
    MOVES,
    REMINDER_LEAD,
    Status,
)
from .exit import (
    exit_questionnaire_record,
)
from .expenses import (
    EXPENSE_FIELDS,
    expense_approve,
    expense_claim,
    expense_mark_paid,
    expense_reject,
    expense_update,
)
from .people import (
    helper_link_account,
    interest_record,
    opportunity_save,
    placement_move,
    step_record,
)
from .rotas import (
    shift_assign,
    shift_cancel,
    shift_create,
    shift_reminders_queue,
    shift_swap_ask,
    shift_take,
)
from .training import (
    THEME_ABOUT,
    peer_conversation_log,
    supervision_record,
    training_record,
    worry_hand_over,
    worry_take,
)

__all__ = [
    "EXPENSE_FIELDS",
    "MOVES",
    "REMINDER_LEAD",
    "Status",
    "THEME_ABOUT",
    "exit_questionnaire_record",
    "expense_approve",
    "expense_claim",
    "expense_mark_paid",
    "expense_reject",
    "expense_update",
    "helper_link_account",
    "interest_record",
    "opportunity_save",
    "peer_conversation_log",
    "placement_move",
    "shift_assign",
    "shift_cancel",
    "shift_create",
    "shift_reminders_queue",
    "shift_swap_ask",
    "shift_take",
    "step_record",
    "supervision_record",
    "training_record",
    "worry_hand_over",
    "worry_take",
]
