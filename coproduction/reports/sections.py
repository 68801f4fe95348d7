"""The report's sections, in the order they are printed.

Each section is one function `(raw, centre) -> dict`, where `raw` is
`numbers.period_raw_numbers(...)` (exact numbers, keyed by `NUMBER_SOURCES`), and the dict is
plain data, already suppressed: key, title, intro, tables, charts (specs from charts.py, drawn
when the page or PDF is rendered, each naming the table of its numbers, which it is printed
after), and optionally `empty` (a sentence when there is nothing) and `you_said_we_did`. A count
of people always goes through the rule (suppression.py); only counts of the service are shown
in full, and the test that lists them (`SERVICE_FIGURES`) fails on any other. `SECTIONS` lists
the sections; adding one is adding a function to it (see docs/reports.md, "Adding a section").
"""

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from activities.models import Activity
from casework.models import Contact, Domain, Referral, Stage
from casework.selectors.reports import (
    DECISION_BANDS,
    DECISION_LATER,
    DURATION_BANDS,
    DURATION_LONGEST,
)
from centre.models import Centre
from coproduction.involvement.models import Step
from coproduction.meetings.models import Group
from coproduction.newsletter.models import Contribution
from coproduction.suggestions.models import Suggestion

from . import suppression as s
from .charts import bar_chart, profile_chart
from .numbers import RECENT_REVIEW_DAYS
from .tables import columns_table, figure_table, group_table, labelled, list_table

Section = dict[str, Any]
SectionBuilder = Callable[[dict[str, Any], Centre], Section]


def women_section(raw: dict[str, Any], centre: Centre) -> Section:
    casework = raw["casework"]
    supported = casework["women_supported"]
    target = centre.target_women
    # The target is not a count of women, so the share gives nothing away unless she is few.
    of_target = (
        s.not_shown_text() if s.is_small(supported) else f"{round(100 * supported / target)}%"
    )
    rows = [
        [_("Women supported"), s.count(supported).text],
        [_("The centre's target"), f"{target:,}"],
        [_("Share of the target reached"), of_target],
        [_("New referrals"), s.count(casework["new_referrals"]).text],
        [_("Moved on in the period"), s.count(casework["moved_on"]).text],
    ]
    return {
        "key": "women",
        "title": _("Women supported against the target"),
        "intro": _(
            "Women who had a successful contact in the period, or whose case was open at some "
            "point in it, against the centre's target."
        ),
        "tables": [figure_table(_("Women supported against the target"), rows)],
        "charts": [],
    }


def _decision_time(casework: dict[str, Any], pending_shown: bool) -> dict[str, Any]:
    days = casework["decision_days"]
    values = {
        _("Within a week"): days["same_week"],
        _("8 to 14 days"): days["two_weeks"],
        _("15 to 28 days"): days["four_weeks"],
        _("More than 28 days"): days[DECISION_LATER],
    }
    assert len(values) == len(DECISION_BANDS) + 1
    table, _bars = group_table(
        _("Time from referral to decision"),
        values,
        column=_("Referrals"),
        row_header=_("Decided"),
        total_label=_("Referrals with a decision"),
    )
    if not pending_shown:
        # The decisions table hides how many wait; this total would give it away.
        table["rows"] = [[row[0], s.not_shown_text()] for row in table["rows"]]
        table["total"] = [table["total"][0], s.not_shown_text()]
    return table


def referrals_section(raw: dict[str, Any], centre: Centre) -> Section:
    casework = raw["casework"]
    by_source, source_bars = group_table(
        _("Referrals by where they came from"),
        labelled(Referral.Source, casework["referrals_by_source"]),
        column=_("Referrals"),
        row_header=_("Source"),
        total_label=_("All new referrals"),
    )
    decisions = labelled(Referral.Decision, casework["referrals_by_decision"])
    by_decision, _bars = group_table(
        _("Referrals by decision"),
        decisions,
        column=_("Referrals"),
        row_header=_("Decision"),
        total_label=_("All new referrals"),
    )
    return {
        "key": "referrals",
        "title": _("Referrals"),
        "intro": _("Referrals received in the period, what was decided, and how soon."),
        "tables": [by_source, by_decision, _decision_time(casework, _pending_shown(casework))],
        "charts": [
            bar_chart(
                _("Referrals by where they came from"), source_bars, table=by_source["caption"]
            )
        ],
    }


