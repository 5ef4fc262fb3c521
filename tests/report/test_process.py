"""The rekenkamer process in the municipality report: review, ambtelijk wederhoor, the
bestuurlijke reactie and the nawoord, and the appendix of factual corrections.

tests/report/process/voorbeeldstad.yaml is a FICTIONAL municipality that has all of it.
"""

import io
import itertools
import re
from pathlib import Path

import pikepdf
import pytest
from pypdf import PdfReader

from normtoets import report
from normtoets.models import Assessment, Judgement, Status
from normtoets.report import context
from normtoets.report.context.process import review_line
from normtoets.report.pdf import pdf_bytes

from .conftest import MINI_NORMS, Data, golden, load, normalize
from .test_html import outline


def chapter_data(r, chapter_id: str):  # type: ignore[no-untyped-def]
    """The data of a chapter of report context `r`; None when the report lacks it."""
    found = r.chapter(chapter_id)
    return None if found is None else found.data


HERE = Path(__file__).resolve().parent
VOORBEELDSTAD = HERE / "process" / "voorbeeldstad.yaml"
CHAPTERS = ["Bestuurlijke reactie", "Nawoord", "Feitelijke correcties na ambtelijk wederhoor"]


@pytest.fixture(scope="module")
def process() -> Data:
    return load([VOORBEELDSTAD], [MINI_NORMS])


def assessment_of(data: Data, **changes: object) -> Assessment:
    return data.assessments[0].model_copy(update=changes)


def html_of(data: Data, assessment: Assessment) -> str:
    """The report's HTML, without the spans that keep names from hyphenation (tested apart),
    so the tests below can look for sentences as written."""
    html = report.municipality_html(data.framework, assessment, None)
    assert isinstance(html, str)
    return re.sub(r'<span class="name">([^<]*)</span>', r"\1", html)


def volumes_of(data: Data, assessment: Assessment) -> dict[str, str]:
    volumes = report.municipality_html(data.framework, assessment, None, split=True)
    assert isinstance(volumes, dict)
    return volumes


def ids_in_order(html: str) -> list[str]:
    return re.findall(r'<h1 id="([^"]+)" class="chapter', html)


# ------------------------------------------------------------ context (pure)


@pytest.mark.parametrize(
    ("scored_by", "reviewed_by", "line"),
    [
        ("A", "B", "Beoordeeld door A, gereviewd door B."),
        ("A", None, "Beoordeeld door A; nog niet gereviewd."),
        (None, "B", "Gereviewd door B."),
        (None, None, "Nog niet gereviewd."),
    ],
)
def test_review_line(scored_by: str | None, reviewed_by: str | None, line: str) -> None:
    judgement = Judgement(score="+", scored_by=scored_by, reviewed_by=reviewed_by)
    assert review_line(judgement) == line


def test_context_lists_unreviewed_norms_and_review_lines(process: Data) -> None:
    r = context.municipality(process.framework, process.assessments[0], None)
    assert r.show_review  # status wederhoor
    assert [n.id for n in r.unreviewed] == ["B2", "U1"]
    assert [n.anchor for n in r.unreviewed] == ["norm-B2", "norm-U1"]
    reviews = [f.review for t in r.themes for f in t.findings]
    assert reviews == [
        "Beoordeeld door Onderzoeker A, gereviewd door Onderzoeker B.",
        "Beoordeeld door Onderzoeker A; nog niet gereviewd.",
        "Nog niet gereviewd.",
    ]
    nota = context.municipality(
        process.framework, process.assessments[0], None, "bestuurlijke-nota"
    )
    assert [n.anchor for n in nota.unreviewed] == ["overzicht-B2", "overzicht-U1"]  # no findings


def test_context_unjudged_norms_are_not_listed_as_unreviewed(process: Data) -> None:
    judgements = dict(process.assessments[0].judgements)
    del judgements["U1"]
    r = context.municipality(process.framework, assessment_of(process, judgements=judgements), None)
    assert [n.id for n in r.unreviewed] == ["B2"]


