"""compare: the matrix (library) and its four renderings (CLI), against small golden files."""

import json
from pathlib import Path

import pytest

from conftest import ACCEPTANCE, DUTCH, GOLDEN, REPO, golden
from normtoets.analysis import comparison as compare
from normtoets.loading.selection import select

FIXTURE = REPO / "tests" / "fixtures" / "compare"
NORMS = ACCEPTANCE / "norms"


@pytest.fixture
def matrix() -> compare.Comparison:
    selection, diagnostics = select([FIXTURE], [NORMS])
    assert selection is not None, diagnostics
    return compare.build(selection.framework, selection.assessments, selection.study)


def test_order_follows_the_study(matrix: compare.Comparison) -> None:
    assert matrix.municipalities == ["Testdorp", "Proefstad", "Nergenshuizen"]


def test_best_and_differences(matrix: compare.Comparison) -> None:
    rows = {row.id: row for row in matrix.rows}
    assert rows["B1"].differs and rows["B1"].best == ["Testdorp"]
    assert rows["B1"].examples == {"Testdorp": "Het beleid is integraal opgezet."}
    assert not rows["B2"].differs and rows["B2"].best == ["Testdorp", "Proefstad"]  # a tie
    assert rows["B2"].examples == {}
    assert rows["U1"].scores == {"Testdorp": "+", "Proefstad": "nvt", "Nergenshuizen": None}
    assert rows["U1.b"].scores["Proefstad"] is None  # 'nb' is not assessed


def test_all_missing_row() -> None:
    selection, _ = select([FIXTURE / "nergenshuizen.yaml"], [NORMS])
    assert selection is not None
    matrix = compare.build(selection.framework, selection.assessments, selection.study)
    assert all(row.best == [] and not row.differs for row in matrix.rows)
    assert matrix.to_json()["scores"] == {"Nergenshuizen": {"B1": None, "B2": None, "U1": None}}


def test_first_sentence() -> None:
    assert compare.first_sentence("Het is zo. Maar ook niet.") == "Het is zo."
    assert compare.first_sentence("Zie p. 9 van de nota. Verder") == "Zie p. 9 van de nota."
    assert compare.first_sentence("") == ""


@pytest.mark.parametrize(
    ("fmt", "extra", "name"),
    [
        ("table", ["--criteria", "--lessons", "--mean"], "compare.txt"),
        ("csv", ["--criteria"], "compare.csv"),
        ("markdown", ["--criteria", "--lessons"], "compare.md"),
        ("json", [], "compare.json"),
    ],
)
@pytest.mark.parametrize("language", ["nl", "en"])
def test_formats(run, fmt: str, extra: list[str], name: str, language: str) -> None:
    """In Dutch, the default, and in English (golden/en/); JSON is the same in both."""
    result = run(
        "compare",
        "--norms",
        NORMS,
        "--format",
        fmt,
        *extra,
        FIXTURE,
        env={"NO_COLOR": "1", "COLUMNS": "100", "LANGUAGE": language},
    )
    assert result.exit_code == 0, result.output
    golden(name, result.stdout, GOLDEN if language == "nl" or fmt == "json" else GOLDEN / "en")


def test_dutch_numbers_and_words(run) -> None:
    """The mean with a decimal comma and the CSV's words in Dutch; the CSV's header stays."""
    table = run("compare", "--norms", NORMS, "--mean", FIXTURE, env={**DUTCH, "COLUMNS": "200"})
    assert "(gem. -0,50)" in table.stdout and "-0.50" not in table.stdout
    english = run("compare", "--norms", NORMS, "--mean", FIXTURE, env={"COLUMNS": "200"})
    assert "(mean -0.50)" in english.stdout
    rows = run("compare", "--norms", NORMS, "-f", "csv", FIXTURE, env=DUTCH).stdout.splitlines()
    assert rows[0] == (
        "theme,norm,criterion,Testdorp,Proefstad,Nergenshuizen,differs,best,text,basis"
    )
    assert [row.split(",")[6] for row in rows[1:]] == ["ja", "nee", "nee"]


