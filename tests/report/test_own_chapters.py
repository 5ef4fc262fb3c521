"""Chapters of the researchers' own text: Markdown, citations as numbered notes in reading
order, placed among the report's chapters, carrying a theme's findings."""

import re

from conftest import ACCEPTANCE
from normtoets import report
from normtoets.loading.selection import select
from normtoets.models.narrative import REPORT_CHAPTERS
from normtoets.report.context.municipality_chapters import CHAPTERS

NORMS = ACCEPTANCE / "norms"
TEXT = """\
framework: {id: mini, version: "1"}
municipality: Testdorp
status: definitief
sources:
  - {id: nota, kind: document, title: Beleidsnota}
  - {id: gesprek, kind: interview, title: Gesprek met de wethouder}
judgements:
  B1: {score: "+", finding: Integraal., evidence: [{source: nota, quote: integraal}],
       reviewed_by: Bo, scored_by: An}
  B2: {score: "-", finding: Niet geëvalueerd., reviewed_by: Bo, scored_by: An}
  U1: {score: nb}
chapters:
  - id: inleiding
    title: Inleiding
    kind: method
    after: samenvatting
    text: |
      We spraken met de wethouder [@gesprek].

      <script>alert(1)</script>
  - id: beleidsanalyse
    title: Beleidsanalyse
    findings: [beleid]
    text: |
      ## De nota
      De nota noemt het beleid *integraal* [@nota, p. 9].

      - een opsomming
      - van twee
"""


def html_of(tmp_path, text: str = TEXT) -> str:  # type: ignore[no-untyped-def]
    path = tmp_path / "testdorp.yaml"
    path.write_text(text)
    selection, problems = select([path], [NORMS])
    assert selection is not None, problems
    html = report.municipality_html(selection.framework, selection.assessments[0], None)
    assert isinstance(html, str)
    return html


def chapter_ids(html: str) -> list[str]:
    return re.findall(r'<h1 id="([^"]+)" class="chapter', html)


def test_own_chapters_stand_where_they_say(tmp_path) -> None:  # type: ignore[no-untyped-def]
    ids = chapter_ids(html_of(tmp_path))
    assert ids[:5] == ["samenvatting", "inleiding", "normenkader", "beleidsanalyse", "bevindingen"]
    assert "onderzoek" not in ids  # the research approach of its own replaces it


def test_a_theme_carried_by_own_text_leaves_bevindingen(tmp_path) -> None:  # type: ignore[no-untyped-def]
    html = html_of(tmp_path)
    analysis = html[html.index('id="beleidsanalyse"') : html.index('id="bevindingen"')]
    findings = html[html.index('id="bevindingen"') :]
    assert 'id="norm-B1"' in analysis and 'id="norm-B1"' not in findings
    assert 'id="norm-U1"' in findings


def test_citations_are_notes_in_reading_order(tmp_path) -> None:  # type: ignore[no-untyped-def]
    html = html_of(tmp_path)
    numbers = [int(n) for n in re.findall(r'class="note-ref" href="#noot-(\d+)"', html)]
    assert numbers == sorted(numbers) == [1, 2, 3]
    assert re.search(r'id="noot-1".*Gesprek met de wethouder', html)
    assert re.search(r'id="noot-2".*Beleidsnota</a>, p\. 9\.', html)


def test_markdown_but_no_raw_html(tmp_path) -> None:  # type: ignore[no-untyped-def]
    html = html_of(tmp_path)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<em>integraal</em>" in html and "<li>een opsomming</li>" in html
    assert '<h2 id="beleidsanalyse-De-nota">De nota' in html
    assert '<a href="#beleidsanalyse-De-nota">De nota</a>' in html  # in the contents


def test_the_chapters_own_text_can_follow_are_the_reports() -> None:
    appendices = {"bronnen", "correcties"}
    assert [b.id for b in CHAPTERS if b.id not in appendices] == list(REPORT_CHAPTERS)


SECTIONS = TEXT.replace(
    """      ## De nota
      De nota noemt het beleid *integraal* [@nota, p. 9].
""",
    """      De inleiding van de analyse [@gesprek, verslag p. 3].

      ## De nota
      De nota noemt het beleid *integraal* [@nota, p. 9].

      ## Het gesprek
      Zonder bron.
""",
)


def test_a_sections_notes_follow_that_section(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A note stands near its citation: after the section (4.1, 4.2, …) that first cites it,
    not pages later at the chapter's end; a section that cites nothing new has no notes list."""
    html = html_of(tmp_path, SECTIONS)
    chapter = html[html.index('id="beleidsanalyse"') : html.index('id="bevindingen"')]
    intro, nota = chapter.split('id="beleidsanalyse-De-nota"')
    nota, gesprek = nota.split('id="beleidsanalyse-Het-gesprek"')
    assert re.findall(r'<li id="noot-(\d+)"', intro) == ["2"]
    assert re.findall(r'<li id="noot-(\d+)"', nota) == ["3"]
    assert '<ol class="notes"' not in gesprek.split('id="norm-B1"')[0]
