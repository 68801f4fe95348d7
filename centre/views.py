import base64
import io
import logging

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import QuerySet
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import audit_words, deadlines, selectors, services
from .access import (
    half_signed_in,
    public,
    roles_required,
    sign_in_resettable_user_ids,
    signed_in,
    signed_in_account,
)
from .audit import audit_request
from .features import collect
from .forms import (
    AuditSearchForm,
    CentreChooseForm,
    CentreHolidayForm,
    CentreSettingsForm,
    InvitationForm,
    MemberEditForm,
    NewAccountForm,
    OutboxPasswordResetForm,
    SecondFactorForm,
    SignInForm,
)
from .models import CentreHoliday
from .pages import button_run, run_form
from .roles import MANAGER_ONLY

logger = logging.getLogger(__name__)


@signed_in
@require_GET
def home(request):
    panels = sorted(collect("home_panels", request=request), key=lambda panel: panel.order)
    return render(
        request, "centre/home.html", {"panels": panels, "memberships": request.memberships}
    )


@signed_in
@require_POST
def centre_choose(request):
    form = CentreChooseForm(request.POST)
    if form.is_valid():
        button_run(
            request,
            lambda: services.membership_choose(
                request=request, centre_id=form.cleaned_data["centre"]
            ),
            _("You are now working in this centre."),
        )
    return redirect("home")


@signed_in
@require_POST
def session_keepalive(request):
    """The idle warning's "stay signed in" button: any request refreshes the idle timer."""
    return JsonResponse({"ok": True, "idle_seconds": settings.SESSION_IDLE_SECONDS})


AUDIT_SEARCH_NEWEST = 5000


class NewestPaginator(Paginator):
    """Pages through at most the newest `newest` rows, so a search never counts a centre's
    whole history (profiled on 240,000 events: counting them took 140 ms, the page 0.2 ms)."""

    def __init__(self, object_list: QuerySet, per_page: int, *, newest: int):
        super().__init__(object_list, per_page)
        self.events = object_list
        self.newest = newest

    @cached_property
    def found(self) -> int:
        """How many match, counting one past the limit to know whether there are more."""
        return self.events.order_by()[: self.newest + 1].count()

    @cached_property
    def count(self) -> int:
        return min(self.found, self.newest)

    @property
    def capped(self) -> bool:
        return self.found > self.newest


@roles_required(MANAGER_ONLY)
@require_GET
def audit_log(request):
    form = AuditSearchForm(request.GET or None, centre=request.centre)
    events = selectors.audit_events_for_centre(
        request.centre, form.cleaned_data if form.is_valid() else {}
    )
    paginator = NewestPaginator(events, 50, newest=AUDIT_SEARCH_NEWEST)
    page = paginator.get_page(request.GET.get("page"))
    said = audit_words.in_words(page.object_list)
    audit_request(request, "audit.search")
    return render(request, "centre/audit_log.html", {"form": form, "page": page, "said": said})


@roles_required(MANAGER_ONLY)
@require_GET
def team(request):
    members = list(selectors.team_for_centre(request.centre))
    resettable = sign_in_resettable_user_ids(request.user, [m.user_id for m in members])
    context = {
        "members": members,
        "resettable": resettable,
        "invitations": selectors.pending_invitations_for_centre(request),
    }
    return render(request, "centre/team.html", context)


@roles_required(MANAGER_ONLY)
@require_http_methods(["GET", "POST"])
def team_invite(request):
    """Invite someone by email. Nobody is added to the team until she accepts."""
    form = InvitationForm(request.POST or None)
    if run_form(
        request,
        form,
        lambda: services.invitation_create(
            centre=request.centre, invited_by=request.user, **form.cleaned_data
        ),
        success=lambda invitation: (
            _("We have sent an invitation to %(email)s. She joins when she accepts it.")
            % {"email": invitation.email}
        ),
    ):
        return redirect("team")
    return _team_form_page(request, form, _("Invite someone to the team"))


def _team_form_page(request, form, title, **context):
    """A team form on its page; refused, it answers 400 with what was typed."""
    return render(
        request,
        "centre/team_form.html",
        {"form": form, "title": title, **context},
        status=400 if form.is_bound and form.errors else 200,
    )


@roles_required(MANAGER_ONLY)
@require_POST
def team_invitation_withdraw(request, pk):
    invitation = selectors.get_pending_invitation_for_manager(request, pk)
    button_run(
        request,
        lambda: services.invitation_withdraw(invitation=invitation, withdrawn_by=request.user),
        _("The invitation to %(email)s is withdrawn: its link no longer works.")
        % {"email": invitation.email},
    )
    return redirect("team")


