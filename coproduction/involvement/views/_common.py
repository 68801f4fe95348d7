"""What every getting-involved page shares: the access groups, quarters, edit forms' instances
and private files.
Pages that save something take their shape from centre.pages."""

from datetime import date
from typing import Any, TypeVar

from django.db.models import Model
from django.http import FileResponse, HttpRequest

from centre.roles import KEY_WORKERS_AND_MANAGER, VOLUNTEERS

STAFF = KEY_WORKERS_AND_MANAGER
EVERYONE_HERE = KEY_WORKERS_AND_MANAGER | VOLUNTEERS

M = TypeVar("M", bound=Model)


def _quarter_start(today: date) -> date:
    return date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)


def _form_instance(request: HttpRequest, model: type[M], record: M | None) -> M | None:
    """What an edit form binds to: the record itself to show it; to check a post, a blank one of
    this centre's, so that checking the form never changes the record the service is given."""
    return model(centre=request.centre) if request.method == "POST" else record  # type: ignore[attr-defined]


def _private_file(field: Any) -> FileResponse:
    response = FileResponse(
        field.open("rb"), as_attachment=True, filename=field.name.rsplit("/", 1)[-1]
    )
    response["Cache-Control"] = "no-store"
    return response
