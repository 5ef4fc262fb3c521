"""A review records what it covered; an edit after it makes it stale, for validate, status and
the report, until the judgement is reviewed again (issue: Bram stayed the reviewer of a score
and finding he never saw)."""

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import STUDY, Run, diagnostics_of


@pytest.fixture
def study(tmp_path: Path) -> Path:
    folder = tmp_path / "studie"
    shutil.copytree(STUDY, folder)
    # Doesburg is a concept whose report shows who reviewed each norm; it has no review_note.
    return folder


def _codes(result) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(d["code"], d["message"]) for d in diagnostics_of(result)]


def test_a_review_records_its_date_and_what_it_covered(study: Path) -> None:
    run = Run(study)
    assert run("score", "doesburg.yaml", "B1", "--reviewed-by", "Bram").exit_code == 0
    text = (study / "doesburg.yaml").read_text(encoding="utf-8")
    assert 'reviewed_by: "Bram"' in text
    assert f'reviewed_on: "{dt.date.today().isoformat()}"' in text
    assert re.search(r'review_covers: "[0-9a-f]{12}"', text)
    result = run("validate", "doesburg.yaml", "-f", "json")
    assert "edited-after-review" not in {code for code, _ in _codes(result)}


def test_an_edit_after_the_review_makes_it_stale_until_reviewed_again(study: Path) -> None:
    run = Run(study)
    assert run("score", "doesburg.yaml", "B1", "--reviewed-by", "Bram").exit_code == 0
    edit = run("score", "doesburg.yaml", "B1", "--score=-", "--finding", "Toch niet.")
    assert edit.exit_code == 0
    assert "[edited-after-review]" in edit.stderr  # said at once
    text = (study / "doesburg.yaml").read_text(encoding="utf-8")
    assert 'reviewed_by: "Bram"' in text  # the record stays: who reviewed what, and when
    found = [m for code, m in _codes(run("validate", "doesburg.yaml", "-f", "json"))
             if code == "edited-after-review"]  # fmt: skip
    assert len(found) == 1 and "Bram" in found[0]
    status = run("status", ".", "-f", "json")
    [doesburg] = [row for row in json.loads(status.stdout) if "doesburg" in row["file"]]
    assert "B1" in doesburg["unreviewed"]
    report = run("report", "doesburg.yaml", "-o", "d.html")
    assert report.exit_code == 0, report.stderr
    html = (study / "d.html").read_text(encoding="utf-8")
    assert "gereviewd door bram" not in html.lower()
    assert "Na de review gewijzigd en nog niet opnieuw gereviewd." in html
    # Reviewed again: current, and the report names the reviewer.
    assert run("score", "doesburg.yaml", "B1", "--reviewed-by", "Bram").exit_code == 0
    again = run("validate", "doesburg.yaml", "-f", "json")
    assert "edited-after-review" not in {code for code, _ in _codes(again)}
    assert run("report", "doesburg.yaml", "-o", "d.html", "--force").exit_code == 0
    assert "Gereviewd door Bram." in (study / "d.html").read_text(encoding="utf-8")


def test_a_criterion_or_new_evidence_changes_what_the_review_covered(study: Path) -> None:
    run = Run(study)
    assert run("score", "doesburg.yaml", "B1", "--reviewed-by", "Bram").exit_code == 0
    assert run("score", "doesburg.yaml", "B1", "--evidence", "leermomenten",
               "--quote", "integraal").exit_code == 0  # fmt: skip
    codes = {code for code, _ in _codes(run("validate", "doesburg.yaml", "-f", "json"))}
    assert "edited-after-review" in codes


def test_a_review_written_by_hand_is_fixed_at_the_first_edit_after_it(study: Path) -> None:
    """A reviewed_by without a record of what it covered is taken to cover the judgement as
    the first normtoets edit after it finds it: that edit then shows as made after the review."""
    path = study / "doesburg.yaml"
    text = path.read_text(encoding="utf-8")
    head = "  B1:\n"
    assert head in text
    path.write_text(text.replace(head, head + "    reviewed_by: Bram\n", 1), encoding="utf-8")
    run = Run(study)
    assert "edited-after-review" not in {
        c for c, _ in _codes(run("validate", "doesburg.yaml", "-f", "json"))
    }
    assert run("score", "doesburg.yaml", "B1", "--score=-").exit_code == 0
    assert "review_covers:" in path.read_text(encoding="utf-8")
    assert "edited-after-review" in {
        c for c, _ in _codes(run("validate", "doesburg.yaml", "-f", "json"))
    }


def test_the_fingerprint_ignores_layout_and_fields_left_at_their_default() -> None:
    from normtoets.models.assessment import Judgement

    one = Judgement(score="+", finding="Goed.", evidence=[])
    two = Judgement(score="+", finding="Goed.", motivation=None, scored_by="An")
    assert one.fingerprint() == two.fingerprint()  # who scored is not what was reviewed
    assert one.fingerprint() != Judgement(score="+", finding="Goed!").fingerprint()


def test_a_definitief_norm_changes_only_with_a_new_review(run_in, tmp_path: Path) -> None:
    from conftest import ACCEPTANCE

    path = tmp_path / "testdorp.yaml"
    shutil.copy(ACCEPTANCE / "good" / "testdorp.yaml", path)
    run = run_in(tmp_path)
    norms = ACCEPTANCE / "norms"
    before = path.read_bytes()
    refused = run("score", "--norms", norms, "testdorp.yaml", "B1", "+")
    assert refused.exit_code == 1
    assert "B1 was changed after its review, but the assessment is definitief" in refused.stderr
    assert path.read_bytes() == before
    renewed = run(
        "score", "--norms", norms, "testdorp.yaml", "B1", "+", "--reviewed-by", "Bo Jansen"
    )
    assert renewed.exit_code == 0, renewed.stderr
