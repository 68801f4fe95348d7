"""Writes for casework. Every function is atomic and keyword-only; views call exactly one.

One module per topic; this package re-exports their public names, and callers use
`casework.services.<name>`.
"""

from ..messages import (
    BREAK_GLASS_PURPOSE,
    COURT_PURPOSE,
    DIGEST_PURPOSE,
    RECORD_ACCESS_PURPOSE,
    REMINDER_PURPOSE,
)
from .case_reviews import case_review_create, case_review_item_save
from .contacts import (
    RE_ENGAGE_WORKING_DAYS,
    appointment_book,
    appointment_record,
    appointment_reminders_queue,
    contact_choices_last,
    contact_choices_remember,
    contact_log,
    reminder_channel,
)
from .entries import (
    alert_add,
    alert_end,
    consent_record,
    move_on_save,
    referral_out_status_set,
)
from .plan import (
    action_add,
    action_done,
    goal_add,
    goal_status_set,
    needs_save,
    plan_save,
    ratings_record,
    review_add,
    review_update,
)
from .record import (
    PARTICIPATION_FIELDS,
    WOMAN_DETAIL_FIELDS,
    participation_update,
    woman_create,
    woman_stage_change,
    woman_update,
)
from .referrals import (
    referral_create,
    referral_decide,
    referral_offer,
    referral_offer_answer,
)
from .rows import record_add
from .staff import email_staff, managers_of, tell_managers_access_changed
from .team import (
    allocation_end,
    break_glass_grant,
    handover_mark_read,
    involved_worker_add,
    key_worker_allocate,
    partner_agency_link,
    readable_text,
)

__all__ = [
    "BREAK_GLASS_PURPOSE",
    "COURT_PURPOSE",
    "DIGEST_PURPOSE",
    "PARTICIPATION_FIELDS",
    "RECORD_ACCESS_PURPOSE",
    "REMINDER_PURPOSE",
    "RE_ENGAGE_WORKING_DAYS",
    "WOMAN_DETAIL_FIELDS",
    "action_add",
    "action_done",
    "alert_add",
    "alert_end",
    "allocation_end",
    "appointment_book",
    "appointment_record",
    "appointment_reminders_queue",
    "break_glass_grant",
    "case_review_create",
    "case_review_item_save",
    "consent_record",
    "contact_choices_last",
    "contact_choices_remember",
    "contact_log",
    "email_staff",
    "goal_add",
    "goal_status_set",
    "handover_mark_read",
    "involved_worker_add",
    "key_worker_allocate",
    "managers_of",
    "move_on_save",
    "needs_save",
    "participation_update",
    "partner_agency_link",
    "plan_save",
    "ratings_record",
    "readable_text",
    "record_add",
    "referral_create",
    "referral_decide",
    "referral_offer",
    "referral_offer_answer",
    "referral_out_status_set",
    "reminder_channel",
    "review_add",
    "review_update",
    "tell_managers_access_changed",
    "woman_create",
    "woman_stage_change",
    "woman_update",
]
