"""The user's environment (a full disk, a folder without write access, a broken template, a
closed pipe, a hostile terminal string) gets a plain message and exit 1 or 2, never
"internal error"."""

import errno
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ACCEPTANCE, STUDY, diagnostics_of
from normtoets.files import atomic

NORMS = ACCEPTANCE / "norms"
GOOD = ACCEPTANCE / "good" / "testdorp.yaml"


@pytest.fixture
def assessment(tmp_path: Path) -> Path:
    path = tmp_path / "testdorp.yaml"
    shutil.copy(GOOD, path)
    return path


def no_internal_error(result) -> None:  # type: ignore[no-untyped-def]
    assert "internal error" not in result.output
    assert "Traceback" not in result.output


def test_full_disk_is_a_plain_message(run, assessment: Path, monkeypatch) -> None:
    before = assessment.read_bytes()

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(atomic.os, "fsync", full)
    result = run("score", assessment, "B2", "++", "--reviewed-by", "Bo Jansen", "--norms", NORMS)
    assert result.exit_code == 1, result.output
    no_internal_error(result)
    assert "No space left on device" in result.stderr
    assert str(assessment.name) in result.stderr
    assert assessment.read_bytes() == before
    assert sorted(p.name for p in assessment.parent.iterdir()) == ["testdorp.yaml"]


def test_unwritable_folder_is_a_plain_message(run, tmp_path: Path, monkeypatch) -> None:
    def denied(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(tmp_path / "uit"))

    monkeypatch.setattr(atomic.tempfile, "mkstemp", denied)
    result = run("compare", STUDY, "-f", "csv", "-o", tmp_path / "uit" / "v.csv")
    assert result.exit_code == 1, result.output
    no_internal_error(result)
    assert "Permission denied" in result.stderr


def test_broken_template_is_a_plain_message(run, tmp_path: Path) -> None:
    house = tmp_path / "huisstijl"
    house.mkdir()
    (house / "municipality.html.j2").write_text("<p>{% if %}</p>\n")
    result = run("report", STUDY / "duiven.yaml", "--templates", house, "-o", tmp_path / "r.pdf")
    assert result.exit_code == 1, result.output
    no_internal_error(result)
    assert "municipality.html.j2" in result.stderr and "line 1" in result.stderr
    assert not (tmp_path / "r.pdf").exists()


def test_undefined_name_in_a_template_is_a_plain_message(run, tmp_path: Path) -> None:
    house = tmp_path / "huisstijl"
    house.mkdir()
    (house / "municipality.html.j2").write_text("<p>{{ r.bestaat_niet.ook_niet }}</p>\n")
    result = run("report", STUDY / "duiven.yaml", "--templates", house, "-o", tmp_path / "r.pdf")
    assert result.exit_code == 1, result.output
    no_internal_error(result)
    assert "bestaat_niet" in result.stderr


def test_a_closed_pipe_ends_quietly() -> None:
    command = f"'{sys.executable}' -m normtoets compare '{STUDY}' --criteria | head -1"
    done = subprocess.run(
        ["bash", "-o", "pipefail", "-c", command], capture_output=True, text=True, timeout=60
    )
    # stderr holds the study's warnings (unused sources), nothing about the pipe
    assert "Broken" not in done.stderr and "Exception" not in done.stderr
    assert "internal error" not in done.stderr and "error" not in done.stderr.replace(
        "0 errors", ""
    )
    assert done.stdout.count("\n") == 1


def test_escape_sequences_never_reach_the_terminal(run, tmp_path: Path) -> None:
    path = tmp_path / "testdorp.yaml"
    text = GOOD.read_text().replace('score: "++"', 'score: "+\\e[2J\\e]0;pwned\\a"')
    assert text != GOOD.read_text()
    path.write_text(text)
    result = run("validate", "--norms", NORMS, path)
    assert result.exit_code == 1
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert "[control-character]" in result.stdout
    assert "\\x1b" in result.stdout  # shown, escaped, so the researcher can find it
    found = diagnostics_of(run("validate", "--norms", NORMS, "-f", "json", path))
    assert {d["code"] for d in found} >= {"control-character"}


def test_a_newline_in_a_new_municipality_adds_no_keys(run, tmp_path: Path) -> None:
    folder = tmp_path / "onderzoek"
    result = run(
        "new",
        "assessment",
        folder,
        "--municipality",
        "Testdorp\nstatus: definitief",
        "--framework",
        "mini@1",
        "--norms",
        NORMS,
    )
    assert result.exit_code == 2
    assert "line break" in result.stderr
    assert not any(folder.glob("*.yaml")) if folder.exists() else True


def test_an_escape_still_finds_its_control_character_after_the_quick_scan(tmp_path) -> None:
    """The walk over every value is skipped only for a text with no backslash and no raw
    control or hidden character; an escape in double quotes is still caught, a raw right-to-left
    override too, a plain file is not."""
    from normtoets.yamlio.read import parse

    escaped, _ = parse('municipality: "Du\\eiven"\n', "x.yaml")
    hidden, _ = parse("municipality: Du\u202eiven\n", "z.yaml")
    plain, _ = parse("municipality: Duiven\r\nstatus: concept\r\n", "y.yaml")
    assert escaped is not None and escaped.may_hold_unseen
    assert hidden is not None and hidden.may_hold_unseen
    assert plain is not None and not plain.may_hold_unseen
