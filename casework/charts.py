"""Distance travelled as an SVG drawn on the server: no JavaScript and no new dependency, and the
same image works in the page and in WeasyPrint PDFs."""

from django.utils.html import escape

from .models import Domain

# Eight colour-blind-safe colours (Okabe-Ito plus two), each also marked with its own shape so
# meaning never rests on colour alone.
COLOURS = [
    "#0072B2",
    "#D55E00",
    "#009E73",
    "#CC79A7",
    "#56B4E9",
    "#E69F00",
    "#000000",
    "#7F3C8D",
    "#117733",
    "#882255",
]
WIDTH, HEIGHT = 720, 360
LEFT, RIGHT, TOP, BOTTOM = 48, 200, 20, 48
LEGEND_STEP = 31
# The house typeface where it is loaded (the site and print CSS declare it), else any sans-serif.
FONT = "Atkinson Hyperlegible, sans-serif"


def _marker(shape, x, y, colour):
    if shape == 0:
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{colour}"/>'
    if shape == 1:
        return f'<rect x="{x - 4:.1f}" y="{y - 4:.1f}" width="8" height="8" fill="{colour}"/>'
    points = f"{x:.1f},{y - 5:.1f} {x + 5:.1f},{y + 4:.1f} {x - 5:.1f},{y + 4:.1f}"
    return f'<polygon points="{points}" fill="{colour}"/>'


def series_from_ratings(ratings):
    """{domain: [(date, score), ...]} in date order, from OutcomeRating rows."""
    series = {}
    for rating in sorted(ratings, key=lambda r: (r.rated_on, r.pk or 0)):
        series.setdefault(rating.domain, []).append((rating.rated_on, rating.score))
    return series


def distance_travelled_svg(series, *, title="Distance travelled"):
    """An SVG line chart of 1-10 scores over time, one line per domain, with a legend."""
    labels = dict(Domain.choices)
    dates = sorted({day for points in series.values() for day, _score in points})
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" role="img" aria-labelledby="dt-title">',
        f'<title id="dt-title">{escape(title)}</title>',
        f'<rect x="0" y="0" width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>',
    ]
    for score in range(1, 11):
        y = TOP + plot_h - (score - 1) / 9 * plot_h
        parts.append(
            f'<line x1="{LEFT}" y1="{y:.1f}" x2="{LEFT + plot_w}" y2="{y:.1f}" '
            f'stroke="#dddddd" stroke-width="1"/>'
            f'<text x="{LEFT - 8}" y="{y + 4:.1f}" font-size="11" text-anchor="end" '
            f'fill="#333333" font-family="{FONT}">{score}</text>'
        )
    if not dates:
        parts.append(
            f'<text x="{LEFT + 10}" y="{TOP + plot_h / 2:.1f}" font-size="14" fill="#333333" '
            f'font-family="{FONT}">No ratings yet</text></svg>'
        )
        return "".join(parts)
    step = plot_w / max(len(dates) - 1, 1)
    x_of = {
        day: LEFT + (index * step if len(dates) > 1 else plot_w / 2)
        for index, day in enumerate(dates)
    }
    for day, x in x_of.items():
        parts.append(
            f'<text x="{x:.1f}" y="{HEIGHT - BOTTOM + 18}" font-size="11" text-anchor="middle" '
            f'fill="#333333" font-family="{FONT}">{day:%-d %b %y}</text>'
        )
    for index, (domain, points) in enumerate(sorted(series.items())):
        colour = COLOURS[index % len(COLOURS)]
        shape = index % 3
        coords = [(x_of[day], TOP + plot_h - (score - 1) / 9 * plot_h) for day, score in points]
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
        parts.append(
            f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2.5"/>'
        )
        parts.extend(_marker(shape, x, y, colour) for x, y in coords)
        # Two lines an entry (the area, then its first and latest score), so the longest
        # area's name fits the legend's width on the page and in a PDF.
        legend_y = TOP + 14 + index * LEGEND_STEP
        parts.append(_marker(shape, WIDTH - RIGHT + 20, legend_y - 4, colour))
        parts.append(
            f'<text x="{WIDTH - RIGHT + 32}" y="{legend_y}" font-size="12" fill="#222222" '
            f'font-family="{FONT}">{escape(labels.get(domain, domain))}'
            f'<tspan x="{WIDTH - RIGHT + 32}" dy="13" font-size="11" fill="#333333">'
            f"({points[0][1]}→{points[-1][1]})</tspan></text>"
        )
    parts.append("</svg>")
    return "".join(parts)
