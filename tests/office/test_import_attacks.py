"""import, tried as an attacker or an unlucky colleague would: all files or none, conflicts
decided under the lock, no file outside the folder import runs in, no workbook that inflates,
and every edit outside an editable cell named at its cell."""

import os
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest

from conftest import STUDY, Run
from normtoets.files import atomic
from normtoets.office import importing

SCORE, FINDING, EVIDENCE = 2, 3, 7


@pytest.fixture
def work(tmp_path: Path) -> Path:
    """A study whose Doesburg lives in a folder of its own, exported from `work`."""
    folder = tmp_path / "werk"
    shutil.copytree(STUDY, folder / "studie")
    (folder / "studie" / "ander").mkdir()
    shutil.move(folder / "studie" / "doesburg.yaml", folder / "studie" / "ander")
    result = Run(folder)(
        "export", "studie/duiven.yaml", "studie/ander/doesburg.yaml", "-o", "werk.xlsx"
    )
    assert result.exit_code == 0, result.stderr
    return folder


FILES = ("studie/duiven.yaml", "studie/ander/doesburg.yaml")


def _bytes(work: Path) -> dict[str, bytes]:
    return {name: (work / name).read_bytes() for name in FILES}


def _row(sheet, norm: str):  # type: ignore[no-untyped-def]
    for row in sheet.iter_rows():
        if row[0].value == norm:
            return row
    raise AssertionError(f"{norm} not in sheet")


def _save(book, work: Path) -> str:  # type: ignore[no-untyped-def]
    book.save(work / "bewerkt.xlsx")
    return "bewerkt.xlsx"


def _both_edited(work: Path) -> str:
    book = openpyxl.load_workbook(work / "werk.xlsx")
    _row(book["Duiven"], "B5")[SCORE].value = "-"
    _row(book["Doesburg"], "B2")[FINDING].value = "Nieuw inzicht."
    return _save(book, work)


