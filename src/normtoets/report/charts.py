"""Charts drawn from data as SVG, inline in the report: no image files, no plotting library.

Each chart is a figure with a text alternative (its <title>, which the PDF's structure tree
takes as the Figure's /Alt, and a <desc> with every number), and the report puts the same
numbers beside it as a table or in words. Colours come from the data (a scale's levels, the
statuses); every bar also carries its number as text, a line its values at its points, a strip
the unit's value and its ends, so nothing depends on telling colours apart. The text is set in
the report's own font (the document's @font-face reaches inline SVG).

Three kinds, each a dataclass the context builds and `svg_chart` draws: StackedBars (counts
per row), Line (one kengetal over its periods, the streefwaarde dashed) and Strips (kengetallen
over the units, one unit marked).
"""

import math
from dataclasses import dataclass

from markupsafe import Markup, escape

FONT = "normtoets Noto Sans, sans-serif"
ROW, GAP, LABEL, WIDTH = 22, 8, 110, 640  # px: bar height, space between, label column, total


@dataclass(frozen=True)
class Series:
    """One colour of a stacked bar: its name in the legend and its colour."""

    name: str
    color: str


def _dark(color: str) -> bool:
    """True when white text reads better than black on this colour (relative luminance); a
    colour given by name counts as light."""
    digits = color.lstrip("#")
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    if not color.startswith("#") or len(digits) != 6:
        return False
    red, green, blue = (int(digits[i : i + 2], 16) / 255 for i in (0, 2, 4))

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    luminance = 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    return (1.05 / (luminance + 0.05)) > ((luminance + 0.05) / 0.05)


def _text(x: float, y: float, text: str, *, anchor: str = "start", fill: str = "#000",
          bold: bool = False) -> str:  # fmt: skip
    weight = ' font-weight="bold"' if bold else ""
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" fill="{fill}" '
        f'font-size="11"{weight}>{escape(text)}</text>'
    )


@dataclass(frozen=True)
class StackedBars:
    """Horizontal bars, one per row (a year, a municipality), stacked by series. The context
    builds it (report.context); the template draws it with the filter `svg_chart`."""

    id: str  # unique in the report: the <title> and <desc> are referred to by it
    title: str  # the figure's text alternative
    description: str  # every number, in words
    series: list[Series]
    rows: list[tuple[str, list[int]]]  # label, a value per series


def _bars_chart(chart: StackedBars) -> Markup:
    """All bars on one scale: the longest fills the width. Each segment wide enough shows its
    number; each bar ends with its total. A legend below names the series in order."""
    chart_id, title, description = chart.id, chart.title, chart.description
    series, rows = chart.series, chart.rows
    longest = max((sum(values) for _label, values in rows), default=0) or 1
    span = WIDTH - LABEL - 40
    parts: list[str] = []
    for i, (label, values) in enumerate(rows):
        y = i * (ROW + GAP)
        parts.append(_text(LABEL - 8, y + ROW * 0.7, label, anchor="end"))
        x = float(LABEL)
        for one, value in zip(series, values, strict=True):
            if not value:
                continue
            width = span * value / longest
            parts.append(
                f'<rect x="{x:.1f}" y="{y}" width="{width:.1f}" height="{ROW}" '
                f'fill="{one.color}" stroke="#fff" stroke-width="1"/>'
            )
            if width >= 18:
                fill = "#fff" if _dark(one.color) else "#000"
                parts.append(_text(x + width / 2, y + ROW * 0.7, str(value), anchor="middle",
                                   fill=fill))  # fmt: skip
            x += width
        parts.append(_text(x + 6, y + ROW * 0.7, str(sum(values)), bold=True))
    legend_y = len(rows) * (ROW + GAP) + 6
    x = float(LABEL)
    for one in series:
        parts.append(
            f'<rect x="{x:.1f}" y="{legend_y}" width="12" height="12" fill="{one.color}" '
            'stroke="#555" stroke-width="0.5"/>'
        )
        parts.append(_text(x + 16, legend_y + 10, one.name))
        x += 24 + 6.2 * len(one.name)
    height = legend_y + 20
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
        f'font-family="{FONT}" aria-labelledby="{chart_id}-title {chart_id}-desc">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>' + "".join(parts) + "</svg>"
    )


