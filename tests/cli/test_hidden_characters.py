"""Hidden characters (bidirectional controls, zero-width characters) in a finding: an error at
their position, refused by score, never published (issue: a right-to-left override made a
finding display "voldoet niet" where its bytes say otherwise)."""

import shutil
from pathlib import Path

import pytest

from conftest import STUDY, Run, diagnostics_of

RLO, PDF, ZWSP = "\u202e", "\u202c", "\u200b"


@pytest.fixture
def study(tmp_path: Path) -> Path:
    folder = tmp_path / "studie"
    shutil.copytree(STUDY, folder)
    return folder


@pytest.mark.parametrize("hidden", [RLO, ZWSP, "\u2066", "\u200f", "\ufeff"])
def test_score_refuses_a_finding_with_a_hidden_character(study: Path, hidden: str) -> None:
    before = (study / "duiven.yaml").read_bytes()
    result = Run(study)("score", "duiven.yaml", "B1", "--finding", f"De gemeente {hidden}voldoet.")
    assert result.exit_code == 1
    assert "[hidden-character]" in result.stderr
    assert f"\\u{ord(hidden):04x}" in result.stderr  # shown escaped, never raw
    assert hidden not in result.stderr + result.stdout
    assert (study / "duiven.yaml").read_bytes() == before


def test_a_raw_override_in_a_finding_is_an_error_at_its_value(study: Path) -> None:
    path = study / "duiven.yaml"
    text = path.read_text(encoding="utf-8")
    first = "      Het beleid in het sociaal domein in Duiven"  # B1's folded finding
    path.write_text(text.replace(first, f"      {RLO}tein teodlov{PDF} " + first.lstrip()), "utf-8")
    line = text[: text.index(first)].count("\n") + 1
    result = Run(study)("validate", "duiven.yaml", "--format", "json")
    assert result.exit_code == 1
    found = [d for d in diagnostics_of(result) if d["code"] == "hidden-character"]
    # A folded block's position is where its text starts (the line after `finding: >-`).
    assert [(d["severity"], d["line"]) for d in found] == [("error", line - 1)]
    assert "U+202E RIGHT-TO-LEFT OVERRIDE" in found[0]["message"]


@pytest.mark.parametrize("suffix", ["html", "pdf", "docx"])
def test_a_report_is_never_made_of_a_file_with_a_hidden_character(study: Path, suffix: str) -> None:
    path = study / "duiven.yaml"
    text = path.read_text(encoding="utf-8")
    first = "      Het beleid in het sociaal domein in Duiven"
    path.write_text(text.replace(first, f"      {RLO}" + first.lstrip()), encoding="utf-8")
    result = Run(study)("report", "duiven.yaml", "-o", f"rapport.{suffix}")
    assert result.exit_code == 1
    assert "[hidden-character]" in result.stderr
    assert not (study / f"rapport.{suffix}").exists()
