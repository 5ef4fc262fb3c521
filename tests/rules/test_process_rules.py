"""The rekenkamer-process rules beyond their acceptance cases: each roll-up rule, motivation,
review in each status, and the chain from conclusions to recommendations."""

from pathlib import Path

import pytest

from conftest import ACCEPTANCE, diagnostics_of

NORMS = ACCEPTANCE / "norms"
TESTDORP = (ACCEPTANCE / "good" / "testdorp.yaml").read_text()


def framework_with(tmp_path: Path, rollup: str) -> Path:
    text = (NORMS / "mini.yaml").read_text().replace("id: mini\n", "id: mini-r\n")
    text = text.replace("rollup: weakest", f"rollup: {rollup}")
    text = text.replace(
        "        text: De toegang functioneert.\n",
        f"        text: De toegang functioneert.\n        rollup: {rollup}\n",
    )
    folder = tmp_path / "norms"
    folder.mkdir(exist_ok=True)
    (folder / "mini-r.yaml").write_text(text)
    return folder


def assessment(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "testdorp.yaml"
    path.write_text(text.replace("study: mini-study\n", ""))
    return path


def codes(run, path: Path, norms: Path) -> list[tuple[str, int]]:
    result = run("validate", "--norms", norms, "--format", "json", path)
    return [(d["code"], d["line"]) for d in diagnostics_of(result)]


def scored(norm: str, criteria: tuple[str, str], framework: str = "mini-r") -> str:
    text = TESTDORP.replace("{id: mini,", f"{{id: {framework},")
    text = text.replace(
        'score: "+"\n    finding: De toegang werkt.',
        f'score: "{norm}"\n    finding: De toegang werkt.',
    )
    text = text.replace('U1.a: {score: "+"}', f'U1.a: {{score: "{criteria[0]}"}}')
    return text.replace('U1.b: {score: "++"}', f'U1.b: {{score: "{criteria[1]}"}}')


@pytest.mark.parametrize(
    ("rollup", "norm", "criteria", "departs"),
    [
        ("weakest", "+", ("+", "++"), False),
        ("weakest", "++", ("+", "++"), True),
        ("weakest", "-", ("--", "+"), True),
        ("all", "-", ("+", "--"), False),
        ("all", "+", ("+", "--"), True),
        ("all", "++", ("+", "+"), False),
        ("majority", "+", ("+", "--"), True),  # one of two is no majority
        ("majority", "-", ("+", "--"), False),
        ("majority", "++", ("+", "++"), False),
        ("judgement", "--", ("++", "++"), False),
        ("weakest", "++", ("nb", "nvt"), False),  # nothing scored: nothing to roll up
    ],
)
def test_each_rollup_rule(run, tmp_path, rollup, norm, criteria, departs) -> None:
    norms = framework_with(tmp_path, rollup)
    found = codes(run, assessment(tmp_path, scored(norm, criteria)), norms)
    assert (("rollup-departure", 27) in found) is departs, found
    assert "score-contradiction" not in {code for code, _ in found}  # the declared rule wins


def test_a_motivation_accepts_the_departure(run, tmp_path) -> None:
    norms = framework_with(tmp_path, "weakest")
    text = scored("++", ("+", "++")).replace(
        "    finding: De toegang werkt.\n",
        "    finding: De toegang werkt.\n    motivation: U1.a weegt hier minder zwaar.\n",
    )
    result = run("validate", "--norms", norms, "--strict", assessment(tmp_path, text))
    assert result.exit_code == 0, result.output


def test_without_a_declared_rule_score_contradiction_still_warns(run, tmp_path) -> None:
    found = codes(run, assessment(tmp_path, scored("--", ("+", "++"), "mini")), NORMS)
    assert found == [("score-contradiction", 27)]


@pytest.mark.parametrize("status", ["concept", "wederhoor"])
def test_unreviewed_judgements_are_fine_before_definitief(run, tmp_path, status) -> None:
    text = TESTDORP.replace("    reviewed_by: Bo Jansen\n", "")
    text = text.replace("status: definitief", f"status: {status}")
    result = run("validate", "--norms", NORMS, "--strict", assessment(tmp_path, text))
    assert result.exit_code == 0, result.output


def test_review_note_turns_unreviewed_into_one_info(run, tmp_path) -> None:
    text = TESTDORP.replace("    reviewed_by: Bo Jansen\n", "").replace(
        "status: definitief\n",
        "status: definitief\nreview_note: Gereviewd volgens het kwaliteitshandboek, dossier 12.\n",
    )
    result = run("validate", "--norms", NORMS, "--format", "json", assessment(tmp_path, text))
    found = diagnostics_of(result)
    assert [(d["code"], d["severity"], d["line"]) for d in found] == [
        ("unreviewed-judgement", "info", 6)
    ]
    assert "3 judgements" in found[0]["message"]
    assert result.exit_code == 0


def test_self_review_is_an_error_in_every_status(run, tmp_path) -> None:
    text = TESTDORP.replace("reviewed_by: Bo Jansen", "reviewed_by: An de Vries", 1)
    text = text.replace("status: definitief", "status: concept")
    result = run("validate", "--norms", NORMS, "--format", "json", assessment(tmp_path, text))
    assert [(d["code"], d["line"]) for d in diagnostics_of(result)] == [("self-review", 12)]
    assert result.exit_code == 1


def test_response_that_changed_the_finding_keeps_the_old_text(run, tmp_path) -> None:
    text = TESTDORP.replace(
        "    finding: Er is geen periodieke evaluatie.\n",
        "    finding: Er is geen periodieke evaluatie.\n"
        "    responses:\n"
        "      - {date: 2019-06-01, text: Er is een evaluatie gepland., outcome: gewijzigd}\n",
    )
    result = run("validate", "--norms", NORMS, "--format", "json", assessment(tmp_path, text))
    found = diagnostics_of(result)
    assert [(d["code"], d["line"]) for d in found] == [("invalid-value", 23)]
    assert "previous_finding" in found[0]["message"]