# ---------------------------------------------------------------- kengetallen: lines and strips


def dutch_number(value: float) -> str:
    """A number as a Dutch report writes it, at most two decimals and no trailing zeros:
    2,5 · 85 · 600.000 · 1.234,56 · −3 (a minus sign, not a hyphen)."""
    text = f"{abs(value):,.2f}".rstrip("0").rstrip(".")
    text = text.replace(",", " ").replace(".", ",").replace(" ", ".")
    return text if text == "0" or value >= 0 else "\u2212" + text


def figure(value: float, unit: str | None = None) -> str:
    """A value as the report writes it, with its unit where it is a sign: 2,5 · 85% · € 600.000
    (a space that does not break after the euro sign)."""
    text = dutch_number(value)
    sign = (unit or "").strip()
    return f"{text}%" if sign == "%" else f"€\u00a0{text}" if sign == "€" else text


@dataclass(frozen=True)
class Point:
    """One value of a line: its period, the number, and whether it is the baseline."""

    period: str
    value: float
    baseline: bool = False


@dataclass(frozen=True)
class Line:
    """One indicator's values over its periods, with its streefwaarde as a dashed line. The
    context builds it (report.context.kengetallen); the template draws it with `svg_chart`."""

    id: str  # unique in the report
    title: str  # the figure's text alternative
    description: str  # every number, in words
    points: list[Point]  # in period order; the baseline first when there is one
    target: float | None = None  # the figure the latest value is held to
    target_label: str = ""  # "streefwaarde ten hoogste 56"
    unit: str | None = None  # the indicator's: "%" and "€" are written with the numbers


@dataclass(frozen=True)
class StripRow:
    """One indicator over the units: every value, the middle half and the median, one unit's
    value marked. The numbers at its ends are the lowest and the highest."""

    label: str  # at the left ("K1"); empty for a strip of its own
    values: list[float]
    median: float
    q1: float
    q3: float
    marked: float | None  # the unit's own value; None when it has none in this period
    unit: str | None = None  # the indicator's: "%" and "€" are written with the numbers


@dataclass(frozen=True)
class Strips:
    """Strips, one row per indicator, each on its own scale from its lowest to its highest
    value; drawn by `svg_chart`."""

    id: str
    title: str
    description: str
    rows: list[StripRow]
    marked_name: str  # the unit whose value is marked, for the legend
    unit_name: str = "gemeente"  # what one tick is, for the legend


Chart = StackedBars | Line | Strips

PLOT_LEFT, PLOT_RIGHT, PLOT_TOP, PLOT_HEIGHT = 64, 620, 24, 150  # px: the line chart's plot area
LINE_COLOR, TARGET_COLOR = "#12355b", "#a50f15"


def _svg(chart_id: str, title: str, description: str, height: float, parts: list[str]) -> Markup:
    """The figure: role img, labelled by its title and described by its desc."""
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'viewBox="0 0 {WIDTH} {height:.0f}" width="{WIDTH}" height="{height:.0f}" '
        f'font-family="{FONT}" aria-labelledby="{chart_id}-title {chart_id}-desc">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>' + "".join(parts) + "</svg>"
    )


def _ticks(low: float, high: float) -> list[float]:
    """Round numbers from at most `low` to at least `high`, four to eight of them."""
    if high <= low:
        low, high = low - (abs(low) or 1) * 0.1, high + (abs(high) or 1) * 0.1
    raw = (high - low) / 4
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = math.floor(low / step + 1e-9) * step
    count = math.ceil((high - first) / step - 1e-9)
    return [first + i * step for i in range(count + 1)]


