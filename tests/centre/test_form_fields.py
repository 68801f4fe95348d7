"""`|bootstrap_field` and `|bootstrap_form` (centre/form_html.py) give the markup crispy-forms
gives: the same elements, attributes, text and errors, field by field, for the project's forms,
empty and with errors, with runs of white space collapsed as a browser reads them."""

import importlib
import inspect
import re
from html.parser import HTMLParser

import pytest
from crispy_forms.helper import FormHelper
from crispy_forms.templatetags.crispy_forms_filters import as_crispy_field
from crispy_forms.utils import render_crispy_form
from django import forms

from casework.forms import ContactForm, ParticipationForm, StageForm
from centre.form_html import field_html, form_html, widget_html
from centre.models import User
from coproduction.suggestions.forms import SuggestionFilterForm

pytestmark = pytest.mark.django_db

# Modules whose forms take no arguments are all checked; forms needing arguments are skipped.
FORM_MODULES = [
    "casework.forms",
    "activities.forms",
    "centre.forms",
    "coproduction.suggestions.forms",
    "coproduction.meetings.forms",
    "coproduction.newsletter.forms",
    "coproduction.involvement.forms",
]


class Tokens(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tokens = []

    def handle_starttag(self, tag, attrs):
        self.tokens.append(("<", tag, tuple(attrs)))

    def handle_endtag(self, tag):
        self.tokens.append((">", tag))

    def handle_data(self, data):
        text = " ".join(data.split())
        if text:
            self.tokens.append(("text", text))


def tokens(html):
    parser = Tokens()
    parser.feed(str(html))
    return parser.tokens


def collapsed(html):
    """White space as the browser lays it out (no text areas with text in these cases)."""
    return re.sub(r"\s+", " ", str(html)).strip()


def plain_forms():
    found = []
    for name in FORM_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError:
            continue
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if not issubclass(cls, forms.BaseForm) or cls.__module__ != name:
                continue
            try:
                cls()
            except Exception:  # noqa: S112 - forms that need arguments are not this test's
                continue
            found.append(cls)
    return found


def both_ways(form_class, data):
    """The form rendered twice, by crispy and by form_html, from two separate instances (the
    renderers add classes to the widgets)."""
    ours, theirs = form_class(data=data), form_class(data=data)
    if data is not None:
        ours.is_valid()
        theirs.is_valid()
    return ours, theirs


def test_the_forms_are_found():
    found = plain_forms()
    assert {ContactForm, StageForm, ParticipationForm} <= set(found)
    assert len(found) > 10


@pytest.mark.parametrize(
    "data",
    [None, {}, {"contact_on": "not a date", "duration_other": "x", "needs_discussed": ["no"]}],
)
def test_every_field_renders_as_crispy_renders_it(data):
    compared = 0
    for form_class in plain_forms():
        ours, theirs = both_ways(form_class, data)
        for name in ours.fields:
            assert collapsed(field_html(ours[name])) == collapsed(as_crispy_field(theirs[name])), (
                f"{form_class.__name__}.{name}"
            )
            compared += 1
    assert compared > 50


@pytest.mark.parametrize("data", [None, {}])
def test_whole_forms_render_as_crispy_renders_them(data):
    for form_class in plain_forms():
        ours, theirs = both_ways(form_class, data)
        assert collapsed(form_html(ours)) == collapsed(render_crispy_form(theirs)), (
            form_class.__name__
        )


def test_errors_and_labels_are_there():
    form = ContactForm(data={"contact_on": "not a date"})
    form.is_valid()
    html = str(form_html(form))
    assert 'class="textarea form-control is-invalid"' in html
    assert 'aria-invalid="true"' in html
    assert '<span id="error_1_id_note"><strong>This field is required.</strong></span>' in html
    assert '<label for="id_note" class="form-label requiredField">' in html


def test_a_helper_that_changes_the_defaults_is_left_to_crispy():
    ours, theirs = StageForm(), StageForm()
    for form in (ours, theirs):
        form.helper = FormHelper()
        form.helper.label_class = "col-3"
        form.helper.form_tag = False
    assert tokens(field_html(ours["reason"])) == tokens(as_crispy_field(theirs["reason"]))
    assert 'class="form-label col-3"' in field_html(ours["reason"])


@pytest.mark.parametrize("data", [None, {"needs_discussed": ["nonsense"], "restricted": "x"}])
def test_the_record_forms_never_need_crispy(monkeypatch, data):
    """Her record's and the contact page's fields are all built here (that is the point)."""

    def refused(*_args, **_kwargs):
        raise AssertionError("handed to crispy-forms")

    monkeypatch.setattr("centre.form_html.as_crispy_field", refused)
    monkeypatch.setattr("centre.form_html.render_crispy_form", refused)
    for form_class in (ContactForm, StageForm, ParticipationForm):
        form = form_class(data=data)
        if data is not None:
            form.is_valid()
        html = str(form_html(form))
        assert html.count('id="div_id_') == len(form.fields)
        if form_class is ContactForm and data is not None:
            assert 'class="form-check-input is-invalid"' in html  # her needs, a choice list


def typed_in(form_class):
    """Something in every field: a choice field's last choice, text with HTML in it elsewhere."""
    data = {}
    for name, field in form_class().fields.items():
        choices = [value for value, _label in getattr(field, "choices", [])]
        if choices:
            value = str(choices[-1])
            data[name] = [value] if isinstance(field, forms.MultipleChoiceField) else value
        else:
            data[name] = 'a <b> & "c"'
    return data


@pytest.mark.parametrize("filled", [False, True])
def test_widgets_are_exactly_what_django_renders(filled):
    compared = 0
    for form_class in plain_forms():
        data = typed_in(form_class) if filled else None
        ours, django_s = form_class(data=data), form_class(data=data)
        try:
            ours.errors, django_s.errors  # noqa: B018 - cleaned first, as a page would
        except Exception:  # noqa: S112 - a sign-in form needs a request to clean: not ours
            continue
        for name in ours.fields:
            assert widget_html(ours[name]) == str(django_s[name]), f"{form_class.__name__}.{name}"
            compared += 1
    assert compared > 50


@pytest.mark.parametrize("data", [None, {"status": "open", "owner": "999", "code": "<x>"}])
def test_the_suggestions_filter_renders_as_crispy_renders_it(data, manager):
    owners = User.objects.filter(pk=manager.pk)
    ours, theirs = (
        SuggestionFilterForm(data, owners=owners),
        SuggestionFilterForm(data, owners=owners),
    )
    for name in ours.fields:
        assert tokens(field_html(ours[name])) == tokens(as_crispy_field(theirs[name])), name
