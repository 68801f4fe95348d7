"""What the steering group sees: a summary of headline figures with comparisons, then the
sections (sections.py), with small numbers suppressed, as plain data (strings, numbers and chart
specs) that the PDF, the report page and the CSV all render.

The content is stored on the report when it is built, so the page always shows exactly what the
PDF shows, and no unsuppressed number is ever stored or sent. No person is named anywhere.
"""

from datetime import date
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from centre.models import Centre

from . import suppression as s
from .charts import chart_description, chart_is_empty, chart_svg, line_chart
from .numbers import headline_history, period_raw_numbers
from .quarters import Quarter
from .sections import SECTIONS
from .selectors import headline_targets

# The headline figures: key in numbers.headline_numbers, what it counts, and words for more/fewer.
HEADLINES = [
    ("women_supported", gettext_lazy("Women supported"), gettext_lazy("women were supported")),
    ("new_referrals", gettext_lazy("New referrals"), gettext_lazy("referrals came in")),
    (
        "contacts",
        gettext_lazy("Contacts that reached a woman"),
        gettext_lazy("contacts reached a woman"),
    ),
    (
        "women_at_activities",
        gettext_lazy("Women who came to activities"),
        gettext_lazy("women came to activities"),
    ),
    (
        "new_at_activities",
        gettext_lazy("Women who came to an activity for the first time"),
        gettext_lazy("women came to an activity for the first time"),
    ),
    ("suggestions", gettext_lazy("Suggestions from women"), gettext_lazy("suggestions came in")),
    ("moved_on", gettext_lazy("Women who moved on"), gettext_lazy("women moved on")),
]
UP, DOWN, SAME = "↑", "↓", "→"


def _compare(now: int, then: int, when: str) -> tuple[str, str]:
    """An arrow and a phrase comparing two shown counts ('', 'too few to compare' otherwise):
    a difference is only ever worked out between two shown figures, so it reveals nothing."""
    if not (s.count(now).shown and s.count(then).shown):
        return "", _("too few to compare with %(when)s") % {"when": when}
    if now == then:
        return SAME, _("the same as %(when)s (%(n)s)") % {"when": when, "n": f"{then:,}"}
    more = now > then
    return (UP if more else DOWN), (
        _("%(diff)s more than %(when)s (%(n)s)")
        if more
        else _("%(diff)s fewer than %(when)s (%(n)s)")
    ) % {"diff": f"{abs(now - then):,}", "when": when, "n": f"{then:,}"}


def _sentence(label: str, phrase: str, now: int, series: list[int]) -> str:
    """The plain-words line under a headline."""
    shown_now = s.count(now)
    if not shown_now.shown:
        return _("Fewer than %(n)s %(what)s this quarter.") % {"n": s.SMALL_BELOW, "what": phrase}
    recent = series[-4:]
    if len(recent) == 4 and now > 0 and now == max(recent) and recent.count(now) == 1:
        return _("More %(what)s than in any of the last four quarters.") % {"what": phrase}
    if len(recent) == 4 and now < min(recent[:-1]):
        return _("Fewer %(what)s than in any of the last four quarters.") % {"what": phrase}
    if now == 0:
        return _("No %(what)s this quarter.") % {"what": phrase}
    return _("%(n)s %(what)s this quarter.") % {"n": shown_now.text, "what": phrase}


def _headline(key: str, label: str, phrase: str, history: dict[str, dict[str, int]], target):
    quarters = list(history)
    series = [history[q][key] for q in quarters]
    now, previous, last_year = series[-1], series[-2], series[-5]
    arrow, against_previous = _compare(now, previous, _("last quarter"))
    year_arrow, against_year = _compare(now, last_year, _("the same quarter last year"))
    points = [(q, s.count(n).value, s.count(n).text) for q, n in zip(quarters, series, strict=True)]
    return {
        "key": key,
        "label": label,
        "value": s.count(now).text,
        "previous": s.count(previous).text,
        "last_year": s.count(last_year).text,
        "arrow": arrow,
        "year_arrow": year_arrow,
        "against_previous": against_previous,
        "against_year": against_year,
        "sentence": _sentence(label, phrase, now, series),
        "target": f"{target:,}" if target else "",
        "chart": line_chart(
            _("%(label)s, last eight quarters") % {"label": label}, points, target=target
        ),
    }


def summary(centre: Centre, quarter: Quarter) -> list[dict[str, Any]]:
    """The headline figures of the quarter, each against last quarter and the same quarter
    last year, with eight quarters for its chart and the target where the centre has one."""
    history = headline_history(centre, quarter)
    targets = headline_targets(centre)
    return [
        _headline(key, str(label), str(phrase), history, targets[key])
        for key, label, phrase in HEADLINES
    ]


def period_content(centre: Centre, start: date, end: date, label: str) -> dict[str, Any]:
    """The sections for any period (the numbers page uses whole months), suppressed.
    `period_running`: the period was not over when the numbers were counted (they are to date)."""
    raw = period_raw_numbers(centre, start, end)
    today = timezone.localdate()
    return {
        "centre": centre.name,
        "period": label,
        "made_on": today.isoformat(),
        "period_running": today <= end,
        "sections": [build(raw, centre) for build in SECTIONS],
    }


def report_content(centre: Centre, quarter: Quarter) -> dict[str, Any]:
    """The whole report for one centre and quarter, suppressed, as JSON-ready data."""
    content = period_content(centre, quarter.start, quarter.end, quarter.label)
    return {**content, "quarter": str(quarter), "summary": summary(centre, quarter)}


def _drawn(spec: dict[str, Any]) -> dict[str, Any]:
    """The chart as SVG, or, with nothing to plot, None and its figures in words."""
    empty = chart_is_empty(spec)
    return {
        "title": spec["title"],
        "table": spec.get("table", ""),
        "svg": None if empty else chart_svg(spec),
        "words": chart_description(spec) if empty else "",
    }


def _with_charts_by_tables(section: dict[str, Any]) -> dict[str, Any]:
    """Each chart goes with the table of its numbers, to be printed after it; a chart with
    nothing to plot is left out, as its table already says the numbers. A chart naming no
    table of the section (content stored before charts named theirs) stays at the end."""
    charts = [_drawn(spec) for spec in section.get("charts", []) if not chart_is_empty(spec)]
    captions = {table["caption"] for table in section["tables"]}
    tables = [
        {**table, "charts": [chart for chart in charts if chart["table"] == table["caption"]]}
        for table in section["tables"]
    ]
    rest = [chart for chart in charts if chart["table"] not in captions]
    return {**section, "tables": tables, "charts": rest}


def with_charts(content: dict[str, Any]) -> dict[str, Any]:
    """The stored content ready for a template: charts drawn as SVG and placed with their
    tables, and the date it was made as a date (None in content stored without one)."""
    headlines = [
        {**headline, "chart": _drawn(headline["chart"])} for headline in content.get("summary", [])
    ]
    return {
        **content,
        "made_on": date.fromisoformat(content["made_on"]) if content.get("made_on") else None,
        "sections": [_with_charts_by_tables(section) for section in content["sections"]],
        "summary": headlines,
    }
