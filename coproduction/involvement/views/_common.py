"""What every getting-involved page shares: the access groups, the form page and the button messages."""

from collections.abc import Callable
from datetime import date
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import FileResponse, HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from centre.pages import form_page
from centre.roles import KEY_WORKERS_AND_MANAGER, VOLUNTEERS
from centre.versioning import EditConflict

STAFF = KEY_WORKERS_AND_MANAGER
EVERYONE_HERE = KEY_WORKERS_AND_MANAGER | VOLUNTEERS


def _form_page(
    request: HttpRequest,
    form: Form,
    *,
    title: str,
    back: str,
    intro: str = "",
    conflict: Any = None,
    multipart: bool = False,
    status: int | None = None,
) -> HttpResponse:
    """The room's form page; refused forms answer 400 unless the caller says otherwise
    (`multipart` is read from the form)."""
    return form_page(
        request,
        form,
        title=title,
        back=back,
        intro=intro,
        conflict=conflict,
        status=status or (400 if form.errors else 200),
    )


def _tell(request: HttpRequest, action: Callable[[], Any], success: str) -> None:
    """Run a button's service: a clear message either way (nothing to keep on a button)."""
    try:
        action()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    except EditConflict:
        messages.error(request, _("It changed while you were reading it. Look at it again."))
    else:
        messages.success(request, success)


def _posted(request: HttpRequest, form: Form) -> bool:
    return request.method == "POST" and form.is_valid()


def _quarter_start(today: date) -> date:
    return date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)


def _private_file(field: Any) -> FileResponse:
    response = FileResponse(
        field.open("rb"), as_attachment=True, filename=field.name.rsplit("/", 1)[-1]
    )
    response["Cache-Control"] = "no-store"
    return response
