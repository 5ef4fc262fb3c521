"""export and import: a scoring workbook out, edits back in through score's proven editor.

Edits are made the way a colleague's spreadsheet program would: openpyxl opens the exported
workbook, changes cells and saves it (normal mode, as a full program rewrites the file).
"""

import difflib
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest

from conftest import STUDY, Run

SHEET = "Duiven"


@pytest.fixture
def study(tmp_path: Path) -> Path:
    folder = tmp_path / "studie"
    shutil.copytree(STUDY, folder)
    return folder


@pytest.fixture
def exported(study: Path) -> Path:
    result = Run(study.parent)("export", "studie", "-o", "werk.xlsx")
    assert result.exit_code == 0, result.stderr
    return study.parent / "werk.xlsx"


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.yaml"))}


def _row(sheet, norm: str):  # type: ignore[no-untyped-def]
    for row in sheet.iter_rows():
        if row[0].value == norm:
            return row
    raise AssertionError(f"{norm} not in sheet")


def _edit(workbook: Path, changes: dict[tuple[str, int], object], sheet: str = SHEET) -> Path:
    """Set cells (norm id, 0-based column) and save under a new name."""
    book = openpyxl.load_workbook(workbook)
    for (norm, column), value in changes.items():
        _row(book[sheet], norm)[column].value = value
    edited = workbook.with_name("bewerkt.xlsx")
    book.save(edited)
    return edited


SCORE, FINDING, SCORED_BY, REVIEWED_BY, MOTIVATION, EVIDENCE = 2, 3, 4, 5, 6, 7


def test_export_writes_a_sheet_per_municipality_an_overview_and_a_hidden_record(
    exported: Path,
) -> None:
    book = openpyxl.load_workbook(exported)
    assert book.sheetnames == ["Overzicht", "Doesburg", "Duiven", "Westervoort", "normtoets"]
    assert book["normtoets"].sheet_state == "hidden"
    sheet = book[SHEET]
    assert sheet.freeze_panes == "C2"
    assert sheet.protection.sheet
    assert sheet.print_title_rows == "$1:$1"
    assert sheet.page_setup.orientation == "landscape"
    b5 = _row(sheet, "B5")
    assert b5[SCORE].value == "--"
    assert b5[SCORE].data_type == "s"  # text, never a formula
    assert not b5[FINDING].protection.locked and b5[0].protection.locked
    assert "rapport" in b5[EVIDENCE].value
    (check,) = sheet.data_validations.dataValidation
    assert check.formula1 == '"++,+,-,--,nb,nvt"'
    overview = book["Overzicht"]
    assert overview["A1"].value == "Integraal werken in het sociaal domein"
    assert "regioplan-sociaal-domein@2019" in overview["A2"].value


def test_import_of_an_unchanged_workbook_changes_no_byte(study: Path, exported: Path) -> None:
    before = _snapshot(study)
    result = Run(study.parent)("import", "werk.xlsx")
    assert result.exit_code == 0, result.stderr
    assert "no changes" in result.stdout
    # Saved again by a spreadsheet program, still nothing to change.
    resaved = _edit(exported, {})
    assert Run(study.parent)("import", resaved.name).exit_code == 0
    assert _snapshot(study) == before


def test_import_changes_exactly_the_edited_values(study: Path, exported: Path) -> None:
    before = (study / "duiven.yaml").read_text(encoding="utf-8")
    edited = _edit(
        exported,
        {("B5", SCORE): "-", ("B5", FINDING): "Eerste regel.\nTweede regel.",
         ("B5", REVIEWED_BY): "A. de Vries", ("U1.a", SCORE): "+"},
    )  # fmt: skip
    dry = Run(study.parent)("import", edited.name, "--dry-run")
    assert dry.exit_code == 0, dry.stderr
    assert "B5 score: '--' → '-'" in dry.stdout
    assert (study / "duiven.yaml").read_text(encoding="utf-8") == before
    result = Run(study.parent)("import", edited.name)
    assert result.exit_code == 0, result.stderr
    assert "1 file updated" in result.stdout
    after = (study / "duiven.yaml").read_text(encoding="utf-8")
    changed = list(difflib.ndiff(before.splitlines(), after.splitlines()))
    removed = [line[2:] for line in changed if line.startswith("- ")]
    added = [line[2:] for line in changed if line.startswith("+ ")]
    assert '    score: "-"' in added and '    reviewed_by: "A. de Vries"' in added
    assert "      Eerste regel." in added and "      Tweede regel." in added
    assert '    score: "--"' in removed
    # Only those judgements: every comment and every other line is where it was.
    assert [line for line in before.splitlines() if "#" in line] == [
        line for line in after.splitlines() if "#" in line
    ]
    # U1.a: 3 lines new; B5 reviewed: who, when and what the review covered (2 lines)
    assert len(added) == 10 and len(removed) == 5, (added, removed)
    assert any(line.startswith("    review_covers: ") for line in added)
    assert Run(study.parent)("validate", "studie").exit_code == 0


