"""What every getting-involved page shares: the access groups, quarters and private files.
Pages that save something take their shape from centre.pages."""

from datetime import date
from typing import Any

from django.http import FileResponse

from centre.roles import KEY_WORKERS_AND_MANAGER, VOLUNTEERS

STAFF = KEY_WORKERS_AND_MANAGER
EVERYONE_HERE = KEY_WORKERS_AND_MANAGER | VOLUNTEERS


def _quarter_start(today: date) -> date:
    return date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)


def _private_file(field: Any) -> FileResponse:
    response = FileResponse(
        field.open("rb"), as_attachment=True, filename=field.name.rsplit("/", 1)[-1]
    )
    response["Cache-Control"] = "no-store"
    return response