@roles_required(MANAGER_ONLY)
@require_http_methods(["GET", "POST"])
def team_edit(request, pk):
    membership = selectors.get_membership_for_user(request, pk)
    initial = {"role": membership.role, "agency": membership.agency}
    form = MemberEditForm(request.POST or None, initial=initial)
    if run_form(
        request,
        form,
        lambda: services.membership_update(
            membership=membership, changed_by=request.user, **form.cleaned_data
        ),
        success=_("Saved. %(name)s will be asked to sign in again.") % {"name": membership.user},
    ):
        return redirect("team")
    title = _("Change the role of %(name)s") % {"name": membership.user}
    return _team_form_page(request, form, title, membership=membership)


@roles_required(MANAGER_ONLY)
@require_POST
def team_triage(request, pk):
    """Put someone on referral duty, or take her off it."""
    membership = selectors.get_membership_for_user(request, pk)
    on = request.POST.get("triages") == "on"
    said = (
        _("%(name)s now reads referrals waiting for a decision.")
        if on
        else _("%(name)s is no longer on referral duty.")
    )
    button_run(
        request,
        lambda: services.membership_triage_set(
            membership=membership, triages_referrals=on, changed_by=request.user
        ),
        said % {"name": membership.user},
    )
    return redirect("team")


@roles_required(MANAGER_ONLY)
@require_POST
def team_access(request, pk):
    """Remove or give back someone's access to this centre."""
    membership = selectors.get_membership_for_user(request, pk)
    if request.POST.get("action") == "reactivate":
        change, said = services.membership_reactivate, _("%(name)s can use the system again.")
    else:
        change, said = (
            services.membership_deactivate,
            _("%(name)s can no longer use the system here."),
        )
    button_run(
        request,
        lambda: change(membership=membership, changed_by=request.user),
        said % {"name": membership.user},
    )
    return redirect("team")


@roles_required(MANAGER_ONLY)
@require_POST
def team_second_factor_reset(request, pk):
    """For a lost phone: she sets up a new sign-in app at her next sign-in."""
    membership = selectors.get_membership_for_user(request, pk)
    button_run(
        request,
        lambda: services.second_factor_reset(
            user=membership.user, changed_by=request.user, centre=request.centre
        ),
        _("%(name)s has been signed out and will set up a new sign-in app next time.")
        % {"name": membership.user},
    )
    return redirect("team")


@roles_required(MANAGER_ONLY)
@require_http_methods(["GET", "POST"])
def centre_settings(request):
    form = CentreSettingsForm(request.POST or None, instance=request.centre)
    if run_form(
        request,
        form,
        lambda: services.centre_update(
            centre=request.centre,
            changed_by=request.user,
            **{f: form.cleaned_data[f] for f in form.changed_data},
        ),
        success=_("The centre's settings are saved."),
    ):
        return redirect("centre_settings")
    return _centre_settings_page(request, form, CentreHolidayForm())


def _centre_settings_page(request, form, holiday_form):
    """The settings page with its two forms; either one refused answers 400 with what was typed."""
    refused = any(f.is_bound and f.errors for f in (form, holiday_form))
    context = {
        "form": form,
        "holiday_form": holiday_form,
        "holidays": CentreHoliday.objects.filter(
            centre=request.centre, date__gte=timezone.localdate().replace(month=1, day=1)
        ),
    }
    return render(request, "centre/centre_settings.html", context, status=400 if refused else 200)


@roles_required(MANAGER_ONLY)
@require_POST
def centre_holiday_add(request):
    holiday_form = CentreHolidayForm(request.POST)
    if run_form(
        request,
        holiday_form,
        lambda: deadlines.centre_holiday_add(
            centre=request.centre,
            added_by=request.user,
            day=holiday_form.cleaned_data["date"],
            name=holiday_form.cleaned_data["name"],
        ),
        success=lambda holiday: _("%(holiday)s is a holiday.") % {"holiday": holiday},
    ):
        return redirect("centre_settings")
    form = CentreSettingsForm(instance=request.centre)
    return _centre_settings_page(request, form, holiday_form)


@roles_required(MANAGER_ONLY)
@require_POST
def centre_holiday_remove(request, pk):
    holiday = get_object_or_404(CentreHoliday, pk=pk, centre=request.centre)
    button_run(
        request,
        lambda: deadlines.centre_holiday_remove(holiday=holiday, removed_by=request.user),
        _("%(holiday)s is a working day again.") % {"holiday": holiday},
    )
    return redirect("centre_settings")


@public
@never_cache
@require_GET
def healthz(request):
    status = {"database": "ok", "broker": selectors.broker_status()}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:  # noqa: BLE001 - any database failure means unhealthy
        logger.exception("Health check: database unavailable")
        status["database"] = "down"
        return JsonResponse(status, status=503)
    return JsonResponse(status)


