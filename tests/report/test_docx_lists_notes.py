"""The Word document's lists, notes, scores and languages in Word's own structures.

Lists are numbering definitions, not a typed "•" or "1."; source notes are footnotes, at the
foot of the page that cites them (the PDF prints them right after the citing section); a score
shown by its code carries its label in the table's description; a passage marked in another
language is that language. LibreOffice's PDF of the document keeps the lists and the notes.
"""

import io
import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from lxml import html as lxml_html
from pypdf import PdfReader

from conftest import ACCEPTANCE
from normtoets import report
from normtoets.loading.selection import select
from normtoets.report.html import stylesheets
from normtoets.report.word import css, docx_bytes
from normtoets.report.word.lists import typed_form
from tests.report.test_docx import libreoffice_pdf, plain

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TYPED = re.compile(r"^\s*(?:[•◦▪–]|\d+[.)]|[a-zA-Z][.)]|\[\d+\])\s")


def paragraphs(document: docx.document.Document) -> list[Paragraph]:
    """Every paragraph of the body, those in table cells included."""
    return [Paragraph(p, document._body) for p in document.element.body.iter(qn("w:p"))]


def numbered(paragraph: Paragraph) -> bool:
    return paragraph._p.find(f"{qn('w:pPr')}/{qn('w:numPr')}") is not None


def footnotes(data: bytes) -> list[str]:
    """The text of each footnote (separators left out), in order."""
    part = zipfile.ZipFile(io.BytesIO(data)).read("word/footnotes.xml")
    root = lxml_html.etree.fromstring(part)
    return [
        "".join(t.text or "" for t in note.iter(f"{W}t")).strip()
        for note in root.iter(f"{W}footnote")
        if note.get(f"{W}type") is None
    ]


def listed_items(html: str) -> int:
    """The HTML's list items that show a bullet, a number or a typed label of their own."""
    root = lxml_html.document_fromstring(html)
    css.mark(root, stylesheets(None))
    count = 0
    for element in root.xpath("//body//ul | //body//ol"):
        if element.xpath("ancestor-or-self::*[@data-hidden]") or element.xpath("ancestor::nav"):
            continue
        items = [c for c in element if c.tag == "li" and c.get("data-hidden") is None]
        if "notes" in (element.get("class") or "").split():
            continue
        if element.get("data-unlisted") is None or typed_form(items) is not None:
            count += len(items)
    return count


@pytest.fixture(scope="module")
def duiven_docx(duiven_html: str) -> bytes:
    return docx_bytes(duiven_html)


@pytest.fixture(scope="module")
def duiven_document(duiven_docx: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(duiven_docx))


def test_lists_are_word_lists_not_typed_labels(
    duiven_document: docx.document.Document, duiven_html: str
) -> None:
    every = paragraphs(duiven_document)
    typed = [p.text for p in every if TYPED.match(p.text)]
    assert typed == []
    lists = [p for p in every if numbered(p)]
    # one numbered paragraph per item (its first paragraph; the item's later ones align)
    assert len(lists) == listed_items(duiven_html) > 80
    texts = {plain(p.text) for p in lists}
    assert "beleidsanalyse" in texts  # 1., 2., … of the own text
    assert any(t.startswith("Binnengekomen vragen om hulp") for t in texts)  # a., b., … parts
    assert any(t.startswith("In hoeverre is er sprake van integraal beleid") for t in texts)


def test_each_numbered_list_starts_at_its_own_number(
    duiven_document: docx.document.Document,
) -> None:
    numbering = duiven_document.part.numbering_part.element
    formats = {}
    for definition in numbering.iter(qn("w:abstractNum")):
        level = definition.find(qn("w:lvl"))
        formats[definition.get(qn("w:abstractNumId"))] = (
            level.find(qn("w:numFmt")).get(qn("w:val")),
            level.find(qn("w:lvlText")).get(qn("w:val")),
        )
    used = {}
    for paragraph in paragraphs(duiven_document):
        if numbered(paragraph):
            number = paragraph._p.pPr.numPr.numId.val
            instance = numbering.num_having_numId(number)
            used[number] = (
                formats[str(instance.abstractNumId.val)],
                [int(o.get(qn("w:val"))) for o in instance.iter(qn("w:startOverride"))],
            )
    kinds = {form for form, _ in used.values()}
    assert {("bullet", "•"), ("decimal", "%1."), ("lowerLetter", "%1."), ("decimal", "OV%1")} <= (
        kinds
    )
    for form, starts in used.values():
        assert form[0] == "bullet" or len(starts) == 1  # each numbered list restarts
    # the criteria of U2 go on from those of U1 (b. to l.), as the HTML letters them
    assert [2] in [starts for form, starts in used.values() if form[0] == "lowerLetter"]


