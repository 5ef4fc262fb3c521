"""Folders of good and bad files; each bad file has its expected diagnostics beside it."""

from pathlib import Path

import pytest

from conftest import ACCEPTANCE, diagnostics_of
from normtoets import rules

# Cases in bad/no-study/ have no study.yaml beside them, so they may use another framework.
BAD = sorted(p for p in (ACCEPTANCE / "bad").rglob("*.yaml") if p.name != "study.yaml")
NORMS = ACCEPTANCE / "norms"


def expected(case: Path) -> set[str]:
    return set(case.with_suffix(".expected").read_text().split("\n")) - {""}


@pytest.mark.parametrize("case", BAD, ids=lambda p: p.stem)
def test_bad_file_gives_exactly_its_diagnostics(run, case: Path) -> None:
    result = run("validate", "--norms", NORMS, "--format", "json", case)
    found = diagnostics_of(result)
    assert {f"{d['line']}:{d['column']} {d['severity']} {d['code']}" for d in found} == expected(
        case
    )
    assert {d["file"] for d in found} == {str(case.relative_to(ACCEPTANCE.parents[1]))}
    assert all(d["message"] for d in found)
    assert result.exit_code == (1 if any(d["severity"] == "error" for d in found) else 0)


def test_good_files_are_clean(run) -> None:
    result = run("validate", "--norms", NORMS, "--format", "json", ACCEPTANCE / "good", NORMS)
    assert diagnostics_of(result) == []
    assert result.exit_code == 0


def test_strict_fails_on_warnings(run) -> None:
    case = ACCEPTANCE / "bad" / "unused-source.yaml"
    assert run("validate", "--norms", NORMS, case).exit_code == 0
    assert run("validate", "--norms", NORMS, "--strict", case).exit_code == 1


def test_every_rule_code_has_a_case() -> None:
    covered = {line.split()[-1] for case in BAD for line in expected(case)}
    assert {rule.CODE for rule in rules.RULES} <= covered


def test_framework_rules(run, tmp_path: Path) -> None:
    text = (NORMS / "mini.yaml").read_text()
    text = text.replace("id: mini\n", "id: broken\n")
    text = text.replace("{id: B2,", "{id: B1,").replace("norms: [B1]}", "norms: [B9]}")
    (tmp_path / "broken.yaml").write_text(text)
    found = diagnostics_of(run("validate", "--format", "json", tmp_path / "broken.yaml"))
    assert [(d["code"], d["line"]) for d in found] == [("duplicate-id", 16), ("unknown-norm", 26)]
