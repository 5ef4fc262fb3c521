"""What a study audits is data: a study of three scenarios says "scenario" everywhere."""

import html as html_text
import json
import re

from conftest import ACCEPTANCE, REPO

NORMS = ACCEPTANCE / "norms"
SCENARIOS = REPO / "tests" / "fixtures" / "scenarios"


def visible(page: str) -> str:
    """The text a reader sees: tags and attributes (anchors) left out, entities read."""
    return html_text.unescape(re.sub(r"<[^>]+>", " ", page))


def test_a_study_of_scenarios_validates(run) -> None:
    result = run("validate", "--norms", NORMS, "-f", "json", SCENARIOS)
    assert [d for d in json.loads(result.stdout) if d["severity"] == "error"] == []


def test_compare_and_status_say_scenario(run) -> None:
    table = run("compare", "--norms", NORMS, "--lessons", SCENARIOS, env={"COLUMNS": "200"})
    assert table.exit_code == 0, table.output
    status = run("status", "--norms", NORMS, SCENARIOS, env={"LANGUAGE": "nl"})
    assert "scenario" in status.stdout and "gemeente" not in status.stdout
    rows = json.loads(run("status", "--norms", NORMS, "-f", "json", SCENARIOS).stdout)
    assert {r["unit"] for r in rows} == {"scenario"}


def test_the_reports_say_scenario(run, tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "vergelijking.html"
    result = run("report", "--norms", NORMS, SCENARIOS, "--compare", "-o", out)
    assert result.exit_code == 0, result.output
    html = visible(out.read_text())
    assert "3 scenario's" in html and "De scenario's" in html
    assert "Scores per scenario" in html
    assert "gemeente" not in html.lower().replace("gemeenteraad", "")
    one = tmp_path / "a.html"
    result = run("report", "--norms", NORMS, SCENARIOS / "a.yaml", "-o", one)
    assert result.exit_code == 0, result.output
    text = visible(one.read_text())
    assert "Scenario A" in text and "Het scenario A voldoet" in text
    assert "gemeente" not in text.lower().replace("gemeenteraad", "")
