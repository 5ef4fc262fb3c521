"""report.pdftags: the structure tree of small documents, checked element by element.

Each document is rendered with the bundled stylesheet (running header, page numbers, CONCEPT
mark, contents leaders) and read back with the independent checker of pdfua_check.
"""

import io
import re
from pathlib import Path

import pikepdf
import pytest

from normtoets.report import pdf, pdftags, tables

from . import pdfua_check as check

WORDS = (
    "Het college rapporteert jaarlijks over de resultaten van het integrale beleid in het "
    "sociaal domein, met aandacht voor arbeidsmarktparticipatie, schuldhulpverlening, "
    "jeugdbescherming en maatschappelijke ondersteuning van kwetsbare inwoners."
)


def page(body: str) -> str:
    cover = (
        '<section class="cover" data-running="Lopende titel van het rapport"'
        ' data-concept="CONCEPT"><h1 class="cover-title">Titel</h1></section>'
    )
    return (
        '<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>Proef</title></head>'
        f"<body>{cover}{body}</body></html>"
    )


@pytest.fixture(scope="module")
def long_table() -> tuple[str, bytes]:
    rows = "".join(
        f'<tr><th scope="row">R{i}</th><td>waarde {i}</td><td>{WORDS[: 20 + i % 40]}</td></tr>'
        for i in range(90)
    )
    body = (
        '<section class="chapter-section"><h1 id="tabel" class="chapter">Tabel</h1>'
        "<p>Een tabel die over drie pagina’s loopt.</p>"
        '<table class="scores"><caption class="visually-hidden">Lange tabel</caption>'
        '<thead><tr><th scope="col">Rij</th><th scope="col">Waarde</th>'
        '<th scope="col">Toelichting</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>"
        f"<p>{' '.join([WORDS] * 60)}</p></section>"  # longer than a page
    )
    html = page(body)
    return html, pdf.pdf_bytes(html)


def structure(data: bytes) -> check.Document:
    return check.read(data)


def roles(element: check.Element) -> list[str]:
    return [k.role for k in element.kids if isinstance(k, check.Element)]


def test_a_table_over_three_pages_is_one_table(long_table: tuple[str, bytes]) -> None:
    _html, data = long_table
    doc = structure(data)
    assert len(doc.pdf.pages) >= 3
    assert check.problems(data) == []
    (table,) = [e for e in doc.root.walk() if e.role == "Table"]
    assert roles(table) == ["Caption", "THead", "TBody"]
    head, body = table.kids[1], table.kids[2]
    assert len(head.kids) == 1 and len(body.kids) == 90
    pages = {c.page for e in table.walk() for c in e.kids if isinstance(c, check.Content)}
    assert len(pages) >= 3  # one element, its content on every page it spans
    # the header row repeated on the next pages is page furniture
    artifacts = check.artifact_text(data)
    assert all("Toelichting" in artifacts[p] for p in sorted(pages)[1:])
    assert "Toelichting" not in artifacts[min(pages)]


def test_every_cell_of_the_long_table_names_its_row_and_column(
    long_table: tuple[str, bytes],
) -> None:
    html, data = long_table
    assert check.table_differences(data, html) == []
    (pdf_table,) = check.pdf_tables(data)
    cell = next(c for c in pdf_table if c.text == "waarde 57")
    assert cell.headers == ["Waarde", "R57"]


def test_a_paragraph_over_a_page_break_is_one_paragraph(long_table: tuple[str, bytes]) -> None:
    _, data = long_table
    doc = structure(data)
    last = [e for e in doc.root.walk() if e.role == "P"][-1]
    assert check._norm(last.text()) == " ".join([WORDS] * 60)
    assert len({c.page for c in last.kids if isinstance(c, check.Content)}) >= 2


def test_page_furniture_is_artifact(long_table: tuple[str, bytes]) -> None:
    _, data = long_table
    doc = structure(data)
    text = doc.tagged_text()
    assert "Lopende titel" not in text and "CONCEPT" not in text
    assert not re.search(r"pagina \d+ van", text)
    artifacts = check.artifact_text(data)
    pages = len(doc.pdf.pages)
    for number in range(2, pages + 1):
        assert "Lopende titel van het rapport" in artifacts[number - 1]
        assert f"pagina {number} van {pages}" in artifacts[number - 1]
        assert "CONCEPT" in artifacts[number - 1]


