"""`{{ form.field|bootstrap_field }}` and `{{ form|bootstrap_form }}`: crispy-forms' Bootstrap 5
markup for a field or a small form, built in Python (centre/form_html.py), for pages that show
several forms at once (her record, the contact form). Same markup as `|as_crispy_field` and
`{% crispy form %}`, a fraction of the time."""

from django import template

from centre.form_html import field_html, form_html

register = template.Library()
register.filter("bootstrap_field", field_html)
register.filter("bootstrap_form", form_html)
