"""No select of ours offers Django's empty choice "---------": each says what leaving it empty
means ("Nobody yet", "Any", "Choose a key worker"). The URL x role matrix reads every page; this
reads every form's fields as declared, so a form only shown when what was sent is refused, or
on a page the matrix's world does not reach, is checked too."""

import importlib
import inspect
from pathlib import Path

from django import forms
from django.apps import apps
from django.conf import settings
from django.db.models.fields import BLANK_CHOICE_DASH

from activities.models import Feedback, Session
from casework.models import Action, Goal
from centre.forms import empty_choices

DJANGO_EMPTY_CHOICE = BLANK_CHOICE_DASH[0][1]


def our_form_classes():
    for app in apps.get_app_configs():
        if not Path(app.path).is_relative_to(settings.BASE_DIR):
            continue
        try:
            module = importlib.import_module(f"{app.name}.forms")
        except ModuleNotFoundError:
            continue
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, forms.BaseForm) and cls.__module__ == module.__name__:
                yield cls


def shows_django_empty_choice(field: forms.Field) -> bool:
    if isinstance(field, forms.ModelChoiceField):  # its choices would query the database
        return field.empty_label is not None and str(field.empty_label) == DJANGO_EMPTY_CHOICE
    if isinstance(field, forms.ChoiceField):
        return any(str(label) == DJANGO_EMPTY_CHOICE for _value, label in field.choices)
    return False


def test_the_forms_are_found():
    names = {cls.__name__ for cls in our_form_classes()}
    assert {"ActivityForm", "ReferralForm", "AuditSearchForm", "HoldForm"} <= names


def test_no_form_offers_djangos_empty_choice():
    found = [
        f"{cls.__module__}.{cls.__name__}.{name}"
        for cls in our_form_classes()
        for name, field in cls.base_fields.items()
        if shows_django_empty_choice(field)
    ]
    assert not found, (
        f"Fields that offer {DJANGO_EMPTY_CHOICE!r}: give each an empty_label, a first "
        f"('', ...) choice or Meta.formfield_callback = empty_choices(...): {found}"
    )


def test_empty_choices_words_the_empty_choice_of_a_foreign_key_and_of_choices():
    action_form = forms.modelform_factory(
        Action, fields=["goal"], formfield_callback=empty_choices(goal="Not linked to a goal")
    )
    goal_form = forms.modelform_factory(
        Goal, fields=["domain"], formfield_callback=empty_choices(domain="No particular area")
    )
    assert action_form.base_fields["goal"].empty_label == "Not linked to a goal"
    assert next(iter(goal_form.base_fields["domain"].choices)) == ("", "No particular area")


def test_empty_choices_can_leave_the_empty_choice_out():
    """For a required radio list, where an empty choice would be a button that means nothing."""
    form_class = forms.modelform_factory(
        Feedback, fields=["rating"], formfield_callback=empty_choices(rating=None)
    )
    assert list(form_class.base_fields["rating"].choices) == Feedback.Rating.choices


def test_empty_choices_never_adds_an_empty_choice_a_field_did_not_have():
    form_class = forms.modelform_factory(
        Session, fields=["status"], formfield_callback=empty_choices(status="Not chosen")
    )
    assert list(form_class.base_fields["status"].choices) == Session.Status.choices


def test_every_field_named_to_empty_choices_is_its_form_s_and_shows_the_wording():
    """A misspelt name in empty_choices(...) would word nothing and say nothing: each name is
    one of its form's fields, and that field's empty choice says what was asked for."""
    checked = 0
    for cls in our_form_classes():
        meta = getattr(cls, "_meta", None)
        callback = getattr(meta, "formfield_callback", None)
        if not isinstance(callback, empty_choices):
            continue
        for name, label in callback.labels.items():
            where = f"{cls.__module__}.{cls.__name__}.{name}"
            assert name in cls.base_fields, f"{where}: no such field"
            field = cls.base_fields[name]
            if isinstance(field, forms.ModelChoiceField):
                assert field.empty_label == label, where
            else:
                empty = [text for value, text in field.choices if value == ""]
                assert empty == ([] if label is None else [label]), where
            checked += 1
    assert checked >= 30
