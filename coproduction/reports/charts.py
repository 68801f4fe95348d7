"""Horizontal bar charts drawn as SVG on the server: no JavaScript and no new dependency, and
the same image works on the page and in the WeasyPrint PDF.

Charts are drawn only from figures the report already shows: a count that is not shown gets no
bar, just its words ("fewer than 5"), so a chart never gives away a hidden number.
"""

from itertools import count as counter

from django.utils.html import escape
from django.utils.safestring import mark_safe

WIDTH = 640
LABEL_WIDTH = 230
VALUE_WIDTH = 110
ROW = 26
TOP = 8
BAR_COLOUR = "#5b2a86"
_ids = counter(1)


def bar_chart_svg(title, bars):
    """`bars`: [(label, value or None, text)]. Returns safe SVG markup with a title and a text
    description of every bar, for screen readers."""
    chart_id = f"chart-{next(_ids)}"
    height = TOP * 2 + ROW * max(len(bars), 1)
    plot = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    largest = max((value for _label, value, _text in bars if value), default=0)
    description = "; ".join(f"{label}: {text}" for label, _value, text in bars)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" role="img" '
        f'aria-labelledby="{chart_id}-t {chart_id}-d" class="report-chart">',
        f'<title id="{chart_id}-t">{escape(title)}</title>',
        f'<desc id="{chart_id}-d">{escape(description)}</desc>',
        f'<rect x="0" y="0" width="{WIDTH}" height="{height}" fill="#ffffff"/>',
    ]
    for index, (label, value, text) in enumerate(bars):
        y = TOP + index * ROW
        parts.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{y + 17}" font-size="13" text-anchor="end" '
            f'fill="#1b1b1b" font-family="Atkinson Hyperlegible, sans-serif">'
            f"{escape(_short(label))}</text>"
        )
        width = plot * value / largest if value and largest else 0
        if width:
            parts.append(
                f'<rect x="{LABEL_WIDTH}" y="{y + 4}" width="{width:.1f}" height="{ROW - 8}" '
                f'fill="{BAR_COLOUR}"/>'
            )
        style = "" if value is not None else ' font-style="italic"'
        parts.append(
            f'<text x="{LABEL_WIDTH + width + 6:.1f}" y="{y + 17}" font-size="13" '
            f'fill="#1b1b1b" font-family="Atkinson Hyperlegible, sans-serif"{style}>'
            f"{escape(text)}</text>"
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every piece of text above is escaped


def _short(label, limit=32):
    label = str(label)
    return label if len(label) <= limit else label[: limit - 1] + "…"
