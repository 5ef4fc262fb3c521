"""report.pdf: tagged PDF/UA, reproducible, and nothing fetched or embedded."""

import io
import re
import subprocess
import sys
from pathlib import Path

import pikepdf
import pytest
from pypdf import PdfReader

from normtoets import report
from normtoets.report import pdf

from .conftest import REPO, Data, normalize


def text_of(data: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def body_text(data: bytes) -> str:
    """The text inside the page margins: without running headers, footers and page numbers,
    so a paragraph that runs over a page break reads as one."""
    margin = 24 / 25.4 * 72  # the @page margin of report.css, in points
    pages = []
    for page in PdfReader(io.BytesIO(data)).pages:
        chunks: list[str] = []

        def visit(
            text: str,
            cm: list[float],
            tm: list[float],
            *_: object,
            chunks: list[str] = chunks,
            top: float = float(page.mediabox.height) - margin,
        ) -> None:
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            if not text.strip() or margin < y < top:
                chunks.append(text)

        page.extract_text(visitor_text=visit)
        pages.append("".join(chunks))
    return "\n".join(pages)


@pytest.fixture(scope="module")
def duiven_text(duiven_pdf: bytes) -> list[str]:
    """Each page's text, extracted once (pypdf takes a second or two)."""
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(duiven_pdf)).pages]


def test_duiven_pdf_has_every_norm_score_and_recommendation(
    duiven: Data, duiven_pdf: bytes
) -> None:
    text = normalize(body_text(duiven_pdf))
    assert "pagina 3 van" not in text  # the page furniture is gone
    framework = duiven.framework
    assessment = duiven.assessments[0]
    for norm in framework.norms():
        assert normalize(norm.text) in text, norm.id
        for criterion in norm.criteria:
            assert normalize(criterion.text) in text, criterion.id
    for question in framework.research_questions:
        assert normalize(question.text) in text, question.id
    assert len(assessment.recommendations) == 5
    for recommendation in assessment.recommendations:
        assert normalize(recommendation.text) in text, recommendation.id
        for part in recommendation.parts:
            assert normalize(part.text) in text, f"{recommendation.id}{part.id}"
    for answer in assessment.answers:
        assert normalize(answer.text) in text


def test_duiven_pdf_shows_each_score_with_its_label(duiven: Data, duiven_text: list[str]) -> None:
    """Under each norm's heading in the findings: 'Score: <code> <label>'. The findings stand
    in the chapters of own text that carry their theme, so in reading order, not B1…I2."""
    findings = " ".join(" ".join(duiven_text[2:]).split())  # after the contents
    norms = list(duiven.framework.norms())
    heads = sorted(
        (findings.index(f"{n.id} {n.short} Norm:"), n) for n in norms
    )  # a norm's heading is followed by its box
    for (start, norm), following in zip(heads, [*heads[1:], None], strict=True):
        section = findings[start : following[0] if following else None]
        code = duiven.assessments[0].judgements[norm.id].score
        label = duiven.framework.scale.label(code)
        assert f"Score: {code} {label}" in section, norm.id


def test_duiven_pdf_is_tagged_with_language_and_title(duiven_pdf: bytes) -> None:
    with pikepdf.open(io.BytesIO(duiven_pdf)) as doc:
        root = doc.Root
        assert "/StructTreeRoot" in root
        assert str(root.Lang) == "nl"
        assert root.MarkInfo.Marked
        assert str(doc.docinfo.Title) == "Integraal werken in het sociaal domein – gemeente Duiven"
        assert "Regioplan Beleidsonderzoek" in str(doc.docinfo.Author)
        assert "/EmbeddedFiles" not in root.get("/Names", {})
        with doc.open_metadata() as xmp:
            assert xmp.get("pdfuaid:part") == "1"


