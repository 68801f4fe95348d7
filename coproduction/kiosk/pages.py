"""The shape of a tablet page with a form, for the kiosk's own pages and the other rooms' pages
on the tablet (getting involved's moving-on and "I'd like to help")."""

from collections.abc import Callable
from typing import Any

from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .access import kiosk_settings
from .services import kiosk_allowance_take


def tablet_render(
    request: HttpRequest, template: str, context: dict[str, Any] | None = None, status: int = 200
) -> HttpResponse:
    """A tablet page, with the timings the tablet's script reads."""
    return render(request, template, {"kiosk": kiosk_settings(), **(context or {})}, status=status)


def tablet_form(
    request: HttpRequest,
    form: Form,
    template: str,
    record: Callable[[dict[str, Any]], HttpResponse | None],
    *,
    kind: str = "suggestion",
    **context: Any,
) -> HttpResponse:
    """A tablet page with a form. Once she sends it, `record` saves what she gave and returns the
    page that follows (or None when it refused it, having put why on the form); too many of this
    `kind` from this tablet in a short while and it rests (429); refused, the form comes back with
    what she typed (400)."""
    context["form"] = form
    if request.method == "POST" and form.is_valid():
        if not kiosk_allowance_take(tablet=request.tablet, kind=kind):  # type: ignore[attr-defined]
            return tablet_render(request, template, {**context, "resting": True}, status=429)
        following = record(form.cleaned_data)
        if following is not None:
            return following
    return tablet_render(request, template, context, status=400 if form.errors else 200)
