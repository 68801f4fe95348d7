"""Django's `date` and `time` filters, each answer remembered.

A list page formats a hundred or more dates, and Django works each one out afresh: the format
looked up for the language, the date taken apart letter by letter, the month's and the weekday's
names translated again every time (a caseload page of fifty women spent about a tenth of its
time there). The same dates come back request after request (her last contact, her next
appointment), so each answer is kept, per process, under everything it depends on: the value,
its time zone and offset, the format and the language. The answers are Django's own.

Loaded as a builtin (settings.TEMPLATES), so `{{ when|date:"j M Y" }}` everywhere uses it.
"""

from datetime import datetime
from functools import lru_cache
from typing import Any

from django import template
from django.template import defaultfilters
from django.utils import translation

register = template.Library()

# Enough for the dates on the pages of a busy day; each entry is a short string.
REMEMBERED = 8192


@lru_cache(maxsize=REMEMBERED)
def _formatted(filter_name: str, value: Any, zone: Any, arg: Any, language: str | None) -> str:
    return getattr(defaultfilters, filter_name)(value, arg)


def _remembered(filter_name: str, value: Any, arg: Any) -> str:
    if value in (None, ""):
        return ""
    # Equal aware moments in different zones compare equal, and Python ignores the offset when
    # comparing two wall times in one zone (the hour the clocks go back): all are in the key.
    zone = (value.tzinfo, value.utcoffset(), value.fold) if isinstance(value, datetime) else None
    try:
        return _formatted(filter_name, value, zone, arg, translation.get_language())
    except TypeError:  # something unhashable: format it without remembering
        return getattr(defaultfilters, filter_name)(value, arg)


@register.filter(expects_localtime=True, is_safe=False)
def date(value: Any, arg: Any = None) -> str:
    """Django's `date` filter, remembered."""
    return _remembered("date", value, arg)


@register.filter(expects_localtime=True, is_safe=False)
def time(value: Any, arg: Any = None) -> str:
    """Django's `time` filter, remembered."""
    return _remembered("time", value, arg)
