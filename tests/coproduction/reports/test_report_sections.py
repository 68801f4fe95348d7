"""Every section of the quarterly report against hand-counted data (report_data.py), the
summary's comparisons, totals that add up, suppression of comparisons and charts, pinned query
counts, and the PDF read back page by page."""

import re
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from activities.models import Attendance
from activities.selectors import activity_numbers
from casework.models import Contact, OutcomeRating, Referral, Stage, StageChange
from casework.selectors import women_changed_to, women_supported
from centre.pdf import pdf_text
from coproduction.involvement.models import (
    ExitQuestionnaire,
    Expense,
    Helper,
    InvolvementStep,
    Opportunity,
    PeerConversation,
    Placement,
    PlacementChange,
    Shift,
    Training,
)
from coproduction.meetings.models import Group
from coproduction.newsletter.models import Contribution
from coproduction.reports import suppression
from coproduction.reports.charts import chart_is_empty, chart_svg
from coproduction.reports.content import _compare, report_content
from coproduction.reports.numbers import NUMBER_SOURCES, headline_history, period_raw_numbers
from coproduction.reports.sections import SECTIONS, newsletter_section
from coproduction.reports.services import report_pdf_render
from coproduction.suggestions.selectors import suggestion_numbers
from tests.activities.factories import ActivityFactory, SessionFactory
from tests.coproduction.factories import SuggestionFactory
from tests.coproduction.involvement.factories import bus_fare
from tests.coproduction.meetings.factories import GroupFactory, MeetingFactory
from tests.coproduction.newsletter.factories import IssueFactory, PieceFactory

from .report_data import IN_QUARTER, NAMES, QUARTER, _woman, build_quarter, pdf_pages, table_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def quarter_data(centre, key_worker):
    return build_quarter(centre, key_worker)


@pytest.fixture
def content(centre, quarter_data):
    return report_content(centre, QUARTER)


def _headline(content, key):
    return next(h for h in content["summary"] if h["key"] == key)


# Each section, hand-counted ------------------------------------------------------------------


def test_referrals_time_to_decision(content):
    days, total = table_of(content, "Time from referral to decision")
    # 9 decided in 2 days, 2 in 17 days: the 2 is hidden, and the 9 with it (secondary).
    assert days["Within a week"] == ["not shown"]
    assert days["15 to 28 days"] == ["fewer than 5"]
    assert days["8 to 14 days"] == days["More than 28 days"] == ["0"]
    assert total == ["Referrals with a decision", "11"]


def test_contacts_every_detail_staff_record(content):
    made, _ = table_of(content, "Contacts made and attempted")
    assert made["Contacts that reached her"] == ["12"]
    assert made["Attempts that did not reach her"] == ["fewer than 5"]  # 2
    assert made["Hours spent with women (where the length was recorded)"] == ["4"]  # 230 min
    formats, total = table_of(content, "Contacts by format")
    # 8 one-to-one and 4 not recorded: the 4 is hidden, so is the 8.
    assert formats["One-to-one"] == ["not shown"] and formats["Not recorded"] == ["fewer than 5"]
    assert total[1] == "12"
    lengths, _ = table_of(content, "Contacts by length")
    # 5 under 15 min, 4 of 30-59, 3 not recorded: 4 + 3 = 7 would narrow, so the 5 is hidden.
    assert lengths["Under 15 minutes"] == ["not shown"]
    assert lengths["30 to 59 minutes"] == lengths["Length not recorded"] == ["fewer than 5"]
    tools, total = table_of(content, "Person-centred tool used")
    assert tools["Outcome star"] == ["5"] and tools["No tool used"] == ["7"]
    assert total[1] == "12"
    needs, total = table_of(content, "Needs discussed (a contact can name several)")
    assert needs["Housing"] == needs["Money and debt"] == ["6"]
    assert needs["No need named"] == ["fewer than 5"] and needs["Justice"] == ["0"]
    assert total is None  # contacts naming two needs count twice: no total
    support, _ = table_of(content, "Practical support given (a contact can give several)")
    assert support["Food"] == support["Travel"] == ["6"] and support["No practical support"] == [
        "0"
    ]