def test_duiven_pdf_has_page_numbers_and_a_toc(duiven_text: list[str]) -> None:
    pages = len(duiven_text)
    assert pages > 10
    assert all(f"pagina {n} van {pages}" in duiven_text[n - 1] for n in range(2, pages + 1))
    toc = " ".join(duiven_text[1].split())
    assert "Inhoud" in toc and "Beleidsanalyse" in toc and "Bronnenlijst" in toc
    assert re.search(r"5 Beleidsanalyse \.*\s*\d+", toc)  # a page number from target-counter
    assert not any("CONCEPT" in page for page in duiven_text)  # Duiven is definitief


# ------------------------------------------------------------ small reports


def test_concept_mark_on_every_page(comparison_pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(comparison_pdf))
    assert all("CONCEPT" in (page.extract_text() or "") for page in reader.pages)


def test_same_input_same_bytes(mini_html: str, mini_pdf: bytes) -> None:
    assert pdf.pdf_bytes(mini_html) == mini_pdf
    with pikepdf.open(io.BytesIO(mini_pdf)) as doc:
        assert "/CreationDate" in doc.docinfo  # from the assessment's date
        assert "/ModDate" not in doc.docinfo  # no clock time


def test_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    html = (
        '<html lang="nl"><head><title>Klein</title>'
        '<meta name="dcterms.created" content="2019-05-31"></head><body><p>x</p></body></html>'
    )
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    data = pdf.pdf_bytes(html)
    with pikepdf.open(io.BytesIO(data)) as doc:
        assert str(doc.docinfo.ModDate).startswith("D:20231114221320")
        assert str(doc.docinfo.CreationDate).startswith("D:20190531")


def test_write_pdf_is_atomic_and_complete(tmp_path: Path) -> None:
    html = '<html lang="nl"><head><title>Klein</title></head><body><h1>Klein</h1></body></html>'
    target = tmp_path / "out" / "rapport.pdf"
    pdf.write_pdf(html, target)
    assert target.read_bytes() == pdf.pdf_bytes(html)
    assert [p.name for p in target.parent.iterdir()] == ["rapport.pdf"]


def test_comparison_pdf_renders(comparison_pdf: bytes) -> None:
    text = normalize(text_of(comparison_pdf))
    assert "Scoreoverzicht" in text and "Testdorp" in text and "Nergenshuizen" in text
    assert normalize("Kan als voorbeeld dienen:") in text


# ------------------------------------------------------------ nothing fetched, nothing embedded


SHIPPED_FONTS = sorted(
    font.resolve().as_uri() for font in (pdf.template_dirs()[-1] / "fonts").glob("*.woff")
)


def besides_the_fonts(fetched: list[str]) -> list[str]:
    """What was fetched other than the shipped fonts (report.css loads them all, always)."""
    return [url for url in fetched if url not in SHIPPED_FONTS]


class Recording:
    """Wraps the real fetcher and records every URL WeasyPrint asks for."""

    def __init__(self, roots: list[Path]) -> None:
        self.inner = pdf.make_fetcher(roots)

    def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
        return getattr(self.inner, name)


def test_fetcher_refuses_everything_outside_the_templates(tmp_path: Path) -> None:
    from weasyprint.urls import URLFetcher

    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "logo.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    fetcher = pdf.make_fetcher([templates])
    assert isinstance(fetcher, URLFetcher)  # WeasyPrint 70 needs the class
    for url in (
        "file:///etc/passwd",
        "http://example.com/x",
        "https://example.com/x",
        "data:text/plain,hallo",
        (templates / ".." / "secret").resolve().as_uri(),
        "file://otherhost/etc/passwd",
    ):
        with pytest.raises(pdf.RefusedURL):
            fetcher.fetch(url)
    assert fetcher.fetch((templates / "logo.svg").as_uri()).read().startswith(b"<svg")
    assert len(fetcher.refused) == 6 and len(fetcher.fetched) == 1


