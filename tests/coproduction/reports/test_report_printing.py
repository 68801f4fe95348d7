"""The quarterly report as printed: the cover, charts worth drawing on whole-number axes and kept
with their tables, and figures that read whole. Each reads the PDF (or the SVG) back."""

import re

import pytest
from django.utils import timezone

from centre.pdf import pdf_text
from coproduction.reports import suppression as s
from coproduction.reports.charts import bar_chart, chart_is_empty, chart_svg, line_chart
from coproduction.reports.quarters import Quarter
from coproduction.reports.services import report_pdf_render
from coproduction.reports.tables import group_table

from .report_data import QUARTER, build_quarter, pdf_pages

pytestmark = pytest.mark.django_db


@pytest.fixture
def printed(centre, key_worker):
    build_quarter(centre, key_worker)
    return report_pdf_render(centre=centre, quarter=QUARTER)


def _words(pdf):
    return " ".join(pdf_text(pdf).split())


def _day(day):
    return f"{day:%-d %B %Y}"


# The cover -----------------------------------------------------------------------------------


def test_the_cover_says_the_day_it_was_made_in_words(printed):
    pdf, content = printed
    text = _words(pdf)
    today = timezone.localdate()
    assert f"July to September 2026 (2026Q3) · made on {_day(today)}" in text
    assert today.isoformat() not in text
    assert not content["period_running"] and "not over yet" not in text


def test_a_quarter_still_running_says_its_numbers_are_to_date(centre):
    today = timezone.localdate()
    pdf, content = report_pdf_render(centre=centre, quarter=Quarter.containing(today))
    assert content["period_running"]
    assert f"The quarter is not over yet: these are the numbers to {_day(today)}" in _words(pdf)


# Charts --------------------------------------------------------------------------------------

NOTHING_TO_PLOT = [
    ["Court", 0, "0"],
    ["Police", None, "fewer than 5"],
    ["Other", None, "not shown"],
]


def test_a_chart_of_only_zeros_and_hidden_counts_is_empty():
    assert chart_is_empty(bar_chart("Referrals", NOTHING_TO_PLOT, table="Referrals"))
    assert chart_is_empty(line_chart("Moved on", [["2026Q2", 0, "0"], ["2026Q3", None, "<5"]]))
    one_bar = [*NOTHING_TO_PLOT, ["Self-referral", 6, "6"]]
    assert not chart_is_empty(bar_chart("Referrals", one_bar, table="Referrals"))


def test_an_empty_quarter_draws_no_empty_chart_and_gives_the_figures_in_words(centre):
    pdf, content = report_pdf_render(centre=centre, quarter=QUARTER)
    text = _words(pdf)
    # Every figure is 0: no axes with only "0" labels on them, in a section or the summary.
    assert "Chart:" not in text
    assert (
        "Women supported, last eight quarters: no chart, as every quarter was 0 or fewer than 5 "
        "(2024Q4: 0; 2025Q1: 0;"
    ) in text


@pytest.mark.parametrize("top", [6, 10, 15, 57, 152])
def test_counts_are_plotted_on_whole_numbers(top):
    points = [[f"2026Q{i}", value, str(value)] for i, value in enumerate([5, top, 7], start=1)]
    svg = str(chart_svg(line_chart("Contacts", points, target=None)))
    labels = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    ticks = [label for label in labels if re.fullmatch(r"[\d.,]+", label)]
    assert ticks and all(re.fullmatch(r"\d+", tick) for tick in ticks), ticks


def test_each_chart_names_its_table_and_is_printed_with_it(printed):
    pdf, content = printed
    pages = [" ".join(page.split()) for page in pdf_pages(pdf)]
    drawn = [
        c for section in content["sections"] for c in section["charts"] if not chart_is_empty(c)
    ]
    assert len(drawn) >= 4
    for chart in drawn:
        caption = f"Chart: {chart['title']}. The same numbers are in the table “{chart['table']}”."
        (page,) = [page for page in pages if caption in page]
        # Its table comes just before it, on the same page.
        assert chart["table"] in page.split(caption)[0], caption
    assert "the table above" not in " ".join(pages)


# Figures that read whole ---------------------------------------------------------------------


def test_fewer_than_5_in_a_narrow_column_stays_on_one_line(printed):
    pdf, content = printed
    (summary,) = [page for page in pdf_pages(pdf) if "Headline figures" in page]
    # Last quarter's 3 referrals, in the headline table's narrow "Last quarter" column.
    row = next(line for line in summary.splitlines() if line.startswith("New referrals"))
    assert "fewer than 5" in row, summary


def test_a_breakdown_hidden_whole_says_why_not_even_its_zeros_are_shown():
    # Five kinds of piece, one of each, under a headline of 5: a 0 shown for the sixth kind
    # would tell that each of the others is exactly 1, so the zero is hidden too.
    pieces = {"Story": 1, "Poem": 1, "Recipe": 1, "Guide": 1, "Numbers": 1, "Photo": 0}
    table, _bars = group_table("Contributions by kind", pieces, column="Pieces", row_header="Kind")
    assert {row[1] for row in table["rows"]} == {s.not_shown_text()}
    assert "not even a 0" in table["note"]
    shown, _bars = group_table(
        "By kind", {"Poem": 2, "Recipe": 9, "Photo": 0}, column="", row_header=""
    )
    assert shown["rows"][2] == ["Photo", "0"] and "note" not in shown
