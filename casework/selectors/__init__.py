"""Reads of women's records, with the record policy (casework/access.py) applied.

Who sees which part of her record, and on what grounds, is decided in `casework.access` only;
the reads here ask it (`record_access`) and never compare a role. One module per topic; this
package re-exports their public names, and callers use `casework.selectors.<name>`.
"""

from ..access import UNRESTRICTED, Grounds, Sharing, agency_for_membership, latest_consent
from .alerts import DO_NOT_SEAT, ShownAlert, visible_alerts
from .caseload import (
    StageCounts,
    annotate_caseload,
    caseload_counts,
    caseload_for_user,
    caseload_size,
    involved_women_ids,
    not_heard_from,
    placement_conflicts,
    search_women,
    stage_counts,
    stage_counts_for,
    visible_women,
)
from .record import (
    CARD,
    FULL,
    OWN,
    NeedsBreakGlass,
    access_level,
    card_context,
    get_woman_for_user,
    level_of,
    record_context,
    record_viewers,
)
from .referrals import (
    get_referral_for_user,
    manager_waiting,
    referrals_for_user,
    referrals_offered_to_me,
)
from .reports import (
    contact_numbers,
    outcome_change,
    quarter_numbers,
    referral_report,
    women_changed_to,
    women_supported,
)
from .sharing import (
    can_see_restricted,
    domain_filter,
    limited_women_ids,
    partner_agencies,
    restricted_visible,
    sharing_for,
    sharing_prompts,
)
from .timeline import (
    ContactTotals,
    TimelineEntry,
    contact_details,
    contact_totals,
    own_contacts,
    timeline,
    timeline_contact_totals,
)

__all__ = [
    "CARD",
    "DO_NOT_SEAT",
    "FULL",
    "Grounds",
    "NeedsBreakGlass",
    "OWN",
    "Sharing",
    "ShownAlert",
    "TimelineEntry",
    "UNRESTRICTED",
    "access_level",
    "agency_for_membership",
    "annotate_caseload",
    "can_see_restricted",
    "card_context",
    "caseload_counts",
    "caseload_for_user",
    "caseload_size",
    "contact_numbers",
    "domain_filter",
    "get_referral_for_user",
    "get_woman_for_user",
    "involved_women_ids",
    "latest_consent",
    "level_of",
    "limited_women_ids",
    "not_heard_from",
    "outcome_change",
    "own_contacts",
    "partner_agencies",
    "placement_conflicts",
    "quarter_numbers",
    "record_context",
    "record_viewers",
    "referral_report",
    "referrals_for_user",
    "referrals_offered_to_me",
    "manager_waiting",
    "restricted_visible",
    "search_women",
    "women_changed_to",
    "women_supported",
    "sharing_for",
    "sharing_prompts",
    "StageCounts",
    "stage_counts",
    "stage_counts_for",
    "timeline",
    "timeline_contact_totals",
    "contact_totals",
    "contact_details",
    "ContactTotals",
    "visible_alerts",
    "visible_women",
]