def _pending_shown(casework: dict[str, Any]) -> bool:
    decisions = labelled(Referral.Decision, casework["referrals_by_decision"])
    pending = str(Referral.Decision.PENDING.label)
    return decisions[pending] == 0 or s.protect(decisions)[0][pending].shown


def caseload_section(raw: dict[str, Any], centre: Centre) -> Section:
    loads = [row["count"] for row in raw["casework"]["caseloads"]]
    open_cases, workers = sum(loads), len(loads)
    over = sum(1 for n in loads if n > centre.caseload_warning_threshold)
    average = round(open_cases / workers, 1) if workers else None
    rows = [
        [_("Key workers holding open cases"), f"{workers:,}"],
        [_("Open cases with a key worker"), s.count(open_cases).text],
        [_("Average open cases per key worker"), s.average(average, open_cases)],
        [
            _("Key workers holding more than %(n)s women")
            % {"n": centre.caseload_warning_threshold},
            f"{over:,}",
        ],
    ]
    return {
        "key": "caseloads",
        "title": _("Caseloads"),
        "intro": _(
            "Open cases held by key workers when the report was made. Key workers are not named."
        ),
        "tables": [figure_table(_("Caseloads"), rows)],
        "charts": [],
    }


def stages_section(raw: dict[str, Any], centre: Centre) -> Section:
    casework = raw["casework"]
    table, bars = group_table(
        _("Women supported, by stage now"),
        labelled(Stage, casework["stages"]),
        column=_("Women"),
        row_header=_("Stage"),
        total_label=_("Women supported"),
    )
    moving_on = figure_table(
        _("Moving on"),
        [
            [_("Moved on in the period"), s.count(casework["moved_on"]).text],
            [_("Case closed in the period"), s.count(casework["closed"]).text],
        ],
    )
    return {
        "key": "stages",
        "title": _("Stages and moving on"),
        "intro": _("Where the women supported in the period are now, and who moved on."),
        "tables": [table, moving_on],
        "charts": [bar_chart(_("Women supported, by stage now"), bars, table=table["caption"])],
    }


def _lengths(contacts: dict[str, Any]) -> dict[str, int]:
    by_length = contacts["by_length"]
    labels = {
        "under_15": _("Under 15 minutes"),
        "15_to_29": _("15 to 29 minutes"),
        "30_to_59": _("30 to 59 minutes"),
        DURATION_LONGEST: _("An hour or more"),
        "not_recorded": _("Length not recorded"),
    }
    assert len(labels) == len(DURATION_BANDS) + 2
    return {str(label): by_length[key] for key, label in labels.items()}


def contacts_section(raw: dict[str, Any], centre: Centre) -> Section:
    casework, contacts = raw["casework"], raw["contacts"]
    made = casework["contacts_total"]
    every: dict[str, Any] = {"column": _("Contacts"), "total_label": _("Contacts that reached her")}
    by_type, type_bars = group_table(
        _("Contacts that reached her, by type"),
        labelled(Contact.Type, casework["contacts_by_type"]),
        row_header=_("Type of contact"),
        **every,
    )
    by_format, _f = group_table(
        _("Contacts by format"),
        labelled(Contact.Format, contacts["by_format"]),
        row_header=_("Format"),
        **every,
    )
    by_length, _l = group_table(
        _("Contacts by length"), _lengths(contacts), row_header=_("Length"), **every
    )
    tools = labelled(Contact.Tool, contacts["by_tool"])
    tools[_("No tool used")] = tools.pop(str(_("Not recorded")), 0)
    by_tool, _t = group_table(_("Person-centred tool used"), tools, row_header=_("Tool"), **every)
    needs, need_bars = list_table(
        _("Needs discussed (a contact can name several)"),
        {
            **labelled(Domain, contacts["needs_discussed"]),
            _("No need named"): contacts["no_need_named"],
        },
        column=_("Contacts"),
        row_header=_("Area of her life"),
    )
    support, _s = list_table(
        _("Practical support given (a contact can give several)"),
        {
            **labelled(Contact.Support, contacts["practical_support"]),
            _("No practical support"): contacts["no_support"],
        },
        column=_("Contacts"),
        row_header=_("Support"),
    )
    hours = round(contacts["minutes"] / 60)
    reached = figure_table(
        _("Contacts made and attempted"),
        [
            [_("Contacts that reached her"), s.count(made).text],
            [_("Attempts that did not reach her"), s.count(casework["attempts"]).text],
            [
                _("Hours spent with women (where the length was recorded)"),
                f"{hours:,}" if made >= s.SMALL_BELOW else s.not_shown_text(),
            ],
        ],
    )
    return {
        "key": "contacts",
        "title": _("Contacts"),
        "intro": _(
            "Every contact recorded in the period: whether it reached her, its type, format and "
            "length, the needs discussed, the tool used and the practical support given."
        ),
        "tables": [reached, by_type, by_format, by_length, by_tool, needs, support],
        "charts": [
            bar_chart(_("Contacts by type"), type_bars, table=by_type["caption"]),
            bar_chart(_("Needs discussed"), need_bars, table=needs["caption"]),
        ],
    }