def test_a_lettered_list_is_lettered_by_word() -> None:
    """type="a" (or list-style-type: lower-alpha) and start: Word's letters, from c."""
    html = (
        '<html lang="nl"><head><title>t</title></head><body><main>'
        '<ol type="a" start="3"><li>derde</li><li>vierde<ul><li>erin</li></ul></li></ol>'
        "</main></body></html>"
    )
    document = docx.Document(io.BytesIO(docx_bytes(html)))
    numbering = document.part.numbering_part.element
    items = [(p.text, p._p.pPr.numPr) for p in document.paragraphs if numbered(p)]
    assert [text for text, _ in items] == ["derde", "vierde", "erin"]
    [lettered] = {number.numId.val for text, number in items if text != "erin"}
    instance = numbering.num_having_numId(lettered)
    assert [o.get(qn("w:val")) for o in instance.iter(qn("w:startOverride"))] == ["3"]
    definition = numbering.xpath(
        f"./w:abstractNum[@w:abstractNumId='{instance.abstractNumId.val}']/w:lvl"
    )[0]
    assert definition.find(qn("w:numFmt")).get(qn("w:val")) == "lowerLetter"
    assert items[2][1].ilvl.val == 1  # the list in the list: one level in


def test_notes_are_footnotes_cited_once_numbered_as_in_the_pdf(
    duiven_docx: bytes, duiven_document: docx.document.Document, duiven_html: str
) -> None:
    root = lxml_html.document_fromstring(duiven_html)
    notes = root.xpath("//ol[contains(@class, 'notes')]/li")
    texts = footnotes(duiven_docx)
    assert len(texts) == len(notes) > 15
    for text, note in zip(texts, notes, strict=True):
        assert plain(text) == plain(re.sub(r"^\[\d+\]", "", note.text_content()))
    body = duiven_document.element.body
    references = [r.get(qn("w:id")) for r in body.iter(qn("w:footnoteReference"))]
    assert references == [str(n) for n in range(1, len(notes) + 1)]
    # a note cited again: Word's cross-reference to its footnote, the same number
    citations = root.xpath("//a[contains(@class, 'note-ref')]")
    fields = [t.text for t in body.iter(qn("w:instrText")) if "NOTEREF" in t.text]
    assert len(fields) == len(citations) - len(notes) > 0
    marks = {b.get(qn("w:name")) for b in body.iter(qn("w:bookmarkStart"))}
    assert {f.split()[1] for f in fields} <= marks
    # the notes lists have left the body; no "[n]" link is left
    text = " ".join(p.text for p in paragraphs(duiven_document))
    assert not re.search(r"\[\d+\]", text)
    assert not [p for p in duiven_document.paragraphs if p.style.name == "Bronvermelding"]
    styles = {s.style_id: s.name for s in duiven_document.styles}
    assert styles["FootnoteText"] == "footnote text"
    assert styles["FootnoteReference"] == "footnote reference"


def test_a_note_nothing_cites_stays_in_its_list() -> None:
    """Word has no footnote without a reference: a note no text cites keeps its place and
    number, small, as the PDF lists it; a cited one becomes a footnote, cited twice once."""
    html = (
        '<html lang="nl"><head><title>t</title></head><body><main><p>Tekst'
        ' <a class="note-ref" href="#noot-1">[1]</a> en nog eens'
        ' <a class="note-ref" href="#noot-1">[1]</a>.</p><ol class="notes">'
        '<li id="noot-1"><span class="note-number">[1] </span>Beleidsnota, p. 3.</li>'
        '<li id="noot-2"><span class="note-number">[2] </span>Niet geciteerd.</li>'
        "</ol></main></body></html>"
    )
    data = docx_bytes(html)
    document = docx.Document(io.BytesIO(data))
    assert footnotes(data) == ["Beleidsnota, p. 3."]
    assert [p.text for p in document.paragraphs if p.style.name == "Bronvermelding"] == [
        "[2] Niet geciteerd."
    ]
    # the footnote's mark is no text; the cross-reference shows its number, "1"
    assert document.paragraphs[-2].text == "Tekst en nog eens1."
    fields = [t.text.split() for t in document.element.body.iter(qn("w:instrText"))]
    assert fields == [["NOTEREF", "_Ref_noot_1", "\\f", "\\h"]]