def test_context_responses_and_corrections(process: Data) -> None:
    r = context.municipality(process.framework, process.assessments[0], None)
    b1, b2 = r.themes[0].findings
    (kept,) = b1.responses
    assert (kept.outcome_label, kept.corrected) == ("bevinding ongewijzigd", False)
    assert kept.heading == "Gemeente Voorbeeldstad, 2 september 2019"
    assert kept.source_title == "Ambtelijke reactie op het concept (fictief)"
    assert kept.source_anchor == "bron-reactie"
    assert kept.note == ["De rekenkamer handhaaft de bevinding; de nota noemt onderwijs niet."]
    assert b2.responses[0].outcome_label == "bevinding aangepast"
    # Only changed and clarified findings go into the appendix, in the order of the norms.
    corrections = chapter_data(r, "correcties")
    rows = [(c.norm.id, c.response.outcome, c.response.anchor) for c in corrections]
    assert rows == [
        ("B2", "gewijzigd", "correctie-B2-1"),
        ("U1", "verduidelijkt", "correctie-U1-1"),
    ]
    b2_row = corrections[0]
    assert b2_row.response.previous_finding == ["Het beleid is nooit geëvalueerd."]
    assert b2_row.finding == ["Het beleid is in 2018 één keer geëvalueerd, zonder cijfers."]
    assert (
        chapter_data(r, "correcties")[1].response.heading == "3 september 2019"
    )  # no `by`: the date alone


def test_context_statements(process: Data) -> None:
    r = context.municipality(process.framework, process.assessments[0], None)
    response, afterword = chapter_data(r, "bestuurlijke-reactie"), chapter_data(r, "nawoord")
    assert response is not None and afterword is not None
    assert response.signature == "College van B&W van Voorbeeldstad, 15 oktober 2019"
    assert len(response.text) == 2  # paragraphs
    assert afterword.signature == "Rekenkamer Voorbeeldstad, 20 oktober 2019"


@pytest.mark.parametrize("status", [Status.concept, Status.wederhoor])
def test_context_concept_keeps_the_chapters_to_come(process: Data, status: Status) -> None:
    bare = assessment_of(
        process, status=status, college_response=None, afterword=None, judgements={}
    )
    r = context.municipality(process.framework, bare, None)
    assert r.has("bestuurlijke-reactie") and r.has("nawoord") and r.has("correcties")
    assert chapter_data(r, "bestuurlijke-reactie") is None and chapter_data(r, "correcties") == []


def test_context_definitief_leaves_out_what_is_not_there(process: Data) -> None:
    bare = assessment_of(
        process, status=Status.definitief, college_response=None, afterword=None, judgements={}
    )
    r = context.municipality(process.framework, bare, None)
    assert not (r.has("bestuurlijke-reactie") or r.has("nawoord") or r.has("correcties"))
    assert not r.show_review
    full = context.municipality(
        process.framework, assessment_of(process, status=Status.definitief), None
    )
    assert full.has("bestuurlijke-reactie") and full.has("nawoord") and full.has("correcties")


def test_context_split_volumes(process: Data) -> None:
    a = process.assessments[0]
    nota = context.municipality(process.framework, a, None, "bestuurlijke-nota")
    bevindingen = context.municipality(process.framework, a, None, "nota-van-bevindingen")
    assert [c.id for c in nota.chapters][-2:] == ["bestuurlijke-reactie", "nawoord"]
    assert not nota.has("correcties")
    assert [c.id for c in bevindingen.chapters][-2:] == ["bronnen", "correcties"]
    assert not bevindingen.has("bestuurlijke-reactie") and not bevindingen.has("nawoord")


