"""Every report normtoets renders is PDF/UA-1, by three checks that share no code:

- pdfua_check (ours): the structure tree walked from its root, the content streams read, every
  table's header mapping compared with the HTML table it came from, the tagged text with the
  HTML's words;
- page (PyPI `page-validation`): the PDF/UA-1 profile of the machine-checkable Matterhorn
  conditions, a validator that passes veraPDF's test corpus;
- outloud (PyPI): PDF/UA-1 plus semantic checks on tables, lists, links and page furniture.

The bundled reports: Duiven, the study's comparison, the doorwerking example, both volumes of
--split, the register of the fictional examples, a report, a comparison and a factsheet with
kengetallen (lines and strips), the small fixtures' municipality report and comparison; and,
marked slow, the
comparison of 342 generated municipalities.
"""

import re
from pathlib import Path

import outloud
import page
import pytest

from normtoets import report
from normtoets.report.pdf import pdf_bytes

from . import pdfua_check as check
from .conftest import Data, Rendered

BUNDLED = [
    "duiven",
    "vergelijking",
    "doorwerking",
    "bestuurlijke-nota",
    "nota-van-bevindingen",
    "register",
    "kengetallen",
    "kengetallen-vergelijking",
    "factsheet",
]

# outloud's findings that are not about these PDFs, each checked by hand:
OUTLOUD_SKIPS = {
    # "Prose marked /Artifact": the running header and the chapter name stand on one line, and a
    # chapter shorter than three pages makes that line rare enough to look like prose. They are
    # page furniture, /Artifact /Pagination /Header, as PDF/UA asks.
    "TAG-002",
    # "Rows occupy different numbers of columns": its count drops a row-spanning cell in the
    # last column (the matrix' "voldaan") before adding it; our checker and page close the grid.
    "TBL-004",
    # "Header cells look shredded": more TH than TD, which every small table with a row header
    # per row has (a norm's criteria: Deel, Deelcriterium, Score over rows a, b).
    "TBL-010",
}


def page_report(data: bytes) -> page.ValidationReport:
    # WeasyPrint chains a chapter's bookmarks with /Next: 342 of them exceed page's default
    # safety limit on reference chains (256), which is a guard, not a PDF/UA condition.
    limits = page.SafetyLimits(max_reference_depth=100_000)
    return page.validate_pdf_bytes(data, profile="ua1", limits=limits)


def outloud_errors(data: bytes, tmp_path: Path) -> list[str]:
    target = tmp_path / "report.pdf"
    target.write_bytes(data)
    result = outloud.check(str(target), skip=OUTLOUD_SKIPS)
    assert result.error is None, result.error
    crashed = [run.rule for run in result.runs if run.status == "crashed"]
    return [
        f"{f.rule} p.{f.page}: {f.message}" for f in result.findings if f.severity == "error"
    ] + [f"{rule} crashed" for rule in crashed]


def assert_accessible(html: str, data: bytes, tmp_path: Path, *, with_outloud: bool = True) -> None:
    assert check.problems(data) == []
    assert check.table_differences(data, html) == []
    checked = page_report(data)
    assert checked.is_compliant, [f"{f.rule_id}: {f.message}" for f in checked.failures]
    assert checked.rules.failed == 0 and checked.checks.failed == 0
    if with_outloud:
        assert outloud_errors(data, tmp_path) == []


@pytest.mark.parametrize("name", BUNDLED)
def test_bundled_reports_are_pdf_ua(
    name: str, bundled_html: dict[str, str], bundled_pdf: Rendered, tmp_path: Path
) -> None:
    assert_accessible(bundled_html[name], bundled_pdf(name), tmp_path)


def test_fixture_reports_are_pdf_ua(
    mini_html: str,
    mini_pdf: bytes,
    comparison_html: str,
    comparison_pdf: bytes,
    tmp_path: Path,
) -> None:
    assert_accessible(mini_html, mini_pdf, tmp_path)
    assert_accessible(comparison_html, comparison_pdf, tmp_path)