def not_heard_from_section(raw: dict[str, Any], centre: Centre) -> Section:
    casework = raw["casework"]
    days = centre.not_heard_from_days
    rows = [
        [
            _("Women supported with no contact in the last %(days)s days of the period")
            % {"days": days},
            s.share(casework["not_heard_from"], casework["women_supported"]),
        ]
    ]
    return {
        "key": "not_heard_from",
        "title": _("Women not heard from"),
        "intro": _(
            "Women we may be losing touch with: no successful contact in the last %(days)s days "
            "of the period (the centre's own setting)."
        )
        % {"days": days},
        "tables": [figure_table(_("Not heard from"), rows, _("Number (share)"))],
        "charts": [],
    }


ACTIVITY_COLUMNS = [
    ("sessions_run", gettext_lazy("Sessions run"), True),
    ("everyone", gettext_lazy("Attendances"), True),
    ("unique_women", gettext_lazy("Women who came"), False),
]


def _with_everyone(row: dict[str, Any]) -> dict[str, Any]:
    return {**row, "everyone": row["attendances"] + row["others"]}


def _activity_tables(activities: dict[str, Any]) -> list[dict[str, Any]]:
    by_activity = columns_table(
        _("Activities run and attendance"),
        [(row["name"], _with_everyone(row)) for row in activities["by_activity"]],
        [*ACTIVITY_COLUMNS, ("new_women", _("New to this activity"), False)],
        row_header=_("Activity"),
        total_label=_("All activities"),
        service=("sessions_run",),
    )
    by_month = columns_table(
        _("Attendance by month"),
        [(f"{row['month']:%B %Y}", _with_everyone(row)) for row in activities["by_month"]],
        [*ACTIVITY_COLUMNS, ("new_women", _("Came for the first time"), True)],
        row_header=_("Month"),
        total_label=_("All months"),
        service=("sessions_run",),
    )
    return [by_activity, by_month]


def _activity_figures(activities: dict[str, Any], changes: dict[str, int]) -> dict[str, Any]:
    totals = _with_everyone(activities["totals"])
    average = (
        round(totals["everyone"] / totals["sessions_run"], 1) if totals["sessions_run"] else None
    )
    return figure_table(
        _("Activities in the period"),
        [
            [_("Activities run"), f"{totals['activities_run']:,}"],
            [_("Sessions with a register taken"), f"{totals['sessions_run']:,}"],
            [_("Attendances (everyone, each time)"), s.count(totals["everyone"]).text],
            [_("Different women who came"), s.count(totals["unique_women"]).text],
            [
                _("Women who came to any activity for the first time"),
                s.count(totals["new_women"]).text,
            ],
            [_("Average attendance per session"), s.average(average, totals["unique_women"])],
            [_("Groups started"), f"{changes['started']:,}"],
            [_("Groups restarted after a pause"), f"{changes['restarted']:,}"],
            [_("Groups paused"), f"{changes['paused']:,}"],
            [_("Groups ended"), f"{changes['ended']:,}"],
        ],
    )


def activities_section(raw: dict[str, Any], centre: Centre) -> Section:
    activities = raw["activities"]
    stopped = [
        [
            row["name"],
            str(Activity.Status(row["status"]).label),
            f"{row['on']:%-d %B %Y}",
            row["reason"] or _("No reason given"),
        ]
        for row in activities["stopped"]
    ]
    by_activity, by_month = _activity_tables(activities)
    tables = [_activity_figures(activities, raw["activity_changes"]), by_activity, by_month]
    if stopped:
        tables.append(
            {
                "caption": _("Groups that paused or ended, and why"),
                "row_header": _("Activity"),
                "columns": [_("Now"), _("From"), _("Why")],
                "rows": stopped,
            }
        )
    month_cells, _total = s.protect(
        {row["month"]: row["attendances"] + row["others"] for row in activities["by_month"]}
    )
    bars = [(f"{month:%B %Y}", cell.value, cell.text) for month, cell in month_cells.items()]
    return {
        "key": "activities",
        "title": _("Activities"),
        "intro": _(
            "Sessions with a register taken. Attendances count everyone each time she came, "
            "including women not on the system; a woman who came to two activities is counted "
            "once in each, so those columns have no total."
        ),
        "tables": tables,
        "charts": [bar_chart(_("Attendances by month"), bars, table=by_month["caption"])],
    }


