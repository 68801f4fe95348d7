"""The shared tablet at /kiosk/ (no login, no staff links, nothing kept for the next woman),
and the managers' pages at /coproduction/tablets/ that add, set up and switch off tablets."""

from datetime import timedelta

from axes.helpers import get_client_ip_address
from django.contrib import messages
from django.contrib.auth import logout
from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from activities import selectors as activity_selectors
from activities import services as activity_services
from activities.models import Feedback
from centre.access import roles_required
from centre.accessibility import accessibility_context
from centre.audit import audit_log
from centre.features import collect
from centre.pages import post_after_fetch
from centre.roles import MANAGER_ONLY
from coproduction.newsletter import selectors as newsletter_selectors
from coproduction.suggestions import selectors as suggestion_selectors
from coproduction.suggestions.models import Suggestion
from coproduction.suggestions.services import normalise_receipt_code

from . import selectors, services
from .access import enrolment_page, no_store, set_device_cookie, tablet_page
from .forms import (
    KioskCodeForm,
    KioskEnrolForm,
    KioskFeedbackForm,
    KioskSuggestionForm,
    TabletForm,
)
from .pages import tablet_form, tablet_render

PICTOGRAMS = {
    Suggestion.About.CENTRE: "centre",
    Suggestion.About.ACTIVITIES: "activities",
    Suggestion.About.FOOD: "food",
    Suggestion.About.STAFF: "staff",
    Suggestion.About.MEETINGS: "meetings",
    Suggestion.About.OTHER: "other",
}


def _render(request, template, context=None, status=200):
    context = {"pictograms": PICTOGRAMS, **(context or {})}
    return tablet_render(request, f"kiosk/{template}", context, status=status)


@tablet_page
@require_GET
def start(request):
    response = _render(
        request, "start.html", {"centre": request.kiosk_centre, "activities_enabled": True}
    )
    if request.GET.get("fresh"):
        # A reset: ask the browser to drop anything it kept for this site (not the cookie).
        response["Clear-Site-Data"] = '"cache", "storage"'
    return response


def _about_choices():
    return [(value, label, PICTOGRAMS[value]) for value, label in Suggestion.About.choices]


@tablet_page
@require_http_methods(["GET", "POST"])
def idea(request):
    def record(data):
        suggestion = services.suggestion_submit_from_tablet(
            tablet=request.tablet,
            about=data["about"],
            text=data["text"],
            fix_idea=data["fix_idea"],
            first_name=data["first_name"],
        )
        # Rendered straight from the POST (no redirect), so the code is never in a URL or history.
        return _render(request, "receipt.html", {"code": suggestion.receipt_code})

    return tablet_form(
        request,
        KioskSuggestionForm(request.POST if request.method == "POST" else None),
        "kiosk/idea.html",
        record,
        about_choices=_about_choices(),
        pictograms=PICTOGRAMS,
    )


@tablet_page
@require_http_methods(["GET", "POST"])
def code(request):
    form = KioskCodeForm(request.POST if request.method == "POST" else None)

    def look_up(data):
        receipt = normalise_receipt_code(data["code"])
        suggestion = suggestion_selectors.suggestion_for_receipt(request.kiosk_centre, receipt)
        if suggestion is None:
            return _render(request, "code.html", {"form": form, "not_found": True})
        answer = suggestion.duplicate_of or suggestion
        return _render(
            request,
            "code_result.html",
            {"code": receipt, "answer": answer, "duplicate": suggestion.duplicate_of_id},
        )

    return tablet_form(
        request, form, "kiosk/code.html", look_up, kind="lookup", pictograms=PICTOGRAMS
    )


@tablet_page
@require_GET
def board(request):
    items = list(suggestion_selectors.you_said_we_did_items(request.kiosk_centre, limit=12))
    for item in items:
        item.picture = PICTOGRAMS.get(item.about, "other")
    # Other rooms add sections through their hooks (meetings: published minutes in plain words).
    panels = collect("tablet_panels", centre=request.kiosk_centre)
    return _render(request, "board.html", {"items": items, "panels": panels})


@tablet_page
@require_GET
def newsletter(request):
    """The latest newsletter (its pieces and sections, photos described in words) and the call
    for contributions while one is running. Nothing but what was published."""
    centre = request.kiosk_centre
    issue = newsletter_selectors.latest_published(centre)
    context = {
        "issue": issue,
        "pieces": newsletter_selectors.piece_items(
            issue, image=lambda piece: reverse("kiosk:newsletter_photo", args=[piece.pk])
        )
        if issue
        else [],
        "sections": issue.sections if issue else {},
        "call": newsletter_selectors.current_call(centre),
    }
    return tablet_render(request, "newsletter/kiosk.html", context)


@tablet_page
@require_GET
def newsletter_photo(request, pk):
    """A photo printed in the latest newsletter (nothing else: no draft, no other issue)."""
    piece = newsletter_selectors.tablet_photo(request.kiosk_centre, pk)
    return FileResponse(piece.image.open("rb"))


@tablet_page
@require_GET
def activities(request):
    """What's on from today for seven days. Plain dicts from the activities app: no people."""
    today = timezone.localdate()
    entries = activity_selectors.week_programme(request.kiosk_centre, today)
    days = []
    for offset in range(7):
        day = today + timedelta(days=offset)
        days.append({"date": day, "sessions": [e for e in entries if e["date"] == day]})
    return _render(request, "activities.html", {"days": days, "today": today})


