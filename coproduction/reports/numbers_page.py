"""What the suggestion numbers page shows: the same small-number suppression as the quarterly
report (suppression.py), for every date range and everyone who can open the page.

Periods are whole calendar months, so the page can never be narrowed to one day; held
(safeguarding) suggestions are shown only as a count of 5 or more, because even "fewer than 5"
against a 0 would tell that someone made a disclosure that month.
"""

import calendar
from datetime import date
from typing import Any

from django.utils.translation import gettext as _

from coproduction.suggestions.models import Suggestion

from . import suppression as s


def whole_months(start: date, end: date) -> tuple[date, date]:
    """The first day of `start`'s month and the last day of `end`'s month."""
    last = calendar.monthrange(end.year, end.month)[1]
    return start.replace(day=1), end.replace(day=last)


def _rows(
    choices: list[tuple[str, Any]], values: dict, *, blank_label: str | None = None
) -> list[tuple[str, str]]:
    cells, _total = s.protect(values)
    labels = dict(choices)
    if blank_label is not None:
        labels[""] = blank_label
    return [(str(labels.get(key, key)), cells[key].text) for key in values]


def _outcomes(stats: dict) -> str | None:
    """'x% done, y% not possible', only when both counts are shown in the status table."""
    done = stats["by_status"][Suggestion.Status.DONE]
    not_possible = stats["by_status"][Suggestion.Status.NOT_POSSIBLE]
    cells, _total = s.protect(stats["by_status"])
    if not (cells[Suggestion.Status.DONE].shown and cells[Suggestion.Status.NOT_POSSIBLE].shown):
        return None
    whole = done + not_possible
    if whole == 0:
        return None
    return _("%(done)s done, %(np)s not possible") % {
        "done": s.percent_share(done, whole),
        "np": s.percent_share(not_possible, whole),
    }


def suggestion_numbers_shown(stats: dict) -> dict:
    """`coproduction.suggestions.selectors.suggestion_numbers` as the page may show it: texts, no raw
    counts."""
    held = stats["held_for_safeguarding"]
    return {
        "received": s.count(stats["received"]).text,
        "held": f"{held:,}" if held >= s.SMALL_BELOW else None,
        "within_target": s.share(stats["answered_within_target"], stats["judged_against_target"]),
        "target_days": stats["response_target_days"],
        "first_response": s.average(
            stats["first_response_days"]["median"], stats["first_response_days"]["count"]
        ),
        "outcome": s.average(stats["outcome_days"]["median"], stats["outcome_days"]["count"]),
        "outcomes": _outcomes(stats),
        "by_source": _rows(Suggestion.Source.choices, stats["by_source"]),
        "by_theme": _rows(
            Suggestion.Theme.choices, stats["by_theme"], blank_label=_("Not triaged yet")
        ),
        "by_status": _rows(Suggestion.Status.choices, stats["by_status"]),
        "small_below": s.SMALL_BELOW,
    }
