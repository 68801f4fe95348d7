"""What the steering group sees: the quarter's numbers with small numbers suppressed, as plain
data (strings and numbers only) that the PDF and the report page both render.

The content is stored on the report when it is built, so the page always shows exactly what the
PDF shows, and no unsuppressed number is ever stored or sent. No person is named anywhere.
"""

from django.utils import timezone
from django.utils.translation import gettext as _

from activities.models import Activity
from casework.models import Contact, Domain, Referral, Stage
from coproduction.suggestions.models import Suggestion

from . import suppression as s
from .charts import bar_chart_svg
from .numbers import RECENT_REVIEW_DAYS, quarter_raw_numbers


def _labels(choices, raw, order=None):
    """{label: n} for every choice (zeros included), in the choices' order."""
    keys = order or [value for value, _label in choices.choices]
    names = {**dict(choices.choices), "": _("Not sorted yet")}
    result = {str(names.get(key, key)): raw.get(key, 0) for key in keys}
    for key, n in raw.items():  # anything recorded under a value no longer offered
        if key not in keys:
            result[str(names.get(key, key))] = n
    return result


def _table(caption, values, *, column, row_header, total_label=None, total_fixed=True):
    """A one-column table of a protected group, and the chart bars of what it shows."""
    cells, total = s.protect(values, total_fixed=total_fixed)
    rows = [[label, cells[label].text] for label in values]
    table = {
        "caption": caption,
        "row_header": row_header,
        "columns": [column],
        "rows": rows,
        "total": [total_label or _("Total"), total.text],
    }
    bars = [[label, cells[label].value, cells[label].text] for label in values]
    return table, bars


def _figure_table(caption, rows):
    return {"caption": caption, "row_header": "", "columns": [_("Number")], "rows": rows}


def _women_section(casework, centre):
    supported = casework["women_supported"]
    target = centre.target_women
    # The target is not a count of women, so the share gives nothing away unless she is few.
    of_target = (
        s.not_shown_text() if s.is_small(supported) else f"{round(100 * supported / target)}%"
    )
    return {
        "key": "women",
        "title": _("Women supported"),
        "intro": _(
            "Women who had a successful contact in the quarter, or whose case was open at some "
            "point in it, against the centre's target."
        ),
        "tables": [
            _figure_table(
                _("Women supported against the target"),
                [
                    [_("Women supported"), s.count(supported).text],
                    [_("The centre's target"), f"{target:,}"],
                    [_("Share of the target reached"), of_target],
                    [_("New referrals"), s.count(casework["new_referrals"]).text],
                    [_("Moved on in the quarter"), s.count(casework["moved_on"]).text],
                ],
            )
        ],
        "charts": [],
    }


def _referrals_section(casework):
    by_source, source_bars = _table(
        _("Referrals by where they came from"),
        _labels(Referral.Source, casework["referrals_by_source"]),
        column=_("Referrals"),
        row_header=_("Source"),
        total_label=_("All new referrals"),
    )
    by_decision, _bars = _table(
        _("Referrals by decision"),
        _labels(Referral.Decision, casework["referrals_by_decision"]),
        column=_("Referrals"),
        row_header=_("Decision"),
        total_label=_("All new referrals"),
    )
    return {
        "key": "referrals",
        "title": _("Referrals"),
        "intro": _("Referrals received in the quarter, and what was decided."),
        "tables": [by_source, by_decision],
        "charts": [{"title": _("Referrals by where they came from"), "bars": source_bars}],
    }


def _caseload_section(casework, centre):
    loads = [row["count"] for row in casework["caseloads"]]
    open_cases = sum(loads)
    workers = len(loads)
    over = sum(1 for n in loads if n > centre.caseload_warning_threshold)
    return {
        "key": "caseloads",
        "title": _("Caseloads"),
        "intro": _(
            "Open cases held by key workers when the report was made. Key workers are not named."
        ),
        "tables": [
            _figure_table(
                _("Caseloads"),
                [
                    [_("Key workers holding open cases"), f"{workers:,}"],
                    [_("Open cases with a key worker"), s.count(open_cases).text],
                    [
                        _("Average open cases per key worker"),
                        s.average(round(open_cases / workers, 1) if workers else None, open_cases),
                    ],
                    [
                        _("Key workers holding more than %(n)s women")
                        % {"n": centre.caseload_warning_threshold},
                        f"{over:,}",
                    ],
                ],
            )
        ],
        "charts": [],
    }


def _contacts_section(casework):
    table, bars = _table(
        _("Contacts that reached her, by type"),
        _labels(Contact.Type, casework["contacts_by_type"]),
        column=_("Contacts"),
        row_header=_("Type of contact"),
        total_label=_("All contacts"),
    )
    return {
        "key": "contacts",
        "title": _("Contacts"),
        "intro": _("Every contact that reached a woman in the quarter, by type."),
        "tables": [
            table,
            _figure_table(
                _("Attempts"),
                [[_("Attempts that did not reach her"), s.count(casework["attempts"]).text]],
            ),
        ],
        "charts": [{"title": _("Contacts by type"), "bars": bars}],
    }


