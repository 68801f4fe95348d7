"""Writes for groups and meetings. Every service is atomic and takes keyword arguments only.

One module per topic; everything is imported here, so callers say `services.meeting_schedule`.
"""

from .agenda import (
    action_close,
    action_create,
    agenda_bring_in,
    agenda_item_add,
    agenda_item_remove,
    standing_titles,
    suggestions_for_meetings,
)
from .groups import (
    elected_role_record,
    group_create,
    group_member_add,
    group_member_leave,
    group_update,
    member_naming_set,
)
from .invitations import (
    invitation_record,
    members_invite,
)
from .meetings import (
    MEETING_DETAILS,
    STEERING_STANDING_ITEM,
    local_datetime,
    meeting_cancel,
    meeting_reschedule,
    meeting_schedule,
    meeting_series_schedule,
    meeting_update,
    nth_weekday,
    series_dates,
)
from .minutes import (
    attendance_record,
    decision_record,
    interest_declare,
    minutes_approve,
    minutes_publish,
    minutes_save,
    naming_choices,
)
from .papers import (
    paper_add,
    paper_file_check,
)

__all__ = [
    "MEETING_DETAILS",
    "STEERING_STANDING_ITEM",
    "action_close",
    "action_create",
    "agenda_bring_in",
    "agenda_item_add",
    "agenda_item_remove",
    "attendance_record",
    "decision_record",
    "elected_role_record",
    "group_create",
    "group_member_add",
    "group_member_leave",
    "group_update",
    "interest_declare",
    "invitation_record",
    "local_datetime",
    "meeting_cancel",
    "meeting_reschedule",
    "meeting_schedule",
    "meeting_series_schedule",
    "meeting_update",
    "member_naming_set",
    "members_invite",
    "minutes_approve",
    "minutes_publish",
    "minutes_save",
    "naming_choices",
    "nth_weekday",
    "paper_add",
    "paper_file_check",
    "series_dates",
    "standing_titles",
    "suggestions_for_meetings",
]
