"""Helpers the activities' pages share: room-clash warnings and the one simple form page."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from centre.forms import add_service_errors


def _warn_clashes(request, clashes):
    for clash in clashes[:5]:
        messages.warning(
            request,
            _("Room clash: %(room)s is also booked for %(activity)s on %(date)s at %(time)s.")
            % {
                "room": clash.room.name,
                "activity": clash.activity.name,
                "date": clash.date.strftime("%a %-d %b %Y"),
                "time": clash.start_time.strftime("%H:%M"),
            },
        )
    if len(clashes) > 5:
        messages.warning(request, _("…and %(n)s more clashes.") % {"n": len(clashes) - 5})


def _form_page(request, form, title, activity, *, intro="", titled=False):
    """One simple form page; the title names the activity unless it is already complete."""
    if not titled:
        title = title % {"name": activity.name}
    back = (
        reverse("activities:activity_detail", args=[activity.pk])
        if activity
        else reverse("activities:setup")
    )
    context = {"form": form, "title": title, "intro": intro, "back": back, "activity": activity}
    return render(request, "activities/simple_form.html", context)


def _saved(request, form, save):
    """For a posted form that is valid, run `save` (a service call): (True, what it returned).
    (False, None) when there is nothing to save yet or the service refused; its reasons are
    then on the form, next to what she typed."""
    if request.method != "POST" or not form.is_valid():
        return False, None
    try:
        return True, save()
    except ValidationError as error:
        add_service_errors(form, error)
        return False, None
