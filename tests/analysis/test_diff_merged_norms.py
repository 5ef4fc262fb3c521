"""Two old norms mapped onto one new norm (`maps_from: {B1: B3, B2: B3}`): both earlier scores
stay, a row each, in every format of `diff` and in the report's chapter Doorwerking."""

import csv
import io
import json
from pathlib import Path

import pytest

from conftest import ACCEPTANCE, REPO

FIXTURE = REPO / "tests" / "fixtures" / "diff"
OLD = FIXTURE / "testdorp-2019.yaml"  # mini@1: B1 ++, B2 --
PLAIN = {"NO_COLOR": "1", "COLUMNS": "120"}


@pytest.fixture
def merged(tmp_path: Path) -> tuple[list[str | Path], Path]:
    """mini@5, which merges B1 and B2 of mini@1 into B3, and a round scored against it."""
    norms = tmp_path / "norms"
    norms.mkdir()
    text = (FIXTURE / "norms" / "mini-v3.yaml").read_text()
    text = text.replace('version: "3"', 'version: "5"')
    text = text.replace("      - {id: B1, text: Het beleid is integraal.}\n", "")
    text = text.replace("norms: {B2: B3}", "norms: {B1: B3, B2: B3}")
    (norms / "mini-v5.yaml").write_text(text)
    new = tmp_path / "testdorp-2025.yaml"
    text = (FIXTURE / "testdorp-2024.yaml").read_text().replace('version: "3"', 'version: "5"')
    start, end = text.index("  B1:\n"), text.index("  B3:\n")
    new.write_text(text[:start] + text[end:])  # B3 "+"
    return ["--norms", ACCEPTANCE / "norms", "--norms", norms], new


def test_json_keeps_both_old_scores(run, merged) -> None:  # type: ignore[no-untyped-def]
    norms, new = merged
    result = run("diff", *norms, "-f", "json", OLD, new)
    assert result.exit_code == 0, result.output
    rows = [(n["id"], n["old_id"], n["old"], n["new"], n["change"])
            for n in json.loads(result.stdout)["norms"]]  # fmt: skip
    assert rows[:3] == [
        ("B3", "B1", "++", "+", "worse"),
        ("B3", "B2", "--", "+", "better"),
        ("B4", None, None, "--", "new"),
    ]


def test_csv_markdown_and_table_keep_both(run, merged) -> None:  # type: ignore[no-untyped-def]
    norms, new = merged
    out = run("diff", *norms, "-f", "csv", OLD, new).stdout
    rows = [(r["id"], r["old_id"], r["old"]) for r in csv.DictReader(io.StringIO(out))]
    assert ("B3", "B1", "++") in rows and ("B3", "B2", "--") in rows
    markdown = run("diff", *norms, "-f", "markdown", OLD, new).stdout
    assert "| B3 (was B1) | `++` | `+` | worse |" in markdown
    assert "| B3 (was B2) | `--` | `+` | better |" in markdown
    table = run("diff", *norms, OLD, new, env=PLAIN).stdout
    assert "B3 (was B1)" in table and "B3 (was B2)" in table


def test_report_chapter_keeps_both(run, merged, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    norms, new = merged
    target = tmp_path / "testdorp.html"
    result = run("report", *norms, new, "--since", OLD, "-o", target)
    assert result.exit_code == 0, result.output
    table = target.read_text().split("<caption>Beleid</caption>", 1)[1].split("</table>", 1)[0]
    assert "(was B1)" in table and "(was B2)" in table
