"""Shared pieces of the casework views: fetching with access applied, and auditing."""

from dataclasses import replace
from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from centre.access import require, scope_to_centre
from centre.audit import audit_request
from centre.pages import Outcome, button_run, form_page, post_after_fetch, run_form

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
    """A POST-only view on a row of her record (centre.pages.post_after_fetch): the row is
    fetched before the method is checked, so another centre's row is a 404 whatever the method.
    A POST-only view on the whole record puts `require_POST` under `full_record` instead."""
    return post_after_fetch(
        lambda request, pk: get_child_for_user(request, model.objects.all(), pk, part=part)
    )


def form_kept(request, form, heading, woman):
    """A small form about her that was refused, on a page of its own inside her record (which
    is why this is not centre.pages.form_page): the messages and everything she typed, posting
    back to the same address."""
    context = {"form": form, "heading": heading, "woman": woman, "tab": "overview"}
    return render(request, "casework/form_page.html", context)


def small_form(request, form, save, *, success, done, heading, woman=None):
    """A small form posted from another page (her record, a case review): centre.pages.run_form,
    then on to `done` once saved. Refused, it comes back on a page of its own with the messages
    and what she typed (going back to the page it came from would lose her words): inside her
    record when it is about her, else the plain form page with `done` as the way back."""
    if run_form(request, form, save, success=success):
        return redirect(done)
    if woman is None:
        return form_page(request, form, title=heading, back=done)
    return form_kept(request, form, heading, woman)


def status_set(request, call, success):
    """A status chosen from a list (a goal, a referral to another service): `call(status)`."""
    form = StatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a status."))
        return
    button_run(request, lambda: call(form.cleaned_data["status"]), success)


def audited_list(request, rows, action, template, **context):
    """A list page of 50 at a time, logged as `action` (it names women or referrals)."""
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    audit_request(request, action)
    return render(request, template, {"page": page, **context})


def record_form(request, woman, form, save, *, viewed, success="", fields=None):
    """A form on a page of her record: a GET shows her record, so it is logged as `viewed`; a
    POST goes through centre.pages.run_form. Returns run_form's Outcome."""
    if request.method != "POST":
        audit_woman(request, woman, viewed)
        return Outcome()
    return run_form(request, form, save, success=success, fields=fields)


def versioned_edit(request, woman, form, save, *, viewed, success, fields=None):
    """One edit of a record two people may save at once (her details, plan, a review): a
    record_form with `save(expected_version, data)`, so a clash keeps what she typed. A clash's
    changes say "Yes" and "No" for her safe-contact choices, not True and False."""
    outcome = record_form(
        request,
        woman,
        form,
        lambda: save(form.expected_version, _without_version(form.cleaned_data)),
        viewed=viewed,
        success=success,
        fields=fields,
    )
    if outcome.conflict is not None:
        outcome.conflict.changes = [
            replace(change, theirs=_yes_no(change.theirs), yours=_yes_no(change.yours))
            for change in outcome.conflict.changes
        ]
    return outcome


def _without_version(cleaned_data):
    return {name: value for name, value in cleaned_data.items() if name != "version"}


def _yes_no(value):
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    return value
