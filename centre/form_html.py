"""Form fields as crispy-forms' Bootstrap 5 pack renders them, built in Python.

`{{ form.field|as_crispy_field }}` and `{% crispy form %}` render each field through five to
eight nested templates (the field, its help text and errors, and the widget's own), with a new
context each time. On a woman's record (fourteen fields) that was a third of the page's time
(profiled on the benchmark's data: `as_crispy_field` 49 ms of 178 ms a request under cProfile).

`field_html(bound_field)` gives the same markup (the same elements, classes, ids, `aria-*`, help
text and error blocks; only the white space between tags differs) for the widgets the small
forms use: text-like inputs, text areas, selects, a checkbox, and checkbox or radio lists. Any
other widget (files, multi-widgets), and any form whose crispy helper changes the defaults
(a layout, a field template, label or field classes, inline help text, hidden labels), is
handed to crispy-forms itself, so nothing is ever rendered differently. The template filters
are in `centre/templatetags/form_fields.py`; tests/centre/test_form_fields.py compares the
two renderings field by field across the project's forms.
"""

from typing import Any

from crispy_forms.helper import FormHelper
from crispy_forms.templatetags.crispy_forms_filters import as_crispy_field
from crispy_forms.utils import render_crispy_form
from django import forms
from django.forms.boundfield import BoundField
from django.forms.renderers import DjangoTemplates
from django.forms.widgets import Input
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

# What a default helper says (CrispyMixin's: no form tag, no csrf token; neither affects a
# field). A helper with anything else set is left to crispy-forms.
_DEFAULT_HELPER = {
    key: value
    for key, value in vars(FormHelper()).items()
    if key not in ("form_tag", "disable_csrf", "attrs", "inputs")
}


def _plain_helper(helper: Any) -> bool:
    if helper is None:
        return True
    if not isinstance(helper, FormHelper) or helper.layout is not None or helper.inputs:
        return False
    if helper.attrs or helper.form_class or helper.form_id or helper.form_group_wrapper_class:
        return False
    return (
        helper.field_template is None
        and helper.form_show_labels
        and helper.form_show_errors
        and not helper.help_text_inline
        and not helper.label_class
        and not helper.field_class
        and {
            key: value
            for key, value in vars(helper).items()
            if key not in ("form_tag", "disable_csrf", "attrs", "inputs")
        }
        == _DEFAULT_HELPER
    )


def _renders_itself(widget: forms.Widget) -> bool:
    """Widgets this module renders: a plain input, text area, select, checkbox or choice list."""
    if hasattr(widget, "widgets") or hasattr(widget, "widget"):
        return False  # multi-widgets and wrappers
    if isinstance(widget, forms.FileInput):
        return False
    return isinstance(
        widget, (Input, forms.Textarea, forms.Select, forms.CheckboxInput, forms.RadioSelect)
    )


def _add_classes(widget: forms.Widget, classes: str) -> None:
    """What crispy's `{% crispy_field field 'class' '...' %}` does to the widget: its own class
    name (`textinput`, `select`...), then Bootstrap's classes, each once."""
    class_name = widget.__class__.__name__.lower()
    css_class = widget.attrs.get("class", "")
    if css_class:
        if css_class.find(class_name) == -1:
            css_class += f" {class_name}"
    else:
        css_class = class_name
    for name in classes.split():
        if name not in css_class.split():
            css_class += f" {name}"
    widget.attrs["class"] = css_class


def _spaced(*parts: str) -> str:
    """Pieces of markup with one space between them, where crispy's templates have white
    space between tags (so the page lays out exactly as crispy's does: the space between a
    checkbox and its label counts)."""
    return " ".join(part for part in parts if part)


def _errors(field: BoundField, *, inline: bool) -> str:
    if not field.errors:
        return ""
    tag = "span" if inline else "p"
    field_id = getattr(field.errors, "field_id", "")
    lines = [
        format_html(
            '<{} id="error_{}_{}"><strong>{}</strong></{}>',
            tag,
            number,
            field.auto_id,
            error,
            tag,
        )
        for number, error in enumerate(field.errors, start=1)
    ]
    opening = format_html(
        '<div id="{}_error" class="invalid-feedback">', "None" if field_id is None else field_id
    )
    return _spaced(opening, *lines, "</div>")


def _help_text(field: BoundField) -> str:
    if not field.help_text:
        return ""
    id_attr = format_html('id="{}_helptext" ', field.auto_id) if field.auto_id else ""
    return format_html(
        '<div {}class="form-text">{}</div>',
        id_attr,
        mark_safe(str(field.help_text)),  # noqa: S308 - crispy renders help text |safe
    )


