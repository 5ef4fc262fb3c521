"""The SVG charts: drawn from the data, text escaped, numbers on the bars (on a line's points, at
a strip's ends and its mark), readable on any colour, a text alternative and every number in
the description."""

from lxml import etree

from normtoets.report.charts import (
    Line,
    Point,
    Series,
    StackedBars,
    StripRow,
    Strips,
    dutch_number,
    figure,
    svg_chart,
)

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


# ------------------------------------------------------------ kengetallen: lines and strips

SVG = "{http://www.w3.org/2000/svg}"


def drawn(chart: Line | Strips) -> etree._Element:
    return etree.fromstring(str(svg_chart(chart)).encode())


def test_numbers_are_written_the_dutch_way() -> None:
    assert [dutch_number(v) for v in (600000, 2.5, 1234.567, 85, -3, -0.001, 0.1 + 0.2)] == [
        "600.000", "2,5", "1.234,57", "85", "\u22123", "0", "0,3",
    ]  # fmt: skip
    assert [figure(85, "%"), figure(600000, "€"), figure(2.5, "uur")] == [
        "85%", "€\u00a0600.000", "2,5",
    ]  # fmt: skip


def test_a_line_carries_its_numbers_and_its_target_dashed() -> None:
    points = [Point("2021", 48, baseline=True), Point("2022", 44.5), Point("2023", 40)]
    svg = drawn(Line("l1", "Doorlooptijd & <meer>", "2021: 48.", points, 42, "ten hoogste 42"))
    assert svg.get("role") == "img" and svg.get("aria-labelledby") == "l1-title l1-desc"
    assert svg.find(SVG + "title").text == "Doorlooptijd & <meer>"
    words = texts(svg)
    assert {"48", "44,5", "40", "2021", "2022", "2023", "ten hoogste 42"} <= set(words)
    assert {"37,5", "42,5", "47,5"} <= set(words)  # round ticks, in Dutch
    dashed = [e for e in svg.iter(SVG + "line") if e.get("stroke-dasharray")]
    assert len(dashed) == 2  # the target, and its sample in the legend
    hollow = [c for c in svg.iter(SVG + "circle") if c.get("fill") == "#fff"]
    assert len(hollow) == 2  # the baseline, and its sample in the legend
    plotted = [float(c.get("cy")) for c in svg.iter(SVG + "circle")][:3]
    assert plotted == sorted(plotted)  # 48, 44,5, 40: lower on the page as they fall
    assert plotted[0] < float(dashed[0].get("y1")) < plotted[2]  # 42 between 48 and 40


def test_a_flat_line_without_target_still_draws() -> None:
    svg = drawn(Line("l2", "t", "d", [Point("2022", 5), Point("2023", 5)]))
    assert texts(svg).count("5") == 2 + 1  # both points, and a tick
    assert not [e for e in svg.iter(SVG + "line") if e.get("stroke-dasharray")]


def test_a_strip_marks_one_value_among_all() -> None:
    row = StripRow("K1", [1, 2, 3, 4], 2.5, 1.75, 3.25, 2, "%")
    svg = drawn(Strips("s1", "Titel", "1; 2; 3; 4.", [row], "Aadorp & Co", "gemeente"))
    assert svg.get("aria-labelledby") == "s1-title s1-desc"
    words = texts(svg)
    assert words[:4] == ["K1", "1%", "4%", "2%"]  # label, lowest, highest, the unit's value
    assert "Aadorp & Co" in words and "één gemeente" in words
    ticks = [e for e in svg.iter(SVG + "line") if e.get("stroke") == "#555"]
    assert len(ticks) == 4 + 1  # a tick per value, one in the legend
    marks = list(svg.iter(SVG + "path"))
    assert len(marks) == 2  # the unit's triangle, and the legend's
    unmarked = drawn(Strips("s2", "t", "d", [StripRow("", [3, 3, 3], 3, 3, 3, None)], "X"))
    assert len(list(unmarked.iter(SVG + "path"))) == 1  # no value in the period: no mark
