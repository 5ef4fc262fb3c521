"""`status` and `frameworks`: progress per assessment, and the frameworks found."""

import json
import shutil

import pytest

from conftest import ACCEPTANCE, REPO

FIXTURE = REPO / "tests" / "fixtures" / "compare"
NORMS = ACCEPTANCE / "norms"


def test_status_counts(run) -> None:
    result = run("status", "--norms", NORMS, "--format", "json", FIXTURE)
    assert result.exit_code == 0
    rows = {r["municipality"]: r for r in json.loads(result.stdout)}
    assert rows["Testdorp"] | {"file": ""} == {
        "file": "", "municipality": "Testdorp", "status": "definitief",
        "norms_scored": 3, "norms_total": 3, "criteria_scored": 2, "criteria_total": 2,
        "without_finding": [], "without_evidence": ["U1"], "unused_sources": [],
        "unreviewed": [], "responses": 0, "wederhoor_pending": [], "unit": "gemeente",
        "complete": False, "untestable_targets": [], "targets": 0,
    }  # fmt: skip
    assert rows["Proefstad"]["criteria_scored"] == 1  # U1.b is 'nb'
    assert rows["Proefstad"]["without_evidence"] == ["B2", "U1"]
    assert rows["Nergenshuizen"]["norms_scored"] == 0
    assert rows["Nergenshuizen"]["without_evidence"] == []  # nothing scored, nothing owed


def test_status_strict_fails_when_incomplete(run) -> None:
    assert run("status", "--norms", NORMS, "--strict", FIXTURE).exit_code == 1


def test_status_table_has_a_total_line(run) -> None:
    out = run("status", "--norms", NORMS, FIXTURE, env={"COLUMNS": "120"}).stdout
    assert "total (3)" in out and "6/9" in out


def test_status_reports_invalid_files(run) -> None:
    result = run("status", "--norms", NORMS, ACCEPTANCE / "bad" / "alias.yaml")
    assert result.exit_code == 1
    assert "[alias]" in result.stderr


def test_frameworks_lists_bundled_and_extra(run) -> None:
    out = run("frameworks", "--norms", NORMS).stdout.splitlines()
    assert "mini@1\t3 norms\tMini-normenkader" in out
    assert any(line.startswith("regioplan-sociaal-domein@2019\t10 norms") for line in out)


def test_status_shows_unreviewed_norms_and_open_wederhoor(run, tmp_path) -> None:
    text = (FIXTURE / "testdorp.yaml").read_text()
    text = text.replace("status: definitief", "status: wederhoor")
    text = text.replace("    reviewed_by: Bo Jansen\n", "", 1)  # B1
    (tmp_path / "testdorp.yaml").write_text(text)
    rows = json.loads(run("status", "--norms", NORMS, "--format", "json", tmp_path).stdout)
    assert rows[0]["unreviewed"] == ["B1"]
    assert rows[0]["wederhoor_pending"] == ["ambtelijk", "bestuurlijk"]
    text = (
        text.replace(
            "    finding: Er is geen periodieke evaluatie.\n",
            "    finding: Er is geen periodieke evaluatie.\n"
            "    responses: [{text: Klopt., outcome: ongewijzigd}]\n",
        )
        + "college_response: {text: Wij nemen de aanbevelingen over.}\n"
    )
    (tmp_path / "testdorp.yaml").write_text(text)
    result = run("status", "--norms", NORMS, "--format", "json", tmp_path)
    rows = json.loads(result.stdout)
    assert (rows[0]["responses"], rows[0]["wederhoor_pending"]) == (1, ["nawoord"])
    table = run("status", "--norms", NORMS, tmp_path, env={"COLUMNS": "200"}).stdout
    assert "Testdorp: " in table and "wederhoor still open: nawoord" in table
    assert "Testdorp: " in table and "not reviewed: B1" in table
    dutch = run("status", "--norms", NORMS, tmp_path, env={"COLUMNS": "200", "LANGUAGE": "nl"})
    assert "wederhoor open: nawoord" in dutch.stdout
    assert "Testdorp: " in dutch.stdout and "niet gereviewd: B1" in dutch.stdout


def test_status_of_the_bundled_study_owes_nothing_for_review(run) -> None:
    rows = json.loads(run("status", "--format", "json", REPO / "assessments").stdout)
    duiven = next(r for r in rows if r["municipality"] == "Duiven")
    assert duiven["unreviewed"] == []  # review_note: the published report was reviewed
    assert duiven["responses"] == 1  # the ambtelijk wederhoor quoted in 4.6


@pytest.mark.parametrize("language", ["nl", "en"])
def test_status_table_fits_80_columns(run, tmp_path, language: str) -> None:
    # The bundled study cites every source it lists; a copy that no longer cites the one with
    # the longest id has an open point to list.
    shutil.copytree(REPO / "assessments", tmp_path / "assessments")
    duiven = tmp_path / "assessments" / "integraal-werken-sociaal-domein" / "duiven.yaml"
    duiven.write_text(duiven.read_text().replace(" [@casuistiek-goed-voor-elkaar]", ""))
    env = {"NO_COLOR": "1", "COLUMNS": "80", "LANGUAGE": language}
    out = run("status", tmp_path / "assessments", env=env).stdout
    assert max(len(line) for line in out.splitlines()) <= 80
    assert "casuistiek-goed-voor-elkaar" in out  # the open points are listed whole
    assert ("open punten" if language == "nl" else "open points") in out
