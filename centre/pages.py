"""The one shape of a page that saves something, for every app.

A page with a form does the same four things everywhere: on a valid POST it runs a service; a
refusal from the service goes onto the form next to what was typed; a clash with someone else's
save (centre.versioning) keeps her text and shows what they changed; once saved it says so and
goes on to the next page. A button (nothing typed) says either outcome as a message.

- `run_form`: the valid-POST-then-service step, for views that answer in their own way;
- `form_view`: the whole of a form page: `run_form`, then the redirect or the form page again;
- `form_page`: the form page itself (`form_page.html`), with its title, introduction and conflict;
- `button_run`: a button's service call, its success or refusal as a message;
- `refusal_said`: a small form posted from another page, refused: its errors as one message;
- `post_after_fetch`: a button's or small form's view, refused for anything but a POST only after
  what it acts on was found (so what is outside her reach is a 404 whatever the method).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _

from .forms import add_service_errors
from .versioning import Conflict, EditConflict, save_versioned

# A button's record changed between showing the page and pressing it (nothing typed to keep).
STALE_BUTTON = _("It changed while you were reading it. Look at it again.")


@dataclass
class Outcome:
    """What happened to a posted form: `saved` and the service's `result`; or `conflict`, what
    someone else saved meanwhile; or neither, and the refusal is on the form."""

    saved: bool = False
    result: Any = None
    conflict: Conflict | None = None

    def __bool__(self) -> bool:
        return self.saved


def _said(success: str | Callable[[Any], str], result: Any) -> str:
    return success(result) if callable(success) else success


def run_form(
    request: HttpRequest,
    form: forms.BaseForm,
    save: Callable[[], Any],
    *,
    success: str | Callable[[Any], str] = "",
    fields: Any = None,
) -> Outcome:
    """On a POST of a valid `form`, run `save` (a service call with no arguments). A form with a
    `version` field (centre.versioning.VersionedForm) goes through the versioning helper, so a
    clash keeps what she typed; a service's ValidationError goes onto the form. `success` (text,
    or a function of what `save` returned) is shown once saved."""
    if request.method != "POST" or not form.is_valid():
        return Outcome()
    box: dict[str, Any] = {}

    def call() -> None:
        box["result"] = save()

    if "version" in form.fields:
        saved, conflict = save_versioned(request, form, call, fields=fields)
        if not saved:
            return Outcome(conflict=conflict)
    else:
        try:
            call()
        except ValidationError as error:
            add_service_errors(form, error)
            return Outcome()
    result = box.get("result")
    said = _said(success, result)
    if said:
        messages.success(request, said)
    return Outcome(saved=True, result=result)


def form_page(
    request: HttpRequest,
    form: forms.BaseForm,
    *,
    title: str,
    back: str,
    intro: str = "",
    conflict: Conflict | None = None,
    button: str = "",
    breadcrumb: str = "",
    status: int | None = None,
    **context: Any,
) -> HttpResponse:
    """One form on a page of its own (`form_page.html`): its title, an introduction, the edit
    conflict if there was one, the form with what was typed and its messages, Save and Back.

    A refused form answers 400 and a clash 409 unless `status` says otherwise. Small forms posted
    from another page (a reason on a list, a comment under a piece) come back here when they are
    refused, posting to the same address, so nothing typed is lost. `breadcrumb` names a template
    included above the title (it sees `context`)."""
    if status is None:
        status = 409 if conflict else 400 if form.is_bound and form.errors else 200
    context.update(
        form=form,
        title=title,
        back=back,
        intro=intro,
        conflict=conflict,
        button=button or _("Save"),
        breadcrumb=breadcrumb,
    )
    return render(request, "form_page.html", context, status=status)


def form_view(
    request: HttpRequest,
    form: forms.BaseForm,
    save: Callable[[], Any],
    *,
    success: str | Callable[[Any], str],
    done: str | Callable[[Any], Any],
    title: str,
    back: str,
    fields: Any = None,
    **page: Any,
) -> HttpResponse:
    """The whole of a page with a form: `run_form`, then on to `done` (an address, a URL name, or
    a function of what `save` returned giving either) once saved; otherwise the form page again
    with what was typed, its messages and any conflict. `page` goes to `form_page`."""
    outcome = run_form(request, form, save, success=success, fields=fields)
    if outcome.saved:
        return redirect(done(outcome.result) if callable(done) else done)
    return form_page(request, form, title=title, back=back, conflict=outcome.conflict, **page)


def button_run(
    request: HttpRequest,
    call: Callable[[], Any],
    success: str | Callable[[Any], str],
    *,
    stale: str = "",
) -> bool:
    """Run a button's service (nothing typed to keep): its success (text, or a function of what
    the call returned) or its refusal as a message. True when it ran. A clash (the record changed
    since the page was shown) says `stale`, in words about what changed, or STALE_BUTTON."""
    try:
        result = call()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return False
    except EditConflict:
        messages.error(request, stale or STALE_BUTTON)
        return False
    said = _said(success, result)
    if said:
        messages.success(request, said)
    return True


def refusal_said(request: HttpRequest, form: forms.BaseForm) -> None:
    """A small form posted from another page was refused: all its errors as one message there
    (the page it came from shows messages, not this form's fields)."""
    messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))


def post_after_fetch(
    fetch: Callable[..., Any], *, url_key: str = "pk", **fetch_kwargs: Any
) -> Callable[[Any], Any]:
    """A POST-only view (a button, or a small form posted from another page) on what
    `fetch(request, <the URL's url_key>, **fetch_kwargs)` finds. It is fetched before the method
    is checked, so another centre's is a 404 and a missing permission a 403 whatever the method;
    then anything but a POST is a 405. The view gets what was found in place of the URL's key."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapped(request: HttpRequest, **kwargs: Any) -> HttpResponse:
            found = fetch(request, kwargs.pop(url_key), **fetch_kwargs)
            if request.method != "POST":
                return HttpResponseNotAllowed(["POST"])
            return view(request, found, **kwargs)

        return wrapped

    return decorator