def _stages_section(casework):
    table, bars = _table(
        _("Women supported, by stage now"),
        _labels(Stage, casework["stages"]),
        column=_("Women"),
        row_header=_("Stage"),
        total_label=_("Women supported"),
    )
    return {
        "key": "stages",
        "title": _("Stages and moving on"),
        "intro": _("Where the women supported in the quarter are now."),
        "tables": [
            table,
            _figure_table(
                _("Moving on"), [[_("Moved on in the quarter"), s.count(casework["moved_on"]).text]]
            ),
        ],
        "charts": [{"title": _("Women supported, by stage now"), "bars": bars}],
    }


def _everyone(row):
    return row["attendances"] + row["others"]


def _per_session(row, cell):
    if not cell.shown or not row["sessions_run"]:
        return "–" if not row["sessions_run"] else s.not_shown_text()
    return s.average(round(_everyone(row) / row["sessions_run"], 1), row["unique_women"])


def _activity_rows(rows, label_of, *, new_women_add_up):
    """Rows of sessions, attendance (everyone, each time), women, new women, per session.

    Attendances add up to the total. New women add up only by month (her first time at any
    activity falls in one month); by activity they overlap, so only rule 1 applies."""
    cells, total = s.protect({index: _everyone(row) for index, row in enumerate(rows)})
    new_women = {index: row["new_women"] for index, row in enumerate(rows)}
    new_cells = (
        s.protect(new_women)[0]
        if new_women_add_up
        else {index: s.count(n) for index, n in new_women.items()}
    )
    return (
        [
            [
                label_of(row),
                f"{row['sessions_run']:,}",
                cells[index].text,
                s.count(row["unique_women"]).text,
                new_cells[index].text,
                _per_session(row, cells[index]),
            ]
            for index, row in enumerate(rows)
        ],
        total,
        cells,
    )


def _activities_section(activities):
    totals = activities["totals"]
    columns = [
        _("Sessions run"),
        _("Attendances"),
        _("Women who came"),
        _("Came for the first time"),
        _("Average per session"),
    ]
    by_activity, total, _cells = _activity_rows(
        activities["by_activity"], lambda r: r["name"], new_women_add_up=False
    )
    by_month, _month_total, month_cells = _activity_rows(
        activities["by_month"], lambda r: f"{r['month']:%B %Y}", new_women_add_up=True
    )
    everyone = s.count(_everyone(totals))
    total_row = [
        _("All activities"),
        f"{totals['sessions_run']:,}",
        total.text,
        s.count(totals["unique_women"]).text,
        s.count(totals["new_women"]).text,
        _per_session(totals, everyone),
    ]
    stopped = [
        [
            row["name"],
            str(Activity.Status(row["status"]).label),
            f"{row['on']:%-d %B %Y}",
            row["reason"] or _("No reason given"),
        ]
        for row in activities["stopped"]
    ]
    tables = [
        {
            "caption": _("Activities run and attendance"),
            "row_header": _("Activity"),
            "columns": columns,
            "rows": by_activity,
            "total": total_row,
        },
        {
            "caption": _("Attendance by month"),
            "row_header": _("Month"),
            "columns": columns,
            "rows": by_month,
            "total": total_row,
        },
    ]
    if stopped:
        tables.append(
            {
                "caption": _("Groups that paused or ended, and why"),
                "row_header": _("Activity"),
                "columns": [_("Now"), _("From"), _("Why")],
                "rows": stopped,
            }
        )
    return {
        "key": "activities",
        "title": _("Activities"),
        "intro": _(
            "%(activities)s activities ran %(sessions)s sessions with a register taken. "
            "Attendances count everyone each time she came, including women not on the system."
        )
        % {
            "activities": f"{totals['activities_run']:,}",
            "sessions": f"{totals['sessions_run']:,}",
        },
        "tables": tables,
        "charts": [
            {
                "title": _("Attendances by month"),
                "bars": [
                    [f"{row['month']:%B %Y}", month_cells[i].value, month_cells[i].text]
                    for i, row in enumerate(activities["by_month"])
                ],
            }
        ],
    }


def _days(summary):
    median = summary["median"]
    return s.average(median, summary["count"], unit=" " + _("days"))