def test_not_heard_from_uses_the_centres_days(centre, quarter_data):
    content = report_content(centre, QUARTER)
    rows, _ = table_of(content, "Not heard from")
    # 60 days: only woman 11 (last contact 22 July) is not heard from.
    assert list(rows.values()) == [["fewer than 5"]]
    centre.not_heard_from_days = 14  # nobody was contacted in the last 14 days
    centre.save()
    rows, _ = table_of(report_content(centre, QUARTER), "Not heard from")
    assert list(rows.values()) == [["12 (100%)"]]


def test_meetings_attendance_and_actions(content):
    held, total = table_of(content, "Meetings held and who came")
    # 2 held (one cancelled is not): 3 women + 1 staff + 1 guest + 4 others, then 5 women.
    # The one apology is a person too: "fewer than 5", as any count of people from 1 to 4.
    assert held["Service-user meeting"] == ["2", "14", "12", "fewer than 5"]
    assert total == ["All meetings", "2", "14", "12", "fewer than 5"]
    actions, _ = table_of(content, "Actions from meetings")
    assert actions["Actions raised at meetings in the period"] == ["4"]
    assert actions["Actions done in the period"] == ["2"]
    assert actions["Actions dropped (with a reason) in the period"] == ["1"]
    assert actions["Actions due in the period"] == ["3"]
    assert actions["Of those, not done by the date they were due"] == ["2"]
    assert actions["Actions still open at the end of the period"] == ["1"]


def test_outcomes_goals_and_profile(content):
    goals, _ = table_of(content, "Goals")
    assert goals["Goals set in the period"] == ["6"]
    assert goals["Goals achieved in the period"] == ["5"]
    assert goals["Women who achieved a goal"] == ["fewer than 5"]  # 4 women
    outcomes = next(s for s in content["sections"] if s["key"] == "outcomes")
    (profile,) = outcomes["charts"]
    # Housing (6 women, +2) is drawn; money (3 women) is words only.
    assert profile["domains"] == [
        ["Housing", 2.0, "+2.0"],
        ["Money and debt", None, "not shown (fewer than 5)"],
    ]


# The summary and its comparisons -------------------------------------------------------------


def test_summary_compares_with_last_quarter_and_last_year(content):
    assert 5 <= len(content["summary"]) <= 8
    women = _headline(content, "women_supported")
    # Open cases since January: 12 now and last quarter, none a year ago; target 20.
    assert (women["value"], women["previous"], women["last_year"]) == ("12", "12", "0")
    assert women["arrow"] == "→" and women["year_arrow"] == "↑"
    assert women["against_year"] == "12 more than the same quarter last year (0)"
    assert women["target"] == "20" and women["chart"]["target"] == 20
    contacts = _headline(content, "contacts")
    assert contacts["against_previous"] == "5 more than last quarter (7)"
    assert contacts["sentence"] == (
        "More contacts reached a woman than in any of the last four quarters."
    )
    points = contacts["chart"]["points"]
    assert [p[0] for p in points] == [
        "2024Q4", "2025Q1", "2025Q2", "2025Q3", "2025Q4", "2026Q1", "2026Q2", "2026Q3"
    ]  # fmt: skip
    assert points[-2:] == [["2026Q2", 7, "7"], ["2026Q3", 12, "12"]]


def test_a_comparison_never_reveals_a_suppressed_figure(content):
    referrals = _headline(content, "new_referrals")
    # 11 now, 3 last quarter: the 3 is "fewer than 5", and so is any difference from it.
    assert referrals["previous"] == "fewer than 5"
    assert referrals["arrow"] == ""
    assert referrals["against_previous"] == "too few to compare with last quarter"
    words = " ".join(str(v) for k, v in referrals.items() if k != "chart")
    assert not re.search(r"\b(3|8)\b", words)
    # Its chart has no point for the hidden quarter, only the words.
    assert referrals["chart"]["points"][-2] == ["2026Q2", None, "fewer than 5"]


