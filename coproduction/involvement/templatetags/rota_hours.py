"""`{{ hours|hours_given }}`: the hours she gave on the rotas as people write them ("15 hours",
"2.5 hours", "1 hour"), never "15.0 hours"."""

from django import template
from django.template.defaultfilters import floatformat
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

register = template.Library()


@register.filter
def hours_given(hours: float) -> str:
    shown = floatformat(hours)  # one decimal place, and none for a whole number
    if float(hours).is_integer():
        return ngettext("%(hours)s hour", "%(hours)s hours", int(hours)) % {"hours": shown}
    # Plural forms are chosen by a whole number: part of an hour reads as many.
    return _("%(hours)s hours") % {"hours": shown}
