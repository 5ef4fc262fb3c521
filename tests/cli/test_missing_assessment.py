"""A municipality the study lists never vanishes: without its assessment in the study's folder,
validate, compare, status and the comparison report stop and name it and the folder searched."""

import shutil
from pathlib import Path

import pytest

from conftest import STUDY, Run, diagnostics_of


@pytest.fixture
def study(tmp_path: Path) -> Path:
    folder = tmp_path / "studie"
    shutil.copytree(STUDY, folder)
    return folder


def _line_of(path: Path, text: str) -> int:
    return next(i for i, line in enumerate(path.read_text().splitlines(), 1) if text in line)


@pytest.mark.parametrize("where", ["gone", "elsewhere"])
def test_a_listed_municipality_without_assessment_is_an_error(
    study: Path, tmp_path: Path, where: str
) -> None:
    if where == "gone":
        (study / "westervoort.yaml").unlink()
    else:
        (tmp_path / "elders").mkdir()
        shutil.move(study / "westervoort.yaml", tmp_path / "elders")
    run = Run(tmp_path)
    result = run("validate", "--strict", "studie", "--format", "json")
    assert result.exit_code == 1
    [found] = [d for d in diagnostics_of(result) if d["code"] == "missing-assessment"]
    assert found["file"] == "studie/study.yaml"
    assert found["line"] == _line_of(study / "study.yaml", "municipalities: [")
    assert "Westervoort" in found["message"] and "studie" in found["message"]
    for command in (["compare", "studie"], ["status", "studie"],
                    ["report", "studie", "--compare", "-o", "v.html"]):  # fmt: skip
        refused = run(*command)
        assert refused.exit_code == 1, command
        assert "[missing-assessment]" in refused.stderr, command
    assert not (tmp_path / "v.html").exists()


def test_an_assessment_in_a_folder_below_the_study_counts(study: Path, tmp_path: Path) -> None:
    (study / "ronde-1").mkdir()
    shutil.move(study / "westervoort.yaml", study / "ronde-1")
    result = Run(tmp_path)("validate", "studie", "--format", "json")
    assert "missing-assessment" not in {d["code"] for d in diagnostics_of(result)}


def test_another_spelling_of_the_name_counts(study: Path, tmp_path: Path) -> None:
    path = study / "westervoort.yaml"
    path.write_text(
        path.read_text().replace("municipality: Westervoort", "municipality: WESTERVOORT")
    )
    result = Run(tmp_path)("validate", "studie", "--format", "json")
    assert "missing-assessment" not in {d["code"] for d in diagnostics_of(result)}
