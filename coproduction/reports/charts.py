"""The report's charts, drawn with matplotlib on the server as SVG: the same image on the page and
in the WeasyPrint PDF, no JavaScript, no network.

- The Agg backend is chosen before pyplot could ever be imported, so no display is needed.
- Text stays text in the SVG (`svg.fonttype: none`), in DejaVu Sans (shipped inside matplotlib
  and installed with WeasyPrint's fonts), so the PDF's chart labels can be read back.
- Each chart gets its own id salt, so two charts inlined in one page never share an id.
- Black and white: bars are solid dark or mid grey with a black edge, lines have markers and
  dashes, so the report prints on any office printer. Each chart is one series, so no hatching
  is needed to tell bars apart; hatch patterns also cost WeasyPrint most of a chart's drawing
  time and doubled the large centre's PDF (313 kB against 165 kB without).

Charts are drawn only from figures the report already shows: a count that is not shown gets no
bar or point, only its words in the text alternative, so a chart never gives a hidden number away.
A chart with nothing to plot (every figure 0 or not shown) is not drawn: its figures are printed
as words instead. Counts are plotted on whole-number axes.
Every chart comes with a text alternative (the same figures, in words) for screen readers.
"""

import hashlib
import io
import json
import re
from functools import lru_cache
from typing import Any

import matplotlib

matplotlib.use("Agg")

from django.utils.html import escape  # noqa: E402 - after choosing the backend
from django.utils.safestring import SafeString, mark_safe  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.ticker import MaxNLocator  # noqa: E402

STYLE: dict[Any, Any] = {
    "svg.fonttype": "none",
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.edgecolor": "#1b1b1b",
    "axes.labelcolor": "#1b1b1b",
    "xtick.color": "#1b1b1b",
    "ytick.color": "#1b1b1b",
    "axes.spines.top": False,
    "axes.spines.right": False,
}
WIDTH_INCHES = 6.4
_XML_HEAD = re.compile(r"^.*?(?=<svg)", re.S)


def _svg(figure: Figure, salt: str) -> str:
    buffer = io.StringIO()
    with matplotlib.rc_context({**STYLE, "svg.hashsalt": salt}):
        figure.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    return _XML_HEAD.sub("", buffer.getvalue(), count=1)


_ID = re.compile(r'(\bid="|url\(#|href="#)([^")]+)')


def _unique_ids(svg: str, salt: str) -> str:
    """matplotlib names its parts patch_1, text_2...: prefix every id (and every reference to
    one) with the chart's salt, so two charts on one page never share an id."""
    return _ID.sub(lambda match: f"{match.group(1)}c{salt}-{match.group(2)}", svg)


_STYLE = re.compile(r'style="([^"]*)"')


def _attributes(match: re.Match[str]) -> str:
    pairs = (part.split(":", 1) for part in match.group(1).split(";") if ":" in part)
    return " ".join(f'{key.strip()}="{value.strip().strip(chr(39))}"' for key, value in pairs)


def _presentation_attributes(svg: str) -> str:
    """matplotlib styles its shapes with CSS `style` attributes; as SVG presentation attributes
    they mean the same to browsers and WeasyPrint draws them without a warning for each."""
    return _STYLE.sub(_attributes, svg)


def _with_alternative(svg: str, salt: str, title: str, description: str) -> SafeString:
    """The SVG as an image with a title and a description a screen reader reads out."""
    svg = _presentation_attributes(_unique_ids(svg, salt))
    label = f'aria-labelledby="chart-{salt}-t chart-{salt}-d"'
    opening = re.match(r"<svg\b[^>]*>", svg)
    assert opening is not None  # matplotlib always writes one
    head = opening.group(0)[:-1] + f' role="img" class="report-chart" {label}>'
    head += f'<title id="chart-{salt}-t">{escape(title)}</title>'
    head += f'<desc id="chart-{salt}-d">{escape(description)}</desc>'
    return mark_safe(head + svg[opening.end() :])  # noqa: S308 - title and description escaped


def _salt(spec: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(spec, sort_keys=True).encode()).hexdigest()[:10]


def bar_chart(title: str, bars: list[tuple[str, int | None, str]], *, table: str) -> dict[str, Any]:
    """A horizontal bar chart spec: `bars` is [(label, value or None when not shown, text)];
    `table` is the caption of the table with the same numbers (the chart is printed by it)."""
    return {"kind": "bar", "title": title, "bars": [list(bar) for bar in bars], "table": table}


def line_chart(
    title: str, points: list[tuple[str, int | None, str]], *, target: int | None = None
) -> dict[str, Any]:
    """Eight quarters of one headline: `points` is [(quarter, value or None, text)], oldest
    first; a dashed line marks the target when there is one."""
    return {"kind": "line", "title": title, "points": [list(p) for p in points], "target": target}


