"""`normtoets report` through the CLI: what gets written, and what is refused."""

import gc
import os
from pathlib import Path

import pytest

from conftest import ACCEPTANCE, STUDY
from normtoets.models import Assessment
from normtoets.report import pipeline

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


def test_the_loaded_files_are_let_go_before_the_layout(
    run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """WeasyPrint's layout is where memory peaks: no assessment is alive by then (a
    comparison of 342 held ~90 MB of them through it)."""

    def assessments_alive() -> int:
        return sum(isinstance(o, Assessment) for o in gc.get_objects())

    gc.collect()
    before = assessments_alive()  # other tests' fixtures may hold some: not this run's
    alive: list[int] = []

    def counting(html: str, kind: str, templates: Path | None) -> bytes:
        alive.append(assessments_alive() - before)
        return b"<html></html>"

    monkeypatch.setattr(pipeline, "report_bytes", counting)
    done = run("report", STUDY, "--compare", "-o", tmp_path / "v.pdf")
    assert done.exit_code == 0, done.output
    assert len(alive) == 1 and alive[0] <= 0


def test_a_layout_leaves_no_boxes_behind(mini_html: str) -> None:
    """Rendering report after report in one process (report --each --jobs 1) stays near one
    report's memory: WeasyPrint's boxes, which form reference cycles, are collected when the
    PDF is made, not left for a full collection that comes rarely."""
    from weasyprint.formatting_structure.boxes import Box

    from normtoets.report.pdf import pdf_bytes

    pdf_bytes(mini_html)
    pdf_bytes(mini_html)
    assert sum(isinstance(o, Box) for o in gc.get_objects()) == 0
