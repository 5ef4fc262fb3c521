"""Kengetallen in the reports: the chapter of a municipality's report (how many streefwaarden can
be tested, a table per group, a line per kengetal with values, a strip among the units), the
comparison's table of all units, and the factsheet of `report --factsheet` (at most four
pages). Every chart has a <title>, a <desc> with every number, and its numbers beside it."""

import io
import re
import shutil
from pathlib import Path

import pytest
from lxml import etree
from pypdf import PdfReader

from normtoets.report.context.kengetallen import study_spreads
from normtoets.report.pdf import pdf_bytes
from normtoets.report.pipeline import Kind, Made, Request, render

from .conftest import FIXTURES, KENGETALLEN, KENGETALLEN_NORMS, MINI_NORMS, REPO, load

SAMEN_STERK = REPO / "examples" / "samen-sterk"
SVG = "{http://www.w3.org/2000/svg}"

FRAMEWORK = (KENGETALLEN_NORMS / "kg.yaml").read_text(encoding="utf-8")
UNITS = ["Aadorp", "Beekdam", "Cestrum", "Dorpveld"]


@pytest.fixture(scope="module")
def study() -> Path:
    """tests/report/kengetallen: four municipalities with values; Aadorp's K1 is 40 in 2023,
    2nd of 4 (lower is better)."""
    return KENGETALLEN


def _made(path: Path, kind: Kind = Kind.municipality, **more) -> str:  # type: ignore[no-untyped-def]
    """The HTML the pipeline makes of a file (or the study folder) of a study made here."""
    norms = (path if path.is_dir() else path.parent).parent / "norms"
    made: Made = render(Request(path, kind, norms=(norms,), **more))
    assert made.errors == [], made.errors
    return made.html[None]


@pytest.fixture(scope="module")
def aadorp(study: Path) -> str:
    return _made(study / "aadorp.yaml")


def chapter(html: str, anchor: str = "kengetallen") -> str:
    start = html.index(f'id="{anchor}"')
    end = html.find('<section class="chapter-section', start)
    return html[start : end if end > 0 else len(html)]


def svgs(html: str) -> dict[str, etree._Element]:
    """Every inline chart, by the id its title and desc are named after."""
    found = {}
    for text in re.findall(r"<svg .*?</svg>", html, re.S):
        svg = etree.fromstring(text.encode())  # well-formed XML, or this raises
        found[svg.get("aria-labelledby").split()[0].removesuffix("-title")] = svg
    return found


def text_of(svg: etree._Element, tag: str) -> str:
    element = svg.find(SVG + tag)
    assert element is not None
    return element.text or ""


# ------------------------------------------------------------ the chapter


def test_samen_sterk_says_which_targets_are_testable_and_that_no_values_are_recorded() -> None:
    html = _made_samen_sterk()
    part = chapter(html)
    assert (
        "23 van de 26 streefwaarden zijn niet toetsbaar: 20 omdat de nulmeting ontbreekt, 2 "
        "omdat niet is gezegd welke kant beter is en 1 omdat er geen grens is genoemd." in part
    )
    assert "Er zijn (nog) geen waarden vastgelegd." in part
    assert part.count('<th scope="row">') == 26
    assert part.count("niet toetsbaar: geen nulmeting") == 20
    assert part.count("<h2 ") == 4  # the three opgaven and financiën
    assert "Opgave 2: preventie" in part and "<svg" not in part  # no values: no charts
    assert '<a href="#kengetallen">Kengetallen</a>' in html  # in the contents


def _made_samen_sterk(kind: Kind = Kind.municipality) -> str:
    made = render(Request(SAMEN_STERK / "duiven-westervoort.yaml", kind))
    assert made.errors == [], made.errors
    return made.html[None]


