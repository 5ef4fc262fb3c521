"""Two files for one municipality: an error naming both, unless declared as two rounds (each
its own `date`) or two raters (each its own `rater`); `compare` never merges or drops one."""

import json
import shutil
import unicodedata
from pathlib import Path

import pytest

from conftest import ACCEPTANCE, REPO, diagnostics_of
from normtoets.analysis import comparison as compare
from normtoets.models import Assessment

NORMS = ACCEPTANCE / "norms"
FIXTURE = REPO / "tests" / "fixtures" / "compare"
TESTDORP = (FIXTURE / "testdorp.yaml").read_text(encoding="utf-8")


def study_with(tmp_path: Path, second: str) -> Path:
    """The compare fixture's study with a second Testdorp file, testdorp-kopie.yaml."""
    folder = tmp_path / "studie"
    shutil.copytree(FIXTURE, folder)
    (folder / "testdorp-kopie.yaml").write_text(second, encoding="utf-8")
    return folder


def replaced(old: str, new: str, text: str = TESTDORP) -> str:
    assert old in text
    return text.replace(old, new, 1)


def duplicates(run, folder: Path) -> list[tuple[str, int, int, str]]:  # type: ignore[no-untyped-def]
    found = diagnostics_of(run("validate", "--norms", NORMS, "-f", "json", folder))
    return [
        (d["file"].rsplit("/", 1)[-1], d["line"], d["column"], d["message"])
        for d in found
        if d["code"] == "duplicate-municipality"
    ]


@pytest.mark.parametrize(
    "spelling",
    [
        "Testdorp",
        "TESTDORP",
        '"  Testdorp "',
        '"Test\\u200Bdorp"',  # a zero-width space
        unicodedata.normalize("NFD", "Testdörp"),  # only with Testdörp in the other: below
    ],
)
def test_validate_names_both_files(run, tmp_path: Path, spelling: str) -> None:
    first = TESTDORP
    if "ö" in unicodedata.normalize("NFC", spelling):
        first = replaced("municipality: Testdorp", "municipality: Testdörp")  # NFC
    folder = study_with(tmp_path, replaced("municipality: Testdorp", f"municipality: {spelling}"))
    (folder / "testdorp.yaml").write_text(first, encoding="utf-8")
    result = run("validate", "--norms", NORMS, folder)
    assert result.exit_code == 1
    found = duplicates(run, folder)
    assert [f[:3] for f in found] == [("testdorp.yaml", 3, 1)]  # the later file, at the key
    assert "testdorp-kopie.yaml" in found[0][3]  # …naming the first


def test_compare_refuses_instead_of_merging(run, tmp_path: Path) -> None:
    folder = study_with(tmp_path, replaced('score: "++"   #', 'score: "--"   #'))
    result = run("compare", "--norms", NORMS, "-f", "json", folder)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "[duplicate-municipality]" in result.stderr
    assert "testdorp.yaml:3:1" in result.stderr and "testdorp-kopie.yaml" in result.stderr


def test_report_compare_refuses(run, tmp_path: Path) -> None:
    folder = study_with(tmp_path, TESTDORP)
    target = tmp_path / "vergelijking.html"
    result = run("report", "--norms", NORMS, folder, "--compare", "-o", target)
    assert result.exit_code == 1
    assert "[duplicate-municipality]" in result.stderr
    assert not target.exists()


# ---------------------------------------------------------------- declared pairs


def raters(a: str, b: str) -> tuple[str, str]:
    return (
        replaced("status: definitief", f"rater: {a}\nstatus: definitief"),
        replaced("status: definitief", f"rater: {b}\nstatus: definitief"),
    )


