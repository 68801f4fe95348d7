"""The manager's monthly access review, and marking an item reviewed."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from centre.access import roles_required
from centre.audit import audit_request
from centre.pages import form_view

from . import access, selectors, services
from .forms import MarkForm
from .models import ItemKind


@roles_required(access.MANAGERS)
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    centre = request.centre  # type: ignore[attr-defined]
    month = selectors.month_start(request.GET.get("month"))
    review = selectors.month_review(centre, month)
    this_month = selectors.month_start(None)
    sections = [(kind, label, review.sections[kind]) for kind, label in ItemKind.choices]
    audit_request(request, "review.month.view", object_type="review.month", object_id=str(month))
    return render(
        request,
        "access_review/index.html",
        {
            "review": review,
            "sections": sections,
            "month": month,
            "month_value": month.strftime("%Y-%m"),
            "previous": selectors.previous_month(month).strftime("%Y-%m"),
            "next": selectors.next_month(month).strftime("%Y-%m") if month < this_month else "",
            "limit": selectors.daily_records_limit(),
        },
    )


@roles_required(access.MANAGERS)
@require_POST
def mark(request: HttpRequest) -> HttpResponse:
    """Mark an item reviewed, posted from the month's page. Refused (a note too long, an item not
    in this centre's month), it comes back on a page of its own with her note and the message."""
    form = MarkForm(request.POST)
    back = f"{reverse('access_review:index')}?month={request.POST.get('month', '')}"
    return form_view(
        request,
        form,
        lambda: services.item_mark(
            centre=request.centre,  # type: ignore[attr-defined]
            month=_month(form),
            kind=form.cleaned_data["kind"],
            key=form.cleaned_data["item"],
            note=form.cleaned_data["note"],
            by=request.user,  # type: ignore[arg-type]
        ),
        success=_("Marked as reviewed."),
        done=lambda _marked: f"{reverse('access_review:index')}?month={_month(form):%Y-%m}",
        title=_("Mark an item reviewed"),
        back=back,
    )


def _month(form):
    return selectors.month_start(form.cleaned_data["month"])
