"""Quarters of the calendar year, written like 2026Q3 (July to September 2026)."""

import re
from dataclasses import dataclass
from datetime import date, timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

QUARTER_PATTERN = re.compile(r"^\s*(\d{4})\s*-?\s*[Qq]([1-4])\s*$")
FIRST_MONTH_NAMES = ("January", "April", "July", "October")
LAST_MONTH_NAMES = ("March", "June", "September", "December")


class BadQuarter(ValueError):
    pass


@dataclass(frozen=True, order=True)
class Quarter:
    year: int
    number: int

    @classmethod
    def parse(cls, text):
        """'2026Q3' -> Quarter(2026, 3); a clear BadQuarter for anything else."""
        match = QUARTER_PATTERN.match(text or "")
        if not match:
            raise BadQuarter(
                _("%(text)r is not a quarter. Write the year, Q and 1 to 4, like 2026Q3.")
                % {"text": text}
            )
        year = int(match.group(1))
        if not 2000 <= year <= 2100:
            raise BadQuarter(_("The year must be between 2000 and 2100."))
        return cls(year, int(match.group(2)))

    @classmethod
    def containing(cls, day):
        return cls(day.year, (day.month - 1) // 3 + 1)

    @classmethod
    def current(cls):
        return cls.containing(timezone.localdate())

    @property
    def start(self):
        return date(self.year, 3 * self.number - 2, 1)

    @property
    def end(self):
        return self.next().start - timedelta(days=1)

    def next(self):
        return (
            Quarter(self.year + 1, 1) if self.number == 4 else Quarter(self.year, self.number + 1)
        )

    def previous(self):
        return (
            Quarter(self.year - 1, 4) if self.number == 1 else Quarter(self.year, self.number - 1)
        )

    def recent(self, count):
        """This quarter and the `count - 1` before it, newest first."""
        quarters, current = [], self
        for _index in range(count):
            quarters.append(current)
            current = current.previous()
        return quarters

    @property
    def label(self):
        return _("%(first)s to %(last)s %(year)s") % {
            "first": _(FIRST_MONTH_NAMES[self.number - 1]),
            "last": _(LAST_MONTH_NAMES[self.number - 1]),
            "year": self.year,
        }

    def __str__(self):
        return f"{self.year}Q{self.number}"


SCHEDULED_DAY = 3  # the beat entry asks for last quarter's report on the 3rd (docs/reports.md)


def scheduled_on(quarter: Quarter) -> date:
    """The day the scheduled run first asks for the report of the quarter before `quarter`."""
    return quarter.start.replace(day=SCHEDULED_DAY)