# Django's own widget templates that only lay out the widget's context (no logic of their own):
# the inputs, the text area and the select. A widget with another template, or a form with
# another renderer, is rendered by Django as usual.
_WIDGETS = "django/forms/widgets/"
_INPUT_TEMPLATES = {
    f"{_WIDGETS}{name}.html"
    for name in (
        "input", "text", "number", "email", "url", "password", "hidden", "date",
        "datetime", "time", "checkbox", "search", "tel", "color",
    )
}  # fmt: skip
_TEXTAREA = f"{_WIDGETS}textarea.html"
_SELECT, _SELECT_OPTION = f"{_WIDGETS}select.html", f"{_WIDGETS}select_option.html"


def _attrs(attrs: dict[str, Any]) -> str:
    """django/forms/widgets/attrs.html"""
    return "".join(
        format_html(" {}", name) if value is True else format_html(' {}="{}"', name, value)
        for name, value in attrs.items()
        if value is not False
    )


def widget_html(field: BoundField) -> str:
    """`str(field)` (the widget, and its hidden initial value if the field keeps one), with
    the plain widgets laid out here rather than through Django's widget templates: a select's
    options are an include each, which made the widgets most of a small form's time."""
    widget = field.field.widget
    template = widget.template_name
    known = (
        template in _INPUT_TEMPLATES
        or template == _TEXTAREA
        or (template == _SELECT and getattr(widget, "option_template_name", "") == _SELECT_OPTION)
    )
    if not known or type(field.form.renderer) is not DjangoTemplates or field.field.localize:
        return str(field)
    attrs = field.build_widget_attrs({}, widget)
    if field.auto_id and "id" not in widget.attrs:
        attrs.setdefault("id", field.auto_id)
    context = widget.get_context(field.html_name, field.value(), attrs)["widget"]
    name, value = context["name"], context["value"]
    html: str
    if template == _TEXTAREA:
        html = format_html(
            '<textarea name="{}"{}>\n{}</textarea>',
            name,
            mark_safe(_attrs(context["attrs"])),  # noqa: S308 - escaped in _attrs
            value or "",
        )
    elif template == _SELECT:
        attrs_html = mark_safe(_attrs(context["attrs"]))  # noqa: S308 - escaped in _attrs
        parts: list[str] = [format_html('<select name="{}"{}>', name, attrs_html)]
        for group_name, options, _index in context["optgroups"]:
            if group_name:
                parts.append(format_html('\n  <optgroup label="{}">', group_name))
            parts.extend(
                format_html(
                    '\n  <option value="{}"{}>{}</option>\n',
                    option["value"],
                    mark_safe(_attrs(option["attrs"])),  # noqa: S308 - escaped in _attrs
                    option["label"],
                )
                for option in options
            )
            if group_name:
                parts.append("\n  </optgroup>")
        parts.append("\n</select>")
        html = "".join(parts)
    else:
        html = format_html(
            '<input type="{}" name="{}"{}{}>',
            context["type"],
            name,
            format_html(' value="{}"', value) if value is not None else "",
            mark_safe(_attrs(context["attrs"])),  # noqa: S308 - escaped in _attrs
        )
    if field.field.show_hidden_initial:
        html += str(field.as_hidden(only_initial=True))
    return html


def _required_mark(field: BoundField) -> str:
    return '<span class="asteriskField">*</span>' if field.field.required else ""


def _choices(field: BoundField) -> str:
    """A checkbox or radio list (crispy's radio_checkbox_select.html)."""
    widget = field.field.widget
    id_ = widget.attrs.get("id") or field.auto_id
    attrs = field.build_widget_attrs({"id": id_} if id_ else {})
    values = widget.format_value(field.value())
    groups = widget.optgroups(field.html_name, values, attrs)
    invalid = " is-invalid" if field.errors else ""
    parts = ["<div >"]
    for group_number, (group, options, _index) in enumerate(groups, start=1):
        if group:
            parts.append(format_html("<strong>{}</strong>", group))
        for number, option in enumerate(options, start=1):
            last = number == len(options) and group_number == len(groups)
            parts += [
                '<div class="form-check">',
                format_html(
                    '<input type="{}" class="form-check-input{}"  name="{}" value="{}" {}>',
                    option["type"],
                    invalid,
                    field.html_name,
                    str(option["value"]),
                    mark_safe(_attrs(option["attrs"])),  # noqa: S308 - escaped in _attrs
                ),
                format_html(
                    '<label for="{}" class="form-check-label"> {} </label>',
                    option["attrs"].get("id", ""),
                    str(option["label"]),
                ),
                _errors(field, inline=False) if last else "",
                "</div>",
            ]
    parts.append("</div>")
    # crispy's choice lists put their errors in a block whatever the helper says
    return _spaced(*parts, _help_text(field))


