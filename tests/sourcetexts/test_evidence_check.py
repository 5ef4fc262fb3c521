"""Checkable evidence: quotes looked up in the sources' local files (text, Markdown, PDF)."""

import hashlib
import json
import shutil
import time
from pathlib import Path

import pytest

from conftest import ACCEPTANCE, REPO, STUDY
from normtoets.sourcetexts.quotes import SourceText, normalise

NORMS = ACCEPTANCE / "norms"
SEEDS = REPO.parent / "shared" / "seeds"
CODES = {"quote-not-found", "source-changed", "source-file-missing", "source-unreadable",
         "unknown-source", "unused-source"}  # fmt: skip

# Fictional test text, laid out like a PDF extraction: hyphenation, typographic quotes, page break.
NOTA = (
    "Beleidsnota Testdorp (fictief)\n"
    "Wij willen dat het sociaal domein “integraal” wordt benaderd en dat de ontwikke-\n"
    "\n"
    "lingen per kwartaal aan de raad worden gemeld. De gemeente werkt samen met de\n"
    "huisartsen, het onderwijs en de woningcorporaties.\n"
)


def assessment(sources: str, quotes: list[tuple[str, str]], extra: str = "") -> str:
    """A small fictional assessment of the mini framework; each quote as (source, text)."""
    evidence = "".join(f"      - {{source: {s}, quote: {json.dumps(q)}}}\n" for s, q in quotes)
    return (
        'framework: {id: mini, version: "1"}\n'
        "municipality: Testdorp\n"
        "status: concept\n"
        f"sources:\n{sources}"
        "judgements:\n"
        "  B1:\n"
        '    score: "+"\n'
        "    finding: Fictief.\n"
        f"    evidence:\n{evidence}{extra}"
    )


def write(folder: Path, text: str) -> Path:
    path = folder / "testdorp.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def check(run, *args) -> tuple[int, list[dict]]:  # type: ignore[no-untyped-def]
    result = run("validate", "--norms", NORMS, "--format", "json", *args)
    return result.exit_code, [d for d in json.loads(result.stdout) if d["code"] in CODES]


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- the normaliser and the matcher -------------------------------------------------------


def test_normalise_joins_hyphenation_across_blank_lines() -> None:
    assert normalise("de ontwikke-\n\nlingen") == "de ontwikkelingen"
    assert normalise("de ontwikke- \n  lingen") == "de ontwikkelingen"
    assert normalise("de ontwikke\u00ad\nlingen") == "de ontwikkelingen"


def test_normalise_keeps_dashes_and_hyphens_inside_a_line() -> None:
    assert normalise("Wmo-\nconsulent") == "Wmoconsulent"  # the extraction cannot tell them apart
    assert normalise("sociaal-\nmedisch – en\n- verder") == "sociaalmedisch – en - verder"
    assert normalise("zorg - en welzijn") == "zorg - en welzijn"


def test_normalise_typographic_quotes_ellipsis_and_whitespace() -> None:
    assert normalise("„zo” en ‘dat’ of ‚dit‛ (we gaan…)") == "\"zo\" en 'dat' of 'dit' (we gaan...)"
    assert normalise("  een\t\ttekst \n\n op\u00a0twee  regels ") == "een tekst op twee regels"
    assert normalise("cafe\u0301") == "café"  # NFC


def test_text_finds_quote_despite_layout() -> None:
    text = SourceText.of(NOTA)
    assert text.contains('het sociaal domein "integraal" wordt benaderd en dat de ontwikkelingen')
    assert text.contains("samen met de huisartsen")
    assert not text.contains("samen met de huisarts, het onderwijs")
    assert not text.contains("   ")


def test_nearest_passage_starts_near_the_difference() -> None:
    hint = SourceText.of(NOTA).nearest("De gemeente werkt samen met de huisarts, het onderwijs")
    assert hint is not None
    assert hint.startswith("…") and "huisartsen, het onderwijs" in hint
    assert SourceText.of(NOTA).nearest("quantum chromodynamics") is None


