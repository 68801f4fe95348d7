"""`{{ woman|choice_label:"stage" }}`: a choice's label in a list, translated once (see
centre/labels.py)."""

from django import template

from centre.labels import choice_label

register = template.Library()
register.filter("choice_label", choice_label)
