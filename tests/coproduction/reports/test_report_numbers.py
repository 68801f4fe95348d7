"""The quarterly report's numbers, from crafted data across the apps, and the PDF read back."""

import pytest

from casework.selectors import quarter_numbers
from centre.pdf import pdf_text
from coproduction.reports.content import report_content
from coproduction.reports.numbers import completeness_numbers, women_supported
from coproduction.reports.services import report_pdf_render

from .report_data import NAMES, QUARTER, VOLUNTEER, build_quarter, table_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def quarter_data(centre, key_worker):
    return build_quarter(centre, key_worker)


def test_women_supported_matches_casework_definition(centre, quarter_data):
    ours = women_supported(centre, QUARTER.start, QUARTER.end).count()
    assert ours == quarter_numbers(centre, QUARTER.start, QUARTER.end)["women_supported"] == 12


def test_numbers_against_the_target_and_referrals(centre, quarter_data):
    content = report_content(centre, QUARTER)
    women, _ = table_of(content, "Women supported against the target")
    assert women["Women supported"] == ["12"]
    assert women["The centre's target"] == ["20"]
    assert women["Share of the target reached"] == ["60%"]
    sources, total = table_of(content, "Referrals by where they came from")
    # 9 from court and 2 self-referrals: the 2 is hidden, and so is the 9 (secondary).
    assert sources["Self-referral"] == ["fewer than 5"]
    assert sources["Court"] == ["not shown"]
    assert sources["Police"] == ["0"]
    assert total == ["All new referrals", "11"]


def test_contacts_and_stages(centre, quarter_data):
    content = report_content(centre, QUARTER)
    contacts, total = table_of(content, "Contacts that reached her, by type")
    assert contacts["Phone"] == ["7"]
    assert contacts["Home visit"] == contacts["Court"] == ["fewer than 5"]
    assert total[1] == "12"
    stages, total = table_of(content, "Women supported, by stage now")
    # 9 intensive and 3 lighter touch: the 3 is hidden, so the 9 is hidden too.
    assert stages["Lighter touch"] == ["fewer than 5"]
    assert stages["Intensive support"] == ["not shown"]
    assert total[1] == "12"


def test_activities_outcomes_completeness_and_suggestions(centre, quarter_data):
    content = report_content(centre, QUARTER)
    activities, total = table_of(content, "Activities run and attendance")
    # 2 sessions; 9 attendances of known women + 4 others = 13; 6 women, all new to it.
    assert activities["Wednesday art group"] == ["2", "13", "6", "6"]
    # Women who came to two activities count in each row, so those columns have no total.
    assert total == ["All activities", "2", "13", "–", "–"]
    figures, _ = table_of(content, "Activities in the period")
    assert figures["Average attendance per session"] == ["6.5"]  # 13 / 2
    assert figures["Different women who came"] == ["6"]
    assert figures["Women who came to any activity for the first time"] == ["6"]
    assert figures["Groups started"] == figures["Groups ended"] == ["1"]
    months, total = table_of(content, "Attendance by month")
    assert months["July 2026"] == ["2", "13", "6", "6"]
    assert total == ["All months", "2", "13", "–", "6"]  # first times add up: one month each
    stopped, _ = table_of(content, "Groups that paused or ended, and why")
    assert stopped["Walking group"] == ["Ended", "1 September 2026", "Funding came to an end"]
    outcomes, _ = table_of(content, "Distance travelled, in aggregate")
    assert outcomes["Housing"] == ["6", "+2.0"]
    assert outcomes["Money and debt"] == ["fewer than 5", "not shown (fewer than 5)"]
    complete, _ = table_of(content, "Data completeness")
    assert complete["Women with a support plan"] == ["7 (58%)"]
    assert complete["Women with a review in the last 6 months"] == ["all but fewer than 5"]
    assert complete["Women with a key worker"] == ["12 (100%)"]
    suggestions, _ = table_of(content, "Suggestions and answers")
    assert suggestions["Suggestions received"] == ["8"]
    assert suggestions["Time to a first response (middle value)"] == ["2 days"]
    assert suggestions["Answered within the target of 10 working days"] == ["8 (100%)"]
    themes, _ = table_of(content, "Suggestions by theme")
    # 6 + 2 = 8: hiding the 6 as well would still narrow the 2 to 1-3, so the whole breakdown
    # (zeros too) is hidden under the total of 8.
    assert {cell for cells in themes.values() for cell in cells} == {"not shown"}


def test_completeness_counts(centre, quarter_data):
    numbers = completeness_numbers(centre, QUARTER.start, QUARTER.end)
    assert numbers == {
        "women": 12,
        "with_key_worker": 12,
        "with_plan": 7,
        "with_recent_review": 10,
        "with_needs": 0,
        "with_rating": 9,
        "contacts": 12,
        "with_length": 9,
        "with_format": 8,
    }


def test_another_centres_records_are_not_counted(centre, other_centre, quarter_data, key_worker):
    build_quarter(other_centre, None)
    content = report_content(centre, QUARTER)
    women, _ = table_of(content, "Women supported against the target")
    assert women["Women supported"] == ["12"]


def test_pdf_reads_back_with_no_names_and_escaped_wording(centre, quarter_data, key_worker):
    pdf, content = report_pdf_render(centre=centre, quarter=QUARTER)
    assert pdf.startswith(b"%PDF")
    text = " ".join(pdf_text(pdf).split())
    assert "July to September 2026 (2026Q3)" in text
    assert "Women supported 12" in text
    assert "Self-referral fewer than 5" in text
    assert "Walking group" in text and "Funding came to an end" in text
    assert "You asked for <script>alert('soup')</script> & <b>bread</b>" in text
    assert "We now serve soup on Wednesdays" in text
    assert "How we protect small numbers" in text
    # The newsletter's and getting involved's sections, with a figure from each.
    assert "Co-production: the newsletter" in text and "Issues published 2" in text
    assert "Co-production: getting involved" in text and "Hours given on the rotas 7" in text
    assert "Paid in the period fewer than 5 £12.20" in text
    for name in [*NAMES, VOLUNTEER, "Quillfeather", key_worker.first_name, key_worker.last_name]:
        assert name not in text
        assert name not in str(content)


def test_an_empty_quarter_still_makes_a_report(centre):
    pdf, content = report_pdf_render(centre=centre, quarter=QUARTER)
    text = " ".join(pdf_text(pdf).split())
    assert "Women supported 0" in text
    assert "No wording was approved in this period." in text
    assert "No woman has been rated twice yet." in text