def test_the_table_says_what_each_status_rests_on(aadorp: str) -> None:
    part = chapter(aadorp)
    assert "Van de 3 toetsbare streefwaarden zijn 3 behaald" in part
    assert "1 van de 4 streefwaarden is niet toetsbaar, omdat de nulmeting ontbreekt." in part
    row = part[part.index("K1</a> Doorlooptijd") :]
    row = row[: row.index("</tr>")]
    assert '40 <span class="nowrap">(2023)</span>' in row
    assert "48 (2021)" in row and "maximaal 42 dagen" in row
    assert "behaald" in row and "2023: 40; streefwaarde ten hoogste 42" in row
    assert "<td>2 van 4</td>" in row
    k3 = part[part.index("K3</a> Kosten Wmo") :]
    assert "€\u00a0560.000 <span" in k3  # Dutch thousands, the euro sign kept to its number
    assert "ten hoogste €\u00a0570.000: de nulmeting €\u00a0600.000 (2021) min 5%" in k3
    assert "Aantal klachten</th>" in part
    assert "niet toetsbaar: geen nulmeting" in part


def test_a_line_per_kengetal_with_every_number_in_its_desc_and_table(aadorp: str) -> None:
    charts = svgs(chapter(aadorp))
    line = charts["lijn-K1"]
    assert line.get("role") == "img"
    assert line.get("aria-labelledby") == "lijn-K1-title lijn-K1-desc"
    assert text_of(line, "title").startswith("Doorlooptijd Wmo-aanvraag in Aadorp, 2021 tot")
    desc = text_of(line, "desc")
    assert desc == "2021 (nulmeting): 48; 2022: 44,5; 2023: 40; streefwaarde ten hoogste 42."
    drawn = [t.text for t in line.iter(SVG + "text")]
    assert {"48", "44,5", "40"} <= set(drawn)  # each point carries its number
    dashed = [e for e in line.iter(SVG + "line") if e.get("stroke-dasharray")]
    assert len(dashed) == 2  # the streefwaarde, and its sample in the legend
    table = aadorp[aadorp.index("K1: waarde per periode") :]
    table = table[: table.index("</table>")]
    cells = re.findall(r"<t[hd][^>]*>([^<]*)</t[hd]>", table)
    assert cells == ["Periode", "2021 (nulmeting)", "2022", "2023", "Waarde", "48", "44,5", "40"]
    assert "lijn-K2" not in charts  # one value: no line


def test_a_strip_marks_the_unit_among_all_values(aadorp: str) -> None:
    charts = svgs(chapter(aadorp))
    strip = charts["strook-K1"]
    assert "de waarden van 4 gemeenten" in text_of(strip, "title")
    desc = text_of(strip, "desc")
    assert "4 waarden van laag naar hoog: 38; 40; 47; 50." in desc
    assert "Mediaan 43,5, middelste helft 39,5 tot 47,75. Aadorp: 40, plaats 2 van 4." in desc
    marked = [t.text for t in strip.iter(SVG + "text") if t.get("font-weight") == "bold"]
    assert marked == ["40"]  # the unit's value over its mark
    assert [p.get("fill") for p in strip.iter(SVG + "path")] == ["#000", "#000"]  # and legend
    ticks = [e for e in strip.iter(SVG + "line") if e.get("stroke") == "#555"]
    assert len(ticks) == 4 + 1  # a tick per unit, and one in the legend
    words = (
        "Aadorp: 40 over 2023, plaats 2 van 4 (1 is de laagste waarde). Over de 4 "
        "gemeenten: mediaan 43,5, de middelste helft van 39,5 tot 47,75, laagste 38, "
        "hoogste 50."
    )
    assert words in aadorp


def test_made_alone_and_for_each_the_same(study: Path, aadorp: str) -> None:
    """--each hands every job the spreads it computed once; the report alone reads them from
    the study's folder: the same HTML."""
    data = load([study], [KENGETALLEN_NORMS])
    given = study_spreads(data.framework, data.assessments, data.study)
    assert _made(study / "aadorp.yaml", spreads=given["Aadorp"]) == aadorp
    assert _made(study / "aadorp.yaml", Kind.factsheet, spreads=given["Aadorp"]) == _made(
        study / "aadorp.yaml", Kind.factsheet
    )


