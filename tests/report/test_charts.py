"""The SVG charts: drawn from the data, text escaped, numbers on the bars, readable on any
colour, a text alternative and every number in the description."""

from lxml import etree

from normtoets.report.charts import Series, StackedBars, svg_chart

SERIES = [Series("voldaan", "#1b7837"), Series("niet <voldaan>", "#fee08b"), Series("x", "green")]


def chart(rows: list[tuple[str, list[int]]]) -> etree._Element:
    drawn = svg_chart(StackedBars("c1", "Titel & meer", "A: 1 & 2.", SERIES, rows))
    return etree.fromstring(str(drawn).encode())  # well-formed XML, or this raises


def texts(svg: etree._Element) -> list[str]:
    return [t.text for t in svg.iter("{http://www.w3.org/2000/svg}text")]


def test_labels_are_text_not_markup() -> None:
    svg = chart([("<script>alert(1)</script> & Co", [1, 2, 0])])
    assert "<script>alert(1)</script> & Co" in texts(svg)
    assert not list(svg.iter("script"))
    assert svg.find("{http://www.w3.org/2000/svg}title").text == "Titel & meer"
    assert svg.get("role") == "img" and svg.get("aria-labelledby") == "c1-title c1-desc"


def test_numbers_on_the_bars_and_the_totals() -> None:
    svg = chart([("2020", [2, 1, 0]), ("2021", [0, 0, 5])])
    assert texts(svg)[:9] == ["2020", "2", "1", "3", "2021", "5", "5", "voldaan", "niet <voldaan>"]
    rects = [r for r in svg.iter("{http://www.w3.org/2000/svg}rect") if r.get("height") == "22"]
    assert len(rects) == 3  # a zero draws nothing
    widths = [float(r.get("width")) for r in rects]
    assert abs(widths[0] - 2 * widths[1]) < 0.2  # one scale for every bar


def test_text_colour_reads_on_the_bar() -> None:
    svg = chart([("a", [4, 4, 4])])
    numbers = [t for t in svg.iter("{http://www.w3.org/2000/svg}text")
               if t.get("text-anchor") == "middle"]  # fmt: skip
    # white on the dark green; black on the light yellow and on a colour given by name
    assert [t.get("fill") for t in numbers] == ["#fff", "#000", "#000"]


def test_an_empty_chart_is_still_a_figure() -> None:
    svg = chart([])
    assert svg.get("role") == "img" and texts(svg) == ["voldaan", "niet <voldaan>", "x"]
