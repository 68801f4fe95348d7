"""The manager's monthly access review, and marking an item reviewed."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from centre.access import roles_required
from centre.audit import audit_request
from centre.forms import form_try
from centre.pages import form_page

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
    month_value = request.POST.get("month", "")
    back = f"{reverse('access_review:index')}?month={month_value}"
    if form.is_valid():
        month = selectors.month_start(form.cleaned_data["month"])
        marked = form_try(
            form,
            lambda: (
                services.item_mark(
                    centre=request.centre,  # type: ignore[attr-defined]
                    month=month,
                    kind=form.cleaned_data["kind"],
                    key=form.cleaned_data["item"],
                    note=form.cleaned_data["note"],
                    by=request.user,  # type: ignore[arg-type]
                )
                or True
            ),
        )
        if marked:
            messages.success(request, _("Marked as reviewed."))
            return redirect(f"{reverse('access_review:index')}?month={month:%Y-%m}")
    return form_page(request, form, title=_("Mark an item reviewed"), back=back, status=400)
