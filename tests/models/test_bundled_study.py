"""The bundled Regioplan framework and study, checked against the Duiven report's own tables."""

import json

from conftest import REPO, STUDY
from normtoets.loading.session import Session

# Sections 4.7, 4.8 and 5.6 of the Duiven report (5.6 types B5 as "- -").
DUIVEN = {"B1": "++", "B2": "++", "B3": "++", "B4": "+", "B5": "--", "B6": "--",
          "U1": "++", "U2": "++", "I1": "+", "I2": "--"}  # fmt: skip
# The U2 criteria (5.6 letters them a–k, the normenkader of chapter 2 b–l) each end with
# "(+)", a remark as in the argumentation, not a score: no criterion of Duiven is scored.
U2_CRITERIA = [f"U2.{letter}" for letter in "bcdefghijkl"]


def test_bundled_files_validate_clean(run) -> None:
    result = run("validate", "--format", "json")
    assert result.exit_code == 0
    assert [d for d in json.loads(result.stdout) if d["severity"] == "error"] == []


def test_framework_has_the_ids_of_the_normenkader() -> None:
    framework = Session().framework_by_id("regioplan-sociaal-domein")
    assert framework is not None
    assert [n.id for n in framework.norms()] == list(DUIVEN)
    assert [c.id for c in framework.criteria()] == (["U1.a", *U2_CRITERIA, "I2.a", "I2.b", "I2.c"])
    assert [q.id for q in framework.research_questions] == [f"OV{i}" for i in range(1, 11)]
    assert all(q.norms for q in framework.research_questions)


def test_duiven_scores_equal_the_report(run) -> None:
    data = json.loads(run("compare", "--format", "json", STUDY).stdout)
    assert data["municipalities"] == ["Doesburg", "Duiven", "Westervoort"]
    assert data["scores"]["Duiven"] == DUIVEN
    assert data["criteria"]["Duiven"] == {}


def test_duiven_through_the_library() -> None:
    loaded = Session().load(STUDY / "duiven.yaml")
    assessment = loaded.model
    assert {k: j.score for k, j in assessment.judgements.items()} == DUIVEN
    assert assessment.judgements["U2"].criteria == {}
    assert (
        "a) hulpvraag is in dialoog met gezin geformuleerd (+)"
        in assessment.judgements["U2"].finding
    )
    assert len(assessment.recommendations) == 5
    assert [p.id for p in assessment.recommendations[3].parts] == list("abcdefgh")
    assert assessment.status == "definitief"


def test_other_municipalities_have_no_invented_scores() -> None:
    """Their reports are not in the sources: a score needs a finding and evidence behind it."""
    for name in ("doesburg", "westervoort"):
        assessment = Session().load(STUDY / f"{name}.yaml").model
        assert assessment.status == "concept"
        for judgement in assessment.judgements.values():
            if judgement.score != "nb":
                assert judgement.finding and judgement.evidence


def test_bundled_norms_are_found_outside_the_repo(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert Session().framework_by_id("regioplan-sociaal-domein") is not None
    assert (REPO / "norms").is_dir()
