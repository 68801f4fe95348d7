# ruff: noqa: F401 - the views, re-exported for urls.py
from .case_reviews import case_review_detail, case_review_item, case_review_list, case_review_new
from .dashboard import caseload, not_heard_from, team
from .directory import agency_edit, agency_new, directory
from .export import woman_pdf
from .record import (
    allocation_end,
    break_glass,
    handover_read,
    woman_allocate,
    woman_detail,
    woman_edit,
    woman_involve,
    woman_participation,
    woman_photo,
    woman_search,
    woman_stage,
    woman_timeline,
    woman_viewers,
)
from .referrals import (
    referral_answer,
    referral_detail,
    referral_list,
    referral_new,
    referral_report,
)
from .work import (
    action_done,
    action_new,
    alert_end,
    alert_new,
    appointment_new,
    appointment_outcome,
    consents,
    contact_new,
    distance,
    distance_svg,
    goal_new,
    goal_status,
    justice,
    justice_add,
    move_on,
    needs,
    plan,
    referral_out_new,
    referral_out_status,
    review_edit,
    review_new,
)
