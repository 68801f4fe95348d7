"""Data protection requests pages (manager only): the list, a new request, one request, and
its actions (build the bundle, download it, record a correction, mark done, propose and approve
an erasure). Every page that shows her is audited against her record with the manager's
grounds."""

from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from casework.access import Grounds
from casework.models import Woman
from centre.access import roles_required, scope_to_centre
from centre.audit import audit_request
from centre.pages import button_run, form_view, run_form

from . import selectors, services
from .access import HANDLERS
from .forms import CorrectionForm, ProposeForm, RequestForm
from .models import DataRequest


@roles_required(HANDLERS)
@require_GET
def request_list(request):
    requests = list(selectors.request_list(request))
    return render(request, "privacy_requests/list.html", {"requests": requests})


@roles_required(HANDLERS)
@require_http_methods(["GET", "POST"])
def request_new(request):
    initial: dict = {"received_on": timezone.localdate()}
    woman_id = request.GET.get("woman", "")
    if woman_id.isdigit():
        woman = scope_to_centre(Woman.objects.all(), request).filter(pk=woman_id).first()
        if woman is not None:
            initial["woman"] = woman.pk
    form = RequestForm(request.POST or None, centre=request.centre, initial=initial)
    return form_view(
        request,
        form,
        lambda: services.request_create(
            centre=request.centre,
            woman=form.cleaned_data["woman"],
            kind=form.cleaned_data["kind"],
            received_on=form.cleaned_data["received_on"],
            notes=form.cleaned_data["notes"],
            by=request.user,
        ),
        success=lambda data_request: (
            _("Request recorded. It is due by %(due)s.")
            % {"due": data_request.due_on.strftime("%-d %B %Y")}
        ),
        done=lambda data_request: reverse("privacy_requests:detail", args=[data_request.pk]),
        title=_("Record a new request"),
        back=reverse("privacy_requests:list"),
        button=_("Record the request"),
        breadcrumb="privacy_requests/_new_breadcrumb.html",
    )


def _page(request, data_request, **forms):
    document = services.bundle_document(data_request)
    context = {
        "data_request": data_request,
        "woman": data_request.woman,
        "corrections": list(data_request.corrections.select_related("recorded_by")),
        "document": document,
        "correction_form": forms.get("correction_form") or CorrectionForm(),
        "propose_form": forms.get("propose_form") or ProposeForm(),
        "erased_counts": sorted(data_request.erased_counts.items()),
        "Kind": DataRequest.Kind,
        "Status": DataRequest.Status,
    }
    return render(request, "privacy_requests/detail.html", context)


@roles_required(HANDLERS)
@require_GET
def request_detail(request, pk):
    data_request = selectors.get_request(request, pk)
    audit_request(
        request,
        "privacy.request.view",
        obj=data_request,
        grounds=Grounds.MANAGER,
        woman_id=data_request.woman_id,
    )
    return _page(request, data_request)


@roles_required(HANDLERS)
@require_POST
def bundle_build(request, pk):
    return _button(
        request,
        pk,
        _bundle_build,
        _("Her bundle is being built. It will be ready to download here."),
    )


def _bundle_build(data_request, by):
    if data_request.kind != DataRequest.Kind.ACCESS:
        raise ValidationError(_("The bundle is built for a request for a copy of her data."))
    services.bundle_build(data_request=data_request, by=by)


def _button(request, pk, call, success):
    """A button on the request's page: `call(data_request, by)`, its outcome as a message, and
    back to the request."""
    data_request = selectors.get_request(request, pk)
    button_run(request, lambda: call(data_request, request.user), success)
    return redirect("privacy_requests:detail", pk=data_request.pk)


def _detail_form(request, pk, form_class, name, save, success):
    """A form on the request's page (`name` in its context): `save(data_request, by, data)`;
    refused, the page again with what was typed next to the messages."""
    data_request = selectors.get_request(request, pk)
    form = form_class(request.POST)
    if run_form(
        request, form, lambda: save(data_request, request.user, form.cleaned_data), success=success
    ):
        return redirect("privacy_requests:detail", pk=data_request.pk)
    return _page(request, data_request, **{name: form})


@roles_required(HANDLERS)
@require_POST
def bundle_download(request, pk):
    """The whole bundle (JSON and PDF) as a zip, made now and audited."""
    data_request = selectors.get_request(request, pk)
    woman = data_request.woman
    bundle = services.bundle_export(woman=woman, by=request.user)
    response = HttpResponse(bundle, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="everything-held-{woman.pk}.zip"'
    response["Cache-Control"] = "no-store"
    return response


@roles_required(HANDLERS)
@require_POST
def correction_add(request, pk):
    return _detail_form(
        request,
        pk,
        CorrectionForm,
        "correction_form",
        lambda data_request, by, data: services.correction_add(
            data_request=data_request,
            what=data["what"],
            change=data["change"],
            reason=data["reason"],
            by=by,
        ),
        _("Correction recorded."),
    )


@roles_required(HANDLERS)
@require_POST
def request_done(request, pk):
    return _button(
        request,
        pk,
        lambda data_request, by: services.request_done(data_request=data_request, by=by),
        _("Request marked done."),
    )


@roles_required(HANDLERS)
@require_POST
def erasure_propose(request, pk):
    return _detail_form(
        request,
        pk,
        ProposeForm,
        "propose_form",
        lambda data_request, by, data: services.erasure_propose(
            data_request=data_request, reason=data["reason"], by=by
        ),
        _("Erasure proposed. A different manager must now approve it."),
    )


@roles_required(HANDLERS)
@require_POST
def erasure_approve(request, pk):
    return _button(
        request,
        pk,
        lambda data_request, by: services.erasure_approve(data_request=data_request, by=by),
        _("Her data has been erased. Only the counts are kept."),
    )