@pytest.mark.parametrize("now", range(13))
def test_compare_gives_no_difference_unless_both_are_shown(now):
    for then in range(13):
        arrow, words = _compare(now, then, "last quarter")
        hidden = suppression.is_small(now) or suppression.is_small(then)
        assert (arrow == "") == hidden
        if hidden:
            assert not re.search(r"\d", words.replace("5", ""))


# Counts of people and counts of the service --------------------------------------------------

# Every figure the report shows in full: it counts the service (key workers, activities and
# sessions, groups starting and stopping, meetings, actions, issues, hours), never people. Each
# is (table, row, column), EVERY_ROW for a column of the service. Any other count is of people
# and must go through the rule: a count of people shown in full fails the test below, and so
# does a new figure shown in full until it is listed here.
EVERY_ROW = "every row"
SERVICE_FIGURES = {
    ("Caseloads", "Key workers holding open cases", "Number"),
    ("Caseloads", "Key workers holding more than 2 women", "Number"),
    ("Activities in the period", "Activities run", "Number"),
    ("Activities in the period", "Sessions with a register taken", "Number"),
    ("Activities in the period", "Groups started", "Number"),
    ("Activities in the period", "Groups restarted after a pause", "Number"),
    ("Activities in the period", "Groups paused", "Number"),
    ("Activities in the period", "Groups ended", "Number"),
    ("Activities run and attendance", EVERY_ROW, "Sessions run"),
    ("Attendance by month", EVERY_ROW, "Sessions run"),
    ("Meetings held and who came", EVERY_ROW, "Meetings held"),
    ("Actions from meetings", "Actions raised at meetings in the period", "Number"),
    ("Actions from meetings", "Actions done in the period", "Number"),
    ("Actions from meetings", "Actions dropped (with a reason) in the period", "Number"),
    ("Actions from meetings", "Actions due in the period", "Number"),
    ("Actions from meetings", "Of those, not done by the date they were due", "Number"),
    ("Actions from meetings", "Actions still open at the end of the period", "Number"),
    ("The newsletter", "Issues published", "Number"),
    ("Getting involved", "Hours given on the rotas", "Number"),
}
SMALL = 3


def _every_number_small(raw):
    """The raw numbers with every count (and hour) set to 3: a number of people shown as it
    is then reads "3" where the rule would say "fewer than 5"."""
    if isinstance(raw, dict):
        return {key: _every_number_small(value) for key, value in raw.items()}
    if isinstance(raw, list):
        return [_every_number_small(value) for value in raw]
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        return type(raw)(SMALL)
    return raw


def _figures_shown_in_full(sections):
    for section in sections:
        for table in section["tables"]:
            for row in [*table["rows"], table.get("total") or []]:
                for column, cell in zip(table["columns"], row[1:], strict=False):
                    if not re.search(rf"\b{SMALL}\b", str(cell)):
                        continue
                    figure = (table["caption"], row[0], column)
                    every_row = (table["caption"], EVERY_ROW, column)
                    yield every_row if every_row in SERVICE_FIGURES else figure


def test_every_count_of_people_goes_through_the_rule(centre, quarter_data):
    raw = _every_number_small(period_raw_numbers(centre, QUARTER.start, QUARTER.end))
    # Caseloads are a list, one row a key worker: 3 of them, each over the limit (7 cases each,
    # so the average, 7, is told apart from the counts).
    raw["casework"]["caseloads"] = [{"count": 7}] * SMALL
    centre.caseload_warning_threshold = SMALL - 1
    sections = [build(raw, centre) for build in SECTIONS]
    assert set(_figures_shown_in_full(sections)) == SERVICE_FIGURES


# Totals that add up --------------------------------------------------------------------------


def _number(text):
    return int(text.replace(",", "")) if re.fullmatch(r"[\d,]+", text) else None


def _check_totals(content):
    checked = 0
    for section in content["sections"]:
        for table in section["tables"]:
            if not table.get("total"):
                continue
            for column, total in enumerate(table["total"][1:], start=1):
                cells = [_number(row[column]) for row in table["rows"]]
                if _number(total) is None or None in cells:
                    continue
                assert sum(cells) == _number(total), (table["caption"], column)
                checked += 1
    return checked


