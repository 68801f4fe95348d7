"""Helpers the activities' pages share: room-clash warnings, the page of one form about an
activity (centre.pages, under the activities' breadcrumb); buttons use centre.pages'
post_after_fetch."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from centre.pages import form_page, run_form

BREADCRUMB = "activities/_breadcrumb.html"


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


def _activity_form(
    request,
    form,
    save,
    *,
    title,
    activity,
    success="",
    intro="",
    back=None,
    done=None,
    then=None,
):
    """One form about an activity (or the setup, with no activity) on a page of its own: once
    `save` (its service) has run, `then` may say more about what it returned (room clashes,
    the budget) and it goes on to `done` (a function of what it returned) or back to the
    activity; refused or clashed, the form again as she typed it (centre.pages)."""
    back = back or (
        reverse("activities:activity_detail", args=[activity.pk])
        if activity
        else reverse("activities:setup")
    )
    outcome = run_form(request, form, save, success=success)
    if outcome:
        if then:
            then(outcome.result)
        return redirect(done(outcome.result) if done else back)
    return form_page(
        request,
        form,
        title=title,
        back=back,
        intro=intro,
        conflict=outcome.conflict,
        breadcrumb=BREADCRUMB,
        activity=activity,
    )