def test_nearest_passage_is_short() -> None:
    long = " ".join(f"woord{i}" for i in range(200))
    hint = SourceText.of(long).nearest(long.replace("woord5 ", "woordje "))
    assert hint is not None and len(hint) <= 102 and hint.endswith("…")


def test_nearest_passage_is_fast_on_a_report_sized_text() -> None:
    words = [f"w{(i * 7919) % 5003}" for i in range(9000)]  # ~60 KB, repetitive vocabulary
    text = SourceText.of(" ".join(words))
    quotes = [" ".join(words[i : i + 30]) + " verzonnen" for i in range(0, 9000, 300)]
    begin = time.perf_counter()
    hints = [text.nearest(q) for q in quotes]
    assert time.perf_counter() - begin < 2
    assert all(h and "w" in h for h in hints)


# --- the rules through the CLI ------------------------------------------------------------


def test_quotes_found_in_a_text_file(run, tmp_path: Path) -> None:
    (tmp_path / "nota.txt").write_text(NOTA, encoding="utf-8")
    digest = sha(tmp_path / "nota.txt")
    sources = f"  - {{id: nota, kind: document, title: Nota, file: nota.txt, sha256: {digest}}}\n"
    yaml = assessment(sources, [("nota", "dat de ontwikkelingen per kwartaal aan de raad")])
    code, found = check(run, write(tmp_path, yaml))
    assert (code, found) == (0, [])


def test_quote_not_found_warns_with_nearest_passage(run, tmp_path: Path) -> None:
    (tmp_path / "nota.txt").write_text(NOTA, encoding="utf-8")
    sources = "  - {id: nota, kind: document, title: Nota, file: nota.txt}\n"
    wrong = "De gemeente werkt samen met de huisarts en het onderwijs"
    yaml = assessment(sources, [("nota", "samen met de huisartsen"), ("nota", wrong)])
    code, found = check(run, write(tmp_path, yaml))
    assert code == 0
    assert [(d["code"], d["severity"], d["line"]) for d in found] == [
        ("quote-not-found", "warning", line_of(yaml, wrong))
    ]
    assert found[0]["message"] == "quote not found in source 'nota'"
    assert found[0]["hint"].startswith("nearest passage: …")
    assert "huisartsen, het onderwijs en de woningcorporaties" in found[0]["hint"]
    assert run("validate", "--norms", NORMS, "--strict", tmp_path).exit_code == 1


def test_source_changed_gives_the_actual_hash(run, tmp_path: Path) -> None:
    (tmp_path / "nota.txt").write_text(NOTA, encoding="utf-8")
    zeros = "0" * 64
    sources = f"  - {{id: nota, kind: document, title: Nota, file: nota.txt, sha256: '{zeros}'}}\n"
    yaml = assessment(sources, [("nota", "samen met de huisartsen")])
    code, found = check(run, write(tmp_path, yaml))
    assert code == 0
    assert [(d["code"], d["severity"], d["line"]) for d in found] == [
        ("source-changed", "warning", line_of(yaml, zeros))
    ]
    assert found[0]["hint"] == f"the file's sha256 is now {sha(tmp_path / 'nota.txt')}"


def test_missing_file_is_one_warning_per_source(run, tmp_path: Path) -> None:
    sources = "  - {id: nota, kind: document, title: Nota, file: nota.txt}\n"
    yaml = assessment(sources, [("nota", "een citaat"), ("nota", "nog een citaat")])
    code, found = check(run, write(tmp_path, yaml))
    assert code == 0
    assert [(d["code"], d["severity"], d["line"]) for d in found] == [
        ("source-file-missing", "warning", line_of(yaml, "nota.txt"))
    ]
    assert "--sources" in found[0]["hint"]
    assert (
        f"not found in {tmp_path}" in found[0]["message"] or "not found in ." in found[0]["message"]
    )


