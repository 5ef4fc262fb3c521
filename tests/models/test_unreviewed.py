"""One meaning of "unreviewed": a norm scored on the scale (not nb, not nvt) without a
reviewer. The rule, `status` and the concept report list the same norms."""

import json
from pathlib import Path

from conftest import ACCEPTANCE, diagnostics_of
from normtoets import report
from normtoets.loading.selection import select

NORMS = ACCEPTANCE / "norms"
TEXT = """\
framework: {id: mini, version: "1"}
municipality: Testdorp
status: STATUS
judgements:
  B1: {score: "+", finding: Integraal., scored_by: Anna}
  B2: {score: nb}
  U1: {score: nvt, finding: Niet van toepassing., scored_by: Anna}
"""


def write(tmp_path: Path, status: str) -> Path:
    path = tmp_path / "testdorp.yaml"
    path.write_text(TEXT.replace("STATUS", status))
    return path


def test_rule_status_and_report_agree(run, tmp_path: Path) -> None:
    final = write(tmp_path, "definitief")
    found = diagnostics_of(run("validate", "--norms", NORMS, "-f", "json", final))
    flagged = [d for d in found if d["code"] == "unreviewed-judgement"]
    assert [(d["line"]) for d in flagged] == [5]  # B1 only

    concept = write(tmp_path, "concept")
    rows = json.loads(run("status", "--norms", NORMS, "-f", "json", concept).stdout)
    assert rows[0]["unreviewed"] == ["B1"]

    selection, _ = select([concept], [NORMS])
    assert selection is not None
    html = report.municipality_html(selection.framework, selection.assessments[0], None)
    assert isinstance(html, str)
    box = html.split("Nog niet gereviewd", 1)[1].split("</section>", 1)[0]
    assert "B1" in box and "B2" not in box and "U1" not in box