def test_a_value_changed_on_both_sides_is_a_conflict_and_nothing_is_written(
    study: Path, exported: Path
) -> None:
    assert Run(study)("score", "duiven.yaml", "B5", "--score=-").exit_code == 0
    edited = _edit(exported, {("B5", SCORE): "+", ("B1", MOTIVATION): "Eens."})
    before = _snapshot(study)
    result = Run(study.parent)("import", edited.name)
    assert result.exit_code == 1
    assert "bewerkt.xlsx:Duiven!C" in result.stderr and "[import-conflict]" in result.stderr
    assert "'+'" in result.stderr and "'-'" in result.stderr  # both values
    assert _snapshot(study) == before


def test_the_yaml_changed_elsewhere_is_no_conflict(study: Path, exported: Path) -> None:
    assert Run(study)("score", "duiven.yaml", "B6", "--finding", "Later.").exit_code == 0
    edited = _edit(exported, {("B5", SCORE): "-"})
    result = Run(study.parent)("import", edited.name)
    assert result.exit_code == 0, result.stderr
    text = (study / "duiven.yaml").read_text(encoding="utf-8")
    assert "Later." in text and 'score: "-"' in text


def test_an_edit_that_adds_an_error_is_refused_at_its_cell(study: Path, exported: Path) -> None:
    # The bundled Duiven names no scorer; a reviewer who is also the scorer is self-review.
    edited = _edit(exported, {("B5", SCORED_BY): "A. de Vries", ("B5", REVIEWED_BY): "A. de Vries"})
    before = _snapshot(study)
    result = Run(study.parent)("import", edited.name)
    assert result.exit_code == 1
    assert "[self-review]" in result.stderr
    assert _snapshot(study) == before


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({("B5", SCORE): "+++"}, "invalid-score"),
        ({("B5", SCORE): None}, "cannot-remove"),
        ({("U1.a", REVIEWED_BY): "A. de Vries"}, "norm-only-field"),
        ({("B5", EVIDENCE): "verzonnen"}, "locked-cell-changed"),
    ],
)
def test_bad_cells_are_refused_with_the_file_untouched(
    study: Path, exported: Path, changes: dict, code: str
) -> None:
    edited = _edit(exported, changes)
    before = _snapshot(study)
    result = Run(study.parent)("import", edited.name)
    assert result.exit_code == 1, result.stdout
    assert f"[{code}]" in result.stderr and "bewerkt.xlsx:Duiven!" in result.stderr
    assert _snapshot(study) == before


def _tamper(workbook: Path, how: str) -> Path:
    book = openpyxl.load_workbook(workbook)
    sheet = book[SHEET]
    if how == "formula":
        _row(sheet, "B5")[FINDING].value = "=1+1"
    elif how == "row added":
        sheet.insert_rows(5)
        sheet["A5"] = "B9"
    elif how == "row deleted":
        sheet.delete_rows(4)
    elif how == "sheet renamed":
        sheet.title = "Duiven 2"
    elif how == "sheet added":
        book.create_sheet("Extra")
    elif how == "sheet deleted":
        del book[SHEET]
    elif how == "merged":
        sheet.merge_cells("D4:E4")
    elif how == "not an export":
        del book["normtoets"]
    edited = workbook.with_name("bewerkt.xlsx")
    book.save(edited)
    return edited