def test_context_duiven_wederhoor_on_i2(duiven: Data) -> None:
    r = context.municipality(duiven.framework, duiven.assessments[0], duiven.study)
    responses = {f.norm.id: f.responses for t in r.themes for f in t.findings if f.responses}
    assert list(responses) == ["I2"]
    assert [x.outcome_label for x in responses["I2"]] == ["bevinding ongewijzigd"]
    assert not r.has("correcties")  # definitief, nothing corrected
    assert not r.has("bestuurlijke-reactie") and not r.show_review


# ------------------------------------------------------------ HTML


def test_process_golden(process: Data) -> None:
    """The new chapters of the fictional report, from the bestuurlijke reactie to the end."""
    html = report.municipality_html(process.framework, process.assessments[0], None)
    assert isinstance(html, str)
    golden(
        "process.html",
        html[html.index('<section class="chapter-section">\n  <h1 id="bestuurlijke-reactie"') :],
    )


def test_html_chapters_in_place_and_in_the_contents(process: Data) -> None:
    html = html_of(process, process.assessments[0])
    assert ids_in_order(html) == [
        "samenvatting", "onderzoek", "normenkader", "bevindingen", "onderzoeksvragen",
        "conclusies", "aanbevelingen", "bestuurlijke-reactie", "nawoord", "bronnen", "correcties",
    ]  # fmt: skip
    toc = html[html.index("<nav") : html.index("</nav>")]
    assert re.findall(r'href="#([^"]+)"', toc)[-4:] == [
        "bestuurlijke-reactie", "nawoord", "bronnen", "correcties",
    ]  # fmt: skip
    assert '<li class="toc-level-1 toc-appendix"><a href="#correcties">' in toc
    o = outline(html)
    levels = [int(h[1]) for h in o.headings]
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels))  # no skipped level
    assert o.th_without_scope == 0


def test_html_statements_are_escaped_paragraphs(process: Data) -> None:
    html = html_of(process, process.assessments[0])
    reactie = html[html.index('id="bestuurlijke-reactie"') : html.index('id="nawoord"')]
    assert "Reactie van College van B&amp;W van Voorbeeldstad, 15 oktober 2019." in reactie
    assert "<p>Wij danken de rekenkamer voor het zorgvuldige onderzoek.</p>" in reactie
    assert "evalueren het beleid &lt;voortaan&gt; jaarlijks" in reactie
    nawoord = html[html.index('id="nawoord"') : html.index('id="bronnen"')]
    assert '<p class="signature">Rekenkamer Voorbeeldstad, 20 oktober 2019</p>' in nawoord


@pytest.mark.parametrize("status", [Status.concept, Status.wederhoor])
def test_html_concept_shows_placeholders(process: Data, status: Status) -> None:
    bare = assessment_of(
        process, status=status, college_response=None, afterword=None, judgements={}
    )
    html = html_of(process, bare)
    assert "De bestuurlijke reactie van het college is nog niet ontvangen." in html
    assert "Het nawoord van de rekenkamer volgt op de bestuurlijke reactie." in html
    assert "Er zijn nog geen feitelijke correcties na ambtelijk wederhoor verwerkt." in html


def test_html_definitief_without_statements_omits_the_chapters(process: Data) -> None:
    bare = assessment_of(
        process, status=Status.definitief, college_response=None, afterword=None, judgements={}
    )
    html = html_of(process, bare)
    for anchor in ("bestuurlijke-reactie", "nawoord", "correcties", "review"):
        assert f'id="{anchor}"' not in html and f'href="#{anchor}"' not in html
    assert "nog niet ontvangen" not in html