def _line_chart(chart: Line) -> Markup:
    """The values as a line with a point and its number at each period, on a scale with round
    ticks that holds the streefwaarde too; the baseline a hollow point; a legend below."""
    numbers = [p.value for p in chart.points] + ([chart.target] if chart.target is not None else [])
    pad = (max(numbers) - min(numbers)) * 0.08  # the lowest point clear of the axis' labels
    lowest = min(numbers) - pad if min(numbers) < 0 else max(min(numbers) - pad, 0.0)
    ticks = _ticks(lowest, max(numbers) + pad)
    low, high = ticks[0], ticks[-1]

    def y(value: float) -> float:
        return PLOT_TOP + PLOT_HEIGHT * (high - value) / (high - low)

    step = (PLOT_RIGHT - PLOT_LEFT - 40) / max(len(chart.points) - 1, 1)
    xs = [PLOT_LEFT + 20 + i * step for i in range(len(chart.points))]
    parts = [_gridline(tick, y(tick)) for tick in ticks]
    if chart.target is not None:
        ty = y(chart.target)
        parts.append(
            f'<line x1="{PLOT_LEFT}" y1="{ty:.1f}" x2="{PLOT_RIGHT}" y2="{ty:.1f}" '
            f'stroke="{TARGET_COLOR}" stroke-width="1.5" stroke-dasharray="6 4"/>'
        )
    path = " ".join(f"{x:.1f},{y(p.value):.1f}" for x, p in zip(xs, chart.points, strict=True))
    parts.append(f'<polyline points="{path}" fill="none" stroke="{LINE_COLOR}" stroke-width="2"/>')
    labelled = len(chart.points) <= 12
    every = 1 if len(chart.points) <= 10 else 2
    for i, (x, point) in enumerate(zip(xs, chart.points, strict=True)):
        fill = "#fff" if point.baseline else LINE_COLOR
        parts.append(f'<circle cx="{x:.1f}" cy="{y(point.value):.1f}" r="3.5" fill="{fill}" '
                     f'stroke="{LINE_COLOR}" stroke-width="1.5"/>')  # fmt: skip
        if labelled:
            parts.append(_text(x, y(point.value) - 8, figure(point.value, chart.unit),
                               anchor="middle"))  # fmt: skip
        if i % every == 0 or i == len(xs) - 1:
            parts.append(_text(x, PLOT_TOP + PLOT_HEIGHT + 16, point.period, anchor="middle"))
    return _svg(chart.id, chart.title, chart.description, PLOT_TOP + PLOT_HEIGHT + 50,
                parts + _line_legend(chart))  # fmt: skip


def _gridline(tick: float, at: float) -> str:
    return (
        f'<line x1="{PLOT_LEFT}" y1="{at:.1f}" x2="{PLOT_RIGHT}" y2="{at:.1f}" stroke="#d9d9d9" '
        f'stroke-width="0.75"/>' + _text(PLOT_LEFT - 6, at + 4, dutch_number(tick), anchor="end")
    )


def _line_legend(chart: Line) -> list[str]:
    """The line, the baseline's hollow point and the dashed streefwaarde, named below the plot."""
    y = PLOT_TOP + PLOT_HEIGHT + 36
    x = float(PLOT_LEFT)
    parts = [
        f'<line x1="{x}" y1="{y - 4}" x2="{x + 20}" y2="{y - 4}" stroke="{LINE_COLOR}" '
        'stroke-width="2"/>',
        _text(x + 26, y, "gemeten waarde"),
    ]
    x += 130
    if any(p.baseline for p in chart.points):
        parts += [
            f'<circle cx="{x + 6}" cy="{y - 4}" r="3.5" fill="#fff" stroke="{LINE_COLOR}" '
            'stroke-width="1.5"/>',
            _text(x + 16, y, "nulmeting"),
        ]
        x += 90
    if chart.target is not None:
        parts += [
            f'<line x1="{x}" y1="{y - 4}" x2="{x + 24}" y2="{y - 4}" stroke="{TARGET_COLOR}" '
            'stroke-width="1.5" stroke-dasharray="6 4"/>',
            _text(x + 30, y, chart.target_label),
        ]
    return parts


STRIP_ROW, STRIP_LEFT, STRIP_RIGHT = 36, 110, 570  # px: a strip's height, its scale's ends