def test_a_folder_that_cannot_be_written_changes_no_file(
    work: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second file's folder refuses a new file: the first file is not replaced either."""
    edited = _both_edited(work)
    before = _bytes(work)
    real = atomic.tempfile.mkstemp

    def refusing(*args, dir=None, **kwargs):  # type: ignore[no-untyped-def]
        if Path(dir).name == "ander":
            raise PermissionError(13, "Permission denied")
        return real(*args, dir=dir, **kwargs)

    monkeypatch.setattr(atomic.tempfile, "mkstemp", refusing)
    result = Run(work)("import", edited)
    assert result.exit_code == 1
    assert "studie/ander/doesburg.yaml" in result.stderr
    assert "Permission denied; no file was changed" in result.stderr
    assert _bytes(work) == before
    assert not list(work.rglob(".*.tmp"))


def test_a_rename_that_fails_puts_back_the_files_already_replaced(
    work: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    edited = _both_edited(work)
    before = _bytes(work)
    real, renames = os.replace, []

    def failing_second(source, target):  # type: ignore[no-untyped-def]
        renames.append(target)
        if len(renames) == 2:
            raise OSError(28, "No space left on device")
        return real(source, target)

    monkeypatch.setattr(atomic.os, "replace", failing_second)
    result = Run(work)("import", edited)
    assert result.exit_code == 1
    assert "No space left on device; no file was changed" in result.stderr
    assert len(renames) == 3  # the first, the failing second, the first put back
    assert _bytes(work) == before
    assert not list(work.rglob(".*.tmp"))


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into any folder")
def test_a_read_only_folder_changes_no_file(work: Path) -> None:
    edited = _both_edited(work)
    before = _bytes(work)
    (work / "studie" / "ander").chmod(0o555)
    try:
        result = Run(work)("import", edited)
    finally:
        (work / "studie" / "ander").chmod(0o755)
    assert result.exit_code == 1 and "no file was changed" in result.stderr
    assert _bytes(work) == before


def _score_lands_before_the_lock(
    monkeypatch: pytest.MonkeyPatch, work: Path, *score: str
) -> list[str]:
    """A `score` by a colleague that finishes just before import takes its locks."""
    real, said = importing.locked, []

    def late(path):  # type: ignore[no-untyped-def]
        if not said and path.name == "duiven.yaml":
            result = Run(work)("score", "studie/duiven.yaml", *score)
            said.append(result.stdout)
        return real(path)

    monkeypatch.setattr(importing, "locked", late)
    return said


def test_a_score_that_lands_before_the_lock_is_a_conflict_not_lost(
    work: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    edited = _both_edited(work)  # B5 "--" → "-" in the workbook
    said = _score_lands_before_the_lock(monkeypatch, work, "B5", "--score=+")
    result = Run(work)("import", edited)
    assert said and "updated" in said[0]
    assert result.exit_code == 1
    assert "[import-conflict]" in result.stderr and "'+'" in result.stderr
    assert 'score: "+"' in (work / "studie" / "duiven.yaml").read_text(encoding="utf-8")


def test_a_score_of_another_value_before_the_lock_is_kept_beside_the_import(
    work: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    edited = _both_edited(work)
    _score_lands_before_the_lock(monkeypatch, work, "B6", "--finding", "Van een collega.")
    result = Run(work)("import", edited)
    assert result.exit_code == 0, result.stderr
    text = (work / "studie" / "duiven.yaml").read_text(encoding="utf-8")
    assert "Van een collega." in text and 'score: "-"' in text


def _point_to(work: Path, sheet: str, relative: str, given: str) -> str:
    book = openpyxl.load_workbook(work / "werk.xlsx")
    _row(book[sheet], "B5")[SCORE].value = "+"
    for row in book["normtoets"].iter_rows():
        if row[0].value == "sheet" and row[1].value == sheet:
            row[2].value, row[3].value = relative, given
    return _save(book, work)


@pytest.mark.parametrize("how", ["relative", "absolute"])
def test_a_file_outside_the_folder_is_never_read_or_written(
    work: Path, tmp_path: Path, how: str
) -> None:
    victim = tmp_path / "slachtoffer" / "duiven.yaml"
    victim.parent.mkdir()
    shutil.copy(STUDY / "duiven.yaml", victim)
    before = victim.read_bytes()
    relative = "../slachtoffer/duiven.yaml" if how == "relative" else "nergens.yaml"
    edited = _point_to(work, "Duiven", relative, str(victim))
    for args in ([edited, "--dry-run"], [edited]):
        result = Run(work)("import", *args)
        assert result.exit_code == 1
        assert "[outside-study]" in result.stderr and "slachtoffer" in result.stderr
    assert victim.read_bytes() == before


def test_a_huge_file_named_in_the_workbook_is_refused_by_its_size(work: Path) -> None:
    huge = work / "studie" / "groot.yaml"
    with huge.open("wb") as handle:  # sparse: a gigabyte that takes no disk
        handle.truncate(1024**3)
    edited = _point_to(work, "Duiven", "studie/groot.yaml", "studie/groot.yaml")
    result = Run(work)("import", edited)
    assert result.exit_code == 1
    assert "[file-too-large]" in result.stderr


def test_dry_run_and_the_real_run_name_the_files_they_write(work: Path) -> None:
    edited = _both_edited(work)
    dry = Run(work)("import", edited, "--dry-run")
    assert dry.exit_code == 0, dry.stderr
    assert "would write: studie/duiven.yaml, studie/ander/doesburg.yaml" in dry.stdout
    real = Run(work)("import", edited)
    assert real.exit_code == 0, real.stderr
    assert "2 files updated: studie/duiven.yaml, studie/ander/doesburg.yaml" in real.stdout


def test_a_workbook_that_inflates_is_refused_before_it_is_read(work: Path) -> None:
    bomb = work / "bom.xlsx"
    shutil.copy(work / "werk.xlsx", bomb)
    with (
        zipfile.ZipFile(bomb, "a", zipfile.ZIP_DEFLATED) as archive,
        archive.open("xl/worksheets/groot.xml", "w", force_zip64=True) as part,
    ):
        block = b"<x/>" * (1024 * 1024 // 4)
        for _ in range(130):  # 130 MiB of XML in a few hundred KB
            part.write(block)
    assert bomb.stat().st_size < 2 * 1024 * 1024
    result = Run(work)("import", bomb.name)
    assert result.exit_code == 1
    assert "[workbook-too-large]" in result.stderr


@pytest.mark.parametrize(
    ("sheet", "cell", "value", "named"),
    [
        ("Overzicht", "E5", "--", "Overzicht!E5"),  # a score typed on the overview
        ("Duiven", "H3", "verzonnen bron", "Duiven!H3"),  # B1's evidence, not B1's text
        ("Duiven", "B3", "Andere normtekst", "Duiven!B3"),
        ("Duiven", "J7", "een notitie", "Duiven!J7"),  # outside the table
        ("Duiven", "C2", "++", "Duiven!C2"),  # the score column of a theme row
        ("Duiven", "D1", "Mijn bevinding", "Duiven!D1"),  # the header
    ],
)
def test_an_edit_outside_the_editable_cells_is_named_at_its_cell(
    work: Path, sheet: str, cell: str, value: str, named: str
) -> None:
    book = openpyxl.load_workbook(work / "werk.xlsx")
    assert book["Duiven"]["A3"].value == "B1"
    book[sheet][cell] = value
    edited = _save(book, work)
    before = _bytes(work)
    result = Run(work)("import", edited)
    assert result.exit_code == 1, result.stdout
    assert f"bewerkt.xlsx:{named}: error [locked-cell-changed]" in " ".join(result.stderr.split())
    assert result.stderr.count("[locked-cell-changed]") == 1
    assert _bytes(work) == before


def test_a_workbook_of_the_earlier_layout_is_refused_with_a_way_out(work: Path) -> None:
    book = openpyxl.load_workbook(work / "werk.xlsx")
    book["normtoets"]["B1"] = "1"
    result = Run(work)("import", _save(book, work))
    assert result.exit_code == 1
    assert "[not-an-export]" in result.stderr and "export again" in result.stderr
