"""The remembered `date` and `time` filters answer exactly as Django's own: in both time zones of
the year, in the hour the clocks go back, for dates, moments and nothing, for every format the
templates use, asked twice."""

from datetime import UTC, date, datetime, time

import pytest
from django.template import Context, Engine, engines
from django.utils import timezone, translation

from centre.templatetags import remembered_dates

MOMENTS = [
    datetime(2026, 7, 1, 8, 5, tzinfo=UTC),  # British summer time
    datetime(2026, 12, 4, 23, 59, tzinfo=UTC),  # Greenwich mean time
    # The clocks go back at 02:00 BST on 25 October 2026: 01:30 comes twice, an hour apart.
    datetime(2026, 10, 25, 0, 30, tzinfo=UTC),
    datetime(2026, 10, 25, 1, 30, tzinfo=UTC),
]
VALUES = [*MOMENTS, date(2026, 2, 28), time(14, 30), None, "", "not a date", [1, 2]]
FORMATS = [
    None,
    "j M Y",
    "D j M H:i",
    "j M",
    "l j F Y",
    "H:i",
    "G:i T O U",
    "c",
    "DATE_FORMAT",
    "SHORT_DATETIME_FORMAT",
]
TEMPLATES = ["{{ v|date }}", "{{ v|date:f }}", "{{ v|time }}", "{{ v|time:f }}"]


def _django_own():
    """The same templates without the remembered filters (Django's builtins only)."""
    return Engine(libraries={})


@pytest.mark.parametrize("source", TEMPLATES)
def test_every_value_and_format_reads_as_django_writes_it(source):
    ours = engines["django"].from_string(source)
    theirs = _django_own().from_string(source)
    with timezone.override("Europe/London"), translation.override("en-gb"):
        for value in VALUES:
            for fmt in FORMATS:
                context = {"v": value, "f": fmt}
                expected = _outcome(theirs.render, Context(context))
                for _ in range(2):  # the second answer is the remembered one
                    got = _outcome(ours.render, context)
                    assert got == expected, (value, fmt)


def _outcome(render, context):
    """What rendering gives: the text, or the kind of error (Django refuses a time format for
    a date, and so must we)."""
    try:
        return render(context)
    except Exception as error:  # noqa: BLE001 - compared, not swallowed
        return type(error)


def test_the_hour_the_clocks_go_back_is_told_apart():
    first, second = MOMENTS[2], MOMENTS[3]
    # Python calls the two wall times equal; the seconds since 1970 (U) tell them apart.
    template = engines["django"].from_string("{{ v|date:'H:i U' }}")
    with timezone.override("Europe/London"):
        assert template.render({"v": first}) == f"01:30 {int(first.timestamp())}"
        assert template.render({"v": second}) == f"01:30 {int(second.timestamp())}"
        assert template.render({"v": first}) == f"01:30 {int(first.timestamp())}"


def test_a_moment_reads_in_the_zone_of_the_page():
    moment = MOMENTS[0]
    template = engines["django"].from_string("{{ v|date:'H:i' }}")
    with timezone.override("Europe/London"):
        assert template.render({"v": moment}) == "09:05"
    with timezone.override("UTC"):
        assert template.render({"v": moment}) == "08:05"


def test_the_templates_use_the_remembered_filters():
    filters = engines["django"].engine.template_builtins[-1].filters
    assert filters["date"] is remembered_dates.date
    assert filters["time"] is remembered_dates.time
    remembered_dates._formatted.cache_clear()
    engines["django"].from_string("{{ v|date:'j M Y' }}").render({"v": date(2026, 1, 2)})
    assert remembered_dates._formatted.cache_info().currsize == 1