@pytest.mark.parametrize(
    ("how", "code"),
    [
        ("formula", "formula-in-workbook"),
        ("row added", "workbook-changed"),
        ("row deleted", "workbook-changed"),
        ("sheet renamed", "workbook-changed"),
        ("sheet added", "workbook-changed"),
        ("sheet deleted", "workbook-changed"),
        ("merged", "merged-cells"),
        ("not an export", "not-an-export"),
    ],
)
def test_a_changed_workbook_is_refused_and_nothing_written(
    study: Path, exported: Path, how: str, code: str
) -> None:
    edited = _tamper(exported, how)
    before = _snapshot(study)
    result = Run(study.parent)("import", edited.name)
    assert result.exit_code == 1, result.stdout
    assert f"[{code}]" in result.stderr
    assert "Nothing was written." in result.stderr
    assert _snapshot(study) == before


def test_a_macro_workbook_and_a_non_workbook_are_refused(study: Path, exported: Path) -> None:
    macro = exported.with_name("werk.xlsm")
    shutil.copy(exported, macro)
    result = Run(study.parent)("import", macro.name)
    assert result.exit_code == 1 and "[not-an-export]" in result.stderr
    with_vba = exported.with_name("vba.xlsx")
    shutil.copy(exported, with_vba)
    with zipfile.ZipFile(with_vba, "a") as archive:
        archive.writestr("xl/vbaProject.bin", b"\0")
    assert "[not-an-export]" in Run(study.parent)("import", with_vba.name).stderr
    junk = study.parent / "kapot.xlsx"
    junk.write_bytes(b"geen werkmap")
    result = Run(study.parent)("import", junk.name)
    assert result.exit_code == 1 and "[not-an-export]" in result.stderr


def test_export_refuses_to_overwrite_an_input_or_another_suffix(study: Path) -> None:
    run = Run(study.parent)
    assert run("export", "studie", "-o", "studie/duiven.yaml").exit_code == 2
    assert run("export", "studie", "-o", "werk.csv").exit_code == 2
    assert run("export", "studie", "-o", "werk.xlsx").exit_code == 0
    again = run("export", "studie", "-o", "werk.xlsx")
    assert again.exit_code == 2 and "--force" in again.stderr


def test_the_workbook_moved_elsewhere_still_finds_its_files(study: Path, exported: Path) -> None:
    """Paths are recorded from the workbook's folder and from where export ran."""
    moved = study.parent / "mail" / "werk.xlsx"
    moved.parent.mkdir()
    shutil.move(exported, moved)
    edited = _edit(moved, {("B5", SCORE): "-"})
    result = Run(study.parent)("import", str(edited.relative_to(study.parent)))
    assert result.exit_code == 0, result.stderr
    assert 'score: "-"' in (study / "duiven.yaml").read_text(encoding="utf-8")


def test_text_that_looks_like_a_formula_stays_text(study: Path) -> None:
    """A hostile or unlucky finding (=HYPERLINK…, +31…, @x) is exported as text and survives
    the round trip; the scores +, - and -- are such text too."""
    hostile = '=HYPERLINK("http://example.invalid","klik")'
    assert Run(study)("score", "duiven.yaml", "B5", "--finding", hostile).exit_code == 0
    assert Run(study)("score", "duiven.yaml", "B6", "--finding", "@iedereen +31 6").exit_code == 0
    run = Run(study.parent)
    assert run("export", "studie", "-o", "werk.xlsx").exit_code == 0
    book = openpyxl.load_workbook(study.parent / "werk.xlsx")
    b5 = _row(book[SHEET], "B5")
    assert (b5[FINDING].value, b5[FINDING].data_type) == (hostile, "s")
    assert b5[FINDING].quotePrefix
    assert _row(book[SHEET], "B6")[FINDING].data_type == "s"
    before = _snapshot(study)
    resaved = _edit(study.parent / "werk.xlsx", {})
    result = run("import", resaved.name)
    assert result.exit_code == 0 and "no changes" in result.stdout, result.stderr
    assert _snapshot(study) == before


@pytest.mark.parametrize(
    "command",
    [
        ["compare", "studie", "--criteria"],
        ["status", "studie"],
        ["diff", "studie/duiven.yaml", "studie/duiven.yaml"],
    ],
)
def test_compare_diff_and_status_as_xlsx(study: Path, command: list[str]) -> None:
    run = Run(study.parent)
    result = run(*command, "--format", "xlsx", "-o", "uit.xlsx")
    assert result.exit_code in (0, 1), result.stderr  # status: 1 when something is open
    sheet = openpyxl.load_workbook(study.parent / "uit.xlsx").active
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref
    assert sheet.max_row > 2
    assert run(*command, "--format", "xlsx", "-o", "studie/duiven.yaml").exit_code == 2
