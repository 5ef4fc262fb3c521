"""A study that names its double scoring folder: each municipality's report says in "Het
onderzoek" how far the independent scorings agreed; without one it says nothing of it."""

import re
import shutil
from pathlib import Path

import pytest

from conftest import REPO, STUDY

EXAMPLE = REPO / "examples" / "dubbele-scoring"
PARAGRAPH = re.compile(r"De scores zijn door (.+?) onafhankelijk van elkaar gegeven")


def text_of(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@pytest.fixture
def study(tmp_path: Path) -> Path:
    folder = tmp_path / "dubbele-scoring"
    shutil.copytree(EXAMPLE, folder)
    return folder


def test_the_report_says_how_far_the_scorings_agreed(run_in, study: Path) -> None:
    result = run_in(study)("report", "voorbeeldstad.yaml", "--html", "-o", "r.html")
    assert result.exit_code == 0, result.stderr
    text = text_of((study / "r.html").read_text(encoding="utf-8"))
    assert "Onderzoeker A (fictief) en Onderzoeker B (fictief) onafhankelijk" in text
    assert "10 normen en 15 deelcriteria zijn dubbel gescoord" in text
    assert "Bij 21 van de 25 oordelen gaven zij dezelfde score" in text
    assert re.search(r"Krippendorffs α \(ordinaal\) is 0,88 \(95%-interval 0,\d\d–1,00\)", text)
    assert "voldoende om op te vertrouwen (α ≥ 0,800)" in text


def test_every_report_of_the_study_says_the_same(run_in, study: Path) -> None:
    alone = run_in(study)("report", "voorbeeldstad.yaml", "--html", "-o", "alone.html")
    each = run_in(study)("report", ".", "--each", "--html", "--jobs", "1", "-o", "each")
    assert alone.exit_code == each.exit_code == 0, each.stderr
    assert (study / "each" / "voorbeeldstad.html").read_bytes() == (
        study / "alone.html"
    ).read_bytes()


def test_no_paragraph_without_a_double_scoring(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = run("report", STUDY / "duiven.yaml", "--html", "-o", tmp_path / "d.html")
    assert result.exit_code == 0
    assert not PARAGRAPH.search(text_of((tmp_path / "d.html").read_text(encoding="utf-8")))


def test_an_invalid_scoring_stops_the_report(run_in, study: Path) -> None:
    rater = study / "dubbel" / "voorbeeldstad.b.yaml"
    rater.write_text(rater.read_text().replace('score: "++"', 'score: "+++"', 1))
    result = run_in(study)("report", "voorbeeldstad.yaml", "--html", "-o", "r.html")
    assert result.exit_code == 1 and "invalid-score" in result.stderr
    assert not (study / "r.html").exists()


def test_a_missing_folder_is_an_error_at_study_yaml(run_in, study: Path) -> None:
    shutil.rmtree(study / "dubbel")
    result = run_in(study)("validate", ".")
    assert result.exit_code == 1 and "study.yaml" in result.stdout
    assert "double-scoring-missing" in result.stdout
