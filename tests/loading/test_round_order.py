"""Rounds in the wrong order: `diff NEW OLD` or `report OLD --since NEW` would publish a
"vorige ronde" dated after "deze ronde". An error when both dates are known; no guess without."""

from pathlib import Path

import pytest

from conftest import ACCEPTANCE, REPO

FIXTURE = REPO / "tests" / "fixtures" / "diff"
OLD = FIXTURE / "testdorp-2019.yaml"
NEW = FIXTURE / "testdorp-2023.yaml"
NORMS = ["--norms", ACCEPTANCE / "norms", "--norms", FIXTURE / "norms"]
PLAIN = {"NO_COLOR": "1", "COLUMNS": "100"}


def test_diff_with_rounds_swapped(run) -> None:
    result = run("diff", *NORMS, NEW, OLD, env=PLAIN)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "testdorp-2019.yaml:5:7: error [rounds-out-of-order]" in result.stderr
    assert "2019-05-31" in result.stderr and "2023-06-30" in result.stderr
    assert "testdorp-2023.yaml" in result.stderr  # names the other file


def test_report_since_with_rounds_swapped(run, tmp_path: Path) -> None:
    target = tmp_path / "testdorp.html"
    result = run("report", *NORMS, OLD, "--since", NEW, "-o", target, env=PLAIN)
    assert result.exit_code == 1
    assert "[rounds-out-of-order]" in result.stderr
    assert not target.exists()


def without_date(tmp_path: Path, path: Path, study: str | None = None) -> Path:
    folder = tmp_path / path.stem
    folder.mkdir(parents=True)
    copy = folder / path.name
    copy.write_text(path.read_text().replace("\ndate: ", "\n# date: "))
    if study is not None:
        text = (ACCEPTANCE / "good" / "study.yaml").read_text()
        (folder / "study.yaml").write_text(text + study)  # mini@1, with Testdorp
    return copy


@pytest.mark.parametrize("side", ["old", "new"])
def test_a_missing_date_is_no_guess(run, tmp_path: Path, side: str) -> None:
    old = without_date(tmp_path, NEW) if side == "old" else NEW
    new = without_date(tmp_path, OLD) if side == "new" else OLD
    result = run("diff", *NORMS, old, new, env=PLAIN)
    assert "rounds-out-of-order" not in result.output


def test_the_same_date_is_not_out_of_order(run, tmp_path: Path) -> None:
    copy = tmp_path / "testdorp.yaml"
    copy.write_text(NEW.read_text().replace("date: 2023-06-30", "date: 2019-05-31"))
    result = run("diff", *NORMS, OLD, copy, env=PLAIN)
    assert result.exit_code == 0, result.output


def test_the_study_date_counts_as_the_reports_do(run, tmp_path: Path) -> None:
    new = without_date(tmp_path, NEW, study="date: 2018-01-15\n")
    result = run("diff", *NORMS, OLD, new, env=PLAIN)
    assert result.exit_code == 1
    assert "[rounds-out-of-order]" in result.stderr and "2018-01-15" in result.stderr


def test_the_study_year_counts_when_it_is_all_there_is(run, tmp_path: Path) -> None:
    new = without_date(tmp_path, NEW, study="year: 2017\n")
    result = run("diff", *NORMS, OLD, new, env=PLAIN)
    assert result.exit_code == 1
    assert "[rounds-out-of-order]" in result.stderr and "2017" in result.stderr
    same_year = without_date(tmp_path / "x", NEW, study="year: 2019\n")
    assert run("diff", *NORMS, OLD, same_year, env=PLAIN).exit_code == 0
