"""The Duiven report adds no framing the original never makes, and its notes are one per source
passage: checked on the bundled report, as a senior rekenkamer researcher read it against the
original (issue: "say only what the evidence carries", points 6 and 7)."""

import re
import shutil
from pathlib import Path

import pytest

from conftest import STUDY, Run


def words(html: str) -> str:
    html = re.sub(r"<style.*?</style>", "", html, flags=re.S)
    return re.sub(r" ([,.;:)])", r"\1", " ".join(re.sub(r"<[^>]+>", " ", html).split()))


@pytest.fixture(scope="module")
def duiven(tmp_path_factory: pytest.TempPathFactory) -> str:
    out = tmp_path_factory.mktemp("duiven") / "duiven.html"
    result = Run(STUDY)("report", "duiven.yaml", "-o", out)
    assert result.exit_code == 0, result.stderr
    return out.read_text(encoding="utf-8")


def test_no_tally_of_norms_met_and_no_scores_beside_conclusions(duiven: str) -> None:
    text = words(duiven)
    assert "voldoet aan 7 van de 10 normen" not in text
    assert '<th scope="col">Voldaan</th>' not in duiven
    conclusions = duiven[duiven.index('id="conclusies"') : duiven.index('id="aanbevelingen"')]
    assert 'class="badge' not in conclusions  # the norms are named, their scores are not


def test_a_study_can_have_the_tally_and_it_counts_over_the_norms_assessed(tmp_path: Path) -> None:
    study = tmp_path / "studie"
    shutil.copytree(STUDY, study)
    path = study / "study.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "report: {tally: false, conclusion_scores: false}", "report: {tally: true}"))  # fmt: skip
    assert Run(study)("report", "doesburg.yaml", "-o", "d.html").exit_code == 0
    text = words((study / "d.html").read_text(encoding="utf-8"))
    assert "voldoet aan 1 van 1 beoordeelde normen; 9 van de 10 normen zijn niet beoordeeld" in text


def test_the_u2_marks_are_not_scores(duiven: str) -> None:
    """5.6 ends each criterion with "(+)", as it does sentences of its argumentation: no score."""
    start = duiven.index('<span class="norm-id">U2</span>')
    section = duiven[start : duiven.index("</section>", start)]
    assert "criteria-scores" not in section
    assert "a) hulpvraag is in dialoog met gezin geformuleerd (+)" in words(section)


def test_the_wederhoor_box_says_whose_words_it_gives(duiven: str) -> None:
    text = words(duiven)
    assert "(weergegeven door Regioplan Beleidsonderzoek)" in text
    assert (
        "In de ambtelijk wederhoorreactie geeft de gemeente Duiven aan dat ‘….de gemeenteraad"
        in text
    )
    assert "De gemeenteraad komt niets te kort, omdat" not in text


def test_one_note_per_source_passage_and_none_that_points_nowhere(duiven: str) -> None:
    lines = re.findall(r'<li id="noot-(\d+)">(.*?)</li>', duiven, flags=re.S)
    texts = [words(body) for _, body in lines]
    numbers = [int(n) for n, _ in lines]
    assert numbers == list(range(1, len(numbers) + 1))  # each listed once, in order
    assert len(set(texts)) == len(texts)  # no two notes alike
    assert not [t for t in texts if t.startswith("Zie §")]
    assert not [t for t in texts if "aangehaald in §" in t]
    assert len(texts) <= 25  # 18 source passages, 2 own footnotes, a citation in own text
