"""What a new user meets: hints that say what to do, not what the parser thought."""

from pathlib import Path

import pytest

from conftest import ACCEPTANCE, STUDY, diagnostics_of

NORMS = ACCEPTANCE / "norms"
HEAD = 'framework: {id: mini, version: "1"}\nmunicipality: Testdorp\nstatus: concept\n'


def one(run, tmp_path: Path, text: str, code: str = "yaml-syntax") -> dict:  # type: ignore[no-untyped-def]
    path = tmp_path / "testdorp.yaml"
    path.write_text(text)
    found = diagnostics_of(run("validate", "--norms", NORMS, "-f", "json", path))
    match = [d for d in found if d["code"] == code]
    assert match, found
    return match[0]


def test_an_unquoted_minus_score_gets_a_hint_to_quote_it(run, tmp_path: Path) -> None:
    found = one(run, tmp_path, HEAD + "judgements:\n  B1:\n    score: -\n")
    assert found["code"] == "yaml-syntax"
    assert found["line"] == 6
    assert 'score: "-"' in found["hint"]


def test_a_tab_gets_a_hint_to_use_spaces(run, tmp_path: Path) -> None:
    found = one(run, tmp_path, HEAD + 'judgements:\n  B1:\n\tscore: "+"\n')
    assert found["code"] == "yaml-syntax"
    assert "tab" in found["message"] or "tab" in found["hint"]
    assert "spaces" in found["hint"]


def test_suggestions_ignore_case(run, tmp_path: Path) -> None:
    path = tmp_path / "testdorp.yaml"
    path.write_text(HEAD + 'judgements:\n  B1: {score: "+"}\n')
    result = run("score", path, "b2", "++", "--norms", NORMS)
    assert result.exit_code == 1
    assert "did you mean 'B2'?" in result.stderr
    found = one(run, tmp_path, HEAD + 'judgements:\n  b1: {score: "+"}\n', "unknown-norm")
    assert found["hint"] == "did you mean 'B1'?"


def test_the_scale_is_listed_once(run, tmp_path: Path) -> None:
    found = one(run, tmp_path, HEAD + "judgements:\n  B1: {score: goed}\n", "invalid-score")
    text = found["message"] + " " + found.get("hint", "")
    assert text.count("'++'") == 1


def test_diff_of_a_missing_file_says_path_not_found(run, tmp_path: Path) -> None:
    result = run("diff", tmp_path / "nope.yaml", STUDY / "duiven.yaml")
    assert result.exit_code == 2
    assert "path not found" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["--score=--"],
        ["--score", "--"],
        ["--score=-", "--finding", "Kort."],
        ["--", "--"],
    ],
)
def test_a_score_that_starts_with_a_minus(run, tmp_path: Path, args: list[str]) -> None:
    path = tmp_path / "testdorp.yaml"
    path.write_text(HEAD + 'judgements:\n  B1: {score: "+"}\n')
    result = run("score", "--norms", NORMS, path, "B1", *args)
    assert result.exit_code == 0, result.output
    assert 'score: "-' in path.read_text()


def test_a_lone_double_dash_explains_itself(run, tmp_path: Path) -> None:
    path = tmp_path / "testdorp.yaml"
    path.write_text(HEAD + 'judgements:\n  B1: {score: "+"}\n')
    result = run("score", path, "B1", "--")
    assert result.exit_code == 2
    assert "--score=--" in result.stderr


def test_score_help_explains_minus_scores(run) -> None:
    result = run("score", "--help")
    assert "--score=--" in result.stdout


def test_new_assessment_needs_a_study_or_a_framework(run, tmp_path: Path) -> None:
    folder = tmp_path / "los"
    result = run("new", "assessment", folder, "--municipality", "Testdorp")
    assert result.exit_code == 2
    assert "study.yaml" in result.stderr and "--framework" in result.stderr
    assert not folder.exists()
    result = run(
        "new", "assessment", folder, "--municipality", "Testdorp", "--framework", "mini",
        "--norms", NORMS,
    )  # fmt: skip
    assert result.exit_code == 0, result.output


def test_a_framework_file_that_does_not_load_is_reported(run_in, tmp_path: Path) -> None:
    (tmp_path / "norms").mkdir()
    (tmp_path / "norms" / "eigen.yaml").write_text("id: eigen\nversion: '1'\nthemes: [\n")
    run = run_in(tmp_path)
    listed = run("frameworks")
    assert listed.exit_code == 1
    assert "eigen.yaml" in listed.stderr and "yaml-syntax" in listed.stderr
    created = run(
        "new", "study", tmp_path / "s", "--title", "T", "--rekenkamer", "R",
        "--municipality", "M", "--framework", "eigen",
    )  # fmt: skip
    assert created.exit_code == 1
    assert "eigen.yaml" in created.stderr
    (tmp_path / "a.yaml").write_text(
        "framework: {id: eigen, version: '1'}\nmunicipality: M\nstatus: concept\n"
    )
    found = diagnostics_of(run("validate", "-f", "json", tmp_path / "a.yaml"))
    unknown = [d for d in found if d["code"] == "unknown-framework"]
    assert unknown and "eigen.yaml" in unknown[0]["hint"]
