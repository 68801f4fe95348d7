"""The requests' own entries in the personal data registry (centre/personal_data.py).

Her requests are kept as the centre's evidence that it answered them; erasing her clears what
was written about them (notes, what was corrected and why) and keeps the dates and counts."""

from centre.personal_data import ANONYMISE, declare

from .models import Correction, DataRequest

declare(
    DataRequest,
    woman="woman",
    label="Her requests about her data (copies, erasure, corrections)",
    erasure=ANONYMISE,
    anonymise=("notes",),
)
declare(
    Correction,
    woman="request__woman",
    label="What was corrected in her record at her request, and why",
    erasure=ANONYMISE,
    anonymise=("change", "reason"),
)
