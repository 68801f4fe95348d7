"""What getting involved holds about a woman is declared, finds her rows, and anonymises real
fields (expenses and shifts stay in the totals)."""

from decimal import Decimal

import pytest
from django.utils import timezone

from centre.personal_data import ANONYMISE, declaration_for, declarations
from coproduction.involvement import services
from coproduction.involvement.models import (
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
from tests.casework.factories import WomanFactory

from .factories import active_helper, shift

pytestmark = pytest.mark.django_db
HERS = [
    InvolvementStep,
    Helper,
    Placement,
    PlacementChange,
    Training,
    Supervision,
    Worry,
    PeerConversation,
    Shift,
    Expense,
    ExitQuestionnaire,
]


def test_every_model_about_her_is_declared_with_real_fields():
    for model in HERS:
        declaration = declaration_for(model)
        assert declaration is not None, model
        names = {field.name for field in model._meta.get_fields()}
        assert set(declaration.anonymise) <= names, model
    assert declaration_for(Expense).erasure == ANONYMISE
    assert declaration_for(Shift).erasure == ANONYMISE


def test_her_rows_are_found_and_no_one_else_s(centre, manager):
    helper = active_helper(centre, by=manager)
    other = active_helper(centre, by=manager)
    shift(centre, helper)
    shift(centre, other, in_hours=40)
    services.expense_claim(
        helper=helper,
        by=manager,
        kind="travel",
        spent_on=timezone.localdate(),
        amount=Decimal("2.00"),
        description="Bus",
    )
    ours = {d.key: d for d in declarations() if d.model in HERS}
    assert ours["involvement.shift"].rows_for(helper.woman_id).count() == 1
    assert ours["involvement.expense"].rows_for(helper.woman_id).count() == 1
    assert ours["involvement.expense"].rows_for(other.woman_id).count() == 0
    assert ours["involvement.placement"].rows_for(helper.woman_id).count() == 1
    assert ours["involvement.involvementstep"].rows_for(WomanFactory(centre=centre).pk).count() == 0