def test_two_raters_are_a_declared_pair(run, tmp_path: Path) -> None:
    first, second = raters("An de Vries", "Bo Jansen")
    folder = study_with(tmp_path, second)
    (folder / "testdorp.yaml").write_text(first, encoding="utf-8")
    result = run("validate", "--norms", NORMS, folder)
    assert result.exit_code == 0, result.output
    # No error; but a comparison of this folder would refuse the pair, so validate says where
    # independent scorings go (a warning, at the later file).
    [(name, line, column, message)] = duplicates(run, folder)
    assert (name, line, column) == ("testdorp.yaml", 3, 1)
    assert "a comparison of this study would refuse the pair" in message
    assert "double_scoring" in diagnostics_of(run("validate", "--norms", NORMS, "-f", "json",
                                                  folder))[0]["hint"]  # fmt: skip


@pytest.mark.parametrize(
    ("a", "b"),
    [("An de Vries", "an de  vries"), ("An de Vries", None), (None, "Bo Jansen")],
)
def test_one_rater_twice_or_one_undeclared_is_no_pair(
    run, tmp_path: Path, a: str | None, b: str | None
) -> None:
    first, second = raters(a or "x", b or "x")
    folder = study_with(tmp_path, second if b else TESTDORP)
    (folder / "testdorp.yaml").write_text(first if a else TESTDORP, encoding="utf-8")
    found = duplicates(run, folder)
    assert [f[:3] for f in found] == [("testdorp.yaml", 3, 1)]


def test_compare_refuses_a_rater_pair_and_says_how_to_compare(run, tmp_path: Path) -> None:
    first, second = raters("An de Vries", "Bo Jansen")
    folder = study_with(tmp_path, second)
    (folder / "testdorp.yaml").write_text(first, encoding="utf-8")
    result = run("compare", "--norms", NORMS, folder)
    assert result.exit_code == 1 and result.stdout == ""
    assert "[duplicate-municipality]" in result.stderr
    assert "one assessment per municipality" in result.stderr
    # Named one file per municipality, the comparison works.
    named = [folder / "testdorp-kopie.yaml", folder / "proefstad.yaml"]
    result = run("compare", "--norms", NORMS, "-f", "csv", *named)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("theme,norm,criterion,Testdorp,Proefstad,")


def test_two_rounds_are_a_declared_pair(run, tmp_path: Path) -> None:
    folder = study_with(tmp_path, replaced("date: 2019-05-31", "date: 2023-06-30"))
    assert run("validate", "--norms", NORMS, folder).exit_code == 0
    result = run("compare", "--norms", NORMS, folder)
    assert result.exit_code == 1 and "[duplicate-municipality]" in result.stderr
    assert "normtoets diff" in result.stderr  # the hint for two rounds


@pytest.mark.parametrize("second_date", ["date: 2019-05-31", ""])
def test_same_or_missing_date_is_no_round(run, tmp_path: Path, second_date: str) -> None:
    folder = study_with(tmp_path, replaced("date: 2019-05-31\n", f"{second_date}\n"))
    assert [f[:3] for f in duplicates(run, folder)] == [("testdorp.yaml", 3, 1)]


def test_three_files_report_each_later_one_once(run, tmp_path: Path) -> None:
    folder = study_with(tmp_path, TESTDORP)
    (folder / "testdorp-derde.yaml").write_text(TESTDORP, encoding="utf-8")
    found = duplicates(run, folder)
    assert sorted(f[0] for f in found) == ["testdorp-kopie.yaml", "testdorp.yaml"]


def test_compare_across_folders(run, tmp_path: Path) -> None:
    other = tmp_path / "elders"
    other.mkdir()
    (other / "testdorp.yaml").write_text(TESTDORP, encoding="utf-8")
    result = run("compare", "--norms", NORMS, FIXTURE / "testdorp.yaml", other / "testdorp.yaml")
    assert result.exit_code == 1 and result.stdout == ""
    assert "[duplicate-municipality]" in result.stderr


def test_build_never_merges_columns() -> None:
    from normtoets.loading.session import Session

    session = Session([NORMS])
    model = session.load(FIXTURE / "testdorp.yaml").model
    assert isinstance(model, Assessment)
    framework = session.framework(model.framework)
    assert framework is not None
    twin = model.model_copy(update={"municipality": "testdorp "})
    with pytest.raises(ValueError, match="Testdorp"):
        compare.build(framework, [model, twin])


