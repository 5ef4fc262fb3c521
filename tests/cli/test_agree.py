"""agree: two scorings of one municipality made from the bundled Duiven assessment, the second
with known changes; agree lists exactly those, its figures are the statistics' own, and the
consensus file keeps what is equal and leaves the rest to the meeting."""

import json
import shutil
from pathlib import Path

import pytest

from conftest import STUDY
from normtoets.analysis.reliability import alpha_ordinal
from normtoets.authoring.scoring import Edit, apply
from normtoets.loading.session import Session
from normtoets.yamlio.read import read

CHANGED = {"B2": "+", "U1": "+", "I1": "nvt", "B5": "nb"}  # the second rater's own view


def scoring(folder: Path, name: str, rater: str) -> Path:
    path = folder / name
    text = (STUDY / "duiven.yaml").read_text(encoding="utf-8")
    text = text.replace("municipality: Duiven\n", f"municipality: Duiven\nrater: {rater}\n", 1)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    first = scoring(tmp_path, "duiven.yaml", "An de Vries")
    second = scoring(tmp_path, "duiven.tweede.yaml", "Bo Jansen")
    edits = [Edit(target, score) for target, score in CHANGED.items()]
    assert apply(second, edits, Session()).refusals == []
    return first, second


def agree(run_in, pair: tuple[Path, Path], *args: str):  # type: ignore[no-untyped-def]
    return run_in(pair[0].parent)("agree", pair[0].name, pair[1].name, *args)


