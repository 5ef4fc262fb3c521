"""new → score → status → validate: the researcher's own workflow, and its safety."""

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from conftest import ACCEPTANCE, diagnostics_of
from normtoets.files import atomic

NORMS = ACCEPTANCE / "norms"

COMMENTED = """\
# Beoordeling Testdorp — concept, niet verspreiden.
framework: {id: mini, version: "1"}   # het mini-kader
municipality: Testdorp
status: concept

sources:
  - {id: nota, kind: document, title: 'Nota "integraal"'}   # enkele quotes blijven

judgements:
  # Beleid
  B1:
    score: '+'        # nog bespreken met Anna
    finding: >-
      Het beleid is integraal opgezet, maar de verbinding met onderwijs is dun;
      zie ook het gesprek van 12 maart.

    evidence:
      - {source: nota, page: "9", quote: "integraal"}

  B2: {score: nb}     # volgt na gesprek
  U1:
    score: nb
    criteria:
      U1.a: {score: nb}   # a
      U1.b: {score: nb}   # b
# einde
"""


@pytest.fixture
def study(run, tmp_path: Path) -> Path:
    folder = tmp_path / "onderzoek"
    result = run(
        "new",
        "study",
        folder,
        "--title",
        "Jeugdhulp in Testdorp",
        "--rekenkamer",
        "Rekenkamer Testdorp",
        "--municipality",
        "Testdorp",
        "--municipality",
        "Sint-Oedenrode",
        "--framework",
        "mini@1",
        "--norms",
        NORMS,
    )
    assert result.exit_code == 0, result.output
    return folder


def test_new_then_validate_is_clean(run, study: Path) -> None:
    result = run("new", "assessment", study, "--municipality", "Sint-Oedenrode", "--norms", NORMS)
    assert result.exit_code == 0, result.output
    path = study / "sint-oedenrode.yaml"
    text = path.read_text()
    assert text.startswith("# yaml-language-server: $schema=schemas/assessment.schema.json\n")
    assert "  # B2: Het beleid wordt periodiek geëvalueerd.\n  B2:\n" in text
    assert 'U1.b: {score: "nb"}' in text
    assert (study / "schemas" / "assessment.schema.json").is_file()
    # Testdorp, the study's other municipality, has no assessment yet: missing-assessment.
    found = diagnostics_of(run("validate", "--norms", NORMS, "-f", "json", study))
    assert [d["code"] for d in found] == ["missing-assessment"]
    assert (
        run("new", "assessment", study, "--municipality", "Testdorp", "--norms", NORMS).exit_code
        == 0
    )
    assert diagnostics_of(run("validate", "--norms", NORMS, "-f", "json", study)) == []


def test_new_refuses_to_overwrite(run, study: Path) -> None:
    before = (study / "study.yaml").read_bytes()
    result = run(
        "new",
        "study",
        study,
        "--title",
        "x",
        "--rekenkamer",
        "y",
        "--municipality",
        "z",
        "--framework",
        "mini",
        "--norms",
        NORMS,
    )
    assert result.exit_code == 2
    assert "never overwrites" in result.stderr
    assert (study / "study.yaml").read_bytes() == before


@pytest.fixture
def commented(tmp_path: Path) -> Path:
    path = tmp_path / "testdorp.yaml"
    path.write_text(COMMENTED)
    path.chmod(0o640)
    return path


def changed_lines(before: str, after: str) -> list[tuple[str, str]]:
    """Line pairs that differ, for edits that keep the line count."""
    a, b = before.splitlines(), after.splitlines()
    assert len(a) == len(b), after
    return [(x, y) for x, y in zip(a, b, strict=True) if x != y]


def test_score_changes_only_the_score(run, commented: Path) -> None:
    # `--` ends the options, so the score `--` after it is taken as the score.
    result = run("score", "--norms", NORMS, commented, "B1", "--", "--")
    assert result.exit_code == 0, result.output
    assert changed_lines(COMMENTED, commented.read_text()) == [
        ("    score: '+'        # nog bespreken met Anna",
         '    score: "--"        # nog bespreken met Anna'),
    ]  # fmt: skip
    assert commented.stat().st_mode & 0o777 == 0o640


def test_score_in_flow_mapping_and_criterion(run, commented: Path) -> None:
    assert run("score", commented, "B2", "++", "--norms", NORMS).exit_code == 0
    assert run("score", commented, "U1.b", "+", "--norms", NORMS).exit_code == 0
    assert changed_lines(COMMENTED, commented.read_text()) == [
        ("  B2: {score: nb}     # volgt na gesprek", '  B2: {score: "++"}     # volgt na gesprek'),
        ("      U1.b: {score: nb}   # b", '      U1.b: {score: "+"}   # b'),
    ]


def test_finding_and_evidence_are_added_in_place(run, commented: Path) -> None:
    long = "De toegang werkt goed voor inwoners met meerdere vragen. " * 3
    result = run(
        "score",
        commented,
        "U1",
        "+",
        "--finding",
        long.strip(),
        "--evidence",
        "nota:12",
        "--quote",
        "één loket",
        "--norms",
        NORMS,
    )
    assert result.exit_code == 0, result.output
    after = commented.read_text()
    before_lines, after_lines = COMMENTED.splitlines(), after.splitlines()
    u1 = before_lines.index("  U1:")
    assert after_lines[: u1 + 1] == before_lines[: u1 + 1]
    assert after_lines[u1 + 1 : u1 + 3] == ['    score: "+"', "    criteria:"]
    assert after_lines[-1] == "# einde"
    assert '      - {source: "nota", page: "12", quote: "één loket"}' in after_lines
    assert "    finding: >-" in after_lines
    assert diagnostics_of(run("validate", "--norms", NORMS, "-f", "json", commented)) == []