def test_sources_option_and_resolution_order(run, tmp_path: Path) -> None:
    docs, other = tmp_path / "docs", tmp_path / "other"
    for folder in (docs, other):
        folder.mkdir()
    (docs / "nota.txt").write_text(NOTA, encoding="utf-8")
    (other / "nota.txt").write_text("Een andere versie.\n", encoding="utf-8")
    sources = "  - {id: nota, kind: document, title: Nota, file: nota.txt}\n"
    path = write(tmp_path, assessment(sources, [("nota", "samen met de huisartsen")]))
    assert check(run, "--sources", docs, "--sources", other, path) == (0, [])
    _, found = check(run, "--sources", other, "--sources", docs, path)
    assert [d["code"] for d in found] == ["quote-not-found"]  # the first folder wins
    (tmp_path / "nota.txt").write_text(NOTA, encoding="utf-8")  # the assessment's folder first
    assert check(run, "--sources", other, path) == (0, [])


def test_sources_folder_must_exist(run, tmp_path: Path) -> None:
    result = run("validate", "--norms", NORMS, "--sources", tmp_path / "nope", tmp_path)
    assert result.exit_code == 2
    assert "--sources folder not found" in result.stderr


def test_absolute_path_inside_the_assessments_folder(run, tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    nota = tmp_path / "docs" / "nota.md"
    nota.write_text("# Nota\n\nDe *raad* krijgt elk kwartaal een rapportage.\n")
    sources = f"  - {{id: nota, kind: document, title: Nota, file: {nota}}}\n"
    yaml = assessment(sources, [("nota", "krijgt elk kwartaal een rapportage")])
    assert check(run, write(tmp_path, yaml)) == (0, [])


# --- files outside the searched folders are never read ------------------------------------

SECRET = "db_password = hunter2\n"


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every source file validate reads, in order."""
    from normtoets.sourcetexts import files as sourcetext

    seen: list[Path] = []
    real = sourcetext.read_source_file

    def spy(path: Path) -> sourcetext.SourceFile:
        seen.append(path)
        return real(path)

    monkeypatch.setattr(sourcetext, "read_source_file", spy)
    return seen


def outside_case(tmp_path: Path, name: str) -> tuple[Path, str]:
    """A study folder whose source names `name`; the secret sits beside the study, outside."""
    (tmp_path / "secret").mkdir()
    (tmp_path / "secret" / "creds.txt").write_text(SECRET, encoding="utf-8")
    (tmp_path / "study").mkdir()
    sources = f"  - {{id: nota, kind: document, title: Nota, file: {name}}}\n"
    yaml = assessment(sources, [("nota", "db_password = swordfish")])
    return write(tmp_path / "study", yaml), yaml


@pytest.mark.parametrize("how", ["dotdot", "absolute", "symlink"])
def test_source_file_outside_the_folders_is_refused_unread(
    run, tmp_path: Path, reads: list[Path], how: str
) -> None:
    target = tmp_path / "secret" / "creds.txt"
    name = {"dotdot": "../secret/creds.txt", "absolute": str(target), "symlink": "creds.txt"}[how]
    path, yaml = outside_case(tmp_path, name)
    if how == "symlink":
        (tmp_path / "study" / "creds.txt").symlink_to(target)
    result = run("validate", "--norms", NORMS, "--format", "json", path)
    assert result.exit_code == 1
    assert "hunter2" not in result.stdout
    found = [d for d in json.loads(result.stdout) if d["code"] in CODES | {"source-outside"}]
    line = line_of(yaml, "file: ")
    column = yaml.splitlines()[line - 1].index(name) + 1
    assert [(d["code"], d["severity"], d["line"], d["column"]) for d in found] == [
        ("source-outside", "error", line, column)
    ]
    assert found[0]["message"] == (
        f"file '{name}' of source 'nota' lies outside the assessment's folder and the "
        "--sources folders; it is not read"
    )
    assert "--sources" in found[0]["hint"]
    assert reads == []


def test_source_file_outside_text_output(run, tmp_path: Path) -> None:
    path, _ = outside_case(tmp_path, "../secret/creds.txt")
    result = run("validate", "--norms", NORMS, path)
    assert result.exit_code == 1
    assert "[source-outside]" in result.stdout and "hunter2" not in result.stdout


def test_dotdot_into_a_sources_folder_is_read(run, tmp_path: Path, reads: list[Path]) -> None:
    """`../` is fine where it lands inside a --sources folder (the bundled seeds do this)."""
    path, _ = outside_case(tmp_path, "../secret/creds.txt")
    code, found = check(run, "--sources", tmp_path / "secret", path)
    assert (code, [d["code"] for d in found]) == (0, ["quote-not-found"])
    assert reads == [(tmp_path / "secret" / "creds.txt").resolve()]


def test_symlink_into_a_sources_folder_is_read(run, tmp_path: Path) -> None:
    path, _ = outside_case(tmp_path, "creds.txt")
    (tmp_path / "study" / "creds.txt").symlink_to(tmp_path / "secret" / "creds.txt")
    code, found = check(run, "--sources", tmp_path / "secret", path)
    assert (code, [d["code"] for d in found]) == (0, ["quote-not-found"])


def test_via_checks_the_quote_in_the_carrier(run, tmp_path: Path) -> None:
    (tmp_path / "rapport.md").write_text(f"# Rapport\n\n{NOTA}", encoding="utf-8")
    sources = (
        "  - {id: rapport, kind: document, title: Rapport, file: rapport.md}\n"
        "  - {id: nota, kind: document, title: Nota, via: rapport}\n"
    )
    wrong = "per maand aan de raad"
    yaml = assessment(sources, [("nota", "per kwartaal aan de raad"), ("nota", wrong)])
    code, found = check(run, write(tmp_path, yaml))
    assert code == 0
    message = "quote not found in source 'rapport' (via 'nota')"
    assert [(d["code"], d["line"], d["message"]) for d in found] == [
        ("quote-not-found", line_of(yaml, wrong), message)
    ]  # and 'rapport' counts as used: no unused-source


def test_via_to_an_unknown_source_is_an_error(run, tmp_path: Path) -> None:
    sources = "  - {id: nota, kind: document, title: Nota, via: raport}\n"
    yaml = assessment(sources, [("nota", "een citaat")])
    code, found = check(run, write(tmp_path, yaml))
    assert code == 1
    assert [(d["code"], d["line"], d["message"]) for d in found] == [
        ("unknown-source", line_of(yaml, "raport"), "'via' names unknown source 'raport'")
    ]
    assert found[0]["hint"] == "add it under 'sources'"


def test_responses_and_follow_up_name_sources(run, tmp_path: Path) -> None:
    sources = (
        "  - {id: nota, kind: document, title: Nota}\n"
        "  - {id: wederhoor, kind: other, title: Ambtelijk wederhoor (fictief)}\n"
    )
    extra = (
        "    responses:\n"
        "      - {source: wederhoor, text: Akkoord., outcome: ongewijzigd}\n"
        "      - {source: wederhor, text: Akkoord., outcome: ongewijzigd}\n"
        "follow_up:\n"
        "  - recommendation: '1'\n"
        "    status: uitgevoerd\n"
        "    evidence:\n"
        "      - {source: notaa, note: Fictief.}\n"
    )
    yaml = assessment(sources, [("nota", "een citaat")], extra)
    code, found = check(run, write(tmp_path, yaml))
    assert code == 1
    assert [(d["code"], d["line"], d["message"]) for d in found] == [
        ("unknown-source", line_of(yaml, "wederhor"), "response names unknown source 'wederhor'"),
        ("unknown-source", line_of(yaml, "notaa"), "evidence cites unknown source 'notaa'"),
    ]  # 'wederhoor' is used by a response: no unused-source
    assert found[0]["hint"] == "did you mean 'wederhoor'?"


def test_unreadable_files(run, tmp_path: Path) -> None:
    (tmp_path / "nota.txt").write_bytes("Een citaat met een € teken.\n".encode("cp1252"))
    (tmp_path / "nota.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / "kapot.pdf").write_bytes(b"%PDF-1.7\nthis is no pdf\n")
    sources = (
        "  - {id: nota, kind: document, title: Nota, file: nota.txt}\n"
        "  - {id: word, kind: document, title: Word, file: nota.docx}\n"
        "  - {id: pdf, kind: document, title: PDF, file: kapot.pdf}\n"
    )
    yaml = assessment(sources, [("nota", "een citaat"), ("word", "x"), ("pdf", "y")])
    code, found = check(run, write(tmp_path, yaml))
    assert code == 0
    assert [(d["code"], d["severity"], d["line"]) for d in found] == [
        ("source-unreadable", "warning", line_of(yaml, "nota.txt")),
        ("source-unreadable", "warning", line_of(yaml, "nota.docx")),
        ("source-unreadable", "warning", line_of(yaml, "kapot.pdf")),
    ]
    assert "is not valid UTF-8: byte 0x80 on line 1" in found[0]["message"]
    assert "is not a .txt, .md or .pdf file" in found[1]["message"]
    assert "cannot be read as PDF" in found[2]["message"]


def test_pdf_text_is_extracted(run, tmp_path: Path) -> None:
    from weasyprint import HTML

    html = "<p lang=nl>De gemeente werkt samen met de huisartsen en het onderwijs (fictief).</p>"
    HTML(string=html).write_pdf(tmp_path / "nota.pdf")
    sources = "  - {id: nota, kind: document, title: Nota, file: nota.pdf}\n"
    yaml = assessment(
        sources, [("nota", "werkt samen met de huisartsen"), ("nota", "werkt samen met de politie")]
    )
    code, found = check(run, write(tmp_path, yaml))
    assert code == 0
    assert [d["code"] for d in found] == ["quote-not-found"]
    assert "huisartsen en het onderwijs" in found[0]["hint"]  # text that only the PDF holds


# --- the bundled study --------------------------------------------------------------------


def bundled_files() -> list[str]:
    return [p.name for p in sorted(STUDY.glob("*.yaml")) if "\n    file: " in p.read_text()]


def test_bundled_study_without_documents_gives_one_warning_per_file(run, tmp_path: Path) -> None:
    """The study's source documents lie beside it; a copy without them warns per file."""
    copy = tmp_path / "studie"
    shutil.copytree(STUDY, copy, ignore=shutil.ignore_patterns("*.txt"))
    result = run("validate", "--format", "json", copy)
    assert result.exit_code == 0
    missing = [d for d in json.loads(result.stdout) if d["code"] == "source-file-missing"]
    assert [Path(d["file"]).name for d in missing] == bundled_files()
    assert {d["severity"] for d in missing} == {"warning"}
    assert len(bundled_files()) == 3


def test_the_bundled_study_checks_its_quotes_in_the_documents_beside_it(run) -> None:
    result = run("validate", "--format", "json", STUDY)
    codes = {"quote-not-found", "source-changed", "source-file-missing", "source-unreadable"}
    assert result.exit_code == 0
    assert [d for d in json.loads(result.stdout) if d["code"] in codes] == []


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the source documents are not next to this clone")
def test_every_bundled_quote_is_found_in_its_source(run) -> None:
    result = run("validate", "--format", "json", "--sources", SEEDS, STUDY)
    assert result.exit_code == 0
    codes = {"quote-not-found", "source-changed", "source-file-missing", "source-unreadable"}
    assert [d for d in json.loads(result.stdout) if d["code"] in codes] == []


def test_odd_file_names_are_missing_not_a_crash(run, tmp_path: Path) -> None:
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    sources = (
        '  - {id: nul, kind: document, title: Nul, file: "a\\0b.txt"}\n'
        "  - {id: loop, kind: document, title: Lus, file: loop.txt}\n"
    )
    yaml = assessment(sources, [("nul", "een citaat"), ("loop", "een citaat")])
    code, found = check(run, write(tmp_path, yaml))
    assert code == 1  # a NUL in a value is a control character: an error of its own
    assert [d["code"] for d in found] == ["source-file-missing", "source-file-missing"]
