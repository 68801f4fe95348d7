"""Casework's entries in the personal data registry (centre/personal_data.py).

Her record is declared first, so erasure (which runs the declarations in reverse) anonymises it
last, after every other app's rows about her. Her record is anonymised rather than deleted: she
stays as a count in the centre's figures, with nothing left that could name or reach her. Every
other casework row about her is deleted with her; their retention is her closed case record's
(None), except referrals, which have their own period when they were not taken.
"""

from centre.personal_data import ANONYMISE, DELETE, declare

from .models import (
    Action,
    Alert,
    Allocation,
    Appointment,
    Breach,
    BreakGlass,
    CaseReviewItem,
    Consent,
    Contact,
    CourtDate,
    Goal,
    JusticeOrder,
    MoveOnPlan,
    Need,
    OutcomeRating,
    Referral,
    ReferralOut,
    Review,
    StageChange,
    SupportPlan,
    Woman,
)

declare(
    Woman,
    woman="pk",
    label="Her record: name, contact details, date of birth, photo and what matters to her",
    retention="closed_case",
    erasure=ANONYMISE,
    anonymise=(
        "first_name",
        "last_name",
        "preferred_name",
        "date_of_birth",
        "mobile",
        "email",
        "address",
        "safe_time",
        "code_word",
        "photo",
        "what_matters",
        "supporters",
    ),
)
declare(
    Referral,
    woman="woman",
    label="Referrals made for her, with what the referrer said",
    # A referral not taken has its own, shorter period; one that was taken lives with her record.
    retention="referral_not_taken",
    erasure=DELETE,
)
declare(StageChange, woman="woman", label="How her case moved between stages")
declare(Allocation, woman="woman", label="The workers allocated to her, with handover notes")
declare(BreakGlass, woman="woman", label="Times a worker opened her record in an emergency")
declare(Contact, woman="woman", label="Contacts with her and the notes written about them")
declare(SupportPlan, woman="woman", label="Her support plan")
declare(Goal, woman="woman", label="Her goals")
declare(CaseReviewItem, woman="woman", label="Case review meetings that discussed her")
declare(Action, woman="woman", label="Actions agreed with her or for her")
declare(Review, woman="woman", label="Reviews of her progress")
declare(Need, woman="woman", label="Her needs")
declare(OutcomeRating, woman="woman", label="Her outcome ratings (distance travelled)")
declare(Appointment, woman="woman", label="Her appointments")
declare(JusticeOrder, woman="woman", label="Court orders and licences she is under")
declare(CourtDate, woman="woman", label="Her court dates")
declare(Breach, woman="woman", label="Breaches recorded against her orders")
# An alert naming her as `other_woman` is on another woman's record; it keeps its link to her
# anonymised record and says nothing more about her.
declare(Alert, woman="woman", label="Safety alerts on her record")
declare(Consent, woman="woman", label="What she agreed may be shared, and with which agencies")
declare(MoveOnPlan, woman="woman", label="Her move-on plan")
declare(ReferralOut, woman="woman", label="Referrals the centre made for her to other agencies")
