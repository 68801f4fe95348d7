"""Shared pieces of the casework views: fetching with access applied, and auditing."""

from dataclasses import replace
from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from centre.access import require, scope_to_centre
from centre.audit import audit_request

# One helper puts a service's validation errors on a form (re-exported for the views).
from centre.forms import add_service_errors as add_errors  # noqa: F401
from centre.versioning import save_versioned

from .. import selectors, services
from ..access import Part, record_access
from ..forms import BreakGlassForm, ContactForm, StatusForm

READS = ("GET", "HEAD")


def audit_woman(request, woman, action, reason=""):
    """One audit event per view, edit, export or PDF of her record, always against the woman
    and with the grounds the person had, so the manager's "who looked" page lists all of them."""
    record = record_access(request, woman)
    if not reason and record.grant is not None:  # break the glass: her reason, and until when
        until = timezone.localtime(record.grant.expires_at).strftime("%H:%M")
        reason = f"{record.grant.reason} (until {until})"
    audit_request(
        request, action, obj=woman, reason=reason, grounds=record.grounds, woman_id=woman.pk
    )


def full_record(view=None, *, require=selectors.FULL, part=Part.SUMMARY, change=None):
    """Fetch the woman from URL kwarg `pk` under the record policy: another centre's woman is
    a 404; someone who does not see `part` gets the front-desk card (with break the glass) on
    a GET and a 403 otherwise; a POST needs `may_change(change or part)`.

    With require=selectors.OWN the view also runs for an involved partner worker whom the
    woman's sharing agreement limits to the card and her own contacts (logging a contact)."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, pk, *args, **kwargs):
            try:
                woman, _level = selectors.get_woman_for_user(
                    request, pk, require=require, part=part
                )
            except selectors.NeedsBreakGlass as refused:
                if request.method not in READS:
                    raise PermissionDenied from None
                return front_desk_card(request, refused.woman, status=403)
            if request.method not in READS and not record_access(request, woman).may_change(
                change or part
            ):
                raise PermissionDenied
            return view(request, woman, *args, **kwargs)

        return wrapped

    return decorator(view) if view is not None else decorator


def contact_form_for(request, data=None):
    """The contact form, starting at the worker's last type, format and length."""
    return ContactForm(data, initial=services.contact_choices_last(worker=request.user))


def front_desk_card(request, woman, *, status=200, form=None, contact_form=None):
    """The front-desk card. For an involved partner worker whom the woman's sharing agreement
    limits, it also says why, who to ask, lists her own contacts and lets her log one."""
    record = record_access(request, woman)
    audit_woman(
        request,
        woman,
        "casework.woman.shared_card_view"
        if record.sees_own_contacts
        else "casework.woman.card_view",
    )
    context = selectors.card_context(request, woman)
    context.update({"woman": woman, "form": form or BreakGlassForm(), "sharing": record.sharing})
    if record.sees_own_contacts:
        context["own_contacts"] = selectors.own_contacts(request, woman)
        context["contact_form"] = contact_form or contact_form_for(request)
    return render(request, "casework/card.html", context, status=status)


def get_child_for_user(request, queryset, pk, *, part=Part.SUMMARY):
    """A row belonging to a woman (appointment, goal, action...): 404 outside the centre,
    403 unless the user sees that part of her record (and, to change it, may change it)."""
    try:
        obj = scope_to_centre(queryset.select_related("woman"), request, field="woman__centre").get(
            pk=pk
        )
    except (queryset.model.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    record = record_access(request, obj.woman)
    if not record.sees(part):
        raise PermissionDenied
    if request.method not in READS and not record.may_change(part):
        raise PermissionDenied
    return obj


def manager_only(request):
    require(request, "read_audit_log")


def child_post(model, *, part=Part.SUMMARY):
    """A POST-only view on a row of her record. The row is fetched before the method is
    checked, so another centre's row is a 404 whatever the method."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, pk):
            obj = get_child_for_user(request, model.objects.all(), pk, part=part)
            if request.method != "POST":
                return HttpResponseNotAllowed(["POST"])
            return view(request, obj)

        return wrapped

    return decorator


def post_after_fetch(view):
    """For full-record POST-only views: put under @full_record so the 404/403 come first."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        return view(request, *args, **kwargs)

    return wrapped


def form_save(request, form, call, success=""):
    """Run the service `call` for a POSTed form that is valid. Returns (saved, its result):
    not saved when the form was not posted, is not valid, or the service refused it (then its
    errors are on the form's fields, next to what she typed). `success` is shown once saved."""
    if request.method != "POST" or not form.is_valid():
        return False, None
    try:
        result = call()
    except ValidationError as error:
        add_errors(form, error)
        return False, None
    if success:
        messages.success(request, success)
    return True, result


def run_and_tell(request, call, success):
    """Run the service `call` for a button that goes back to a page: a refusal is shown as an
    error message, else `success` (text, or a function giving it once the call has run)."""
    try:
        call()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return
    messages.success(request, success() if callable(success) else success)


def form_kept(request, form, heading, *, woman=None):
    """A small form posted from another page (her record, a case review) that was refused: shown
    on a page of its own with the messages and everything she typed, posting back to the same
    address. Going back to the page it came from would lose her words."""
    context = {"form": form, "heading": heading, "woman": woman, "tab": "overview"}
    return render(request, "casework/form_page.html", context)


def form_run(request, form, call, success) -> bool:
    """Run the service `call` for a valid small form (see form_kept); True when it ran. A refusal
    goes onto the form, to be shown with what she typed."""
    if not form.is_valid():
        return False
    try:
        call()
    except ValidationError as error:
        add_errors(form, error)
        return False
    messages.success(request, success() if callable(success) else success)
    return True


def status_set(request, call, success):
    """A status chosen from a list (a goal, a referral to another service): `call(status)`."""
    form = StatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a status."))
        return
    run_and_tell(request, lambda: call(form.cleaned_data["status"]), success)


def audited_list(request, rows, action, template, **context):
    """A list page of 50 at a time, logged as `action` (it names women or referrals)."""
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    audit_request(request, action)
    return render(request, template, {"page": page, **context})


def versioned_edit(request, woman, form, save, *, viewed, success, fields=None):
    """One edit of a record two people may save at once (her details, plan, a review). A GET is
    logged as `viewed`; a valid POST runs `save(expected_version, data)` through
    centre.versioning.save_versioned, which keeps what she typed on a clash. Returns (saved,
    conflict)."""
    if request.method != "POST":
        audit_woman(request, woman, viewed)
        return False, None
    if not form.is_valid():
        return False, None
    data = {name: value for name, value in form.cleaned_data.items() if name != "version"}
    saved, conflict = save_versioned(
        request, form, lambda: save(form.expected_version, data), fields=fields
    )
    if saved:
        messages.success(request, success)
    if conflict is not None:  # "Yes" and "No" for her safe-contact choices, not True and False
        conflict.changes = [
            replace(change, theirs=_yes_no(change.theirs), yours=_yes_no(change.yours))
            for change in conflict.changes
        ]
    return saved, conflict


def _yes_no(value):
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    return value