def test_html_wederhoor_note_under_each_finding(process: Data) -> None:
    html = html_of(process, process.assessments[0])
    b1 = html[html.index('id="norm-B1"') : html.index('id="norm-B2"')]
    assert "Ambtelijk wederhoor" in b1 and "Gemeente Voorbeeldstad, 2 september 2019" in b1
    assert "Het beleid is volgens de gemeente volledig integraal." in b1
    assert "bevinding ongewijzigd" in b1 and 'href="#correctie-' not in b1
    assert 'Bron: <a href="#bron-reactie">Ambtelijke reactie op het concept (fictief)</a>' in b1
    b2 = html[html.index('id="norm-B2"') : html.index('id="norm-U1"')]
    assert "wel geëvalueerd &lt;met&gt; een korte notitie &amp; bespreking" in b2
    assert 'bevinding aangepast (<a href="#correctie-B2-1">' in b2
    u1 = html[html.index('id="norm-U1"') : html.index('id="onderzoeksvragen"')]
    assert "bevinding verduidelijkt" in u1


def test_html_corrections_appendix(process: Data) -> None:
    html = html_of(process, process.assessments[0])
    appendix = html[html.index('id="correcties"') :]
    rows = re.findall(r'<tr id="(correctie-[^"]+)">', appendix)
    assert rows == ["correctie-B2-1", "correctie-U1-1"]
    b2 = appendix[appendix.index('id="correctie-B2-1"') : appendix.index('id="correctie-U1-1"')]
    assert '<a href="#norm-B2">B2</a>' in b2 and "bevinding aangepast" in b2
    assert "Het beleid is nooit geëvalueerd." in b2  # the old text
    assert "Het beleid is in 2018 één keer geëvalueerd, zonder cijfers." in b2  # the new one


def test_html_review_box_and_lines_only_in_a_concept(process: Data) -> None:
    html = html_of(process, process.assessments[0])
    box = html[html.index('<section class="review-box') : html.index('<section class="chapter')]
    assert "Nog niet gereviewd" in box
    assert re.findall(r'href="#([^"]+)"', box) == ["norm-B2", "norm-U1"]
    assert html.index("review-box") < html.index('id="samenvatting"')  # near the start
    assert '<p class="review-line">Beoordeeld door Onderzoeker A; nog niet gereviewd.</p>' in html
    reviewed = {
        k: j.model_copy(update={"reviewed_by": "Onderzoeker C"})
        for k, j in process.assessments[0].judgements.items()
    }
    done = html_of(process, assessment_of(process, judgements=reviewed))
    assert "Nog niet gereviewd" not in done and "review-done" in done
    final = html_of(process, assessment_of(process, status=Status.definitief))
    assert "review-box" not in final and "review-line" not in final


def test_html_split_puts_statements_in_the_bestuurlijke_nota(process: Data) -> None:
    volumes = volumes_of(process, process.assessments[0])
    nota, bevindingen = volumes["bestuurlijke-nota"], volumes["nota-van-bevindingen"]
    assert ids_in_order(nota)[-2:] == ["bestuurlijke-reactie", "nawoord"]
    assert 'id="correcties"' not in nota
    assert ids_in_order(bevindingen)[-2:] == ["bronnen", "correcties"]
    assert 'id="bestuurlijke-reactie"' not in bevindingen
    for html in volumes.values():
        ids = set(re.findall(r'\bid="([^"]+)"', html))
        targets = set(re.findall(r'href="#([^"]+)"', html))
        assert targets <= ids, targets - ids


def test_a_new_chapter_is_one_builder_and_one_template(
    process: Data, tmp_path: Path, monkeypatch
) -> None:
    """Adding a chapter: a builder in CHAPTERS and chapters/<id>.html.j2; the contents, the
    order and the volumes follow."""
    from normtoets.report.context import municipality_chapters as chapters
    from normtoets.report.context.chapters import Builder, Chapter

    def werkwijze(s: chapters.Shared) -> Chapter:
        return Chapter("werkwijze", "Werkwijze", s.assessment.municipality)

    at = [b.id for b in chapters.CHAPTERS].index("aanbevelingen") + 1
    added = Builder("werkwijze", werkwijze)
    monkeypatch.setattr(
        chapters, "CHAPTERS", [*chapters.CHAPTERS[:at], added, *chapters.CHAPTERS[at:]]
    )
    (tmp_path / "chapters" / "municipality").mkdir(parents=True)
    (tmp_path / "chapters" / "municipality" / "werkwijze.html.j2").write_text(
        '<section class="chapter-section"><h1 id="werkwijze" class="chapter">'
        "{{ chapter.title }}</h1><p>{{ chapter.data }}</p></section>",
        encoding="utf-8",
    )
    html = report.municipality_html(
        process.framework, process.assessments[0], None, templates=tmp_path
    )
    assert isinstance(html, str)
    assert ids_in_order(html)[6:9] == ["aanbevelingen", "werkwijze", "bestuurlijke-reactie"]
    assert '<a href="#werkwijze">Werkwijze</a>' in html
    assert "<p>Voorbeeldstad</p>" in html