def test_score_matrix_names_the_right_norm_for_every_score(bundled_pdf: Rendered) -> None:
    """The issue's worst finding: every score cell read one column to the right."""
    tables = check.pdf_tables(bundled_pdf("vergelijking"))
    matrix = next(t for t in tables if any(c.text == "Gemeente" for c in t))
    themes = {
        column: c.text
        for c in matrix
        if c.role == "TH" and c.row == 0 and c.colspan > 1
        for column in range(c.column, c.column + c.colspan)
    }
    heads = {c.column: c.text for c in matrix if c.role == "TH" and c.row == 1}
    rows = {c.row: c.text for c in matrix if c.role == "TH" and c.column == 0}
    scores = [c for c in matrix if c.role == "TD"]
    assert len(scores) == 33
    for cell in scores:
        if cell.column in heads:  # a norm's score: theme, norm, municipality
            assert cell.headers == [themes[cell.column], heads[cell.column], rows[cell.row]]
            assert rows[cell.row] in ("Doesburg", "Duiven", "Westervoort")
        else:  # the count of norms met
            assert cell.headers == ["voldaan", rows[cell.row]]


@pytest.mark.parametrize("name", BUNDLED)
def test_tagged_text_reads_as_the_html(
    name: str, bundled_html: dict[str, str], bundled_pdf: Rendered
) -> None:
    """Words at line ends are not run together, hyphenation leaves no hyphen in a word, and
    every paragraph of the HTML is in the tagged text as written."""
    data = bundled_pdf(name)
    doc = check.read(data)
    tagged = doc.tagged_text()
    assert "\u2010" not in tagged
    html_words = {  # text nodes read apart (cells) and run on (a span inside a word)
        w.casefold()
        for glue in (" ", "")
        for w in check.words(_html_text(bundled_html[name], glue))
    }
    stray = [  # (the stylesheet writes some labels in capitals, and numbers chapters and pages)
        w
        for w in check.words(tagged)
        if w and w.casefold() not in html_words and not re.fullmatch(r"[\d.]+|Bijlage|[“”•–]", w)
    ]
    assert stray == []
    # text-transform: a word the stylesheet shows in capitals reads as written (ActualText)
    written = {w for glue in (" ", "") for w in check.words(_html_text(bundled_html[name], glue))}
    shouted = [w for w in check.words(tagged) if len(w) > 3 and w.isupper() and w not in written]
    assert shouted == []
    flat = check._norm(tagged)
    for paragraph in _paragraphs(bundled_html[name]):
        assert paragraph in flat


@pytest.mark.parametrize("name", BUNDLED)
def test_page_furniture_is_no_content(name: str, bundled_pdf: Rendered) -> None:
    data = bundled_pdf(name)
    doc = check.read(data)
    tagged = doc.tagged_text()
    pages = len(doc.pdf.pages)
    assert not re.search(r"pagina \d+ van \d+", tagged)
    assert not re.search(r"\.{3}|(\. ){3}", tagged)  # no contents leaders
    artifacts = check.artifact_text(data)
    assert all(f"pagina {n} van {pages}" in artifacts[n - 1] for n in range(2, pages + 1))


@pytest.mark.slow
def test_comparison_of_342_municipalities_is_pdf_ua(national_study: Data, tmp_path: Path) -> None:
    """A national-scale study: the score matrix in parts, hundreds of rows over many pages."""
    data = national_study
    html = report.comparison_html(data.framework, data.assessments, data.study)
    rendered = pdf_bytes(html)
    assert_accessible(html, rendered, tmp_path)
    doc = check.read(rendered)
    matrices = [
        t for t in doc.root.walk() if t.role == "Table" and "Scores per gemeente" in t.text()
    ]
    assert matrices  # one Table element per part of the matrix, however many pages it takes
    for matrix in matrices:
        (body,) = [k for k in matrix.kids if isinstance(k, check.Element) and k.role == "TBody"]
        assert len(body.kids) == 342
        pages = {c.page for e in matrix.walk() for c in e.kids if isinstance(c, check.Content)}
        assert len(pages) > 5


def _html_text(html: str, glue: str) -> str:
    import tinyhtml5

    root = tinyhtml5.parse(html, namespace_html_elements=False)
    body = root.find("body")
    return glue.join(body.itertext()) if body is not None else ""


def _paragraphs(html: str) -> list[str]:
    import tinyhtml5

    root = tinyhtml5.parse(html, namespace_html_elements=False)
    return [check._norm(check._spoken(p)) for p in root.iter("p")]  # as the PDF tags a score
