"""The scoring workbook opened and printed in a spreadsheet program: every row as high as its
wrapped texts need, so no finding or evidence runs over the rows below it, and the overview's
theme column wide enough for its words."""

from pathlib import Path

import openpyxl

from conftest import STUDY
from normtoets.office.layout import COLUMNS
from normtoets.output.workbook import LINE_HEIGHT, lines_needed


def _workbook(run, tmp_path: Path) -> openpyxl.Workbook:  # type: ignore[no-untyped-def]
    out = tmp_path / "scoren.xlsx"
    assert run("export", STUDY, "-o", out).exit_code == 0
    return openpyxl.load_workbook(out)


def test_every_row_holds_its_wrapped_text(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    book = _workbook(run, tmp_path)
    checked = 0
    for sheet in book.worksheets:
        if sheet.title in ("Overzicht",) or sheet.sheet_state != "visible":
            continue
        for row in sheet.iter_rows(min_row=2):
            needed = max(lines_needed(str(c.value) if c.value is not None else None, col.width)
                         for c, col in zip(row, COLUMNS, strict=False))  # fmt: skip
            height = sheet.row_dimensions[row[0].row].height or LINE_HEIGHT
            assert height >= needed * LINE_HEIGHT or height == 409.0, (sheet.title, row[0].row)
            checked += needed > 1
    assert checked > 20  # the Duiven sheet alone has many rows of several lines


def test_the_overview_shows_whole_theme_names(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sheet = _workbook(run, tmp_path)["Overzicht"]
    widest = max(len(str(c.value)) for (c,) in sheet.iter_rows(min_row=5, max_col=1) if c.value)
    assert widest == len("Informatievoorziening")
    assert (sheet.column_dimensions["A"].width or 0) > widest


def test_lines_needed_counts_words_and_paragraphs() -> None:
    assert lines_needed(None, 10) == 1
    assert lines_needed("kort", 10) == 1
    assert lines_needed("een twee drie vier", 10) == 2  # 9 characters fit a line of width 10
    assert lines_needed("a\nb\nc", 40) == 3
    assert lines_needed("x" * 25, 10) == 3  # a word longer than the line wraps within itself