@tablet_page
@require_GET
def accessibility(request):
    """The accessibility statement on the tablet, inside the tablet's own page (a link out to
    the staff site would leave the tablet's idle wipe behind)."""
    return _render(request, "accessibility.html", accessibility_context())


FACES = {1: "face-1", 2: "face-2", 3: "face-3", 4: "face-4", 5: "face-5"}


def _session_choices(sessions, today):
    for entry in sessions:
        entry["when"] = _("Today") if entry["date"] == today else _("Yesterday")
    return sessions


@tablet_page
@require_http_methods(["GET", "POST"])
def feedback(request):
    """Tell us how a session went: today's (once started) or yesterday's sessions that ran.
    Anonymous; saved through activities.services.feedback_add, marked as from the tablet."""
    sessions = activity_selectors.sessions_for_feedback(request.kiosk_centre)
    form = KioskFeedbackForm(request.POST if request.method == "POST" else None, sessions=sessions)

    def record(data):
        session = activity_selectors.get_feedback_session(request.kiosk_centre, data["session"])
        if session is None:
            form.add_error("session", _("That session is not on the list any more."))
            return None
        try:
            activity_services.feedback_add(
                session=session,
                rating=data["rating"],
                comment=data["comment"],
                source=Feedback.Source.TABLET,
            )
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for field, errors in error.error_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                form.add_error(None, error.messages)
            return None
        return _render(request, "feedback_thanks.html")

    return tablet_form(
        request,
        form,
        "kiosk/feedback.html",
        record,
        kind="feedback",
        sessions=_session_choices(sessions, timezone.localdate()),
        ratings=[(value, label, FACES[value]) for value, label in Feedback.Rating.choices],
        pictograms=PICTOGRAMS,
    )


def _enrol(request, code_value):
    tablet = services.tablet_enrol(code=code_value)
    if tablet is None:
        services.tablet_enrol_failure_record(
            address=get_client_ip_address(request), code=code_value
        )
        return None
    # The tablet's browser must never hold a staff session.
    logout(request)
    response = set_device_cookie(redirect("kiosk:start"), tablet)
    return no_store(response)


def _blocked(request, code_value):
    return services.tablet_enrol_blocked(address=get_client_ip_address(request), code=code_value)


def _enrol_blocked(request):
    audit_log(actor=None, action="coproduction.tablet.enrol_blocked")
    context = {"form": KioskEnrolForm(), "blocked": True}
    return no_store(_render(request, "enrol.html", context, status=429))


@enrolment_page
@require_http_methods(["GET", "POST"])
def enrol(request):
    """Typing the set-up code a manager was given (for when the link is awkward to open)."""
    form = KioskEnrolForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and _blocked(request, request.POST.get("code", "")):
        return _enrol_blocked(request)
    if request.method == "POST" and form.is_valid():
        response = _enrol(request, form.cleaned_data["code"])
        if response is not None:
            return response
        form.add_error("code", _("That code did not work. It may be used up or too old."))
    return no_store(_render(request, "enrol.html", {"form": form}))


@enrolment_page
@require_http_methods(["GET", "POST"])
def enrol_link(request, token):
    """The one-time link. GET only asks to confirm, so a link preview cannot spend it."""
    if request.method == "POST" and _blocked(request, token):
        return _enrol_blocked(request)
    if request.method == "POST":
        response = _enrol(request, token)
        if response is not None:
            return response
        audit_log(actor=None, action="coproduction.tablet.enrol_failed")
        return no_store(_render(request, "enrol_link.html", {"failed": True}, status=404))
    return no_store(_render(request, "enrol_link.html", {"token": token}))


# Managing the tablets ---------------------------------------------------------------------------------------


def _enrolment_link(request, code):
    token = code.replace("-", "")
    return request.build_absolute_uri(reverse("kiosk:enrol_link", kwargs={"token": token}))


@roles_required(MANAGER_ONLY)
@require_http_methods(["GET", "POST"])
def tablets(request):
    form = TabletForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        tablet, code = services.tablet_create(
            centre=request.centre, name=form.cleaned_data["name"], by=request.user
        )
        return _show_code(request, tablet, code)
    return render(
        request,
        "kiosk/tablets.html",
        {"form": form, "tablets": selectors.tablets_for_centre(request)},
    )


def _show_code(request, tablet, code):
    return render(
        request,
        "kiosk/tablet_code.html",
        {"tablet": tablet, "code": code, "link": _enrolment_link(request, code)},
    )


# A manager's button on one tablet: the tablet is found first (another centre's is not found,
# whatever the method), then only a POST is answered; the view is given the tablet.
_tablet_button = post_after_fetch(selectors.get_tablet_for_user)


@roles_required(MANAGER_ONLY)
@require_http_methods(["GET", "POST"])
@_tablet_button
def tablet_link(request, tablet):
    if tablet.revoked_at:
        messages.error(request, _("This tablet was switched off. Add it again as a new tablet."))
        return redirect("kiosk:tablets")
    code = services.tablet_link_renew(tablet=tablet, by=request.user)
    return _show_code(request, tablet, code)


@roles_required(MANAGER_ONLY)
@require_http_methods(["GET", "POST"])
@_tablet_button
def tablet_revoke(request, tablet):
    services.tablet_revoke(tablet=tablet, by=request.user)
    messages.success(request, _("“%(name)s” can no longer be used.") % {"name": tablet.name})
    return redirect("kiosk:tablets")
