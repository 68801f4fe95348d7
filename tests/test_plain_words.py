"""Pages say things as people say them: found by reading every page's text as each role on the
demo data (no computer dates in headings, plurals right, no empty labels or bare dashes)."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from casework.models import Referral
from coproduction.involvement.models import Shift
from privacy.retention.forms import PeriodForm
from privacy.retention.schedule import periods
from tests.activities.factories import ActivityFactory
from tests.casework.factories import ReferralFactory
from tests.coproduction.factories import SuggestionFactory

pytestmark = pytest.mark.django_db


def test_a_shift_is_named_with_a_human_date(centre):
    starts = timezone.make_aware(timezone.datetime(2026, 12, 7, 9, 30))
    shift = Shift(centre=centre, kind=Shift.Kind.GREETER, starts_at=starts)
    assert str(shift).endswith("Mon 7 Dec 2026, 09:30") and "2026-12-07" not in str(shift)


@pytest.mark.parametrize(
    ("starts_on", "ends_on", "shown"),
    [
        (date(2026, 1, 5), date(2026, 3, 27), "5 Jan 2026 – 27 Mar 2026"),
        (date(2024, 12, 7), None, "From 7 Dec 2024, no end date"),
        (None, None, "No dates set"),
    ],
)
def test_an_activity_says_its_dates_in_words(manager_client, centre, starts_on, ends_on, shown):
    activity = ActivityFactory(centre=centre, starts_on=starts_on, ends_on=ends_on)
    page = manager_client.get(reverse("activities:activity_detail", args=[activity.pk])).text
    assert shown in page and "– –" not in page


def test_a_budget_reads_as_money(manager_client, centre):
    activity = ActivityFactory(centre=centre, budget=Decimal("1500"))
    page = manager_client.get(reverse("activities:activity_detail", args=[activity.pk])).text
    assert "£1,500.00: £0.00 committed" in page


def test_a_self_referral_says_she_referred_herself(manager_client, centre):
    referral = ReferralFactory(centre=centre, source=Referral.Source.SELF)
    page = manager_client.get(reverse("casework:referral", args=[referral.pk])).text
    assert "She referred herself" in page


def test_a_retention_period_of_one_month_is_said_in_the_singular(centre):
    one = next(p for p in periods(centre) if p.default.minimum == 1)
    assert str(PeriodForm(period=one).fields["months"].help_text).startswith("At least 1 month. ")


def test_an_empty_choice_says_what_it_means(manager_client, centre):
    """Not Django's "---------": a suggestion not yet themed or owned says so."""
    suggestion = SuggestionFactory(centre=centre)
    page = manager_client.get(reverse("suggestions:detail", args=[suggestion.receipt_code])).text
    assert "No theme yet" in page and "Nobody yet" in page and "---------" not in page