def _strip(row: StripRow, top: float, left: float) -> list[str]:
    """One strip: a line from the lowest to the highest value (their numbers at its ends), the
    middle half as a grey box, the median as a bar, a tick per value, the unit's value as a
    black triangle with its number above it."""
    low, high = min(row.values), max(row.values)

    def x(value: float) -> float:
        if high == low:
            return (left + STRIP_RIGHT) / 2
        return left + (STRIP_RIGHT - left) * (value - low) / (high - low)

    axis = top + 26
    parts = [_text(8, axis + 4, row.label, bold=True)] if row.label else []
    parts += [
        _text(left - 8, axis + 4, figure(low, row.unit), anchor="end"),
        _text(STRIP_RIGHT + 8, axis + 4, figure(high, row.unit)),
        f'<line x1="{left}" y1="{axis}" x2="{STRIP_RIGHT}" y2="{axis}" stroke="#777" '
        'stroke-width="0.75"/>',
        f'<rect x="{x(row.q1):.1f}" y="{axis - 6}" width="{max(x(row.q3) - x(row.q1), 1):.1f}" '
        'height="12" fill="#d9d9d9"/>',
    ]
    parts += [
        f'<line x1="{x(v):.1f}" y1="{axis - 4}" x2="{x(v):.1f}" y2="{axis + 4}" stroke="#555" '
        'stroke-width="1"/>'
        for v in row.values
    ]
    parts.append(f'<line x1="{x(row.median):.1f}" y1="{axis - 8}" x2="{x(row.median):.1f}" '
                 f'y2="{axis + 8}" stroke="#000" stroke-width="2.5"/>')  # fmt: skip
    if row.marked is not None:
        at = x(row.marked)
        parts.append(
            f'<path d="M {at - 5:.1f} {axis - 14} L {at + 5:.1f} {axis - 14} L {at:.1f} '
            f'{axis - 6} Z" fill="#000"/>'
        )
        label = min(max(at, left + 20), STRIP_RIGHT - 20)
        parts.append(_text(label, axis - 17, figure(row.marked, row.unit), anchor="middle",
                           bold=True))  # fmt: skip
    return parts


def _strips_chart(chart: Strips) -> Markup:
    """Each row on its own scale; a legend below says what the marks are."""
    left = STRIP_LEFT if any(r.label for r in chart.rows) else 70
    parts = [p for i, row in enumerate(chart.rows) for p in _strip(row, i * STRIP_ROW, left)]
    y = len(chart.rows) * STRIP_ROW + 14
    x = float(left)
    parts += [
        f'<path d="M {x:.1f} {y - 9} L {x + 10:.1f} {y - 9} L {x + 5:.1f} {y} Z" fill="#000"/>',
        _text(x + 14, y, chart.marked_name),
    ]
    x += 30 + 6.2 * len(chart.marked_name)
    one = f"één {chart.unit_name}"
    parts += [
        f'<line x1="{x:.1f}" y1="{y - 9}" x2="{x:.1f}" y2="{y + 1}" stroke="#555"/>',
        _text(x + 6, y, one),
    ]
    x += 30 + 6.2 * len(one)
    parts += [
        f'<rect x="{x:.1f}" y="{y - 10}" width="16" height="11" fill="#d9d9d9"/>',
        _text(x + 22, y, "middelste helft"),
    ]
    x += 120
    parts += [
        f'<line x1="{x:.1f}" y1="{y - 10}" x2="{x:.1f}" y2="{y + 2}" stroke="#000" '
        'stroke-width="2.5"/>',
        _text(x + 6, y, "mediaan"),
    ]
    return _svg(chart.id, chart.title, chart.description, y + 8, parts)


def svg_chart(chart: Chart) -> Markup:
    """Any chart the context built, as inline SVG: the template filter `svg_chart`."""
    if isinstance(chart, Line):
        return _line_chart(chart)
    if isinstance(chart, Strips):
        return _strips_chart(chart)
    return _bars_chart(chart)