def profile_chart(
    title: str, domains: list[tuple[str, float | None, str]], *, table: str
) -> dict[str, Any]:
    """Average change per life area (distance travelled), from -9 to +9; None when not shown.
    `table` is the caption of the table with the same numbers."""
    return {
        "kind": "profile",
        "title": title,
        "domains": [list(d) for d in domains],
        "table": table,
    }


def _rows(spec: dict[str, Any]) -> list[list[Any]]:
    return spec.get("bars") or spec.get("points") or spec.get("domains") or []


def chart_is_empty(spec: dict[str, Any]) -> bool:
    """True when there is nothing to plot: every figure is 0 or not shown. Such a chart would be
    only labels ("0", "fewer than 5") along an empty axis, so the report prints the words."""
    return not any(value for _label, value, _text in _rows(spec))


def chart_description(spec: dict[str, Any]) -> str:
    """The chart's figures in words ("2026Q3: 0; 2026Q4: fewer than 5")."""
    return "; ".join(f"{label}: {text}" for label, _value, text in _rows(spec))


def _bars(figure: Figure, rows: list[list[Any]], colour: str) -> Any:
    """Horizontal bars, first row at the top, each labelled with its text (the shown figure or
    its words); a row that is not shown is drawn with no bar."""
    axes = figure.subplots()
    values = [value or 0 for _label, value, _text in rows][::-1]
    drawn = axes.barh(range(len(values)), values, color=colour, edgecolor="#000000")
    axes.set_yticks(range(len(values)), [_short(label) for label, _v, _t in rows][::-1])
    axes.bar_label(drawn, labels=[text for _l, _v, text in rows][::-1], padding=3, fontsize=8)
    return axes, values


def _draw_bar(figure: Figure, spec: dict[str, Any]) -> None:
    axes, values = _bars(figure, spec["bars"], "#3d3d3d")
    axes.set_xlim(0, max(values + [1]) * 1.25)
    axes.xaxis.set_visible(False)
    axes.spines["bottom"].set_visible(False)


def _draw_line(figure: Figure, spec: dict[str, Any]) -> None:
    points = spec["points"]
    axes = figure.subplots()
    xs = list(range(len(points)))
    ys = [value if value is not None else float("nan") for _q, value, _t in points]
    axes.plot(xs, ys, color="#000000", marker="o", linewidth=1.6)
    for x, (_q, value, text) in zip(xs, points, strict=True):
        axes.annotate(
            text if value is not None else "<5" if text.startswith("fewer") else "–",
            (x, value if value is not None else 0),
            textcoords="offset points",
            xytext=(0, 6),
            ha="center",
            fontsize=7,
            style="normal" if value is not None else "italic",
        )
    if spec.get("target"):
        axes.axhline(spec["target"], color="#000000", linestyle="--", linewidth=1)
        axes.annotate(
            f"Target {spec['target']:,}",
            (xs[-1], spec["target"]),
            textcoords="offset points",
            xytext=(0, 4),
            ha="right",
            fontsize=7,
        )
    axes.set_xticks(xs, [quarter for quarter, _v, _t in points], fontsize=7)
    top = max([v for v in ys if v == v] + [spec.get("target") or 0, 1])
    axes.set_ylim(0, top * 1.25)
    # Counts: a tick at 2.5 women means nothing; round steps (0, 10, 20) read best.
    axes.yaxis.set_major_locator(MaxNLocator(integer=True, steps=[1, 2, 5, 10]))


def _draw_profile(figure: Figure, spec: dict[str, Any]) -> None:
    axes, values = _bars(figure, spec["domains"], "#7a7a7a")
    axes.axvline(0, color="#000000", linewidth=1)
    largest = max([abs(v) for v in values] + [1])
    axes.set_xlim(-largest * 1.5, largest * 1.5)
    axes.set_xlabel("Average change in her own rating (points out of 10)")


DRAW = {"bar": _draw_bar, "line": _draw_line, "profile": _draw_profile}


@lru_cache(maxsize=512)
def _render(spec_json: str) -> SafeString:
    spec = json.loads(spec_json)
    rows = _rows(spec)
    height = 1.2 + 0.3 * len(rows) if spec["kind"] != "line" else 1.9
    figure = Figure(figsize=(WIDTH_INCHES, height))
    with matplotlib.rc_context(STYLE):
        DRAW[spec["kind"]](figure, spec)
    salt = _salt(spec)
    return _with_alternative(_svg(figure, salt), salt, spec["title"], chart_description(spec))


def chart_svg(spec: dict[str, Any]) -> SafeString:
    """The chart as SVG markup (cached: the same spec always draws the same image)."""
    return _render(json.dumps(spec, sort_keys=True))


def _short(label: str, limit: int = 34) -> str:
    label = str(label)
    return label if len(label) <= limit else label[: limit - 1] + "…"
