"""Her photo as a response, written once for every page allowed to show it (her record, and a
session register where she agreed). Never a public media URL: the view decides who sees it."""

from django.http import FileResponse, Http404

from .models import Woman


def photo_response(woman: Woman) -> FileResponse:
    """The photo file (404 when she has none, or the file is gone)."""
    if not woman.photo:
        raise Http404
    try:
        handle = woman.photo.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    is_jpeg = woman.photo.name.lower().endswith((".jpg", ".jpeg"))
    return FileResponse(handle, content_type="image/jpeg" if is_jpeg else "image/png")
