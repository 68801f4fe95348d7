"""Reads other apps use: quarterly numbers, placement, the not-heard-from list, caseload."""

from datetime import timedelta

import pytest
from django.utils import timezone

from casework import selectors, services
from casework.models import Contact, Domain, OutcomeRating, Stage
from coproduction.reports.numbers import completeness_numbers

from .factories import ContactFactory, ReferralFactory, WomanFactory

pytestmark = pytest.mark.django_db


def test_quarter_numbers(centre, other_centre, key_worker, manager):
    today = timezone.localdate()
    start, end = today - timedelta(days=30), today
    anna = WomanFactory(centre=centre, key_worker=key_worker, stage=Stage.INTENSIVE)
    beth = WomanFactory(centre=centre, key_worker=key_worker, stage=Stage.LIGHTER_TOUCH)
    ContactFactory(woman=anna, contact_type="phone")
    ContactFactory(woman=anna, contact_type="home_visit")
    ContactFactory(woman=beth, contact_type="phone", made=False)
    ContactFactory(woman=anna, contact_type="phone", contact_on=today - timedelta(days=60))
    ReferralFactory(centre=centre, source="court", referred_on=today)
    ReferralFactory(centre=centre, source="self", referred_on=today, decision="declined")
    ReferralFactory(centre=other_centre, source="court", referred_on=today)
    services.woman_stage_change(woman=beth, stage=Stage.MOVED_ON, reason="", by=manager)
    for score, day in ((3, start), (7, today)):
        OutcomeRating.objects.create(
            woman=anna, domain="housing", score=score, rated_on=day, occasion="intake"
        )
    numbers = selectors.quarter_numbers(centre, start, end)
    assert numbers["new_referrals"] == 2
    assert numbers["referrals_by_source"] == {"court": 1, "self": 1}
    assert numbers["referrals_by_decision"] == {"pending": 1, "declined": 1}
    assert numbers["contacts_total"] == 2 and numbers["attempts"] == 1
    assert numbers["contacts_by_type"] == {"phone": 1, "home_visit": 1}
    assert numbers["women_supported"] == 2
    assert numbers["moved_on"] == 1
    assert numbers["caseloads"] == [{"key_worker_id": key_worker.pk, "count": 1}]
    assert numbers["outcome_change"] == {"housing": {"women": 1, "average_change": 4.0}}


def test_not_heard_from_list(centre, key_worker):
    quiet = WomanFactory(
        centre=centre, key_worker=key_worker, last_contact_at=timezone.now() - timedelta(days=30)
    )
    never = WomanFactory(centre=centre, key_worker=key_worker, last_contact_at=None)
    WomanFactory(centre=centre, key_worker=key_worker, last_contact_at=timezone.now())
    WomanFactory(centre=centre, stage=Stage.CLOSED, last_contact_at=None)
    assert set(selectors.not_heard_from(centre)) == {quiet, never}


def test_caseload_counts_flag_over_threshold(centre, key_worker, other_key_worker):
    centre.caseload_warning_threshold = 1
    WomanFactory.create_batch(2, centre=centre, key_worker=key_worker)
    WomanFactory(centre=centre, key_worker=other_key_worker)
    rows = {row["worker"]: row for row in selectors.caseload_counts(centre)}
    assert rows[key_worker]["over"] and not rows[other_key_worker]["over"]


def test_the_period_s_contact_figures_counted_in_one_pass_match_counting_each_contact(
    centre, other_centre, key_worker
):
    """The report's contact figures come from one grouped pass over the period's contacts
    (`contact_tally`); each must equal the same figure counted contact by contact in Python,
    over contacts of every type, format, tool, length, need and support, reached or not, inside
    and outside the period and the centre."""
    today = timezone.localdate()
    start, end = today - timedelta(days=30), today
    women = [WomanFactory(centre=centre, key_worker=key_worker) for _ in range(3)]
    lengths = [None, 5, 14, 15, 29, 30, 59, 60, 240]
    types, formats, tools = (
        list(Contact.Type),
        [""] + list(Contact.Format),
        [""] + list(Contact.Tool),
    )
    domains, support = list(Domain.values), list(Contact.Support.values)
    contacts = []
    for i in range(40):
        contacts.append(
            ContactFactory(
                woman=women[i % 3],
                contact_on=start + timedelta(days=i % 31),
                made=i % 5 != 0,
                contact_type=types[i % len(types)],
                contact_format=formats[i % len(formats)],
                tool_used=tools[i % len(tools)],
                duration_minutes=lengths[i % len(lengths)],
                needs_discussed=domains[: i % 4],
                practical_support=support[i % 3 : i % 3 + i % 2],
            )
        )
    ContactFactory(woman=women[0], contact_on=start - timedelta(days=1))  # before the period
    ContactFactory(woman=WomanFactory(centre=other_centre))  # another centre's

    made = [c for c in contacts if c.made]

    def counted(values):
        out = {}
        for value in values:
            out[value] = out.get(value, 0) + 1
        return out

    def banded(low, high):
        return sum(
            1 for c in made if c.duration_minutes is not None and low <= c.duration_minutes <= high
        )

    tally = selectors.contact_tally(centre, start, end)
    numbers = selectors.contact_numbers(centre, start, end, tally=tally)
    assert numbers == selectors.contact_numbers(centre, start, end)  # with or without a tally
    assert numbers["by_format"] == counted(c.contact_format for c in made)
    assert numbers["by_tool"] == counted(c.tool_used for c in made)
    assert numbers["minutes"] == sum(c.duration_minutes or 0 for c in made)
    assert numbers["by_length"] == {
        "under_15": banded(0, 14),
        "15_to_29": banded(15, 29),
        "30_to_59": banded(30, 59),
        "60_or_more": banded(60, 24 * 60),
        "not_recorded": sum(1 for c in made if c.duration_minutes is None),
    }
    assert numbers["needs_discussed"] == {
        d: sum(1 for c in made if d in c.needs_discussed) for d in domains
    }
    assert numbers["no_need_named"] == sum(1 for c in made if not c.needs_discussed)
    assert numbers["practical_support"] == {
        s: sum(1 for c in made if s in c.practical_support) for s in support
    }
    assert numbers["no_support"] == sum(1 for c in made if not c.practical_support)

    casework = selectors.quarter_numbers(centre, start, end, tally=tally)
    assert casework["contacts_total"] == len(made) == 32
    assert casework["attempts"] == len(contacts) - len(made) == 8
    assert casework["contacts_by_type"] == counted(c.contact_type for c in made)

    complete = completeness_numbers(centre, start, end, tally=tally)
    assert complete["contacts"] == len(made)
    assert complete["with_length"] == sum(1 for c in made if c.duration_minutes is not None)
    assert complete["with_format"] == sum(1 for c in made if c.contact_format)
