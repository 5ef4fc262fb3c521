"""aanbevelingen and report --register through the command line: formats, filters, refusals."""

import csv
import io
import json
import re
import shutil
from pathlib import Path

from conftest import REPO

REGISTER = REPO / "examples" / "register"


def test_every_format(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    as_json = json.loads(run("aanbevelingen", REGISTER, "--format", "json").stdout)
    assert len(as_json["recommendations"]) == 11
    expected = {"geen actie": 1, "overige actie": 1, "wordt uitgevoerd": 1, "uitgevoerd": 2,
                "onbekend": 0}  # fmt: skip
    assert as_json["counts"]["2020"] == expected
    first = as_json["recommendations"][0]
    assert set(first) >= {"year", "study", "municipality", "recommendation", "to", "status", "text"}
    rows = list(csv.reader(io.StringIO(run("aanbevelingen", REGISTER, "-f", "csv").stdout)))
    assert len(rows) == 12 and rows[0][0] == "year"
    markdown = run("aanbevelingen", REGISTER, "-f", "markdown").stdout
    assert "| 2020 | 1 | 1 | 1 | 2 | 0 | 5 |" in markdown
    table = run("aanbevelingen", REGISTER)
    assert table.exit_code == 0 and "2020" in table.stdout and "onbekend" in table.stdout
    target = tmp_path / "register.xlsx"
    assert run("aanbevelingen", REGISTER, "-f", "xlsx", "-o", target).exit_code == 0
    assert target.stat().st_size > 0


def test_filters(run) -> None:  # type: ignore[no-untyped-def]
    def ids(*args: str) -> list[tuple[int, str, str]]:
        data = json.loads(run("aanbevelingen", REGISTER, "-f", "json", *args).stdout)
        return [
            (r["year"], r["municipality"], r["recommendation"]) for r in data["recommendations"]
        ]

    assert {m for _, m, _ in ids("--municipality", "PROEFDORP")} == {"Proefdorp"}
    assert ids("--status", "geen actie") == [(2020, "Voorbeeldstad", "3")]
    assert len(ids("--status", "uitgevoerd", "--status", "overige actie")) == 3
    assert {y for y, _, _ in ids("--since", "2022")} == {2022, 2024}
    assert ids("--older-than", "1000") == []


def test_refusals(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    unknown = run("aanbevelingen", REGISTER, "--status", "klaar")
    assert unknown.exit_code == 2 and "unknown status" in unknown.stderr
    copy = tmp_path / "register"
    shutil.copytree(REGISTER, copy)
    broken = copy / "2022-jeugdzorg" / "proefdorp.yaml"
    broken.write_text(broken.read_text().replace('score: "-"', 'score: "+++"', 1))
    invalid = run("aanbevelingen", copy)
    assert invalid.exit_code == 1 and "invalid-score" in invalid.stderr
    report = run("report", copy, "--register", "-o", tmp_path / "r.pdf")
    assert report.exit_code == 1 and not (tmp_path / "r.pdf").exists()
    mixed = run("report", REGISTER, "--register", "--compare", "-o", tmp_path / "r.pdf")
    assert mixed.exit_code == 2
    empty = tmp_path / "empty"
    empty.mkdir()
    shutil.copy(REPO / "assessments" / "integraal-werken-sociaal-domein" / "doesburg.yaml", empty)
    nothing = run("report", empty, "--register", "-o", tmp_path / "r.pdf")
    assert nothing.exit_code == 2 and "no recommendations" in nothing.stderr
    assert not (tmp_path / "r.pdf").exists()


def test_report_register_writes_the_chart_and_its_table(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "stand.html"
    result = run("report", REGISTER, "--register", "-o", target)
    assert result.exit_code == 0, result.stderr
    html = target.read_text(encoding="utf-8")
    svg = re.search(r"<svg[^>]*role=\"img\".*?</svg>", html, re.S)
    assert svg is not None
    assert '<title id="stand-per-jaar-title">' in svg.group(0)
    assert "2020: 2 uitgevoerd, 1 wordt uitgevoerd, 1 overige actie en 1 geen actie" in html
    # the bars carry the numbers the table has
    bar_numbers = re.findall(r">(\d+)</text>", svg.group(0))
    assert bar_numbers == ["2020", "2", "1", "1", "1", "5", "2022", "5", "5", "2024", "1", "1"]
    table = html[html.index('class="register-counts"') :]
    assert re.search(
        r"<th scope=\"row\">2020</th>\s*<td>2</td><td>1</td><td>1</td><td>1</td>", table
    )
    pdf = run("report", REGISTER, "--register", "-o", tmp_path / "stand.pdf")
    assert pdf.exit_code == 0 and (tmp_path / "stand.pdf").read_bytes().startswith(b"%PDF")
