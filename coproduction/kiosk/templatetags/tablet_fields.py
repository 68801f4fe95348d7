"""`{% tablet_box field hint_text %}`: the box a woman types in on the tablet (see kiosk/_field.html).
Her hint and her mistakes are read out with it (aria-describedby), writing from right to left
(Arabic, Urdu) shows the right way round, and a long answer is never cut off: instead of a hard
maxlength, a count shows near the limit (kiosk.js) and the form says kindly what to do."""

from django import forms, template
from django.forms import BoundField
from django.utils.safestring import SafeString

register = template.Library()


@register.filter
def soft_limit(field: BoundField) -> int | None:
    """The most letters a big box takes, counted as she types rather than cut off."""
    if isinstance(field.field.widget, forms.Textarea):
        return getattr(field.field, "max_length", None)
    return None


@register.simple_tag
def tablet_box(field: BoundField, hint: str = "") -> SafeString:
    described_by = [f"{field.auto_id}_helptext"] if hint else []
    if field.errors:
        described_by.append(f"{field.auto_id}_error")
    attrs: dict[str, str | int | bool] = {}
    if isinstance(field.field.widget, (forms.TextInput, forms.Textarea)):
        attrs["dir"] = "auto"
    if limit := soft_limit(field):
        described_by.append(f"{field.auto_id}_count")
        attrs.update({"maxlength": False, "data-limit": limit})
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    return field.as_widget(attrs=attrs)