def _label_text(field: BoundField) -> str:
    """The label's words and the required mark, spaced as crispy's label is."""
    return format_html(" {}{} ", field.label, mark_safe(_required_mark(field)))  # noqa: S308


def _padded(html: str) -> SafeString:
    """A field with white space either side, as crispy's field template has (for a field
    inline with text or another field, the space shows)."""
    return mark_safe(f" {html} ")  # noqa: S308 - built with format_html and Django's widgets


def field_html(field: BoundField) -> SafeString:
    """One field, as `{{ field|as_crispy_field }}` renders it (see the module's docstring)."""
    helper = getattr(field.form, "helper", None)
    widget = field.field.widget
    if not _plain_helper(helper) or not _renders_itself(widget):
        return as_crispy_field(field)
    if field.is_hidden:
        return mark_safe(widget_html(field))  # noqa: S308 - escaped in widget_html
    inline_errors = bool(helper.error_text_inline) if helper is not None else False
    css = field.css_classes()
    extra = f" {css}" if css else ""
    if isinstance(widget, forms.CheckboxInput):
        _add_classes(widget, "form-check-input is-invalid" if field.errors else "form-check-input")
        check_label = format_html(
            '<label for="{}" class="form-check-label{}">{}</label>',
            field.id_for_label,
            " requiredField" if field.field.required else "",
            mark_safe(_label_text(field)),  # noqa: S308 - format_html
        )
        return _padded(
            _spaced(
                '<div class="mb-3">',
                format_html('<div id="div_{}" class="form-check{}">', field.auto_id, extra),
                widget_html(field),
                check_label,
                _errors(field, inline=inline_errors),
                _help_text(field),
                "</div>",
                "</div>",
            )
        )
    label: str = ""
    if field.label:
        tag = "legend" if field.use_fieldset else "label"
        label = format_html(
            '<{} {}class="form-label{}{}">{}</{}>',
            tag,
            format_html('for="{}" ', field.id_for_label) if field.id_for_label else "",
            " requiredField" if field.field.required else "",
            " fs-6" if field.use_fieldset else "",
            mark_safe(_label_text(field)),  # noqa: S308 - format_html
            tag,
        )
        if field.use_fieldset:
            described = field.aria_describedby
            label = _spaced(
                format_html(
                    "<fieldset{}>",
                    format_html(' aria-describedby="{}"', described) if described else "",
                ),
                label,
            )
    if isinstance(widget, (forms.RadioSelect, forms.CheckboxSelectMultiple)):
        body = _choices(field)
    else:
        if isinstance(widget, forms.Select):
            classes = "form-select is-invalid" if field.errors else "form-select"
        else:
            classes = "form-control is-invalid" if field.errors else "form-control"
        _add_classes(widget, classes)
        body = _spaced(widget_html(field), _errors(field, inline=inline_errors), _help_text(field))
    return _padded(
        _spaced(
            format_html('<div id="div_{}" class="mb-3{}">', field.auto_id, extra),
            label,
            body,
            "</fieldset>" if field.use_fieldset and field.label else "",
            "</div>",
        )
    )


def form_html(form: forms.BaseForm) -> SafeString:
    """A whole form's fields, as `{% crispy form %}` renders a form whose helper has no form
    tag, no layout and no buttons: its non-field errors, then every field in order."""
    helper = getattr(form, "helper", None)
    if helper is None:
        helper = FormHelper()  # what {% crispy %} uses for a form without one
    if not _plain_helper(helper) or helper.form_tag or not helper.disable_csrf:
        return mark_safe(render_crispy_form(form))  # noqa: S308 - crispy-forms' own rendering
    errors = ""
    if helper.form_show_errors and form.non_field_errors():
        errors = render_to_string(
            "bootstrap5/errors.html",
            {"form": form, "form_error_title": helper.form_error_title.strip()},
        )
    media = str(form.media) if helper.include_media else ""
    return _padded(_spaced(media, errors, *(field_html(field).strip() for field in form)))
