"""Retention's entry in the personal data registry (centre/personal_data.py): a legal hold says
her records are kept and why. When she is erased (which a live hold prevents) the hold's record
stays, so the centre can show a hold existed and when it ended, but its reasons are cleared."""

from centre.personal_data import ANONYMISE, declare

from .models import LegalHold

declare(
    LegalHold,
    woman="woman",
    label="Legal holds on her records: when, by whom and why",
    erasure=ANONYMISE,
    anonymise=("reason", "lift_reason"),
)