def test_recommendation_numbers_share_one_style(duiven_document: docx.document.Document) -> None:
    numbers = [p for p in duiven_document.paragraphs if re.match(r"Aanbeveling \d", p.text)]
    assert len(numbers) == 5
    assert {p.style.name for p in numbers} == {"Aanbeveling"}
    style = duiven_document.styles["Aanbeveling"]
    assert style.font.bold and style.paragraph_format.keep_with_next


def test_a_score_shown_by_its_code_has_its_label_in_the_tables_description(
    bundled_html: dict[str, str],
) -> None:
    document = docx.Document(io.BytesIO(docx_bytes(bundled_html["vergelijking"])))
    described = {}
    for table in document.tables:
        properties = table._tbl.tblPr
        description = properties.find(qn("w:tblDescription"))
        if description is not None:
            described[properties.find(qn("w:tblCaption")).get(qn("w:val"))] = description.get(
                qn("w:val")
            )
    assert "voldoet niet (--)" in described["Scores per gemeente"]
    matrix = next(
        t
        for t in document.tables
        if t._tbl.tblPr.find(qn("w:tblCaption")).get(qn("w:val")) == "Scores per gemeente"
    )
    codes = {plain(c.text) for row in matrix.rows[2:] for c in row.cells[1:-1]}
    assert codes <= {"++", "+", "-", "--", "nb", "nvt", "++a", "+a", "--a", "nba"}, codes


TEXT = """\
framework: {id: mini, version: "1"}
municipality: Testdorp
status: definitief
sources:
  - {id: nota, kind: document, title: Beleidsnota}
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
      De wethouder wil [to the point]{lang=en} werken [@nota, p. 3].

      1. eerst
      2. dan
"""


def test_a_passage_in_another_language_is_marked_so(tmp_path: Path) -> None:
    path = tmp_path / "testdorp.yaml"
    path.write_text(TEXT)
    selection, problems = select([path], [ACCEPTANCE / "norms"])
    assert selection is not None, problems
    html = report.municipality_html(selection.framework, selection.assessments[0], None)
    assert isinstance(html, str) and '<span lang="en">to the point</span>' in html
    document = docx.Document(io.BytesIO(docx_bytes(html)))
    languages = {}
    for run in document.element.body.iter(qn("w:r")):
        language = run.find(f"{qn('w:rPr')}/{qn('w:lang')}")
        text = "".join(t.text or "" for t in run.iter(qn("w:t")))
        if language is not None:
            languages[text] = language.get(qn("w:val"))
    assert languages == {"to the point": "en-GB"}
    numbers = [p.text for p in paragraphs(document) if numbered(p)]
    assert numbers[:2] == ["eerst", "dan"]


def test_internal_links_say_where_they_go() -> None:
    """A link's description (aria-label) is its screen tip; a bare "[2]" without one says
    where it goes, as the PDF's link does ("Naar [2] …")."""
    html = (
        '<html lang="nl"><head><title>t</title></head><body><main>'
        '<p id="doel">Het doel van het onderzoek</p>'
        '<p><a href="#doel" aria-label="Naar het doel">[1]</a> <a href="#doel">[2]</a></p>'
        "</main></body></html>"
    )
    document = docx.Document(io.BytesIO(docx_bytes(html)))
    tips = [link.get(qn("w:tooltip")) for link in document.element.body.iter(qn("w:hyperlink"))]
    assert tips == ["Naar het doel", "Naar [2]: Het doel van het onderzoek"]


def test_libreoffice_keeps_lists_and_notes(
    duiven_docx: bytes, duiven_html: str, tmp_path: Path
) -> None:
    reader = PdfReader(io.BytesIO(libreoffice_pdf(duiven_docx, tmp_path)))
    text = "\n".join(page.extract_text() for page in reader.pages)
    flat = plain(text)
    assert re.search(r"^•\s*in welke mate en op welke wijze", text, re.M)
    assert re.search(r"^1\.\s*beleidsanalyse", text, re.M)
    assert re.search(r"^4\.\s*opstellen rapport van bevindingen", text, re.M)
    assert re.search(r"^a\.\s*Binnengekomen vragen", text, re.M)
    assert re.search(r"^OV10\s+In hoeverre", text, re.M)
    root = lxml_html.document_fromstring(duiven_html)
    for note in root.xpath("//ol[contains(@class, 'notes')]/li"):
        number, rest = re.match(r"\[(\d+)\]\s*(.*)", plain(note.text_content())).groups()
        assert f"{number} {rest}" in flat, number