def test_every_total_is_the_sum_of_its_rows(centre, quarter_data, monkeypatch):
    # With nothing suppressed every cell is a number, so every total can be checked...
    monkeypatch.setattr(suppression, "SMALL_BELOW", 1)
    assert _check_totals(report_content(centre, QUARTER)) >= 15
    monkeypatch.undo()
    # ...and as printed, every total whose rows are all shown adds up too.
    assert _check_totals(report_content(centre, QUARTER)) >= 5


# Charts --------------------------------------------------------------------------------------


def test_charts_are_drawn_only_from_shown_figures(content):
    specs = [c for s in content["sections"] for c in s["charts"]]
    specs += [h["chart"] for h in content["summary"]]
    assert len(specs) >= 10
    for spec in specs:
        for row in spec.get("bars") or spec.get("points") or spec.get("domains"):
            label, value, text = row
            assert value is None or text in (f"{value:,}", f"{value:+.1f}"), (spec, row)
    referrals = next(s for s in content["sections"] if s["key"] == "referrals")
    bars = {label: value for label, value, _text in referrals["charts"][0]["bars"]}
    assert bars["Court"] is None and bars["Self-referral"] is None  # hidden: no bar


def test_a_chart_is_svg_with_plotted_marks_and_a_text_alternative(content):
    spec = next(s for s in content["sections"] if s["key"] == "contacts")["charts"][0]
    svg = str(chart_svg(spec))
    assert svg.startswith("<svg") and 'role="img"' in svg
    assert "<title" in svg and "Phone: 7" in svg and "Home visit: fewer than 5" in svg
    bars = re.findall(r'<g id="c\w+-patch_\d+">\s*<path d="M [^"]+"', svg)
    assert len(bars) >= 3  # the background and a plotted bar for each shown count
    assert len(set(re.findall(r'\bid="([^"]+)"', svg))) == len(re.findall(r'\bid="', svg))
    assert not chart_is_empty(spec)
    # Solid bars: a hatch pattern told nothing apart and cost WeasyPrint most of the drawing.
    assert "<pattern" not in svg


# Query counts do not grow with the centre ----------------------------------------------------


def _grow(centre, key_worker, times):
    """More of everything the report counts, in the same quarter and the ones before."""
    activity = ActivityFactory(centre=centre, name="Bigger group")
    taken = datetime(2026, 8, 12, 12, 0, tzinfo=UTC)
    session = SessionFactory(activity=activity, date=date(2026, 8, 12), register_taken_at=taken)
    group = GroupFactory(centre=centre, kind=Group.Kind.STEERING)
    MeetingFactory(group=group, starts_at=session.register_taken_at)
    issue = IssueFactory(centre=centre, status="published", published_on=IN_QUARTER)
    role = Opportunity.objects.create(
        centre=centre, title="Helping", role="greeter", involves="x", time_needed="x"
    )
    for index in range(times):
        woman = _woman(centre, index % 12, key_worker)
        for day in (date(2025, 8, 4), date(2026, 5, 5), IN_QUARTER):
            Contact.objects.create(
                centre=centre,
                woman=woman,
                contact_type="phone",
                contact_on=day,
                note="x",
                needs_discussed=["housing"],
                duration_minutes=20,
            )
        Attendance.objects.create(session=session, woman=woman)
        OutcomeRating.objects.create(
            woman=woman, domain="wellbeing", score=3, rated_on=date(2026, 1, 2), occasion="intake"
        )
        OutcomeRating.objects.create(
            woman=woman, domain="wellbeing", score=6, rated_on=IN_QUARTER, occasion="review"
        )
        Referral.objects.create(
            centre=centre,
            first_name="R",
            source="police",
            referred_on=IN_QUARTER,
            vulnerability="x",
        )
        SuggestionFactory(centre=centre, received_on=IN_QUARTER)
        _grow_coproduction(centre, woman, issue, role, index)