def test_a_report_without_kengetallen_has_no_such_chapter(mini_html: str) -> None:
    assert "kengetal" not in mini_html.lower()  # and the golden files stay as they were


# ------------------------------------------------------------ the comparison


def test_the_comparison_sets_the_units_side_by_side(study: Path) -> None:
    html = _made(study, Kind.comparison)
    part = chapter(html)
    assert '<strong class="numbers-mark">+</strong> behaald' in part
    rows = re.findall(r"<tr>\s*<th scope=\"row\"><a href=\"#[^\"]+\">(\w+)</a></th>(.*?)</tr>",
                      part, re.S)  # fmt: skip
    assert [name for name, _ in rows] == list(UNITS)
    cells = {name: re.findall(r"<td>(.*?)</td>", row, re.S) for name, row in rows}

    def cell(value: str, mark: str, status: str) -> str:  # the status in words, unseen
        hidden = f'<span class="visually-hidden"> {status}</span>'
        return f'{value} <strong class="numbers-mark">{mark}</strong>{hidden}'

    assert cells["Aadorp"][0] == cell("40", "+", "behaald")
    assert cells["Cestrum"][0] == cell("50", "\u2212", "niet behaald")
    assert cells["Beekdam"][1] == cell("78%", "\u2212", "niet behaald")
    assert cells["Aadorp"][3] == cell("–", "n.t.", "niet toetsbaar: geen nulmeting")
    assert "<td>43,5 (4)</td>" in part  # the median of K1 in the key
    assert "Van de 16 streefwaarden van de gemeenten samen zijn er 4 niet toetsbaar" in part


def test_a_comparison_without_kengetallen_has_no_such_chapter(comparison_html: str) -> None:
    assert 'id="kengetallen"' not in comparison_html


def test_samen_sterks_comparison_counts_the_joint_assessment_once() -> None:
    made = render(Request(SAMEN_STERK, Kind.comparison))
    part = chapter(made.html[None])
    assert (
        "Van de 26 streefwaarden van de gemeenten samen (een gezamenlijke beoordeling "
        "telt één keer) zijn er 23 niet toetsbaar en 3 nog niet te bepalen." in part
    )
    assert "Er zijn (nog) geen waarden vastgelegd." in part


# ------------------------------------------------------------ the factsheet

GROUPS = ["opgave 1: innovatie", "opgave 2: preventie", "opgave 3: inkoop", "financiën"]
LARGE = ["Aadorp", "Beekdam", "Cestrum", "Dorpveld", "Eemstad"]


def _indicator(i: int) -> str:
    text = f"Aantal maatwerkvoorzieningen dagbesteding voor ouderen en jeugd, variant {i}"
    unit, better = ("%" if i % 3 else "dagen"), ("higher" if i % 2 else "lower")
    return (
        f'  - {{id: K{i:02}, text: "{text}", unit: "{unit}", better: {better}, '
        f'target: "minimaal {50 + i}%", group: "{GROUPS[i % 4]}"}}'
    )


def _quarters(i: int, n: int) -> str:
    values = ", ".join(
        f"{{period: 2023-Q{q}, value: '{40 + i + n * 3 + q},5'}}" for q in (1, 2, 3, 4)
    )
    return f"  K{i:02}:\n    values: [{values}]"


def _large_study(root: Path) -> Path:
    """Five municipalities, 26 kengetallen with long names and four quarters of values each:
    the study's own framework and files, as tests/report/kengetallen has them."""
    (root / "norms").mkdir()
    framework = FRAMEWORK.split("indicators:")[0] + "indicators:\n"
    (root / "norms" / "kg.yaml").write_text(framework + "\n".join(map(_indicator, range(1, 27))))
    folder = root / "studie"
    folder.mkdir()
    study = (KENGETALLEN / "study.yaml").read_text(encoding="utf-8")
    (folder / "study.yaml").write_text(study.replace("Dorpveld]", "Dorpveld, Eemstad]"))
    head = (KENGETALLEN / "aadorp.yaml").read_text(encoding="utf-8").split("indicator_values:")[0]
    for n, name in enumerate(LARGE):
        values = "\n".join(_quarters(i, n) for i in range(1, 27))
        text = head.replace("Aadorp", name) + "indicator_values:\n" + values + "\n"
        (folder / f"{name.lower()}.yaml").write_text(text, encoding="utf-8")
    return folder