def _days(summary: dict[str, Any]) -> str:
    return s.average(summary["median"], summary["count"], unit=" " + _("days"))


def suggestions_section(raw: dict[str, Any], centre: Centre) -> Section:
    numbers = raw["suggestions"]
    every: dict[str, Any] = {"column": _("Suggestions"), "total_label": _("All suggestions")}
    by_source, _b = group_table(
        _("Suggestions by how they came in"),
        labelled(Suggestion.Source, numbers["by_source"]),
        row_header=_("Came in"),
        **every,
    )
    themes = labelled(Suggestion.Theme, numbers["by_theme"], order=[*Suggestion.Theme.values, ""])
    by_theme, theme_bars = group_table(
        _("Suggestions by theme"), themes, row_header=_("Theme"), **every
    )
    by_status, _bars = group_table(
        _("Suggestions by where they are now"),
        labelled(Suggestion.Status, numbers["by_status"]),
        row_header=_("Status"),
        **every,
    )
    target = numbers["response_target_days"]
    summary = figure_table(
        _("Suggestions and answers"),
        [
            [_("Suggestions received"), s.count(numbers["received"]).text],
            [
                _("Kept back for a safeguarding check (counted only)"),
                s.count(numbers["held_for_safeguarding"]).text,
            ],
            [_("Time to a first response (middle value)"), _days(numbers["first_response_days"])],
            [_("Time to an outcome (middle value)"), _days(numbers["outcome_days"])],
            [
                _("Answered within the target of %(days)s working days") % {"days": target},
                s.share(numbers["answered_within_target"], numbers["judged_against_target"]),
            ],
        ],
    )
    return {
        "key": "coproduction",
        "title": _("Co-production: women's suggestions"),
        "intro": _(
            "Suggestions received in the period from the tablet, on paper, at meetings and "
            "through peer reps, how quickly they were answered, and what we did."
        ),
        "tables": [summary, by_source, by_theme, by_status],
        "charts": [bar_chart(_("Suggestions by theme"), theme_bars, table=by_theme["caption"])],
        "you_said_we_did": [
            {
                "you_said": item["you_said"],
                "we_did": item["we_did"],
                "status": item["status"],
            }
            for item in raw["you_said_we_did"]
        ],
    }


def meetings_section(raw: dict[str, Any], centre: Centre) -> Section:
    meetings = raw["meetings"]
    groups = [
        (str(Group.Kind(kind).label), row)
        for kind, row in meetings["by_group"].items()
        if row["meetings"]
    ]
    held = columns_table(
        _("Meetings held and who came"),
        groups,
        [
            ("meetings", _("Meetings held"), True),
            ("everyone", _("Everyone who came"), True),
            ("women", _("Women who came"), True),
            ("apologies", _("Sent apologies"), True),
        ],
        row_header=_("Group"),
        total_label=_("All meetings"),
        # Apologies are people (women among them), so only the meetings are the service.
        service=("meetings",),
    )
    actions = meetings["actions"]
    action_rows = [
        [_("Actions raised at meetings in the period"), f"{actions['raised']:,}"],
        [_("Actions done in the period"), f"{actions['done']:,}"],
        [_("Actions dropped (with a reason) in the period"), f"{actions['dropped']:,}"],
        [_("Actions due in the period"), f"{actions['due']:,}"],
        [_("Of those, not done by the date they were due"), f"{actions['late']:,}"],
        [_("Actions still open at the end of the period"), f"{actions['open_at_end']:,}"],
    ]
    return {
        "key": "meetings",
        "title": _("Co-production: meetings and actions"),
        "intro": _(
            "Meetings held in the period (not cancelled), who came, and the actions they raised. "
            "Actions are the centre's work, not the women's, so they are counted in full."
        ),
        "tables": [held, figure_table(_("Actions from meetings"), action_rows)],
        "charts": [],
        "empty": "" if groups else _("No meeting was held in this period."),
    }