def _grow_coproduction(centre, woman, issue, role, index):
    """A piece, a step, a role with its history, a shift, training, a peer conversation, an
    expense and an exit questionnaire more, in the quarter."""
    piece = PieceFactory(issue=issue, woman=woman, kind="poem", state="published")
    Contribution.objects.filter(pk=piece.pk).update(
        created_at=datetime(2026, 8, 5, 12, 0, tzinfo=UTC)
    )
    InvolvementStep.objects.create(centre=centre, woman=woman, step="helping", taken_on=IN_QUARTER)
    helper = Helper.objects.create(centre=centre, name=f"Helper {index}")
    placement = Placement.objects.create(
        centre=centre,
        helper=helper,
        opportunity=role,
        status="active",
        source="staff",
        status_since=IN_QUARTER,
    )
    PlacementChange.objects.create(placement=placement, to_status="active", changed_on=IN_QUARTER)
    starts = datetime(2026, 8, 6, 9, 0, tzinfo=UTC)
    Shift.objects.create(
        centre=centre,
        kind="greeter",
        starts_at=starts,
        ends_at=starts.replace(hour=11),
        helper=helper,
    )
    Training.objects.create(centre=centre, helper=helper, course="x", completed_on=IN_QUARTER)
    PeerConversation.objects.create(
        centre=centre, helper=helper, held_on=IN_QUARTER, theme="food", outcome="x"
    )
    bus_fare(centre, helper, IN_QUARTER, "2.50", Expense.Status.PAID, paid_on=IN_QUARTER)
    ExitQuestionnaire.objects.create(
        centre=centre,
        source="tablet",
        completed_on=IN_QUARTER,
        felt_supported=4,
        would_recommend="yes",
    )


def _queries(centre):
    with CaptureQueriesContext(connection) as queries:
        report_content(centre, QUARTER)
    return len(queries)


def test_query_count_is_the_same_for_a_small_and_a_large_centre(centre, key_worker, quarter_data):
    small = _queries(centre)
    _grow(centre, key_worker, 60)
    assert _queries(centre) == small
    # Eight quarters of headlines (seven queries for all eight) and every section, whatever the
    # size: 51 on 6 December 2026, when the headlines took 72 queries on their own.
    assert small <= 51


def test_the_headline_counts_each_quarter_as_the_sections_do(centre, key_worker, quarter_data):
    """The eight quarters' headline figures, counted all at once, are each quarter's own counts
    (women supported, referrals, contacts, activities, suggestions, moving on)."""
    earlier = _woman(centre, 0, key_worker)
    StageChange.objects.create(
        woman=earlier,
        from_stage=Stage.INTENSIVE,
        to_stage=Stage.MOVED_ON,
        changed_at=datetime(2025, 11, 3, 10, tzinfo=UTC),
    )
    SuggestionFactory(centre=centre, received_on=date(2025, 12, 1))
    history = headline_history(centre, QUARTER)
    assert list(history) == [str(q) for q in reversed(QUARTER.recent(8))]
    for quarter in QUARTER.recent(8):
        start, end = quarter.start, quarter.end
        activities = activity_numbers(centre, start, end)["totals"]
        assert history[str(quarter)] == {
            "women_supported": women_supported(centre, start, end).count(),
            "new_referrals": Referral.objects.filter(
                centre=centre, referred_on__range=(start, end)
            ).count(),
            "contacts": Contact.objects.filter(
                centre=centre, contact_on__range=(start, end), made=True
            ).count(),
            "women_at_activities": activities["unique_women"],
            "new_at_activities": activities["new_women"],
            "suggestions": suggestion_numbers(centre, start, end)["received"],
            "moved_on": women_changed_to(centre, start, end, Stage.MOVED_ON),
        }, quarter
    busy = [q for q, row in history.items() if any(row.values())]
    assert len(busy) >= 3  # the quarter, the one before, and last year's moving on


def test_every_section_is_built(content):
    keys = [section["key"] for section in content["sections"]]
    assert len(keys) == len(SECTIONS) == len(set(keys))


# The PDF, read back page by page -------------------------------------------------------------

HEADINGS = [builder.__name__ for builder in SECTIONS]


