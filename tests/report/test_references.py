"""Chapter text refers to the report's own numbers ([#id] → "hoofdstuk 7", "§ 1.2"), its own
footnotes ([^1]) are numbered with the notes, and the Duiven report restores what the original
says that an earlier encoding left out (issue: "say only what the evidence carries", 4 and 5)."""

import io
import re

from pypdf import PdfReader

from conftest import ACCEPTANCE, Run, diagnostics_of
from normtoets.report import context
from report.conftest import Data


def words(html: str) -> str:
    html = re.sub(r"<style.*?</style>", "", html, flags=re.S)
    text = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    return re.sub(r"\( ", "(", re.sub(r" ([,.;:)\]])", r"\1", text))


def test_no_reference_points_where_the_report_has_nothing(duiven_html: str) -> None:
    text = words(duiven_html)
    for gone in ("zesde en laatste hoofdstuk", "(hoofdstuk 3)", "figuur op p.3", "Zie § 6.1"):
        assert gone not in text, gone
    assert "aan de onderzoeksvragen (§ 1.2)" in text
    assert "In hoofdstuk 7 beantwoorden we de onderzoeksvragen en in hoofdstuk 9" in text


def test_every_reference_prints_the_number_the_pdf_gives(
    duiven: Data, duiven_html: str, duiven_pdf: bytes
) -> None:
    r = context.municipality(duiven.framework, duiven.assessments[0], duiven.study)
    titles = {c.id: c.title for c in r.chapters}
    titles |= {e.anchor: e.title for c in r.chapters for e in c.toc}
    titles["vragen"] = "Onderzoeksvragen"  # the research approach's own section
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(duiven_pdf)).pages]
    pdf = "\n".join(" ".join(line.split()) for page in pages for line in page.splitlines())
    xrefs = re.findall(r'<a class="xref" href="#([^"]+)">([^<]+)</a>', duiven_html)
    assert len(xrefs) >= 8
    for anchor, label in xrefs:
        number = label.split()[-1]
        assert f"\n{number} {titles[anchor]}" in pdf, (anchor, label)


def test_own_footnotes_and_restored_text(duiven_html: str) -> None:
    text = words(duiven_html)
    assert '<h1 id="visie" class="chapter">Visie op integraliteit</h1>' in duiven_html
    assert "Onze definitie van het sociaal domein betreft alle subdomeinen in de piramide" in text
    assert "Het concept overheidsparticipatie is op dat uitgangspunt gestoeld" in text
    notes = dict(
        re.findall(
            r'<li id="noot-(\d+)"><span class="note-number">\[\d+\] </span>(.*?)</li>', duiven_html
        )
    )
    nulde = next(n for n, body in notes.items() if body.startswith("Nulde lijn zijn voorzieningen"))
    said = f"Naar noot {nulde}: Nulde lijn zijn voorzieningen"  # what a screen reader hears
    assert re.search(
        f'nulde<a class="note-ref" href="#noot-{nulde}" aria-label="{said}[^"]*">'
        f"\\[{nulde}\\]</a> en eerste",
        duiven_html,
    )
    reasoning = duiven_html.index("Maar hoe ver kan je hierin gaan")
    assert reasoning < duiven_html.index('id="aanbeveling-5"')


def test_validate_places_each_problem_at_its_line(run) -> None:  # type: ignore[no-untyped-def]
    case = ACCEPTANCE / "bad" / "unknown-reference.yaml"
    lines = case.read_text(encoding="utf-8").splitlines()
    found = diagnostics_of(run("validate", "--norms", ACCEPTANCE / "norms", "-f", "json", case))
    at = {(d["code"], lines[d["line"] - 1].strip()[:30]) for d in found}
    assert ("unknown-reference", "Dit rapport beschrijft in [#be") in at
    assert ("literal-reference", "Het zesde en laatste hoofdstuk") in at
    assert ("unknown-reference", "Een voetnoot[^1] en een zonder") in at
    # a place in another document, and one in a sentence that cites its source: no warning
    assert not [d for d in found if "hoofdstuk 2" in d["message"] or "'p. 9'" in d["message"]]


def test_an_unknown_reference_is_printed_as_written(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from conftest import STUDY

    study = tmp_path / "studie"
    import shutil

    shutil.copytree(STUDY, study)
    path = study / "duiven.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("[#vragen]", "[#vraagjes]"))
    result = Run(study)("validate", "duiven.yaml")
    assert result.exit_code == 1 and "[unknown-reference]" in result.stdout
    assert "did you mean 'vragen'?" in result.stdout