def test_html_duiven_renders_its_wederhoor(duiven_html: str) -> None:
    i2 = duiven_html[duiven_html.index('id="norm-I2"') : duiven_html.index('id="onderzoeksvragen"')]
    assert "Ambtelijk wederhoor" in i2 and "Gemeente Duiven" in i2
    # The report's own account of the reaction, said to be theirs, with the quoted fragment.
    assert "(weergegeven door Regioplan Beleidsonderzoek)" in i2
    assert "de gemeenteraad\n          niets te kort komt" in i2 or "niets te kort komt" in i2
    assert "bevinding ongewijzigd" in i2
    assert 'id="bestuurlijke-reactie"' not in duiven_html  # definitief, none in the report
    assert "review-box" not in duiven_html


def test_cli_renders_the_process_chapters(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "voorbeeldstad.html"
    result = run("report", "--norms", MINI_NORMS, VOORBEELDSTAD, "--html", "-o", target)
    assert result.exit_code == 0, result.output
    html = target.read_text(encoding="utf-8")
    for title in [*CHAPTERS, "Nog niet gereviewd", "Ambtelijk wederhoor"]:
        assert title in html


# ------------------------------------------------------------ PDF


@pytest.fixture(scope="module")
def process_pdf(process: Data) -> bytes:
    return pdf_bytes(html_of(process, process.assessments[0]))


def outline_titles(reader: PdfReader) -> list[str]:
    def walk(items: list) -> list[str]:  # type: ignore[type-arg]
        titles: list[str] = []
        for item in items:
            titles += walk(item) if isinstance(item, list) else [str(item.title)]
        return titles

    return walk(reader.outline)


def test_pdf_has_the_chapters_in_text_toc_and_outline(process_pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(process_pdf))
    pages = [page.extract_text() or "" for page in reader.pages]
    toc = " ".join(pages[1].split())
    assert re.search(r"7 Bestuurlijke reactie \.*\s*\d+", toc)
    assert re.search(r"8 Nawoord \.*\s*\d+", toc)
    assert re.search(r"Bijlage 2 Feitelijke correcties na ambtelijk wederhoor \.*\s*\d+", toc)
    assert "Nog niet gereviewd" in toc  # the review box sits on the contents page
    text = normalize(" ".join(pages[2:]))
    for title in CHAPTERS:
        assert normalize(title) in text
    assert normalize("Uitkomst: bevinding aangepast") in text
    titles = outline_titles(reader)
    for title in ("7 Bestuurlijke reactie", "8 Nawoord", f"Bijlage 2 {CHAPTERS[2]}"):
        assert title in titles, titles
    with pikepdf.open(io.BytesIO(process_pdf)) as doc:
        assert "/StructTreeRoot" in doc.Root and str(doc.Root.Lang) == "nl"
        with doc.open_metadata() as xmp:
            assert xmp.get("pdfuaid:part") == "1"


def test_pdf_duiven_shows_the_wederhoor(duiven_pdf: bytes) -> None:
    text = normalize(
        " ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(duiven_pdf)).pages)
    )
    assert normalize("Ambtelijk wederhoor – Gemeente Duiven") in text
    assert normalize("Uitkomst: bevinding ongewijzigd") in text