def test_pdf_has_the_summary_every_section_and_real_charts(centre, quarter_data, key_worker):
    pdf, content = report_pdf_render(centre=centre, quarter=QUARTER)
    text = " ".join(pdf_text(pdf).split())
    assert "Contents" in text and "Summary" in text and "Headline figures" in text
    assert "More contacts reached a woman than in any of the last four quarters." in text
    assert "5 more than last quarter (7)" in text
    assert "too few to compare with last quarter" in text
    for section in content["sections"]:
        assert section["title"] in text, section["title"]
    # The charts' own labels are text in the PDF: they were drawn, not left as empty boxes.
    assert "2024Q4" in text and "Target 20" in text  # the eight-quarter line charts
    assert "Average change in her own rating" in text  # the distance-travelled profile
    for name in [*NAMES, "Quillfeather", key_worker.first_name, key_worker.last_name]:
        assert name not in text and name not in str(content)
    titles = {s["title"] for s in content["sections"]}
    captions = {t["caption"] for s in content["sections"] for t in s["tables"]}
    pages = pdf_pages(pdf)
    assert len(pages) >= 8
    for number, page in enumerate(pages, start=1):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        body = [line for line in lines if not line.startswith("Page ") and line != centre.name]
        # A heading or a table's caption is never the last thing on a page.
        assert body and body[-1] not in titles | captions, (number, body[-3:])


# The newsletter and getting involved, hand-counted (report_data._newsletter, _involvement) ----


def test_newsletter_raw_numbers_are_exact(centre, quarter_data):
    numbers = NUMBER_SOURCES["newsletter"](centre, QUARTER.start, QUARTER.end)
    assert numbers == {
        "issues_published": 2,  # 20 July and 15 September, not May's
        "pieces_printed": 17,  # not the withdrawn story, not May's poem
        "women_printed": 12,
        "contributions": 18,
        "by_kind": {"story": 1, "poem": 8, "recipe": 9, "guide": 0, "numbers": 0, "photo": 0},
        "by_who": {"woman": 14, "staff": 4, "partner": 0, "volunteer": 0},
        "women_contributing": 12,
        "women_pieces_with_consent": 13,
        "withdrawn": 1,
    }


def test_newsletter_section_is_suppressed(content):
    figures, _ = table_of(content, "The newsletter")
    assert figures["Issues published"] == ["2"]  # the service: in full
    assert figures["Pieces printed in those issues"] == ["17"]
    assert figures["Women whose pieces were printed"] == ["12"]
    assert figures["Contributions received"] == ["18"]
    assert figures["Women who contributed"] == ["12"]
    assert figures["Contributions withdrawn, by her or for her"] == ["fewer than 5"]  # 1
    # 14 women's pieces are hidden below (4 staff pieces are small): the share with consent
    # (13 of 14) would give the 14 away, so it is not shown either.
    assert figures["Women's pieces she agreed to have published"] == ["not shown"]
    kinds, total = table_of(content, "Contributions by kind")
    # 8 poems, 9 recipes, 1 story: the 1 is "fewer than 5"; 18 - 9 would leave it at exactly
    # 1, so the 8 (the smallest shown) is hidden too.
    assert kinds["Story"] == ["fewer than 5"]
    assert kinds["Poem"] == ["not shown"]
    assert kinds["Recipe"] == ["9"]
    assert kinds["Guide"] == kinds["Photo"] == ["0"]
    assert total == ["All contributions received", "18"]
    who, total = table_of(content, "Contributions by who wrote them")
    assert who["A member of staff"] == ["fewer than 5"]  # 4
    assert who["A woman who uses the centre"] == ["not shown"]  # 14, or the 4 is known
    assert who["A partner"] == ["0"]
    assert total == ["All contributions received", "18"]
    newsletter = next(s for s in content["sections"] if s["key"] == "newsletter")
    (chart,) = newsletter["charts"]
    assert ["Recipe", 9, "9"] in chart["bars"] and ["Poem", None, "not shown"] in chart["bars"]