def test_line_ends_carry_a_space_or_a_soft_hyphen() -> None:
    long_words = " ".join(
        ["arbeidsmarktparticipatiebevordering", "jeugdbeschermingsmaatregelen"] * 12
    )
    dashes = " ".join(["de periode 2019–2022 – en daarna – de agenda/planning"] * 8)
    body = (
        f'<p style="width: 35mm; hyphens: auto">{long_words}</p>'
        f'<p style="width: 60mm">{WORDS} ontwikkelingsafspraken/convenanten zijn er.</p>'
        f'<p style="width: 28mm; hyphens: manual">{dashes}</p>'
    )
    data = pdf.pdf_bytes(page(body))
    doc = structure(data)
    first, second, third = [e for e in doc.root.walk() if e.role == "P"]
    assert check._norm(third.text()) == dashes  # breaks after a dash: a space only if written
    assert "\u00ad" in first.text()  # hyphenated, and said so with soft hyphens
    assert "\u2010" not in doc.tagged_text()
    assert check._norm(first.text()) == long_words
    assert check._norm(second.text()) == f"{WORDS} ontwikkelingsafspraken/convenanten zijn er."
    assert check.problems(data) == []


def test_lists_are_lists() -> None:
    body = (
        "<ol><li><p>Eerste conclusie.</p><p>Nog een alinea.</p></li><li>Tweede.</li></ol>"
        "<dl><dt>Status</dt><dd>Concept</dd><dt>Datum</dt><dd>1 mei</dd></dl>"
        '<ul style="list-style: none"><li><span class="letter">a.</span> zonder teken</li></ul>'
    )
    data = pdf.pdf_bytes(page(body))
    assert check.problems(data) == []
    doc = structure(data)
    ordered, definitions, plain = [e for e in doc.root.walk() if e.role == "L"]
    assert [roles(li) for li in ordered.kids] == [["Lbl", "LBody"], ["Lbl", "LBody"]]
    assert roles(ordered.kids[0].kids[1]) == ["P", "P"]
    assert ordered.attributes["/ListNumbering"] == "/Decimal"
    assert [roles(li) for li in definitions.kids] == [["Lbl", "LBody"], ["Lbl", "LBody"]]
    assert [check._norm(li.text()) for li in definitions.kids] == ["Status Concept", "Datum 1 mei"]
    assert definitions.attributes["/ListNumbering"] == "/None"
    assert [roles(li) for li in plain.kids] == [["LBody"]]


def test_contents_entries_are_one_link_each_and_leaders_are_artifacts() -> None:
    body = (
        '<nav class="toc"><h1>Inhoud</h1><ol>'
        '<li class="toc-level-1"><a href="#een">Eerste hoofdstuk</a></li>'
        '<li class="toc-level-1"><a href="#twee">Tweede hoofdstuk</a></li></ol></nav>'
        '<section class="chapter-section"><h1 id="een" class="chapter">Eerste hoofdstuk</h1>'
        '<p>Zie <a href="#noot">[1]</a>.</p><ol class="notes"><li id="noot">'
        '<span class="note-number">[1]</span> Rapport van bevindingen, p. 9.</li></ol></section>'
        '<section class="chapter-section"><h1 id="twee" class="chapter">Tweede hoofdstuk</h1>'
        "<p>Tekst.</p></section>"
    )
    data = pdf.pdf_bytes(page(body))
    assert check.problems(data) == []
    doc = structure(data)
    toc = next(e for e in doc.root.walk() if e.role == "L")
    links = [[e for e in li.walk() if e.role == "Link"] for li in toc.kids]
    assert [len(found) for found in links] == [1, 1]
    assert check._norm(links[0][0].text()) == "1 Eerste hoofdstuk 3"  # number, title, page
    assert check.artifact_text(data)[1].count(".") > 40  # the leaders' dots
    with pikepdf.open(io.BytesIO(data)) as opened:
        contents = sorted(
            str(a.Contents) for p in opened.pages for a in p.get("/Annots", []) if "/Contents" in a
        )
    assert contents.count("Naar Eerste hoofdstuk, pagina 3") == 1  # one area, one Tab stop
    assert contents.count("Naar Tweede hoofdstuk, pagina 4") == 1
    assert "Naar Tweede hoofdstuk, pagina 4" in contents
    assert "Naar [1] Rapport van bevindingen, p. 9., pagina 3" in contents