def test_evidence_appends_to_existing_list(run, commented: Path) -> None:
    assert (
        run(
            "score", commented, "B1", "--evidence", "nota", "--quote", "dun", "--norms", NORMS
        ).exit_code
        == 0
    )
    after = commented.read_text().splitlines()
    at = after.index('      - {source: nota, page: "9", quote: "integraal"}')
    assert after[at + 1] == '      - {source: "nota", quote: "dun"}'
    assert after[at + 2] == ""  # the blank line after the list stays where it was


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["B1", "- -"], "invalid-score"),
        (["X9", "+"], "unknown-norm"),
        (["B1", "--evidence", "brief", "--quote", "x"], "unknown-source"),
    ],
)
def test_refused_score_leaves_the_file_byte_identical(run, commented: Path, args, code) -> None:
    before = commented.read_bytes()
    result = run("score", commented, *args, "--norms", NORMS)
    assert result.exit_code == 1
    assert f"[{code}]" in result.stderr
    assert "nothing was written" in result.stderr
    assert commented.read_bytes() == before
    assert sorted(p.name for p in commented.parent.iterdir()) == ["testdorp.yaml"]


def test_invalid_score_hint(run, commented: Path) -> None:
    result = run("score", commented, "B1", "- -", "--norms", NORMS)
    assert "did you mean '--'?" in result.stderr


def test_crash_before_rename_leaves_the_original(run, commented: Path, monkeypatch) -> None:
    before = commented.read_bytes()

    def crash(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(atomic.os, "replace", crash)
    result = run("score", commented, "B1", "++", "--norms", NORMS)
    assert result.exit_code == 1  # the machine's problem, told plainly
    assert "disk full" in result.stderr and "nothing was changed" in result.stderr
    assert commented.read_bytes() == before
    assert sorted(p.name for p in commented.parent.iterdir()) == ["testdorp.yaml"]


def test_bom_and_crlf_survive(run, tmp_path: Path) -> None:
    path = tmp_path / "crlf.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + COMMENTED.replace("\n", "\r\n").encode())
    assert run("score", path, "B2", "+", "--finding", "Kort.", "--norms", NORMS).exit_code == 0
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert b"\n" not in data.replace(b"\r\n", b"")


def test_score_needs_something_to_change(run, commented: Path) -> None:
    assert run("score", commented, "B1", "--norms", NORMS).exit_code == 2
    assert run("score", commented, "B1", "--evidence", "nota", "--norms", NORMS).exit_code == 2
    assert run("score", commented.parent / "nope.yaml", "B1", "+").exit_code == 2


def test_status_counts_the_bundled_study(run) -> None:
    result = run("status", "-f", "json")
    rows = {r["municipality"]: r for r in json.loads(result.stdout)}
    assert rows["Duiven"]["norms_scored"] == 10
    assert rows["Duiven"]["criteria_scored"] == 0  # U2's "(+)" marks are no scores
    assert rows["Duiven"]["criteria_total"] == 15
    assert rows["Duiven"]["without_finding"] == []


def test_scorer_and_reviewer_sign_off_in_place(run, commented: Path) -> None:
    assert run("score", commented, "B1", "--scored-by", "Anna", "--norms", NORMS).exit_code == 0
    result = run("score", commented, "B1", "--reviewed-by", "Bram de Wit", "--norms", NORMS)
    assert result.exit_code == 0, result.output
    after = commented.read_text()
    # New lines under B1 (who scored; who reviewed, when, and what the review covered); every
    # other line, comment and blank line is unchanged.
    new = [line for line in after.splitlines() if line not in COMMENTED.splitlines()]
    assert new[:3] == ['    scored_by: "Anna"', '    reviewed_by: "Bram de Wit"',
                       f'    reviewed_on: "{dt.date.today().isoformat()}"']  # fmt: skip
    assert re.fullmatch(r'    review_covers: "[0-9a-f]{12}"', new[3]) and len(new) == 4
    for line in new:
        after = after.replace(line + "\n", "")
    assert after == COMMENTED


def test_reviewing_your_own_score_is_refused(run, commented: Path) -> None:
    assert run("score", commented, "B1", "--scored-by", "Anna", "--norms", NORMS).exit_code == 0
    before = commented.read_bytes()
    result = run("score", commented, "B1", "--reviewed-by", "anna", "--norms", NORMS)
    assert result.exit_code == 1
    assert "[self-review]" in result.stderr and "nothing was written" in result.stderr
    assert commented.read_bytes() == before


def test_review_is_recorded_per_norm_not_per_criterion(run, commented: Path) -> None:
    before = commented.read_bytes()
    result = run("score", commented, "U1.a", "--reviewed-by", "Bram", "--norms", NORMS)
    assert result.exit_code == 2
    assert "per norm" in result.stderr
    assert commented.read_bytes() == before
