"""Charts drawn from data as SVG, inline in the report: no image files, no plotting library.

Each chart is a figure with a text alternative (its <title>, which the PDF's structure tree
takes as the Figure's /Alt, and a <desc> with every number), and the report puts the same
numbers beside it as a table. Colours come from the data (a scale's levels, the statuses);
every bar also carries its number as text, so nothing depends on telling colours apart.
The text is set in the report's own font (the document's @font-face reaches inline SVG).
"""

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


def svg_chart(chart: StackedBars) -> Markup:
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
