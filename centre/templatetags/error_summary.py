"""The one error summary every form gets (GOV.UK style), from the base template.

`{% error_summary %}` in `base.html` looks through the page's context for bound forms and
formsets with errors and renders `_error_summary.html` once, at the top of the page: a heading,
then one link per error to the field it is about. `static/js/site.js` moves the focus to it and
opens any folded section holding a field with an error, so no page has to do it form by form."""

from collections.abc import Iterator
from typing import Any

from django import forms, template
from django.core.exceptions import NON_FIELD_ERRORS
from django.forms.formsets import BaseFormSet
from django.template.context import Context

register = template.Library()


def _forms_in(value: Any) -> Iterator[forms.BaseForm]:
    if isinstance(value, forms.BaseForm):
        yield value
    elif isinstance(value, BaseFormSet) and value.is_bound:
        yield from value.forms


def _errors_of(form: forms.BaseForm) -> list[dict[str, str]]:
    if not form.is_bound or not form.errors:
        return []
    rows: list[dict[str, str]] = []
    for name, messages in form.errors.items():
        if name == NON_FIELD_ERRORS or name not in form.fields:
            rows.extend({"message": str(message), "target": ""} for message in messages)
            continue
        bound = form[name]
        target = bound.id_for_label or bound.auto_id or ""
        label = str(bound.label or name)
        rows.extend(
            {"message": str(message), "target": target, "label": label} for message in messages
        )
    return rows


def form_errors_in(context: Context) -> list[dict[str, str]]:
    """Every error of every bound form on the page, each with the id of its field."""
    seen: set[int] = set()
    rows: list[dict[str, str]] = []
    for value in context.flatten().values():
        if isinstance(value, BaseFormSet) and value.is_bound and id(value) not in seen:
            seen.add(id(value))
            rows.extend({"message": m, "target": ""} for m in value.non_form_errors())
        for form in _forms_in(value):
            if id(form) in seen:
                continue
            seen.add(id(form))
            rows.extend(_errors_of(form))
    return rows


@register.inclusion_tag("_error_summary.html", takes_context=True)
def error_summary(context: Context) -> dict[str, Any]:
    return {"errors": form_errors_in(context)}
