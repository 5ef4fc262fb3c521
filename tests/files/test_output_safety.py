"""`--output` never destroys what it should not: inputs, YAML files, special files, folders."""

import os
import shutil
from pathlib import Path

import pytest

from conftest import REPO, STUDY

DUIVEN = STUDY / "duiven.yaml"
LATER = REPO / "examples" / "doorwerking" / "duiven-2022.yaml"


@pytest.fixture
def study(tmp_path: Path) -> Path:
    folder = tmp_path / "studie"
    shutil.copytree(STUDY, folder)
    return folder


def refused(result, path: Path, before: bytes | None, words: str) -> None:  # type: ignore[no-untyped-def]
    assert result.exit_code == 2, result.output
    assert words in result.stderr, result.stderr
    assert "Traceback" not in result.output
    if before is not None:
        assert path.read_bytes() == before


def test_compare_refuses_to_overwrite_an_assessment_of_the_study(run, study: Path) -> None:
    target = study / "duiven.yaml"
    before = target.read_bytes()
    result = run("compare", study, "-o", target)
    refused(result, target, before, "is one of this command's inputs")


def test_force_does_not_allow_overwriting_an_input(run, study: Path) -> None:
    target = study / "duiven.yaml"
    before = target.read_bytes()
    refused(run("compare", study, "-o", target, "--force"), target, before, "inputs")


def test_report_refuses_to_write_into_its_own_assessment(run, study: Path) -> None:
    target = study / "duiven.yaml"
    before = target.read_bytes()
    refused(run("report", target, "-o", target), target, before, "'.yaml'")
    (study / "rapport.pdf").symlink_to(target)
    refused(run("report", target, "-o", study / "rapport.pdf", "--force"), target, before, "inputs")


def test_diff_refuses_to_replace_the_later_round(run, tmp_path: Path) -> None:
    later = tmp_path / "duiven-2022.yaml"
    shutil.copy(LATER, later)
    before = later.read_bytes()
    refused(run("diff", DUIVEN, later, "-o", later), later, before, "inputs")


def test_an_input_reached_through_a_symlink_or_hard_link_is_refused(run, study: Path) -> None:
    target = study / "duiven.yaml"
    before = target.read_bytes()
    (study.parent / "link.csv").symlink_to(target)
    os.link(target, study.parent / "hard.csv")
    refused(run("compare", study, "-o", study.parent / "link.csv", "--force"), target, before, "")
    refused(run("compare", study, "-o", study.parent / "hard.csv", "--force"), target, before, "")


def test_any_yaml_file_is_refused(run, study: Path, tmp_path: Path) -> None:
    other = tmp_path / "ander-onderzoek.yaml"
    other.write_text("municipality: Elders\n")
    before = other.read_bytes()
    refused(run("compare", study, "-o", other, "--force"), other, before, "YAML")
    refused(run("compare", study, "-o", tmp_path / "nieuw.yml"), other, before, "YAML")
    assert not (tmp_path / "nieuw.yml").exists()


def test_a_normtoets_file_without_yaml_suffix_is_refused(run, study: Path, tmp_path: Path) -> None:
    sneaky = tmp_path / "duiven-kopie"
    shutil.copy(study / "duiven.yaml", sneaky)
    before = sneaky.read_bytes()
    refused(run("compare", study, "-o", sneaky, "--force"), sneaky, before, "YAML")


def test_a_folder_is_refused(run, study: Path, tmp_path: Path) -> None:
    folder = tmp_path / "uit"
    folder.mkdir()
    refused(run("compare", study, "-o", folder, "--force"), folder / "x", None, "folder")
    assert list(folder.iterdir()) == []


def test_special_files_are_refused(run, study: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pijp"
    os.mkfifo(fifo)
    refused(run("compare", study, "-o", fifo, "--force"), fifo, None, "not a regular file")
    assert fifo.is_fifo()
    refused(run("compare", study, "-o", "/dev/null", "--force"), fifo, None, "not a regular file")
    assert Path("/dev/null").is_char_device()


def test_an_existing_file_needs_force(run, study: Path, tmp_path: Path) -> None:
    target = tmp_path / "vergelijking.csv"
    target.write_text("mijn eigen aantekeningen\n")
    refused(
        run("compare", study, "-f", "csv", "-o", target), target, b"mijn eigen aantekeningen\n", ""
    )
    result = run("compare", study, "-f", "csv", "-o", target)
    assert "--force" in result.stderr
    result = run("compare", study, "-f", "csv", "-o", target, "--force")
    assert result.exit_code == 0, result.output
    assert target.read_text().startswith("theme,")


def test_a_new_file_needs_no_force(run, study: Path, tmp_path: Path) -> None:
    target = tmp_path / "uit" / "vergelijking.md"
    result = run("compare", study, "-f", "markdown", "-o", target)
    assert result.exit_code == 0, result.output
    assert target.is_file()


def test_a_symlink_is_followed_not_replaced(run, study: Path, tmp_path: Path) -> None:
    real = tmp_path / "echt.json"
    real.write_text("{}")
    link = tmp_path / "snelkoppeling.json"
    link.symlink_to(real)
    result = run("compare", study, "-f", "json", "-o", link, "--force")
    assert result.exit_code == 0, result.output
    assert link.is_symlink()
    assert '"municipalities"' in real.read_text()


@pytest.mark.parametrize("name", ["-", "/dev/stdout"])
def test_standard_output_is_a_stream(run, study: Path, name: str) -> None:
    result = run("compare", study, "-f", "csv", "-o", name)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("theme,")


def test_report_to_standard_output(run, study: Path) -> None:
    result = run("report", study / "duiven.yaml", "-o", "-", "--html")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("<!DOCTYPE html>")


def test_report_refuses_other_suffixes(run, study: Path, tmp_path: Path) -> None:
    result = run("report", study / "duiven.yaml", "-o", tmp_path / "rapport.odt")
    assert result.exit_code == 2
    assert ".pdf" in result.stderr and ".docx" in result.stderr
    assert not (tmp_path / "rapport.odt").exists()


def test_split_volumes_need_force_each(run, study: Path, tmp_path: Path) -> None:
    (tmp_path / "r-nota-van-bevindingen.html").write_text("oud")
    result = run("report", study / "duiven.yaml", "--split", "-o", tmp_path / "r.html")
    assert result.exit_code == 2
    assert (tmp_path / "r-nota-van-bevindingen.html").read_text() == "oud"
    assert not (tmp_path / "r-bestuurlijke-nota.html").exists()


def test_split_writes_nothing_when_the_second_volume_fails(
    run, study: Path, tmp_path: Path, monkeypatch
) -> None:
    from normtoets.core.errors import UsageError
    from normtoets.report import html as report_html

    calls = []
    real = report_html.standalone

    def second_fails(html: str, templates=None):  # type: ignore[no-untyped-def]
        calls.append(html)
        if len(calls) == 2:
            raise UsageError("refused in the second volume")
        return real(html, templates)

    monkeypatch.setattr(report_html, "standalone", second_fails)
    result = run("report", study / "duiven.yaml", "--split", "-o", tmp_path / "r.html")
    assert result.exit_code == 2
    assert list(tmp_path.glob("r-*")) == []
