"""The shared print style declares a face for every weight and style it prints, from the fonts
vendored in static/ (a PDF fetches nothing else): italic text is set in the italic face, not
printed upright or as a slanted copy of the upright one."""

import io
import re
from pathlib import Path

import pytest
from django.conf import settings
from pypdf import PdfReader

from centre.pdf import html_pdf, static_only_url_fetcher

PRINT_CSS = Path(settings.BASE_DIR) / "static" / "css" / "print.css"
FONT_FACE = re.compile(r"@font-face\s*{([^}]*)}")


def _faces() -> dict[tuple[str, str], str]:
    """(weight, style) -> the static URL of each face print.css declares."""
    faces = {}
    for body in FONT_FACE.findall(PRINT_CSS.read_text()):
        weight = re.search(r"font-weight:\s*(\d+)", body).group(1)
        style = re.search(r"font-style:\s*(\w+)", body)
        faces[weight, style.group(1) if style else "normal"] = re.search(
            r'url\("([^"]+)"\)', body
        ).group(1)
    return faces


def test_every_weight_has_an_upright_and_an_italic_face_that_is_vendored():
    faces = _faces()
    assert set(faces) == {
        ("400", "normal"),
        ("400", "italic"),
        ("700", "normal"),
        ("700", "italic"),
    }
    for (weight, style), url in faces.items():
        assert url.endswith(f"-{weight}-{style}.woff")
        assert static_only_url_fetcher(url)["string"]  # vendored, served to WeasyPrint


@pytest.mark.parametrize(
    ("markup", "face"),
    [
        ("<em>by Aisha</em>", "Atkinson-Hyperlegible-Italic"),
        ("<strong><em>x</em></strong>", "Atkinson-Hyperlegible-Bold-Italic"),
    ],
)
def test_italic_text_is_set_in_the_italic_face(markup, face):
    html = f'<link rel="stylesheet" href="static:css/print.css"><p>{markup}</p>'
    pdf = html_pdf(html)
    reader = PdfReader(io.BytesIO(pdf))
    fonts = {
        str(font["/BaseFont"]).split("+")[-1]
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert face in fonts
    assert not any("Oblique" in name for name in fonts)
