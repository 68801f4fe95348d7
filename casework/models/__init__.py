"""Casework's models, one module per topic; every name is imported here, so callers and
migrations keep saying `casework.models.<Name>`."""

from .contacts import (
    Appointment,
    Contact,
    ContactChoices,
)
from .justice import (
    Breach,
    CourtDate,
    JusticeOrder,
)
from .plan import (
    Action,
    CaseReviewItem,
    CaseReviewMeeting,
    Goal,
    MoveOnPlan,
    Need,
    OutcomeRating,
    Review,
    SupportPlan,
)
from .record import (
    OPEN_STAGES,
    USER,
    WOMAN_ABOUT_FIELDS,
    WOMAN_CONTACT_FIELDS,
    Alert,
    Allocation,
    BreakGlass,
    Domain,
    Stage,
    StageChange,
    Woman,
)
from .referrals import (
    Agency,
    PartnerAgency,
    Referral,
    ReferralOut,
)
from .sharing import (
    AGREEMENT_PART_CHOICES,
    SHARE_VALUES,
    Consent,
    SharePart,
    share_choices,
)

__all__ = [
    "AGREEMENT_PART_CHOICES",
    "Action",
    "Agency",
    "Alert",
    "Allocation",
    "Appointment",
    "Breach",
    "BreakGlass",
    "CaseReviewItem",
    "CaseReviewMeeting",
    "Consent",
    "Contact",
    "ContactChoices",
    "CourtDate",
    "Domain",
    "Goal",
    "JusticeOrder",
    "MoveOnPlan",
    "Need",
    "OPEN_STAGES",
    "OutcomeRating",
    "PartnerAgency",
    "Referral",
    "ReferralOut",
    "Review",
    "SHARE_VALUES",
    "SharePart",
    "Stage",
    "StageChange",
    "SupportPlan",
    "USER",
    "WOMAN_ABOUT_FIELDS",
    "WOMAN_CONTACT_FIELDS",
    "Woman",
    "share_choices",
]
