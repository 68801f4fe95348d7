from datetime import datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from coproduction.involvement import services
from coproduction.involvement.models import Expense, Helper, Opportunity, Placement, Shift
from tests.casework.factories import WomanFactory


def opportunity(centre, role=Opportunity.Role.GREETER, *, check=False, title=None):
    return services.opportunity_save(
        centre=centre,
        data={
            "title": title or Opportunity.Role(role).label,
            "role": role,
            "involves": "Welcome women at the door.",
            "time_needed": "One morning a week",
            "needs_disclosure_check": check,
        },
    )


def active_helper(centre, role=Opportunity.Role.GREETER, *, user=None, woman=None, by=None):
    """A woman (made if not given) active in a role, with `user` as her volunteer account."""
    woman = woman or WomanFactory(centre=centre)
    role_offered = Opportunity.objects.filter(centre=centre, role=role).first() or opportunity(
        centre, role
    )
    placement = services.interest_record(
        centre=centre, opportunity=role_offered, source="key_worker", by=by, woman=woman
    )
    placement = services.placement_move(
        placement=placement,
        to_status=Placement.Status.ACTIVE,
        by=by,
        disclosure_check_on=timezone.localdate(),
    )
    helper = Helper.objects.get(pk=placement.helper_id)
    if user is not None:
        helper.user = user
        helper.save(update_fields=["user"])
    return helper


def shift(centre, helper=None, *, kind=Shift.Kind.GREETER, in_hours=20, length=3, session=None):
    starts = timezone.now() + timedelta(hours=in_hours)
    return services.shift_create(
        centre=centre,
        kind=kind,
        starts_at=starts,
        ends_at=starts + timedelta(hours=length),
        place="Front door",
        helper=helper,
        session=session,
    )


def on_day(day, hour, tz=None):
    return datetime.combine(day, time(hour), tzinfo=tz or timezone.get_current_timezone())


def bus_fare(centre, helper, spent_on, amount, status, paid_on=None):
    """A helper's travel claim for a bus fare of `amount` (a string of pounds and pence)."""
    return Expense.objects.create(
        centre=centre,
        helper=helper,
        kind=Expense.Kind.TRAVEL,
        spent_on=spent_on,
        amount=Decimal(amount),
        description="Bus",
        status=status,
        paid_on=paid_on,
    )