def test_json_contract(run) -> None:
    data = json.loads(run("compare", "--norms", NORMS, "-f", "json", FIXTURE).stdout)
    # The contract's keys; `basis` added (the scores that are not the study's own research),
    # then `joint`, `kinds` and `parts` (joint assessments, kinds of unit, parts of a whole).
    assert set(data) == {"framework", "municipalities", "norms", "scores", "criteria", "basis",
                         "joint", "kinds", "parts"}  # fmt: skip
    assert data["basis"] == {}
    assert data["criteria"]["Testdorp"] == {"U1.a": "+", "U1.b": "++"}
    assert data["criteria"]["Proefstad"] == {"U1.a": "-"}


def test_only_differences(run) -> None:
    out = run("compare", "--norms", NORMS, "-f", "csv", "--only-differences", FIXTURE).stdout
    assert [line.split(",")[1] for line in out.splitlines()[1:]] == ["B1"]


def test_output_file(run, tmp_path: Path) -> None:
    target = tmp_path / "matrix.csv"
    result = run("compare", "--norms", NORMS, "-f", "csv", "-o", target, FIXTURE)
    assert result.exit_code == 0 and result.stdout == ""
    assert target.read_text().startswith("theme,norm,criterion,Testdorp")


def test_one_municipality(run) -> None:
    result = run("compare", "--norms", NORMS, "-f", "json", FIXTURE / "testdorp.yaml")
    assert json.loads(result.stdout)["municipalities"] == ["Testdorp"]


def test_mixed_framework_versions(run, tmp_path: Path) -> None:
    other = (FIXTURE / "proefstad.yaml").read_text().replace('version: "1"', 'version: "2"')
    (tmp_path / "proefstad.yaml").write_text(other)
    result = run(
        "compare", "--norms", NORMS, FIXTURE / "testdorp.yaml", tmp_path / "proefstad.yaml"
    )
    assert result.exit_code == 1
    assert "mixed-frameworks" in result.stderr
    assert "mini@2" in result.stderr and "mini@1" in result.stderr
    assert result.stdout == ""


def test_invalid_file_gives_diagnostics_and_no_table(run) -> None:
    result = run("compare", "--norms", NORMS, ACCEPTANCE / "bad" / "invalid-score.yaml")
    assert result.exit_code == 1
    assert "[invalid-score]" in result.stderr
    assert result.stdout == ""


def test_mean_needs_numeric_values(run, tmp_path: Path) -> None:
    norms = tmp_path / "norms"
    norms.mkdir()
    text = (NORMS / "mini.yaml").read_text().replace(", value: 2,", ",")
    (norms / "mini.yaml").write_text(text)
    result = run("compare", "--norms", norms, "--mean", FIXTURE / "testdorp.yaml")
    assert result.exit_code == 2
    assert "--mean needs a numeric value" in result.stderr


def test_no_assessments_is_a_usage_error(run, tmp_path: Path) -> None:
    result = run("compare", tmp_path)
    assert result.exit_code == 2
    assert "no assessments found" in result.stderr


def test_only_differences_with_none_says_so(run, tmp_path: Path) -> None:
    folder = tmp_path / "gelijk"
    folder.mkdir()
    for name in ("Aadorp", "Beedorp"):
        (folder / f"{name.lower()}.yaml").write_text(
            'framework: {id: mini, version: "1"}\n'
            f"municipality: {name}\nstatus: concept\n"
            'judgements:\n  B1: {score: "+"}\n  B2: {score: "-"}\n  U1: {score: nb}\n'
        )
    for fmt in ("table", "markdown"):
        result = run("compare", "--norms", NORMS, "--only-differences", "-f", fmt, folder)
        assert result.exit_code == 0, result.output
        assert "No norm on which the assessed municipalities differ" in result.stdout
        assert "B1" not in result.stdout


def test_an_example_meets_the_norm(run, tmp_path: Path) -> None:
    folder = tmp_path / "slecht"
    folder.mkdir()
    for name, score in (("Aadorp", "-"), ("Beedorp", "--")):
        (folder / f"{name.lower()}.yaml").write_text(
            'framework: {id: mini, version: "1"}\n'
            f"municipality: {name}\nstatus: concept\n"
            f'judgements:\n  B1: {{score: "{score}", finding: Matig.}}\n'
        )
    selection, _ = select([folder], [NORMS])
    assert selection is not None
    row = compare.build(selection.framework, selection.assessments, None).rows[0]
    assert row.differs and row.best == ["Aadorp"]
    assert row.examples == {}  # '-' does not meet the norm: no example for the others
