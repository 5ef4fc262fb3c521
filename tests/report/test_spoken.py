"""What a screen reader says: a score's label with its code (a '-' alone is silent at the
default punctuation level), where a note link goes (not just '[3]'), a way past the contents,
a caption on every table, and a passage in another language read in that language."""

import io
import re

import pikepdf

from normtoets.report.pdf import pdf_bytes
from tests.report.test_own_chapters import TEXT, html_of

BADGE = re.compile(r'<span class="badge[^"]*"[^>]*>')


def _tagged(data: bytes, key: str) -> set[tuple[str, str]]:
    """(role, value) of every structure element with `key` (/ActualText, /Lang)."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        return {
            (str(o.get("/S")), str(o.get(key)))
            for o in pdf.objects
            if isinstance(o, pikepdf.Dictionary) and o.get("/Type") == "/StructElem" and key in o
        }


def test_every_badge_of_a_score_carries_its_label(bundled_html: dict[str, str]) -> None:
    for name in ("duiven", "vergelijking", "doorwerking"):
        html = bundled_html[name]
        badges = BADGE.findall(html)
        assert badges, name
        for found in BADGE.finditer(html):  # beside a visible label, a badge needs none
            beside_its_label = html[: found.start()].endswith('<span class="score">')
            assert "data-label=" in found.group(0) or beside_its_label, found.group(0)
    assert (
        '<span data-label="voldoet niet (--)"><span aria-hidden="true">--</span>'
        in (bundled_html["vergelijking"])
    )  # the score matrix's cells


def test_the_pdf_says_each_score_with_its_label(bundled_pdf) -> None:  # type: ignore[no-untyped-def]
    said = {text for role, text in _tagged(bundled_pdf("vergelijking"), "/ActualText")
            if role == "/Span"}  # fmt: skip
    assert {"voldoet volledig (++)", "voldoet niet (--)", "niet beoordeeld (nb)"} <= said


def test_no_note_link_is_only_its_number(bundled_html: dict[str, str]) -> None:
    html = bundled_html["duiven"]
    links = re.findall(r'<a class="note-ref"[^>]*>\[\d+\]</a>', html)
    assert len(links) > 50
    assert all('aria-label="Naar noot ' in link for link in links)


def test_a_skip_link_comes_before_the_contents(bundled_html: dict[str, str]) -> None:
    html = bundled_html["duiven"]
    assert html.index('class="skip-link" href="#inhoud-start"') < html.index('class="toc"')
    assert '<main id="inhoud-start"' in html


def test_every_table_has_a_caption(bundled_html: dict[str, str]) -> None:
    for name, html in bundled_html.items():
        tables = re.findall(r"<table[^>]*>\s*(<caption)?", html)
        assert all(tables), f"{name}: {tables.count('')} of {len(tables)} tables without caption"


def test_a_passage_in_another_language_is_marked(tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = TEXT.replace("chapters:\n", (
        "chapters:\n  - id: taal\n    title: Taal\n    after: samenvatting\n"
        "    text: De gemeente werkt [to the point]{lang=en} en [tout court]{lang=fr}.\n"
    ))  # fmt: skip
    html = html_of(tmp_path, text)
    assert '<span lang="en">to the point</span>' in html
    assert '<span lang="fr">tout court</span>' in html
    langs = {lang for _role, lang in _tagged(pdf_bytes(html), "/Lang")}
    assert {"en", "fr"} <= langs
