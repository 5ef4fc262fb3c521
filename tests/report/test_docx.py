"""The report as a Word document: the same HTML as the PDF, in Word's own structures.

Read back with python-docx (headings, contents field, header rows, shading, language, notes
and their links; lists and notes as Word's own in test_docx_lists_notes.py) and, where
LibreOffice is installed, converted to PDF by it: the text holds every score and
recommendation and its headings are the PDF's outline. CI installs LibreOffice and sets
NORMTOETS_OFFICE_TESTS=required, so those checks cannot quietly skip there.
"""

import io
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from lxml import html as lxml_html
from pypdf import PdfReader
from typer.testing import CliRunner

from normtoets.cli import app
from normtoets.report.word import docx_bytes
from tests.report.conftest import DUIVEN, STUDY, Data

HOW = "apt-get install libreoffice-writer-nogui"


def plain(text: str) -> str:
    """Text as compared here: no soft hyphens or word joiners, one kind of space."""
    text = text.replace("\u00ad", "").replace("\u2060", "").replace("\u00a0", " ")
    return " ".join(text.split())


def document_text(document: docx.document.Document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return plain(" ".join(parts))


@pytest.fixture(scope="module")
def duiven_docx(duiven_html: str) -> bytes:
    return docx_bytes(duiven_html)


@pytest.fixture(scope="module")
def duiven_document(duiven_docx: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(duiven_docx))


def test_chapters_are_word_headings_in_order(
    duiven_html: str, duiven_document: docx.document.Document
) -> None:
    root = lxml_html.document_fromstring(duiven_html)
    chapters = [plain(h.text_content()) for h in root.xpath("//main//h1")]
    headings = [plain(p.text) for p in duiven_document.paragraphs if p.style.name == "Heading 1"]
    assert len(headings) == len(chapters) > 5
    for heading, chapter in zip(headings, chapters, strict=True):
        assert heading.endswith(chapter)
    assert "1 Inleiding" in headings and "Bijlage 1 Bronnenlijst" in headings
    # The own-text chapters number their paragraphs as the PDF does (5.1, 5.2, …).
    assert any(
        re.match(r"5\.1 ", plain(p.text))
        for p in duiven_document.paragraphs
        if p.style.name == "Heading 2"
    )
    titles = [p.text for p in duiven_document.paragraphs if p.style.name == "Title"]
    assert titles == ["Integraal werken in het sociaal domein"]


def test_contents_field_language_and_properties(
    duiven_document: docx.document.Document, duiven_html: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    body = duiven_document.element.body
    codes = " ".join(t.text for t in body.iter(qn("w:instrText")))
    assert 'TOC \\o "1-3"' in codes
    defaults = duiven_document.styles.element.find(qn("w:docDefaults"))
    language = defaults.find(f".//{qn('w:lang')}")
    assert language.get(qn("w:val")) == "nl-NL"
    settings = duiven_document.settings.element
    assert settings.find(qn("w:updateFields")).get(qn("w:val")) == "true"
    properties = duiven_document.core_properties
    assert properties.title == "Integraal werken in het sociaal domein – gemeente Duiven"
    assert "Regioplan Beleidsonderzoek" in properties.author
    assert properties.language == "nl-NL"
    assert properties.created.year > 2013  # python-docx's template's date is gone
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1560000000")  # the report says only "2019"
    again = docx.Document(io.BytesIO(docx_bytes(duiven_html))).core_properties
    assert again.created.timestamp() == again.modified.timestamp() == 1560000000
    assert "python-docx" not in properties.author + properties.last_modified_by


def test_every_score_and_recommendation(
    duiven_document: docx.document.Document, duiven: Data
) -> None:
    text = document_text(duiven_document)
    assessment = duiven.assessments[0]
    for recommendation in assessment.recommendations:
        assert plain(recommendation.text) in text
    overview = {}
    for table in duiven_document.tables:
        for row in table.rows:
            cells = [plain(c.text) for c in row.cells]
            # the summary's table: norm, description, score (a Voldaan column only with a tally)
            if cells[0] in assessment.judgements and len(cells) in (3, 4):
                overview[cells[0]] = cells[2]
    assert set(overview) == set(assessment.judgements)
    for norm, judgement in assessment.judgements.items():
        assert overview[norm].startswith(judgement.score + " ")


def test_tables_repeat_header_rows_and_shade_scores(
    duiven_document: docx.document.Document,
) -> None:
    tables = duiven_document.tables
    assert tables
    for table in tables:
        first = table.rows[0]._tr
        assert first.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
        assert table._tbl.tblPr.find(qn("w:tblCaption")) is not None  # a title for each
    fills = {
        shading.get(qn("w:fill")) for shading in duiven_document.element.body.iter(qn("w:shd"))
    }
    assert {"1B7837", "A6DBA0", "B2182B"} <= fills  # ++, + and -- in the scale's colours


def test_notes_are_footnotes_and_links_resolve(
    duiven_document: docx.document.Document, duiven_docx: bytes
) -> None:
    body = duiven_document.element.body
    marks = {b.get(qn("w:name")) for b in body.iter(qn("w:bookmarkStart"))}
    anchors = [h.get(qn("w:anchor")) for h in body.iter(qn("w:hyperlink"))]
    assert len(anchors) > 40
    assert set(anchors) <= marks, set(anchors) - marks
    # one footnote per source note (21 in Duiven), each citing its source in the bronnenlijst
    notes = lxml_html.etree.fromstring(
        zipfile.ZipFile(io.BytesIO(duiven_docx)).read("word/footnotes.xml")
    )
    assert len([n for n in notes.iter(qn("w:footnote")) if n.get(qn("w:type")) is None]) >= 15
    cited = {h.get(qn("w:anchor")) for h in notes.iter(qn("w:hyperlink"))}
    assert cited and cited <= marks, cited - marks


def test_concept_in_the_header_of_a_concept_only(comparison_html: str, duiven_docx: bytes) -> None:
    concept = docx.Document(io.BytesIO(docx_bytes(comparison_html)))
    header = concept.sections[0].header.paragraphs[0].text
    assert header.endswith("CONCEPT")
    assert "CONCEPT" in concept.sections[0].first_page_header.paragraphs[0].text
    final = docx.Document(io.BytesIO(duiven_docx))
    assert "CONCEPT" not in final.sections[0].header.paragraphs[0].text


def test_text_is_text() -> None:
    """What the HTML escapes stays text: no field, formula or markup comes of a finding."""
    html = (
        '<html lang="nl"><head><title>t</title></head><body><main>'
        "<p>=HYPERLINK(&quot;http://x&quot;) &lt;b&gt;vet&lt;/b&gt; &amp; { PAGE }</p>"
        "</main></body></html>"
    )
    document = docx.Document(io.BytesIO(docx_bytes(html)))
    assert document.paragraphs[-1].text == '=HYPERLINK("http://x") <b>vet</b> & { PAGE }'
    assert not list(document.element.body.iter(qn("w:fldSimple")))


def test_cli_writes_docx_and_refuses_other_suffixes(tmp_path: Path) -> None:
    runner = CliRunner()
    target = tmp_path / "duiven.docx"
    done = runner.invoke(app, ["report", str(DUIVEN), "-o", str(target)])
    assert done.exit_code == 0, done.output
    assert docx.Document(str(target)).paragraphs
    for name, extra in (("duiven.doc", []), ("duiven.odt", []), ("x.docx", ["--html"])):
        done = runner.invoke(app, ["report", str(DUIVEN), "-o", str(tmp_path / name), *extra])
        assert done.exit_code == 2, done.output
        assert not (tmp_path / name).exists()
    split = tmp_path / "split.docx"
    done = runner.invoke(app, ["report", str(DUIVEN), "--split", "-o", str(split)])
    assert done.exit_code == 0, done.output
    assert (tmp_path / "split-bestuurlijke-nota.docx").is_file()
    done = runner.invoke(app, ["report", str(STUDY), "--compare", "-o", str(tmp_path / "c.docx")])
    assert done.exit_code == 0, done.output


# ------------------------------------------------------------ LibreOffice opens it


def libreoffice_pdf(document: bytes, folder: Path) -> bytes:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        message = f"LibreOffice checks not run: soffice is not installed. To run them: {HOW}"
        if os.environ.get("NORMTOETS_OFFICE_TESTS") == "required":
            pytest.fail(message)
        pytest.skip(message)
    source = folder / "report.docx"
    source.write_bytes(document)
    done = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",  # its own, in parallel
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    produced = folder / "report.pdf"
    assert done.returncode == 0 and produced.is_file(), done.stdout + done.stderr
    return produced.read_bytes()


def test_libreoffice_converts_duiven(
    duiven_docx: bytes, duiven: Data, duiven_html: str, tmp_path: Path
) -> None:
    reader = PdfReader(io.BytesIO(libreoffice_pdf(duiven_docx, tmp_path)))
    text = plain(" ".join(page.extract_text() for page in reader.pages))
    assessment = duiven.assessments[0]
    for recommendation in assessment.recommendations:
        assert plain(recommendation.text)[:200] in text
    for norm, judgement in assessment.judgements.items():
        assert re.search(rf"{norm} [^\n]*? {re.escape(judgement.score)} voldoet", text), norm
    # Its headings navigate: they are the PDF's outline (bookmarks), chapter by chapter.
    outline = [plain(item.title) for item in reader.outline if not isinstance(item, list)]
    root = lxml_html.document_fromstring(duiven_html)
    chapters = [plain(h.text_content()) for h in root.xpath("//main//h1")]
    assert len(outline) == len(chapters)
    for entry, chapter in zip(outline, chapters, strict=True):
        assert entry.endswith(chapter)


def test_every_bundled_report(bundled_html: dict[str, str]) -> None:
    """Each report normtoets renders (doorwerking, both volumes, comparisons) becomes a
    document with a Word heading for each of its chapters."""
    for name, html in bundled_html.items():
        document = docx.Document(io.BytesIO(docx_bytes(html)))
        root = lxml_html.document_fromstring(html)
        # the chapters, and a factsheet's title (in its header: it has no title page)
        chapters = root.xpath("//main//h1 | //header//h1[not(contains(@class, 'cover-title'))]")
        headings = [p for p in document.paragraphs if p.style.name == "Heading 1"]
        assert len(headings) == len(chapters) > 0, name


def test_only_web_links_become_links() -> None:
    """A house template's javascript: or file: link stays text in the Word document."""
    html = (
        '<html lang="nl"><head><title>t</title></head><body><main><p>'
        '<a href="https://www.rekenkamer.nl/">site</a> <a href="javascript:alert(1)">js</a> '
        '<a href="file:///etc/passwd">bestand</a></p></main></body></html>'
    )
    document = docx.Document(io.BytesIO(docx_bytes(html)))
    targets = [r.target_ref for r in document.part.rels.values() if r.is_external]
    assert targets == ["https://www.rekenkamer.nl/"]
    assert document.paragraphs[-1].text == "site js bestand"


def test_a_chart_becomes_its_text_alternative_and_its_table_stays(
    bundled_html: dict[str, str],
) -> None:
    """Word cannot take the inline SVG: the chart's title stands in for it, the labels drawn in
    it do not run into the text, and the table with the same numbers follows."""
    document = docx.Document(io.BytesIO(docx_bytes(bundled_html["register"])))
    lines = [p.text for p in document.paragraphs]
    chart = [line for line in lines if line.startswith("Grafiek: ")]
    assert chart == [
        "Grafiek: Stand van zaken van de aanbevelingen per jaar van het rapport, als gestapelde "
        "staven; de aantallen staan in de tabel eronder."
    ]
    assert not any("uitgevoerdwordt" in line for line in lines)
    text = document_text(document)
    assert "2020 2 1 1 1 0 5" in text