def _suggestions_section(numbers, items):
    received = numbers["received"]
    themes = {
        **{key: n for key, n in numbers["by_theme"].items() if key},
        "": numbers["by_theme"].get("", 0),
    }
    by_theme, theme_bars = _table(
        _("Suggestions by theme"),
        _labels(Suggestion.Theme, themes, order=[*Suggestion.Theme.values, ""]),
        column=_("Suggestions"),
        row_header=_("Theme"),
        total_label=_("All suggestions"),
    )
    by_status, _bars = _table(
        _("Suggestions by where they are now"),
        _labels(Suggestion.Status, numbers["by_status"]),
        column=_("Suggestions"),
        row_header=_("Status"),
        total_label=_("All suggestions"),
    )
    target = numbers["response_target_days"]
    summary = _figure_table(
        _("Suggestions and answers"),
        [
            [_("Suggestions received"), s.count(received).text],
            [
                _("Kept back for a safeguarding check (counted only)"),
                s.count(numbers["held_for_safeguarding"]).text,
            ],
            [_("Time to a first response (middle value)"), _days(numbers["first_response_days"])],
            [_("Time to an outcome (middle value)"), _days(numbers["outcome_days"])],
            [
                _("Answered within %(days)s working days") % {"days": target},
                s.share(numbers["answered_within_target"], numbers["judged_against_target"]),
            ],
        ],
    )
    return {
        "key": "coproduction",
        "title": _("Co-production: women's suggestions"),
        "intro": _(
            "Suggestions received in the quarter from the tablet, on paper, at meetings and "
            "through peer reps, and how quickly they were answered."
        ),
        "tables": [summary, by_theme, by_status],
        "charts": [{"title": _("Suggestions by theme"), "bars": theme_bars}],
        "you_said_we_did": [
            {
                "you_said": item["you_said"],
                "we_did": item["we_did"],
                "not_possible": item["status"] == Suggestion.Status.NOT_POSSIBLE,
            }
            for item in items
        ],
    }


def _outcomes_section(casework):
    change = casework["outcome_change"]
    rows = []
    for domain, label in Domain.choices:
        bucket = change.get(domain)
        if not bucket:
            continue
        women = bucket["women"]
        average = (
            f"{bucket['average_change']:+.1f}" if women >= s.SMALL_BELOW else s.average(0.0, women)
        )
        rows.append([str(label), s.count(women).text, average])
    return {
        "key": "outcomes",
        "title": _("Outcomes: distance travelled"),
        "intro": _(
            "Women rate each area of their life from 1 to 10, at the start and at reviews. "
            "This is the average change from each woman's first rating to her latest, among "
            "women with two or more ratings in that area."
        ),
        "tables": [
            {
                "caption": _("Distance travelled, in aggregate"),
                "row_header": _("Area"),
                "columns": [_("Women rated twice or more"), _("Average change")],
                "rows": rows,
            }
        ],
        "charts": [],
        "empty": "" if rows else _("No woman has been rated twice yet."),
    }


def _completeness_section(numbers, casework):
    women = numbers["women"]
    decisions = _labels(Referral.Decision, casework["referrals_by_decision"])
    referrals = casework["new_referrals"]
    pending_label = str(Referral.Decision.PENDING.label)
    decided = referrals - decisions[pending_label]
    # The decisions table may hide "waiting"; then the decided share would give it away.
    pending_shown = s.protect(decisions)[0][pending_label].shown or decisions[pending_label] == 0
    rows = [
        [_("Women with a key worker"), s.share(numbers["with_key_worker"], women)],
        [_("Women with a support plan"), s.share(numbers["with_plan"], women)],
        [
            _("Women with a review in the last %(months)s months")
            % {"months": RECENT_REVIEW_DAYS // 30},
            s.share(numbers["with_recent_review"], women),
        ],
        [_("Women with their needs recorded"), s.share(numbers["with_needs"], women)],
        [_("Women with their own outcome ratings"), s.share(numbers["with_rating"], women)],
        [
            _("New referrals with a decision"),
            s.share(decided, referrals) if pending_shown else s.not_shown_text(),
        ],
    ]
    return {
        "key": "completeness",
        "title": _("How complete the records are"),
        "intro": _("Of the %(women)s women supported in the quarter.")
        % {"women": s.count(women).text},
        "tables": [
            {
                "caption": _("Data completeness"),
                "row_header": _("Record"),
                "columns": [_("Number (share)")],
                "rows": rows,
            }
        ],
        "charts": [],
    }


def report_content(centre, quarter):
    """The whole report for one centre and quarter, suppressed, as JSON-ready data."""
    raw = quarter_raw_numbers(centre, quarter)
    casework = raw["casework"]
    return {
        "centre": centre.name,
        "quarter": str(quarter),
        "period": quarter.label,
        "made_on": timezone.localdate().isoformat(),
        "sections": [
            _women_section(casework, centre),
            _referrals_section(casework),
            _caseload_section(casework, centre),
            _contacts_section(casework),
            _stages_section(casework),
            _activities_section(raw["activities"]),
            _suggestions_section(raw["suggestions"], raw["you_said_we_did"]),
            _outcomes_section(casework),
            _completeness_section(raw["completeness"], casework),
        ],
    }


def with_charts(content):
    """The stored content with its charts drawn as SVG, ready for a template."""
    sections = []
    for section in content["sections"]:
        charts = [
            {
                "title": chart["title"],
                "svg": bar_chart_svg(chart["title"], [tuple(bar) for bar in chart["bars"]]),
            }
            for chart in section.get("charts", [])
        ]
        sections.append({**section, "charts": charts})
    return {**content, "sections": sections}