def pages(data: bytes) -> int:
    return len(PdfReader(io.BytesIO(data)).pages)


def test_a_factsheet_of_26_kengetallen_is_at_most_four_pages(tmp_path: Path) -> None:
    folder = _large_study(tmp_path)
    html = _made(folder / "cestrum.yaml", Kind.factsheet)
    assert html.count('<th scope="row">K') == 26
    figures = svgs(html).values()
    assert len(figures) == 2  # 13 strips each: a figure does not break across pages
    assert sum(text_of(f, "desc").count("waarden van laag naar hoog") for f in figures) == 26
    assert pages(pdf_bytes(html)) <= 4
    assert pages(pdf_bytes(_made_samen_sterk(Kind.factsheet))) <= 4


def test_the_factsheet_has_the_scores_and_the_numbers_against_the_others(study: Path) -> None:
    html = _made(study / "aadorp.yaml", Kind.factsheet)
    assert '<h1 class="cover-title factsheet-title">Factsheet gemeente Aadorp</h1>' in html
    assert "voldoet aan 1 van de 2 normen" in html
    assert "voldoet grotendeels niet" in html  # T2's label beside its score
    assert "<td>43,5; 39,5–47,75; 38–50</td>" in html  # median, middle half, lowest–highest
    assert "<td>2 van 4</td>" in html
    (strips,) = svgs(html).values()
    assert [r.text for r in strips.iter(SVG + "text") if r.get("font-weight") == "bold"] == [
        "K1", "40", "K2", "85%", "K3", "€\u00a0560.000",
    ]  # fmt: skip
    assert "lijn-" not in html  # no line charts in four pages


# ------------------------------------------------------------ accessibility
# The report, the comparison and the factsheet made of tests/report/kengetallen are among the
# bundled reports of test_pdfua (PDF/UA-1 by three checkers, the tagged text, the page
# furniture) and test_html_a11y (axe-core in Chromium at 1280 and 320 px).


# ------------------------------------------------------------ report --each --factsheet


@pytest.mark.slow  # two worker processes
def test_each_factsheet_is_the_one_made_alone(run, study: Path, tmp_path: Path) -> None:
    copy = tmp_path / "kopie"
    shutil.copytree(study.parent, copy)
    folder, norms = copy / "studie", ["--norms", copy / "norms"]
    out = tmp_path / "out"
    result = run("report", folder, "--each", "--factsheet", "--html", "-o", out, "--jobs", "2",
                 *norms)  # fmt: skip
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [
        f"{name.lower()}-factsheet.html" for name in UNITS
    ]
    alone = tmp_path / "alone.html"
    done = run("report", folder / "beekdam.yaml", "--factsheet", "--html", "-o", alone, *norms)
    assert done.exit_code == 0, done.output
    assert (out / "beekdam-factsheet.html").read_bytes() == alone.read_bytes()
    assert "<td>1 van 4</td>" in alone.read_text()  # Beekdam's 38 days: the best


@pytest.mark.parametrize("extra", [["--compare"], ["--split"], ["--register"]])
def test_factsheet_refuses_what_is_not_one_municipality(run, study: Path, tmp_path: Path,
                                                         extra) -> None:  # fmt: skip
    target = study if extra != ["--split"] else study / "aadorp.yaml"
    result = run("report", target, "--factsheet", "-o", tmp_path / "x.html", *extra)
    assert result.exit_code == 2, result.output
    assert "--factsheet" in result.output
    assert not (tmp_path / "x.html").exists()


def test_fixtures_are_untouched() -> None:
    """The report tests' own fixtures have no kengetallen: their golden files do not change."""
    data = load([FIXTURES], [MINI_NORMS])
    assert not data.framework.indicators
    assert not any(a.indicators or a.indicator_values for a in data.assessments)
