"""One rule for "due" and "overdue", used by every app.

Working days are Monday to Friday, less the centre's holidays (`CentreHoliday`). A deadline
of N working days from a start date falls on the N-th working day after the start (the start
itself never counts). Something is due on its due date and overdue from the day after.

Two kinds of deadline:
- a date someone chose (an action's "by when", a plan's next review): due on that date;
- a response time from a start (a suggestion must be answered within N working days): due on
  `due_date(start, N)`.

The `*_q` helpers give the database filter for the same rule, so lists stay one query.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .audit import audit_log
from .models import Centre, CentreHoliday, User

SATURDAY = 5
# A "by when" typed for something new is at most this far ahead: 2126 is a slip of the keyboard.
CHOSEN_DUE_DAYS_AHEAD = 3 * 365
# A response time far beyond this is a mistake in a setting, not a deadline: stop looking.
_MAX_SEARCH_DAYS = 3660


@dataclass(frozen=True)
class WorkingCalendar:
    """A centre's closed days, loaded once (one query), for many deadline sums."""

    holidays: frozenset[date]

    def is_working_day(self, day: date) -> bool:
        """Monday to Friday and not one of the centre's holidays."""
        return day.weekday() < SATURDAY and day not in self.holidays

    def due_date(self, start: date, working_days: int) -> date:
        """The `working_days`-th working day after `start` (`start` itself never counts)."""
        if working_days < 0:
            raise ValueError("working_days cannot be negative")
        day, counted = start, 0
        while counted < working_days:
            day += timedelta(days=1)
            counted += self.is_working_day(day)
            _check_search(start, day)
        return day

    def working_days_between(self, start: date, end: date) -> int:
        """How many working days fall after `start` and on or before `end` (0 if end <= start)."""
        count, day = 0, start + timedelta(days=1)
        while day <= end:
            count += self.is_working_day(day)
            day += timedelta(days=1)
        return count

    def overdue_cutoff(self, working_days: int, today: date) -> date:
        """Started before this date and `working_days` to answer: overdue on `today`."""
        if working_days <= 0:
            return today
        # Overdue means due_date(start) < today, i.e. at least `working_days` working days
        # after start and up to yesterday: walk back that many working days from yesterday.
        day, counted = today, 0
        while counted < working_days:
            day -= timedelta(days=1)
            counted += self.is_working_day(day)
            _check_search(today, day)
        return day


def _check_search(origin: date, day: date) -> None:
    if abs((day - origin).days) > _MAX_SEARCH_DAYS:
        raise ValueError("No deadline within ten years: check the centre's holidays")


def working_calendar(*, centre: Centre) -> WorkingCalendar:
    """The centre's working calendar, with its holidays read in one query."""
    days = CentreHoliday.objects.filter(centre=centre).values_list("date", flat=True)
    return WorkingCalendar(holidays=frozenset(days))


def _today(today: date | None) -> date:
    return today or timezone.localdate()


def due_date(*, centre: Centre, start: date, working_days: int) -> date:
    """The date something started on `start` is due, `working_days` working days later."""
    return working_calendar(centre=centre).due_date(start, working_days)


def working_days_between(*, centre: Centre, start: date, end: date) -> int:
    """Working days after `start` up to and including `end`."""
    return working_calendar(centre=centre).working_days_between(start, end)


def is_due(*, due_on: date | None, today: date | None = None) -> bool:
    """Due today or earlier (and so needs doing now). No date is never due."""
    return due_on is not None and due_on <= _today(today)


def is_overdue(*, due_on: date | None, today: date | None = None) -> bool:
    """Past its due date: overdue from the day after. No date is never overdue."""
    return due_on is not None and due_on < _today(today)


def overdue_cutoff(*, centre: Centre, working_days: int, today: date | None = None) -> date:
    """Things started before this date with `working_days` to answer are overdue today."""
    return working_calendar(centre=centre).overdue_cutoff(working_days, _today(today))


def due_q(field: str, *, today: date | None = None) -> Q:
    """Database filter: the date in `field` is today or earlier (`is_due`)."""
    return Q(**{f"{field}__lte": _today(today)})


def overdue_q(field: str, *, today: date | None = None) -> Q:
    """Database filter: the date in `field` has passed (`is_overdue`)."""
    return Q(**{f"{field}__lt": _today(today)})


def response_overdue_q(
    field: str, *, centre: Centre, working_days: int, today: date | None = None
) -> Q:
    """Database filter: started on the date in `field`, with `working_days` to answer, and
    overdue today. One query for the holidays, none per row."""
    cutoff = overdue_cutoff(centre=centre, working_days=working_days, today=today)
    return Q(**{f"{field}__lt": cutoff})


# Managing the centre's holidays (the manager, on the centre settings page) --------------------

# A holiday this far from today is almost certainly a mistyped year.
HOLIDAY_YEARS_AHEAD = 5


@transaction.atomic
def centre_holiday_add(*, centre: Centre, added_by: User, day: date, name: str) -> CentreHoliday:
    """Mark a day the centre is closed. A day already marked is refused with a clear message."""
    today = timezone.localdate()
    if abs(day.year - today.year) > HOLIDAY_YEARS_AHEAD:
        raise ValidationError(
            {"date": _("Choose a date within %(years)s years.") % {"years": HOLIDAY_YEARS_AHEAD}}
        )
    if day.weekday() >= SATURDAY:
        raise ValidationError({"date": _("That is a weekend: weekends never count already.")})
    if CentreHoliday.objects.filter(centre=centre, date=day).exists():
        raise ValidationError({"date": _("That day is already a holiday.")})
    holiday = CentreHoliday(centre=centre, date=day, name=name.strip())
    holiday.full_clean()
    holiday.save()
    audit_log(actor=added_by, action="centre.holiday.add", centre=centre, obj=holiday)
    return holiday


@transaction.atomic
def centre_holiday_remove(*, holiday: CentreHoliday, removed_by: User) -> None:
    """The centre opens on that day after all. Safe to call twice."""
    audit_log(actor=removed_by, action="centre.holiday.remove", centre=holiday.centre, obj=holiday)
    CentreHoliday.objects.filter(pk=holiday.pk).delete()


def check_chosen_due(value: date | None, *, earliest: date) -> date | None:
    """A "by when" someone types for something new (an action): not before `earliest` (today,
    or the day of the meeting that raised it) and at most three years ahead. A date outside
    would never show as due, or be overdue from the start."""
    if value is None:
        return value
    if value < earliest:
        raise ValidationError(
            _("It cannot be due before %(day)s.") % {"day": date_format(earliest, "j F Y")}
        )
    latest = timezone.localdate() + timedelta(days=CHOSEN_DUE_DAYS_AHEAD)
    if value > latest:
        raise ValidationError(
            _("Give a date in the next three years (by %(day)s).")
            % {"day": date_format(latest, "j F Y")}
        )
    return value
