"""Helpers the activities' pages share: room-clash warnings and the one simple form page."""

from django.contrib import messages
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _


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
