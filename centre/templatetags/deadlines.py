"""Template filters for the one deadline rule (centre/deadlines.py)."""

from datetime import date

from django import template

from centre import deadlines

register = template.Library()


@register.filter
def overdue(due_on: date | None) -> bool:
    """`{% if action.due_on|overdue %}`: the date has passed."""
    return deadlines.is_overdue(due_on=due_on)


@register.filter
def due(due_on: date | None) -> bool:
    """`{% if plan.next_review_on|due %}`: the date is today or has passed."""
    return deadlines.is_due(due_on=due_on)