def test_involvement_raw_numbers_are_exact(centre, quarter_data):
    numbers = NUMBER_SOURCES["involvement"](centre, QUARTER.start, QUARTER.end)
    assert numbers["women_moving"] == 6
    assert numbers["steps"]["feedback"] == 6
    assert numbers["steps"]["greeter"] == 3
    assert numbers["steps"]["volunteering"] == 0  # June's
    assert sum(numbers["steps"].values()) == 9
    assert numbers["people_active_in_period"] == 2  # woman 0 (two roles) and the volunteer
    assert numbers["people_active"] == 3  # now: and woman 3, active from October
    assert numbers["volunteer_hours"] == 7.0
    assert numbers["training_completed"] == 10
    assert numbers["training_accredited"] == 5
    assert numbers["people_trained"] == 3
    assert numbers["peer_conversations"] == 5
    assert numbers["peer_escalated"] == 1
    assert numbers["expenses_claimed"] == Decimal("31.80")
    assert numbers["expenses_claimed_count"] == 3
    assert numbers["expenses_paid"] == Decimal("12.20")
    assert numbers["expenses_paid_count"] == 2
    assert numbers["exit_questionnaires"] == 5


def test_involvement_section_is_suppressed(content):
    figures, _ = table_of(content, "Getting involved")
    assert figures["Women who took a step along the continuum"] == ["6"]
    assert figures["People active in a role in the period (women and community volunteers)"] == [
        "fewer than 5"
    ]  # 2
    assert figures["Hours given on the rotas"] == ["7"]  # hours describe the service
    assert figures["Training courses completed"] == ["10"]
    assert figures["Of those, accredited"] == ["5 (50%)"]
    assert figures["People who completed training"] == ["fewer than 5"]  # 3
    assert figures["Peer conversations logged"] == ["5"]
    assert figures["Of those, handed to staff"] == ["fewer than 5"]  # 1 of 5
    assert figures["Exit questionnaires completed"] == ["5"]
    steps, total = table_of(
        content, "Women taking each step on the continuum (a woman can take several)"
    )
    assert steps["Giving feedback on her own support"] == ["6"]
    assert steps["Meeter and greeter"] == ["fewer than 5"]  # 3
    assert steps["Volunteering"] == ["0"]
    assert total is None  # a woman who took two steps counts in each row
    expenses, _ = table_of(content, "Expenses of getting involved")
    assert expenses["Claims for money spent in the period (not turned down)"] == [
        "fewer than 5",
        "£31.80",
    ]
    assert expenses["Paid in the period"] == ["fewer than 5", "£12.20"]
    involvement = next(s for s in content["sections"] if s["key"] == "involvement")
    (chart,) = involvement["charts"]
    assert chart["bars"][0] == ["Giving feedback on her own support", 6, "6"]
    assert ["Meeter and greeter", None, "fewer than 5"] in chart["bars"]  # words only
    assert chart["bars"][-1] == ["Representing women", 0, "0"]  # short enough to print whole


def test_the_newsletter_and_involvement_sections_come_after_meetings(content):
    keys = [section["key"] for section in content["sections"]]
    assert keys.index("meetings") < keys.index("newsletter") < keys.index("involvement")
    assert keys.index("involvement") < keys.index("outcomes")


def _newsletter_raw(women, staff, consent):
    return {
        "newsletter": {
            "issues_published": 1,
            "pieces_printed": 0,
            "women_printed": 0,
            "contributions": women + staff,
            "by_kind": {"poem": women + staff},
            "by_who": {"woman": women, "staff": staff},
            "women_contributing": women,
            "women_pieces_with_consent": consent,
            "withdrawn": 0,
        }
    }


@pytest.mark.parametrize(
    ("women", "staff", "consent", "shown"),
    [
        (10, 6, 5, "5 (50%)"),  # every count shown: the share too
        (3, 6, 3, "fewer than 5"),  # her pieces are few: so is the share, nothing more
        (14, 4, 13, "not shown"),  # her 14 pieces are hidden: the share would give them away
        (0, 6, 0, "–"),  # no piece of hers
    ],
)
def test_the_consent_share_never_reveals_a_hidden_count(women, staff, consent, shown):
    section = newsletter_section(_newsletter_raw(women, staff, consent), None)
    figures = {row[0]: row[1:] for row in section["tables"][0]["rows"]}
    assert figures["Women's pieces she agreed to have published"] == [shown]