class SignInView(auth_views.LoginView):
    form_class = SignInForm
    redirect_authenticated_user = True


sign_in = public(SignInView.as_view())


class SignOutView(auth_views.LogoutView):
    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        # Leave nothing of the session in this browser: it may be a shared computer.
        response["Clear-Site-Data"] = '"cache", "storage"'
        return response


sign_out = public(require_POST(SignOutView.as_view()))
password_reset = public(auth_views.PasswordResetView.as_view(form_class=OutboxPasswordResetForm))
password_reset_done = public(auth_views.PasswordResetDoneView.as_view())
password_reset_confirm = public(auth_views.PasswordResetConfirmView.as_view())
password_reset_complete = public(auth_views.PasswordResetCompleteView.as_view())
password_change = signed_in(
    auth_views.PasswordChangeView.as_view(success_url=reverse_lazy("password_change_done"))
)
password_change_done = signed_in(auth_views.PasswordChangeDoneView.as_view())


def _qr_data_uri(device):
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage)
    buffer = io.BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()


@half_signed_in
@require_http_methods(["GET", "POST"])
def two_factor(request):
    """Set up (first time) or enter the code from an authenticator app."""
    confirmed = TOTPDevice.objects.filter(user=request.user, confirmed=True).first()
    device = confirmed or services.totp_device_for_setup(user=request.user)
    form = SecondFactorForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        if not device.confirmed:
            services.totp_device_confirm(device=device)
        otp_login(request, device)
        audit_request(request, "auth.second_factor")
        next_url = request.GET.get("next", "")
        if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
            next_url = ""
        return redirect(next_url or "home")
    context = {"form": form, "setting_up": not device.confirmed}
    if not device.confirmed:
        context.update(
            qr_code=_qr_data_uri(device), secret=base64.b32encode(device.bin_key).decode()
        )
    return render(request, "registration/two_factor.html", context)


@public
@never_cache
@require_http_methods(["GET", "POST"])
def invitation_open(request, token):
    """The link in an invitation. Someone new makes her account here; someone with an account
    is sent to sign in and accept it there, so nobody joins a centre without her own say-so."""
    invitation = selectors.pending_invitation_for_token(token)
    if invitation is None:
        return render(request, "registration/invitation_closed.html", status=404)
    if selectors.account_exists_for(invitation.email):
        if request.user.is_authenticated:
            return redirect("my_invitations")
        return render(request, "registration/invitation_sign_in.html", {"invitation": invitation})
    form = NewAccountForm(request.POST or None, email=invitation.email)
    if run_form(
        request,
        form,
        lambda: services.invitation_accept_as_new_person(
            invitation=invitation,
            username=form.cleaned_data["username"],
            first_name=form.cleaned_data["first_name"],
            last_name=form.cleaned_data["last_name"],
            password=form.cleaned_data["new_password1"],
        ),
        success=_("Your account is ready. Sign in with your username and password."),
    ):
        return redirect("login")
    context = {"form": form, "invitation": invitation}
    status = 400 if form.is_bound and form.errors else 200
    return render(request, "registration/invitation_new_account.html", context, status=status)


@signed_in_account
@require_GET
def my_invitations(request):
    invitations = selectors.pending_invitations_for_user(request.user)
    return render(request, "registration/my_invitations.html", {"invitations": invitations})


@signed_in_account
@require_POST
def invitation_respond(request, pk):
    """She accepts or declines one of her own invitations, signed in as herself."""
    invitation = selectors.get_pending_invitation_for_user(request.user, pk)
    if request.POST.get("action") == "accept":
        respond = services.invitation_accept
        said = _("You have joined %(centre)s. Choose it in the top bar to work there.") % {
            "centre": invitation.centre
        }
    else:
        respond, said = services.invitation_decline, _("You have declined the invitation.")
    button_run(request, lambda: respond(invitation=invitation, user=request.user), said)
    return redirect("my_invitations")


def error_403(request, exception=None):
    return render(request, "403.html", status=403)


def csrf_failure(request, reason=""):
    """A form whose security token did not match (the page was open across a sign-in, or for a
    long time): plain words and what to do, in the site's layout, instead of Django's page."""
    return render(request, "403_csrf.html", status=403)


def error_404(request, exception=None):
    return render(request, "404.html", status=404)


def error_500(request):
    # No request context: the failure may be in the database or a context processor.
    return HttpResponse(render_to_string("500.html"), status=500)


@signed_in
@require_GET
def bench_floor(request):
    """The benchmark's floor (only routed when settings.BENCH is on): the base template with
    nothing in it, so every page's time can be compared with what any signed-in page costs."""
    return render(request, "centre/bench_floor.html")
