"""A study that names its double scoring folder: each municipality's report says in "Het
onderzoek" how far the independent scorings agreed; without one it says nothing of it."""

import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import REPO, STUDY
from normtoets.analysis.reliability import alpha_ordinal, bootstrap_interval

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
    # Read on the interval's lower bound (0,64), not on alpha itself (0,88).
    assert (
        "onvoldoende om op te vertrouwen (de ondergrens van het interval is lager dan 0,667)"
        in text
    )
    assert "voldoende om op te vertrouwen (α" not in text


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


def test_the_comparison_says_how_far_all_scorings_agreed_together(run_in, study: Path) -> None:
    """A second (fictional) municipality with the same two scorings: the comparison pools the
    judgements of both, so 50 are compared and alpha is that of the 50 together."""
    for name in (
        "voorbeeldstad.yaml",
        "dubbel/voorbeeldstad.a.yaml",
        "dubbel/voorbeeldstad.b.yaml",
    ):
        source = study / name
        copy = source.with_name(source.name.replace("voorbeeldstad", "tweedestad"))
        copy.write_text(source.read_text().replace("Voorbeeldstad", "Tweedestad"))
    (study / "study.yaml").write_text(
        (study / "study.yaml")
        .read_text()
        .replace('- "Voorbeeldstad"', '- "Voorbeeldstad"\n  - "Tweedestad"')
    )
    result = run_in(study)("report", ".", "--compare", "--html", "-o", "c.html")
    assert result.exit_code == 0, result.stderr
    text = text_of((study / "c.html").read_text(encoding="utf-8"))
    assert "Bij 2 gemeenten zijn de scores door Onderzoeker A (fictief) en Onderzoeker B" in text
    assert "50 oordelen zijn dubbel gescoord, waarvan 42 met dezelfde score" in text
    agree = run_in(study)("agree", "dubbel/voorbeeldstad.a.yaml", "dubbel/voorbeeldstad.b.yaml",
                          "--format", "json")  # fmt: skip
    levels = ["++", "+", "-", "--"]
    one = [tuple(levels.index(s) if s in levels else None for s in j["scores"].values())
           for j in json.loads(agree.stdout)["judgements"]]  # fmt: skip
    alpha = alpha_ordinal(one * 2)
    low, high = bootstrap_interval(one * 2, alpha_ordinal)  # type: ignore[misc]
    assert f"is {dutch(alpha)} (95%-interval {dutch(low)}–{dutch(high)})" in text


def dutch(value: float | None) -> str:
    return f"{value:.2f}".replace(".", ",")