def test_hostile_finding_renders_as_text_and_fetches_nothing(mini: Data) -> None:
    hostile = '<img src="file:///etc/passwd"> <a rel="attachment" href="http://example.com/x">x</a>'
    assessment = mini.one("Testdorp")
    judgements = dict(assessment.judgements)
    judgements["B1"] = judgements["B1"].model_copy(update={"finding": hostile})
    html = report.municipality_html(
        mini.framework, assessment.model_copy(update={"judgements": judgements}), mini.study
    )
    assert isinstance(html, str)
    fetcher = pdf.make_fetcher(pdf.template_dirs())
    data = pdf.pdf_bytes(html, fetcher=fetcher)
    assert fetcher.refused == []  # nothing even asked for: the markup is text
    # The CSS is read directly; what is fetched are the shipped fonts, and only those.
    assert len(SHIPPED_FONTS) == 8 and sorted(fetcher.fetched) == SHIPPED_FONTS
    assert normalize(hostile) in normalize(text_of(data))
    with pikepdf.open(io.BytesIO(data)) as doc:
        assert not doc.attachments
        assert all(
            "/Annots" not in page
            or not any(a.get("/Subtype") == "/FileAttachment" for a in page.Annots)
            for page in doc.pages
        )


def test_raw_hostile_html_is_refused_by_the_fetcher() -> None:
    """Even markup that reaches WeasyPrint unescaped (a careless house style) fetches nothing."""
    html = (
        '<html lang="nl"><head><title>t</title>'
        '<link rel="attachment" href="file:///etc/passwd"></head><body>'
        '<img src="file:///etc/passwd" alt="x"><img src="http://example.com/x.png" alt="y">'
        '<a rel="attachment" href="http://example.com/x">x</a>'
        '<a rel="attachment" href="file:///etc/hostname">y</a></body></html>'
    )
    fetcher = pdf.make_fetcher(pdf.template_dirs())
    data = pdf.pdf_bytes(html, fetcher=fetcher)
    assert besides_the_fonts(fetcher.fetched) == []
    assert "file:///etc/passwd" in fetcher.refused and "http://example.com/x.png" in fetcher.refused
    assert "http://example.com/x" in fetcher.refused
    with pikepdf.open(io.BytesIO(data)) as doc:
        assert not doc.attachments
    assert b"root:" not in data


def test_weasyprint_is_imported_lazily() -> None:
    code = (
        "import sys, normtoets.report, normtoets.report.pdf, normtoets.report.context;"
        "assert 'weasyprint' not in sys.modules, 'eager import'"
    )
    subprocess.run(
        [sys.executable, "-c", code], check=True, cwd=REPO, env={"PYTHONPATH": str(REPO / "src")}
    )


def test_house_style_with_a_logo_from_its_own_folder(mini: Data, tmp_path: Path) -> None:
    """templates/README.md's example: extend the default, add a logo beside the templates."""
    (tmp_path / "municipality.html.j2").write_text(
        '{% extends "default:municipality.html.j2" %}{% block cover_what %}{{ super() }}'
        '<p class="cover-logo"><img src="logo.svg" alt="Logo"></p>{% endblock %}',
        encoding="utf-8",
    )
    (tmp_path / "logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20">'
        '<rect width="40" height="20" fill="#12355b"/></svg>',
        encoding="utf-8",
    )
    (tmp_path / "report.css").write_text(".cover-logo img { width: 30mm }", encoding="utf-8")
    html = report.municipality_html(mini.framework, mini.one("Testdorp"), None, templates=tmp_path)
    assert isinstance(html, str) and 'src="logo.svg"' in html
    # The PDF of a small page with the same <img>: the full report adds only seconds here.
    page = '<html lang="nl"><head><title>t</title></head><body><p class="cover-logo">'
    page += '<img src="logo.svg" alt="Logo"></p></body></html>'
    fetcher = pdf.make_fetcher(pdf.template_dirs(tmp_path))
    data = pdf.pdf_bytes(page, templates=tmp_path, fetcher=fetcher)
    assert [u.rsplit("/", 1)[-1] for u in besides_the_fonts(fetcher.fetched)] == ["logo.svg"]
    assert fetcher.refused == []
    assert data.startswith(b"%PDF")


def test_rendering_leaves_the_garbage_collector_as_it_found_it() -> None:
    import gc

    before = gc.get_threshold()
    pdf.pdf_bytes("<!DOCTYPE html><html lang='nl'><head><title>t</title></head><body>x</body>")
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0
    assert gc.isenabled()
