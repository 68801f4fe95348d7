"""The programme: the term's groups, the week, and the printed programme."""

from datetime import date, timedelta

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from centre.access import roles_required
from centre.documents.services import (
    document_build_now,
)
from centre.documents.views import document_download_response
from centre.roles import VOLUNTEER_AND_STAFF

from .. import selectors
from ..documents import PROGRAMME, programme_coverage, weekday_name
from ..models import Activity, Term

# --- Programme --------------------------------------------------------------------------------


def _programme_period(request):
    """A term chosen by id, or the current or next term, or the next twelve weeks."""
    terms = list(Term.objects.filter(centre=request.centre).order_by("-starts_on")[:12])
    chosen = request.GET.get("term", "")
    term = next((t for t in terms if str(t.pk) == chosen), None)
    if term is None and not chosen:
        term = selectors.current_term(request.centre)
    if term:
        return term, term.starts_on, term.ends_on, terms
    today = timezone.localdate()
    start = today - timedelta(days=today.weekday())
    return None, start, start + timedelta(weeks=12, days=-1), terms


@roles_required(VOLUNTEER_AND_STAFF)
@require_GET
def programme(request):
    term, start, end, terms = _programme_period(request)
    grid = selectors.term_programme(request.centre, start, end)
    context = {
        "term": term,
        "terms": terms,
        "start": start,
        "end": end,
        "grid": grid,
        "gap_days": [weekday_name(day) for day in grid["gap_weekdays"]],
        "paused": Activity.objects.filter(
            centre=request.centre, status=Activity.Status.PAUSED
        ).order_by("name"),
        "today": timezone.localdate(),
    }
    return render(request, "activities/programme.html", context)


@roles_required(VOLUNTEER_AND_STAFF)
@require_GET
def programme_week(request):
    try:
        day = date.fromisoformat(request.GET.get("start", ""))
    except ValueError:
        day = timezone.localdate()
    week_start = day - timedelta(days=day.weekday())
    entries = selectors.week_programme(request.centre, week_start)
    days = []
    for offset in range(7):
        current = week_start + timedelta(days=offset)
        days.append({"date": current, "entries": [e for e in entries if e["date"] == current]})
    context = {
        "week_start": week_start,
        "days": days,
        "previous": week_start - timedelta(days=7),
        "next": week_start + timedelta(days=7),
    }
    return render(request, "activities/programme_week.html", context)


@roles_required(VOLUNTEER_AND_STAFF)
@require_GET
def programme_pdf(request):
    _term, start, end, _terms = _programme_period(request)
    document = document_build_now(
        centre=request.centre,
        kind=PROGRAMME,
        coverage=programme_coverage(start, end),
        requested_by=request.user,
    )
    if not document.downloadable:
        messages.info(request, _("The printed programme is being made. Please try again."))
        return redirect("activities:programme")
    return document_download_response(request, document)