def newsletter_section(raw: dict[str, Any], centre: Centre) -> Section:
    numbers = raw["newsletter"]
    every: dict[str, Any] = {
        "column": _("Contributions"),
        "total_label": _("All contributions received"),
    }
    by_kind, kind_bars = group_table(
        _("Contributions by kind"),
        labelled(Contribution.Kind, numbers["by_kind"]),
        row_header=_("Kind of piece"),
        **every,
    )
    who = labelled(Contribution.From, numbers["by_who"])
    by_who, _w = group_table(
        _("Contributions by who wrote them"), who, row_header=_("Written by"), **every
    )
    # The share with consent would give away the number of women's pieces when that table
    # hides it ("not shown"), so then it is not shown either.
    women_label = str(Contribution.From.WOMAN.label)
    women_pieces = who[women_label]
    women_shown = s.protect(who)[0][women_label].state != s.HIDDEN
    rows = [
        [_("Issues published"), f"{numbers['issues_published']:,}"],
        [_("Pieces printed in those issues"), s.count(numbers["pieces_printed"]).text],
        [_("Women whose pieces were printed"), s.count(numbers["women_printed"]).text],
        [_("Contributions received"), s.count(numbers["contributions"]).text],
        [_("Women who contributed"), s.count(numbers["women_contributing"]).text],
        [
            _("Women's pieces she agreed to have published"),
            s.share(numbers["women_pieces_with_consent"], women_pieces)
            if women_shown
            else s.not_shown_text(),
        ],
        [
            _("Contributions withdrawn, by her or for her"),
            s.count(numbers["withdrawn"]).text,
        ],
    ]
    return {
        "key": "newsletter",
        "title": _("Co-production: the newsletter"),
        "intro": _(
            "Issues published in the period and what went in them, and the stories, poems, "
            "recipes, guides and photos received in the period. A piece is printed only with "
            "her consent, and never once withdrawn."
        ),
        "tables": [figure_table(_("The newsletter"), rows), by_kind, by_who],
        "charts": [bar_chart(_("Contributions by kind"), kind_bars, table=by_kind["caption"])],
    }


def _hours(hours: float) -> str:
    return f"{hours:,.1f}".rstrip("0").rstrip(".")


def _pounds(amount: Decimal) -> str:
    return f"£{amount:,.2f}"


def involvement_section(raw: dict[str, Any], centre: Centre) -> Section:
    numbers = raw["involvement"]
    steps, step_bars = list_table(
        _("Women taking each step on the continuum (a woman can take several)"),
        labelled(Step, numbers["steps"]),
        column=_("Women"),
        row_header=_("Step"),
    )
    # The chart's labels are kept short enough to print whole.
    short: dict[str, str] = {
        Step.EXIT_QUESTIONNAIRE.value: _("Exit questionnaire"),
        Step.REPRESENTING.value: _("Representing women"),
    }
    step_bars = [
        (short.get(value, label), shown, text)
        for value, (label, shown, text) in zip(Step.values, step_bars, strict=True)
    ]
    completed = numbers["training_completed"]
    rows = [
        [_("Women who took a step along the continuum"), s.count(numbers["women_moving"]).text],
        [
            _("People active in a role in the period (women and community volunteers)"),
            s.count(numbers["people_active_in_period"]).text,
        ],
        [_("Hours given on the rotas"), _hours(numbers["volunteer_hours"])],
        [_("Training courses completed"), s.count(completed).text],
        [
            _("Of those, accredited"),
            s.share(numbers["training_accredited"], completed),
        ],
        [_("People who completed training"), s.count(numbers["people_trained"]).text],
        [_("Peer conversations logged"), s.count(numbers["peer_conversations"]).text],
        [
            _("Of those, handed to staff"),
            s.share(numbers["peer_escalated"], numbers["peer_conversations"]),
        ],
        [_("Exit questionnaires completed"), s.count(numbers["exit_questionnaires"]).text],
    ]
    expenses = {
        "caption": _("Expenses of getting involved"),
        "row_header": _("Expenses"),
        "columns": [_("Number"), _("Amount")],
        "rows": [
            [
                _("Claims for money spent in the period (not turned down)"),
                s.count(numbers["expenses_claimed_count"]).text,
                _pounds(numbers["expenses_claimed"]),
            ],
            [
                _("Paid in the period"),
                s.count(numbers["expenses_paid_count"]).text,
                _pounds(numbers["expenses_paid"]),
            ],
        ],
    }
    return {
        "key": "involvement",
        "title": _("Co-production: getting involved"),
        "intro": _(
            "Women moving along the continuum of involvement, from giving feedback to "
            "representing women; people active in a role; hours given, training, peer "
            "conversations and expenses. Involvement is never a condition of support. Hours and "
            "money describe the service and are shown in full."
        ),
        "tables": [figure_table(_("Getting involved"), rows), steps, expenses],
        "charts": [
            bar_chart(
                _("Women taking each step on the continuum"), step_bars, table=steps["caption"]
            )
        ],
    }


