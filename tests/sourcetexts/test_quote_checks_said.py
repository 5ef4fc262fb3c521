"""Quote checks that never stop silently: a source file that cannot be found is a warning that
names the folders searched (and a file of a similar name), and `score` says at once what it
found of the quote it writes."""

import shutil
from pathlib import Path

import pytest

from conftest import ACCEPTANCE, Run, diagnostics_of

BAD = ACCEPTANCE / "bad"
NORMS = ACCEPTANCE / "norms"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for name in ("quote-not-found.yaml", "beleidsnota-testdorp.txt", "study.yaml"):
        shutil.copy(BAD / name, tmp_path / name)
    # A concept: a reviewed norm of a definitief assessment changes only with a new review.
    path = tmp_path / "quote-not-found.yaml"
    path.write_text(path.read_text().replace("status: definitief", "status: concept"))
    return tmp_path


def test_a_misspelled_file_name_is_a_warning_with_the_right_hint(folder: Path) -> None:
    path = folder / "quote-not-found.yaml"
    text = path.read_text(encoding="utf-8")
    assert "beleidsnota-testdorp.txt" in text
    path.write_text(text.replace("beleidsnota-testdorp.txt", "beleidsnota-testdrop.txt"))
    run = Run(folder)
    found = [d for d in diagnostics_of(run("validate", "--norms", NORMS, "-f", "json", path.name))
             if d["code"] == "source-file-missing"]  # fmt: skip
    assert [d["severity"] for d in found] == ["warning"]
    assert "not found in ." in found[0]["message"]
    assert found[0]["hint"] == "did you mean 'beleidsnota-testdorp.txt'?"
    assert run("validate", "--norms", NORMS, "--strict", path.name).exit_code == 1


def test_score_says_at_once_that_a_quote_is_not_in_its_source(folder: Path) -> None:
    run = Run(folder)
    result = run("score", "--norms", NORMS, "quote-not-found.yaml", "U1",
                 "--evidence", "nota:9", "--quote", "woorden die nergens staan")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert "[quote-not-found]" in result.stderr


def test_score_says_at_once_that_a_quote_could_not_be_checked(folder: Path) -> None:
    (folder / "beleidsnota-testdorp.txt").unlink()
    run = Run(folder)
    result = run("score", "--norms", NORMS, "quote-not-found.yaml", "U1",
                 "--evidence", "nota:9", "--quote", "integraal")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert "[quote-not-checked]" in result.stderr
    assert "beleidsnota-testdorp.txt' of source 'nota' was not found in ." in result.stderr


def test_a_quote_found_in_its_source_is_no_notice(folder: Path) -> None:
    text = (folder / "beleidsnota-testdorp.txt").read_text(encoding="utf-8")
    words = " ".join(text.split()[:6])
    result = Run(folder)("score", "--norms", NORMS, "quote-not-found.yaml", "U1",
                         "--evidence", "nota:9", "--quote", words)  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert "[quote-not-found]" not in result.stderr and "[quote-not-checked]" not in result.stderr
