"""`normtoets report` through the CLI: what gets written, and what is refused."""

import os
from pathlib import Path

from conftest import ACCEPTANCE, STUDY

NORMS = ACCEPTANCE / "norms"


def test_html_report_is_standalone(run, tmp_path: Path) -> None:
    target = tmp_path / "out" / "duiven.html"
    result = run("report", STUDY / "duiven.yaml", "-o", target)
    assert result.exit_code == 0, result.output
    html = target.read_text()
    assert html.startswith("<!DOCTYPE html>") or html.lstrip().lower().startswith("<!doctype")
    assert "<style>" in html and "@page" in html  # the stylesheet travels with the HTML
    assert '<html lang="nl"' in html


def test_new_report_files_follow_the_umask(run, tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        target = tmp_path / "duiven.html"
        assert run("report", STUDY / "duiven.yaml", "-o", target).exit_code == 0
    finally:
        os.umask(old)
    assert target.stat().st_mode & 0o777 == 0o644


def test_split_writes_two_volumes(run, tmp_path: Path) -> None:
    result = run(
        "report", STUDY / "duiven.yaml", "--split", "--html", "-o", tmp_path / "duiven.pdf"
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "duiven-bestuurlijke-nota.html",
        "duiven-nota-van-bevindingen.html",
    ]


def test_comparison_pdf(run, tmp_path: Path) -> None:
    target = tmp_path / "vergelijking.pdf"
    result = run("report", STUDY, "--compare", "-o", target)
    assert result.exit_code == 0, result.output
    assert target.read_bytes().startswith(b"%PDF-")


def test_folder_needs_compare(run, tmp_path: Path) -> None:
    result = run("report", STUDY, "-o", tmp_path / "x.pdf")
    assert result.exit_code == 2
    assert "--compare" in result.stderr


def test_invalid_assessment_writes_nothing(run, tmp_path: Path) -> None:
    target = tmp_path / "x.pdf"
    result = run(
        "report", "--norms", NORMS, ACCEPTANCE / "bad" / "invalid-score.yaml", "-o", target
    )
    assert result.exit_code == 1
    assert "[invalid-score]" in result.stderr and "No report was written" in result.stderr
    assert not target.exists()


def test_missing_templates_folder(run, tmp_path: Path) -> None:
    result = run("report", STUDY / "duiven.yaml", "--templates", tmp_path / "nope", "-o",
                 tmp_path / "x.html")  # fmt: skip
    assert result.exit_code == 2
    assert "templates folder not found" in result.stderr