def test_agree_lists_exactly_the_changed_judgements(run_in, pair) -> None:  # type: ignore[no-untyped-def]
    result = agree(run_in, pair, "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    differences = {d["id"]: d["scores"]["Bo Jansen"] for d in data["differences"]}
    # B5 to nb is no difference: a judgement one rater did not assess is left out, and counted
    assert differences == {k: v for k, v in CHANGED.items() if v != "nb"}
    assert data["overall"]["not_assessed"] >= 1
    assert data["overall"]["not_applicable"] == 1
    assert [r["rater"] for r in data["raters"]] == ["An de Vries", "Bo Jansen"]


def test_the_figures_are_the_statistics_own(run_in, pair) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(agree(run_in, pair, "--format", "json").stdout)
    levels = ["++", "+", "-", "--"]
    ranks = [tuple(levels.index(s) if s in levels else None for s in j["scores"].values())
             for j in data["judgements"]]  # fmt: skip
    assert data["overall"]["alpha"] == pytest.approx(alpha_ordinal(ranks))
    low, high = data["overall"]["alpha_interval"]
    assert low <= data["overall"]["alpha"] <= high
    compared = data["overall"]["compared"]
    assert data["overall"]["agreed"] == compared - 3
    assert data["overall"]["reading"] in ("reliable", "tentative", "unreliable", "too-few")


def test_the_reading_is_on_the_interval_and_never_of_too_few(run_in) -> None:  # type: ignore[no-untyped-def]
    """The fictional double scoring: Beleid has 6 judgements (α 0,878, 0,383–1,000), once read
    as reliable; the whole, α 0,879 with 0,636–1,000, is unreliable on its lower bound."""
    folder = Path(__file__).resolve().parents[2] / "examples" / "dubbele-scoring" / "dubbel"
    result = run_in(folder)("agree", "voorbeeldstad.a.yaml", "voorbeeldstad.b.yaml", "-f", "json")
    data = json.loads(result.stdout)
    beleid = data["themes"]["beleid"]
    assert beleid["compared"] == 6 and beleid["reading"] == "too-few"
    assert data["overall"]["alpha"] > 0.8 and data["overall"]["alpha_interval"][0] < 0.667
    assert data["overall"]["reading"] == "unreliable"


def test_every_format(run_in, pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    table = agree(run_in, pair)
    assert table.exit_code == 0 and "B2" in table.stdout and "Bo Jansen" in table.stdout
    csv_rows = agree(run_in, pair, "--format", "csv").stdout.splitlines()
    assert csv_rows[0].split(",")[-3:] == ["An de Vries", "Bo Jansen", "differs"]
    assert sum(row.endswith(",yes") for row in csv_rows) == 3
    markdown = agree(run_in, pair, "--format", "markdown").stdout
    assert "| overall |" in markdown and "**U1**" in markdown
    workbook = agree(run_in, pair, "--format", "xlsx", "--output", str(tmp_path / "a.xlsx"))
    assert workbook.exit_code == 0 and (tmp_path / "a.xlsx").stat().st_size > 0


def test_dutch_by_default(run_in, pair) -> None:  # type: ignore[no-untyped-def]
    result = run_in(pair[0].parent)("agree", pair[0].name, pair[1].name, env={"LANGUAGE": "nl"})
    assert "Verschillen (3)" in result.stdout
    assert "2 scoringen" in result.stdout and "normenkader" in result.stdout


def test_consensus_keeps_equal_scores_and_leaves_differences_to_the_meeting(run_in, pair) -> None:  # type: ignore[no-untyped-def]
    result = agree(run_in, pair, "--consensus", "consensus.yaml")
    assert result.exit_code == 0, result.stderr
    path = pair[0].parent / "consensus.yaml"
    text = path.read_text(encoding="utf-8")
    doc, problems = read(path)
    assert doc is not None and not [p for p in problems if p.severity.value == "error"]
    judgements = doc.data["judgements"]
    assert judgements["B1"]["score"] == "++"  # equal: kept, with its finding
    assert judgements["B1"]["finding"]
    assert judgements["B2"]["score"] == "nb" and judgements["I1"]["score"] == "nb"
    assert judgements["U1"]["score"] == "nb"  # ++ against +: for the meeting
    assert judgements["U2"]["score"] == "++"
    assert "# B2 differs: An de Vries: ++; Bo Jansen: +" in text
    # one rater did not assess B5: not agreed either, so nb with the other's score above it
    assert judgements["B5"]["score"] == "nb"
    assert "# B5 differs: An de Vries: --; Bo Jansen: nb" in text
    assert "rater" not in doc.data
    assert run_in(pair[0].parent)("validate", "consensus.yaml").exit_code == 0


def test_consensus_never_replaces_a_file(run_in, pair) -> None:  # type: ignore[no-untyped-def]
    existing = pair[0].parent / "consensus.yaml"
    existing.write_text("# mine\n", encoding="utf-8")
    result = agree(run_in, pair, "--consensus", "consensus.yaml")
    assert result.exit_code == 2 and "exists" in result.stderr
    assert existing.read_text(encoding="utf-8") == "# mine\n"


def test_refused_inputs(run_in, pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run = run_in(tmp_path)
    one = run("agree", pair[0].name)
    assert one.exit_code == 2 and "at least two" in one.stderr
    same = run("agree", pair[0].name, pair[0].name)
    assert same.exit_code == 1 and "not independent" in same.stderr
    other = tmp_path / "doesburg.yaml"
    shutil.copy(STUDY / "doesburg.yaml", other)
    mixed = run("agree", pair[0].name, other.name)
    assert mixed.exit_code == 1 and "one municipality" in mixed.stderr
    broken = tmp_path / "broken.yaml"
    broken.write_text(pair[1].read_text().replace('score: "++"', 'score: "+++"', 1))
    invalid = run("agree", pair[0].name, broken.name)
    assert invalid.exit_code == 1 and "invalid-score" in invalid.stderr
    missing = run("agree", pair[0].name, "nowhere.yaml")
    assert missing.exit_code == 2 and "not found" in missing.stderr
    framework = run(
        "agree", pair[0].name, str(STUDY.parents[1] / "norms" / "regioplan-sociaal-domein.yaml")
    )
    assert framework.exit_code == 2 and "not an assessment" in framework.stderr
