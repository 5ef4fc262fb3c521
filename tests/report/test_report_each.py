"""report STUDY --each -o DIR: every municipality's report, in parallel, each as if alone."""

import shutil
from pathlib import Path

import pytest

from conftest import STUDY

NAMES = ("doesburg", "duiven", "westervoort")


@pytest.fixture
def study(tmp_path: Path) -> Path:
    folder = tmp_path / "studie"
    shutil.copytree(STUDY, folder)
    return folder


@pytest.mark.slow  # renders every report twice: 12 s for the PDFs
@pytest.mark.parametrize("kind", ["html", "pdf"])
def test_each_report_is_the_one_rendered_alone(run, study: Path, tmp_path: Path, kind) -> None:
    extra = ["--html"] if kind == "html" else []
    result = run("report", study, "--each", "-o", tmp_path / "out", "--jobs", "2", *extra)
    assert result.exit_code == 0, result.output
    assert "3 reports written" in result.stderr
    for name in NAMES:
        alone = tmp_path / f"{name}-alone.{kind}"
        done = run("report", study / f"{name}.yaml", "-o", alone, *extra)
        assert done.exit_code == 0, done.output
        assert (tmp_path / "out" / f"{name}.{kind}").read_bytes() == alone.read_bytes()


def test_one_broken_assessment_does_not_stop_the_others(run, study: Path, tmp_path: Path) -> None:
    duiven = study / "duiven.yaml"
    duiven.write_text(duiven.read_text().replace('score: "++"', 'score: "+++"', 1))
    result = run("report", study, "--each", "--html", "-o", tmp_path / "out", "--jobs", "2")
    assert result.exit_code == 1, result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "doesburg.html",
        "westervoort.html",
    ]
    assert "duiven.yaml:" in result.stderr and "invalid-score" in result.stderr
    assert "2 reports written, 1 failed" in result.stderr


def test_nothing_is_replaced_without_force(run, study: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "duiven.html").write_text("eerder")
    result = run("report", study, "--each", "--html", "-o", out)
    assert result.exit_code == 2, result.output
    assert (out / "duiven.html").read_text() == "eerder"
    assert sorted(p.name for p in out.iterdir()) == ["duiven.html"]


@pytest.mark.parametrize(
    "extra",
    [["--compare"], ["--split"], ["--jobs", "0"], ["-o", "-"]],
)
def test_each_refuses_what_it_cannot_do(run, study: Path, tmp_path: Path, extra) -> None:
    result = run("report", study, "--each", "-o", tmp_path / "out", *extra)
    assert not Path("-").exists()
    assert result.exit_code == 2, result.output
    assert not (tmp_path / "out").exists()


def test_jobs_without_each_and_a_file_as_folder(run, study: Path, tmp_path: Path) -> None:
    result = run("report", study / "duiven.yaml", "-o", tmp_path / "d.html", "--jobs", "2")
    assert result.exit_code == 2
    afile = tmp_path / "a-file"
    afile.write_text("x")
    result = run("report", study, "--each", "-o", afile)
    assert result.exit_code == 2
    assert afile.read_text() == "x"


def test_a_dangling_symlink_as_folder_is_named_for_what_it_is(
    run, study: Path, tmp_path: Path
) -> None:
    link = tmp_path / "rapporten"
    link.symlink_to(tmp_path / "nergens")
    result = run("report", study, "--each", "-o", link)
    assert result.exit_code == 2
    assert "is a symbolic link to" in result.stderr and "which does not exist" in result.stderr
    assert "File exists" not in result.output
    assert link.is_symlink() and not (tmp_path / "nergens").exists()


def test_each_municipality_of_a_joint_assessment_gets_the_joint_report(run, tmp_path: Path) -> None:
    """Aadorp and Beekveld share one assessment: each gets the report, named as itself, made as
    the report of that one file alone."""
    joint = Path(__file__).parents[2] / "examples" / "gezamenlijk-onderzoek"
    norms = ["--norms", joint / "norms"]
    result = run("report", joint, "--each", "--html", "-o", tmp_path / "out", *norms)
    assert result.exit_code == 0, result.output
    assert "6 reports written" in result.stderr
    out = tmp_path / "out"
    assert sorted(p.name for p in out.iterdir()) == [
        "aadorp.html", "beekveld.html", "cranendam.html", "dienst-wegen-zuiderland.html",
        "dijkhuizen.html", "zuiderland.html",
    ]  # fmt: skip
    alone = tmp_path / "alone.html"
    assert (
        run("report", joint / "aadorp-beekveld.yaml", "-o", alone, "--html", *norms).exit_code == 0
    )
    assert (out / "aadorp.html").read_bytes() == alone.read_bytes()
    assert (out / "beekveld.html").read_bytes() == alone.read_bytes()
    assert "Gemeenten Aadorp en Beekveld" in alone.read_text()