def outcomes_section(raw: dict[str, Any], centre: Centre) -> Section:
    change = raw["casework"]["outcome_change"]
    rows, profile = [], []
    for domain, label in Domain.choices:
        bucket = change.get(domain)
        if not bucket:
            continue
        women = bucket["women"]
        shown = women >= s.SMALL_BELOW
        average = f"{bucket['average_change']:+.1f}" if shown else s.average(0.0, women)
        rows.append([str(label), s.count(women).text, average])
        profile.append((str(label), bucket["average_change"] if shown else None, average))
    goals = raw["casework"]["goals"]
    goal_rows = [
        [_("Goals set in the period"), s.count(goals["set"]).text],
        [_("Goals achieved in the period"), s.count(goals["achieved"]).text],
        [_("Women who achieved a goal"), s.count(goals["women_achieving"]).text],
    ]
    distance: dict[str, Any] = {
        "caption": _("Distance travelled, in aggregate"),
        "row_header": _("Area"),
        "columns": [_("Women rated twice or more"), _("Average change")],
        "rows": rows,
    }
    chart = profile_chart(
        _("Distance travelled, by area of her life"), profile, table=distance["caption"]
    )
    return {
        "key": "outcomes",
        "title": _("Outcomes: distance travelled and goals"),
        "intro": _(
            "Women rate each area of their life from 1 to 10, at the start and at reviews. "
            "This is the average change from each woman's first rating to her latest, among "
            "women with two or more ratings in that area."
        ),
        "tables": [distance, figure_table(_("Goals"), goal_rows)],
        "charts": [chart] if rows else [],
        "empty": "" if rows else _("No woman has been rated twice yet."),
    }


def completeness_section(raw: dict[str, Any], centre: Centre) -> Section:
    numbers, casework = raw["completeness"], raw["casework"]
    women = numbers["women"]
    decisions = labelled(Referral.Decision, casework["referrals_by_decision"])
    referrals = casework["new_referrals"]
    decided = referrals - decisions[str(Referral.Decision.PENDING.label)]
    months = RECENT_REVIEW_DAYS // 30
    rows = [
        [_("Women with a key worker"), s.share(numbers["with_key_worker"], women)],
        [_("Women with a support plan"), s.share(numbers["with_plan"], women)],
        [
            _("Women with a review in the last %(months)s months") % {"months": months},
            s.share(numbers["with_recent_review"], women),
        ],
        [_("Women with their needs recorded"), s.share(numbers["with_needs"], women)],
        [_("Women with their own outcome ratings"), s.share(numbers["with_rating"], women)],
        [
            _("New referrals with a decision"),
            s.share(decided, referrals) if _pending_shown(casework) else s.not_shown_text(),
        ],
        [
            _("Contacts with their length recorded"),
            s.share(numbers["with_length"], numbers["contacts"]),
        ],
        [
            _("Contacts with their format recorded"),
            s.share(numbers["with_format"], numbers["contacts"]),
        ],
    ]
    return {
        "key": "completeness",
        "title": _("How complete the records are"),
        "intro": _("Of the %(women)s women supported in the period, and their contacts.")
        % {"women": s.count(women).text},
        "tables": [figure_table(_("Data completeness"), rows, _("Number (share)"))],
        "charts": [],
    }


# The sections, in the order they are printed. To add one, write a function like those above
# and put it here (docs/reports.md, "Adding a section").
SECTIONS: list[SectionBuilder] = [
    women_section,
    referrals_section,
    caseload_section,
    stages_section,
    contacts_section,
    not_heard_from_section,
    activities_section,
    suggestions_section,
    meetings_section,
    newsletter_section,
    involvement_section,
    outcomes_section,
    completeness_section,
]