def test_one_file_named_twice_is_one_file(run) -> None:
    relative = (FIXTURE / "testdorp.yaml").relative_to(REPO)
    absolute = FIXTURE / "testdorp.yaml"
    result = run("compare", "--norms", NORMS, "-f", "json", relative, absolute)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["municipalities"] == ["Testdorp"]
    assert run("validate", "--norms", NORMS, relative, absolute).exit_code == 0


# ---------------------------------------------------------------- frameworks

MINI = NORMS / "mini.yaml"


def framework_copy(folder: Path, text: str | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "mini.yaml"
    path.write_text(MINI.read_text() if text is None else text)
    return path


def framework_problems(result) -> list[tuple[str, int, int, str]]:  # type: ignore[no-untyped-def]
    return [
        (d["file"], d["line"], d["column"], d["message"])
        for d in diagnostics_of(result)
        if d["code"] == "duplicate-framework"
    ]


def test_two_framework_files_with_one_id_and_version(run, tmp_path: Path) -> None:
    other = framework_copy(tmp_path / "eigen", MINI.read_text().replace("Mini-", "Eigen mini-"))
    result = run("validate", "--norms", NORMS, "--norms", other.parent, "-f", "json", other)
    assert result.exit_code == 1
    found = framework_problems(result)
    line = MINI.read_text().splitlines().index('version: "1"') + 1
    assert [f[:3] for f in found] == [(str(other), line, 10)]  # the later one, at its version
    assert str(MINI.relative_to(REPO)) in found[0][3]  # …naming the earlier one


def test_a_byte_identical_copy_or_the_same_folder_twice_is_no_conflict(run, tmp_path: Path) -> None:
    copy = framework_copy(tmp_path / "kopie")
    (tmp_path / "link").symlink_to(NORMS, target_is_directory=True)
    folders = [
        "--norms",
        NORMS,
        "--norms",
        copy.parent,
        "--norms",
        NORMS,
        "--norms",
        tmp_path / "link",
    ]
    result = run("validate", *folders, "-f", "json", FIXTURE)
    assert framework_problems(result) == []
    assert result.exit_code == 0, result.output


def test_a_different_norms_copy_of_the_bundled_framework(run_in, tmp_path: Path) -> None:
    bundled = REPO / "norms" / "regioplan-sociaal-domein.yaml"
    (tmp_path / "norms").mkdir()
    target = tmp_path / "norms" / bundled.name
    target.write_text(bundled.read_text().replace("title: ", "title: Eigen ", 1))
    result = run_in(tmp_path)("validate", "-f", "json", "norms")
    assert result.exit_code == 1
    assert [f[0] for f in framework_problems(result)] == ["norms/regioplan-sociaal-domein.yaml"]
    target.write_bytes(bundled.read_bytes())  # byte-identical: what the user meant is one file
    assert run_in(tmp_path)("validate", "-f", "json", "norms").exit_code == 0


def test_the_repository_root_is_no_conflict(run) -> None:
    # ./norms here is the bundled folder itself (an editable install).
    assert framework_problems(run("validate", "-f", "json")) == []


def test_compare_and_diff_stop_on_a_conflict_in_their_framework(run, tmp_path: Path) -> None:
    other = framework_copy(tmp_path / "eigen", MINI.read_text().replace("Mini-", "Eigen mini-"))
    norms = ["--norms", NORMS, "--norms", other.parent]
    result = run("compare", *norms, FIXTURE)
    assert result.exit_code == 1 and result.stdout == ""
    assert "[duplicate-framework]" in result.stderr
    diff_fixture = REPO / "tests" / "fixtures" / "diff"
    result = run(
        "diff", *norms, diff_fixture / "testdorp-2019.yaml", diff_fixture / "testdorp-2023.yaml"
    )
    assert result.exit_code == 1 and "[duplicate-framework]" in result.stderr