def test_header_cells_with_spans_name_the_right_columns() -> None:
    """The score matrix of a comparison: a theme over two norms, headers spanning two rows."""
    body = (
        '<table class="matrix"><caption>Scores per gemeente</caption><thead><tr>'
        '<th scope="col" rowspan="2">Gemeente</th><th scope="colgroup" colspan="2">Beleid</th>'
        '<th scope="colgroup" colspan="1">Informatie</th><th scope="col" rowspan="2">voldaan</th>'
        '</tr><tr><th scope="col">B1</th><th scope="col">B2</th><th scope="col">I2</th></tr>'
        "</thead><tbody>"
        '<tr><th scope="row">Duiven</th><td>++</td><td>+</td><td>--</td><td>2/3</td></tr>'
        '<tr><th scope="row">Doesburg</th><td>-</td><td>nb</td><td>+</td><td>1/2</td></tr>'
        "</tbody></table>"
    )
    html = page(body)
    data = pdf.pdf_bytes(html)
    assert check.problems(data) == []
    assert check.table_differences(data, html) == []
    (table,) = check.pdf_tables(data)
    cells = {(c.row, c.column): c for c in table}
    assert cells[2, 1].headers == ["Beleid", "B1", "Duiven"]
    assert cells[2, 2].headers == ["Beleid", "B2", "Duiven"]
    assert cells[3, 3].headers == ["Informatie", "I2", "Doesburg"]
    assert cells[3, 4].headers == ["voldaan", "Doesburg"]


def test_the_tree_is_reproducible_and_weasyprint_keeps_its_own_tagger() -> None:
    import weasyprint.pdf

    original = weasyprint.pdf.add_tags
    html = page("<p>Een alinea.</p>")
    assert pdf.pdf_bytes(html) == pdf.pdf_bytes(html)
    assert weasyprint.pdf.add_tags is original  # replaced only while normtoets writes
    with pytest.raises(RuntimeError), pdftags.installed():
        assert weasyprint.pdf.add_tags is pdftags.add_tags
        raise RuntimeError
    assert weasyprint.pdf.add_tags is original


def test_figures_keep_their_alternative_text(tmp_path: Path) -> None:
    (tmp_path / "logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20">'
        '<rect width="40" height="20" fill="#12355b"/></svg>',
        encoding="utf-8",
    )
    html = page(
        '<p>Logo: <img src="logo.svg" alt="Logo van de rekenkamer" style="width: 80px"></p>'
    )
    data = pdf.pdf_bytes(html, templates=tmp_path)
    assert check.problems(data) == []
    doc = structure(data)
    (figure,) = [e for e in doc.root.walk() if e.role == "Figure"]
    assert str(figure.obj.Alt) == "Logo van de rekenkamer"
    x1, _y1, x2, _y2 = (float(v) for v in figure.attributes["/BBox"])
    assert x2 - x1 == pytest.approx(60, abs=1)  # 80 CSS px


def test_html_table_model() -> None:
    """The table model (report/tables) on an explicit `headers` attribute and a th without
    scope."""
    import tinyhtml5

    table = tinyhtml5.parse(
        "<table><thead><tr><th>A</th><th id='b'>B</th></tr></thead><tbody>"
        "<tr><th>r</th><td headers='b'>x</td></tr></tbody></table>",
        namespace_html_elements=False,
    ).find(".//table")
    cells = tables.grid(table).cells
    scopes = {"".join(c.element.itertext()): c.scope for c in cells if c.header}
    assert scopes == {"A": "col", "B": "col", "r": "row"}
    x = next(c for c in cells if not c.header)
    assert ["".join(h.element.itertext()) for h in x.headers] == ["B"]


def test_structure_types_are_standard(long_table: tuple[str, bytes]) -> None:
    _, data = long_table
    used = {e.role for e in structure(data).elements}
    assert used <= check.STANDARD
    assert not used & {"NonStruct", "Span"}
    assert re.search(rb"/Artifact\s*<<\s*/Type\s*/Pagination", _uncompressed(data))


def _uncompressed(data: bytes) -> bytes:
    with pikepdf.open(io.BytesIO(data)) as opened:
        return b"".join(page.Contents.read_bytes() for page in opened.pages)
