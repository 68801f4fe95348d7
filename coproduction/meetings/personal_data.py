"""The meetings room's entries in the personal data registry (centre/personal_data.py).

Every meetings model with a path to a woman's record holds something about her (that she is in
a group, was elected, was invited, came, or declared an interest), so each is declared; none is
exempt. A woman's record itself is anonymised, not deleted, when she is erased, so rows that
must keep counting (attendance, declarations in approved minutes) keep their link to the
anonymised record and lose what could name her.
"""

from centre.personal_data import ANONYMISE, DELETE, declare

from .models import Attendance, ElectedRole, GroupMember, InterestDeclaration, Invitation

declare(
    GroupMember,
    woman="woman",
    label="Meeting groups she belongs to",
    erasure=DELETE,
)
declare(
    ElectedRole,
    woman="member__woman",
    label="Roles she was elected to in meeting groups",
    erasure=DELETE,
)
declare(
    Invitation,
    woman="woman",
    label="Meetings she was invited to, how and her answer",
    erasure=DELETE,
)
declare(
    Attendance,
    woman="woman",
    label="Meetings she came to or sent apologies for",
    # The meeting keeps its count of who came; she is never named again.
    erasure=ANONYMISE,
    anonymise=("naming",),
)
declare(
    InterestDeclaration,
    woman="woman",
    label="Interests she declared at meetings",
    # Approved minutes keep that an interest was declared, not what it was or who.
    erasure=ANONYMISE,
    anonymise=("interest", "naming"),
)
