"""Every PDF is made here, with WeasyPrint, from a Django template.

WeasyPrint needs the Pango system libraries, so it is imported only when a PDF is made: the app
starts without them. The URL fetcher serves only our own static files, so a template (or text a
person typed) can never make the server fetch anything from the network or the disk elsewhere.
"""

import base64
import io
import mimetypes
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from pypdf import PdfReader

STATIC_PREFIX = "static:"
DATA_IMAGE_PREFIXES = ("data:image/png;base64,", "data:image/jpeg;base64,")


class PDFFetchRefused(ValueError):
    pass


class PDFUnavailable(RuntimeError):
    """WeasyPrint's system libraries (Pango, HarfBuzz) are not installed on this machine."""


def static_only_url_fetcher(url, *args, **kwargs):
    if url.startswith(DATA_IMAGE_PREFIXES):
        # An image carried inside the page itself (a newsletter's photo): nothing is fetched.
        header, _sep, payload = url.partition(",")
        return {"string": base64.b64decode(payload), "mime_type": header[5:].split(";")[0]}
    path = None
    if url.startswith(STATIC_PREFIX):
        path = url[len(STATIC_PREFIX) :].lstrip("/")
    elif url.startswith(settings.STATIC_URL):
        path = url[len(settings.STATIC_URL) :]
    if path is None or ".." in Path(path).parts:
        raise PDFFetchRefused(f"PDFs may only use our own static files, not {url[:80]!r}")
    found = finders.find(path)
    if not found:
        raise PDFFetchRefused(f"No static file {path!r}")
    mime_type, _ = mimetypes.guess_type(found)
    return {
        "string": Path(found).read_bytes(),
        "mime_type": mime_type or "application/octet-stream",
    }


def render_pdf(template_name, context=None):
    """Render a template to PDF bytes. Templates link assets as {% static %} URLs."""
    return html_pdf(render_to_string(template_name, context or {}))


def html_pdf(html):
    """HTML to PDF bytes, fetching only our static files."""
    try:
        import weasyprint  # noqa: PLC0415 - see the module docstring
    except OSError as error:
        raise PDFUnavailable(
            "PDFs need the Pango libraries (see the README: libpango-1.0-0 libpangoft2-1.0-0)"
        ) from error

    document = weasyprint.HTML(
        string=html, base_url=STATIC_PREFIX, url_fetcher=static_only_url_fetcher
    )
    return document.write_pdf()


def pdf_text(pdf_bytes):
    """The text of a PDF, page by page joined, for checks and tests."""
    reader = PdfReader(io.BytesIO(pdf_bytes))
    return "\n".join(page.extract_text() or "" for page in reader.pages)
