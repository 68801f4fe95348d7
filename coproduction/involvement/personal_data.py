"""What getting involved holds about a woman (centre/personal_data.py). Community volunteers
are not women using the centre; their rows are found through `helper__woman` and so are not
hers. Expenses and rota shifts are anonymised rather than deleted, so that hours given and
money paid still count in the totals."""

from centre.personal_data import ANONYMISE, declare

from .models import (
    ExitQuestionnaire,
    Expense,
    Helper,
    InvolvementStep,
    PeerConversation,
    Placement,
    PlacementChange,
    Shift,
    Supervision,
    Training,
    Worry,
)

declare(InvolvementStep, woman="woman", label="Her steps on the involvement continuum")
declare(Helper, woman="woman", label="Her volunteer profile (account and how to reach her)")
declare(Placement, woman="helper__woman", label="The roles she took up and where she is with each")
declare(PlacementChange, woman="placement__helper__woman", label="Her moves along the pathway")
declare(Training, woman="helper__woman", label="Training she completed, with certificates")
declare(Supervision, woman="helper__woman", label="Her one-to-ones as a volunteer")
declare(Worry, woman="helper__woman", label="Worries she handed to staff as a peer mentor")
declare(
    PeerConversation,
    woman="helper__woman",
    label="Her peer conversation log (themes and outcomes, no one else's details)",
)
declare(
    Shift,
    woman="helper__woman",
    label="Her rota shifts",
    erasure=ANONYMISE,
    anonymise=["helper"],
)
declare(
    Expense,
    woman="helper__woman",
    label="Expenses she claimed (amounts stay in the totals)",
    erasure=ANONYMISE,
    anonymise=["helper", "description", "receipt"],
)
declare(
    ExitQuestionnaire,
    woman="woman",
    label="Her exit questionnaire, when she gave her name",
    erasure=ANONYMISE,
    anonymise=["woman", "first_name", "most_helped", "could_be_better"],
)
