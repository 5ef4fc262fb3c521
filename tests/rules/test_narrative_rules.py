"""Chapters of the researchers' own text: citations name listed sources, placement is known."""

from pathlib import Path

from conftest import ACCEPTANCE, diagnostics_of

NORMS = ACCEPTANCE / "norms"
HEAD = """\
framework: {id: mini, version: "1"}
municipality: Testdorp
status: concept
sources:
  - {id: nota, kind: document, title: Nota}
judgements:
  B1: {score: "+", finding: Integraal., evidence: [{source: nota, quote: integraal}]}
chapters:
"""


def codes(run, tmp_path: Path, chapters: str) -> list[tuple[str, int]]:  # type: ignore[no-untyped-def]
    path = tmp_path / "testdorp.yaml"
    path.write_text(HEAD + chapters)
    found = diagnostics_of(run("validate", "--norms", NORMS, "-f", "json", path))
    return [(d["code"], d["line"]) for d in found if d["severity"] == "error"]


def test_a_well_placed_chapter_with_a_citation_is_clean(run, tmp_path: Path) -> None:
    chapters = (
        "  - id: inleiding\n    title: Inleiding\n    after: samenvatting\n"
        "    text: Zie de nota [@nota, p. 3].\n"
        "  - id: beleid\n    title: Beleidsanalyse\n    findings: [beleid]\n"
    )
    assert codes(run, tmp_path, chapters) == []


def test_a_citation_of_an_unknown_source(run, tmp_path: Path) -> None:
    chapters = "  - id: inleiding\n    title: Inleiding\n    text: Zie [@notaa, p. 3].\n"
    assert codes(run, tmp_path, chapters) == [("unknown-source", 11)]


def test_placement_problems(run, tmp_path: Path) -> None:
    chapters = (
        "  - {id: a, title: A, after: nergens}\n"
        "  - {id: b, title: B, findings: [beleid, geen-thema]}\n"
        "  - {id: c, title: C, findings: [beleid]}\n"
        "  - {id: normenkader, title: D}\n"
    )
    found = codes(run, tmp_path, chapters)
    assert found == [("chapter-placement", line) for line in (9, 10, 11, 12)]
