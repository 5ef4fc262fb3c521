"""Spreadsheet building blocks (openpyxl in write-only mode: rows streamed, not kept).

Every text is written as text, never as a formula or an error code: a score `+`, `-` or `--`,
or a finding that starts with `=`, stays the researcher's words whatever a spreadsheet would
make of them. Openpyxl reads only when a command needs it: it costs 0.1 s to import.
"""

# Deferred imports: openpyxl — 0.1 s to import, needed only for --format xlsx.

import functools
import io
from collections.abc import Iterable, Sequence
from copy import copy
from typing import Any

from normtoets.core.errors import RunError
from normtoets.core.i18n import _

EXCEL_CELL_LIMIT = 32_767  # characters per cell; Excel cuts longer text when it opens the file
HEADER_COLOUR = "1F3864"
THEME_COLOUR = "D9E1F2"
_STARTS_LIKE_A_FORMULA = ("=", "+", "-", "@")


def workbook() -> Any:
    from openpyxl import Workbook

    return Workbook(write_only=True)


def new_sheet(book: Any, title: str) -> Any:
    """A sheet whose rows are appended as lists of `text` cells (or None for no cell).

    openpyxl's append first tries each cell as a plain value, which raises and is caught for
    every cell, then copies it: a third of an export's time. The cells `text` makes are ready
    as they are, so they are only placed."""
    from openpyxl.cell import Cell

    sheet = book.create_sheet(title=title)

    def placed(cells: Sequence[Any], row: int) -> Iterable[Any]:
        for column, cell in enumerate(cells, 1):
            if cell is None:
                continue
            if not isinstance(cell, Cell):
                raise TypeError("rows of a normtoets sheet hold cells made by text()")
            cell.column, cell.row = column, row
            yield cell

    if hasattr(sheet, "_values_to_row"):  # openpyxl's write-only sheet, as pinned
        sheet._values_to_row = placed
    return sheet


def to_bytes(book: Any) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def text(
    sheet: Any, value: str | None, style: dict[str, Any] | None = None, *, where: str = ""
) -> Any:
    """A cell holding `value` as text (None: empty), with `style` (font, fill, alignment,
    protection: made once and passed again, see _styled). `where` names the value in a
    refusal."""
    from openpyxl.cell import WriteOnlyCell

    value = value or None
    if value is not None and len(value) > EXCEL_CELL_LIMIT:
        raise RunError(
            _("{where} is longer than the {limit} characters a spreadsheet cell holds").format(
                where=where or value[:40], limit=EXCEL_CELL_LIMIT
            )
        )
    cell = WriteOnlyCell(sheet, value=value)
    # Excel shows the cell as text when it is edited again, so it stays text.
    quoted = value is not None and value.startswith(_STARTS_LIKE_A_FORMULA)
    if value is not None:
        cell.data_type = "s"
    _styled(cell, quoted, style or _NO_STYLE)
    return cell


_NO_STYLE: dict[str, Any] = {}


def _styled(cell: Any, quoted: bool, style: dict[str, Any]) -> None:
    """Give the cell its style. openpyxl finds a style's record by hashing and comparing
    every part of it, which took 2/3 of an export's time: the record found for a style
    (the same dict) is kept on the workbook and shared by its cells, which are written once
    and never restyled. The dict is kept with it, so its id is never reused for another
    style while the workbook lives."""
    book = cell.parent.parent
    cache: dict[Any, Any] = book.__dict__.setdefault("_normtoets_styles", {})
    found = cache.get((quoted, id(style)))
    if found is None:
        cell.quotePrefix = quoted
        for name, setting in style.items():
            setattr(cell, name, setting)
        cache[(quoted, id(style))] = (copy(cell._style), style)
    else:
        cell._style = found[0]


def fill(colour: str) -> Any:
    from openpyxl.styles import PatternFill

    rgb = colour.lstrip("#").upper()
    if len(rgb) == 3:
        rgb = "".join(c * 2 for c in rgb)
    return PatternFill("solid", start_color=rgb, end_color=rgb)


def readable_on(colour: str) -> str:
    """Black or white text, whichever reads better on `colour` (a #rrggbb background)."""
    rgb = colour.lstrip("#")
    if len(rgb) == 3:
        rgb = "".join(c * 2 for c in rgb)
    try:
        red, green, blue = (int(rgb[i : i + 2], 16) for i in (0, 2, 4))
    except ValueError:
        return "000000"
    return "000000" if 0.299 * red + 0.587 * green + 0.114 * blue > 140 else "FFFFFF"


@functools.cache
def header_style() -> dict[str, Any]:
    from openpyxl.styles import Alignment, Font

    return {
        "font": Font(bold=True, color="FFFFFF"),
        "fill": fill(HEADER_COLOUR),
        "alignment": Alignment(vertical="top", wrap_text=True),
    }


def score_style(code: str | None, colours: dict[str, str]) -> dict[str, Any]:
    """A score cell in its scale colour; the code itself always stays in the cell."""
    return _coloured(colours.get(code or ""))


@functools.cache  # the same objects for the same colour: their style record is found once
def _coloured(colour: str | None) -> dict[str, Any]:
    from openpyxl.styles import Alignment, Font

    style: dict[str, Any] = {"alignment": Alignment(horizontal="center", vertical="top")}
    if colour:
        style["fill"] = fill(colour)
        style["font"] = Font(bold=True, color=readable_on(colour))
    return style


LINE_HEIGHT = 15.0  # points a line of the default font (Calibri 11) takes in a row


def lines_needed(value: str | None, width: float) -> int:
    """How many lines a wrapped text takes in a column `width` characters wide: counted
    safely, a word that does not fit on the line begun starts a new one (a column's width is
    in widths of the digit 0; most letters are narrower, so the count errs on more lines)."""
    if not value:
        return 1
    fits = max(1, int(width) - 1)
    total = 0
    for paragraph in value.split("\n"):
        line, count = 0, 1
        for word in paragraph.split():
            size = len(word)
            if line and line + 1 + size > fits:
                count, line = count + 1, 0
            line = line + (1 if line else 0) + size
            while line > fits:  # a word longer than the line wraps within itself
                count, line = count + 1, line - fits
        total += count
    return total


def row_height(values: Sequence[str | None], widths: Sequence[float]) -> float | None:
    """The height a row of wrapped texts needs, in points; None for one line (the default)."""
    lines = max((lines_needed(v, w) for v, w in zip(values, widths, strict=False)), default=1)
    return None if lines <= 1 else min(409.0, lines * LINE_HEIGHT)  # 409: Excel's most


def set_widths(sheet: Any, widths: Sequence[float]) -> None:
    from openpyxl.utils import get_column_letter

    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width


def fitted_widths(rows: Iterable[Sequence[str]], most: float = 60) -> list[float]:
    """Column widths that fit the longest line of each column, within `most` characters."""
    widths: list[float] = []
    for row in rows:
        for index, value in enumerate(row):
            longest = max((len(line) for line in (value or "").splitlines()), default=0)
            if index == len(widths):
                widths.append(0)
            widths[index] = max(widths[index], min(most, longest + 2))
    return [max(width, 6) for width in widths]


def table_sheet(
    book: Any, title: str, rows: list[list[str]], colours: dict[str, str] | None = None
) -> None:
    """A styled table: header row frozen and filterable, score codes in their colours."""
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    sheet = new_sheet(book, title[:31])
    set_widths(sheet, fitted_widths(rows))
    sheet.freeze_panes = "A2"
    if rows and rows[0]:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(rows[0]))}{len(rows)}"
    head = header_style()
    wrap = {"alignment": Alignment(vertical="top", wrap_text=True)}
    codes = colours or {}
    for number, row in enumerate(rows):
        if number == 0:
            sheet.append([text(sheet, value, head) for value in row])
            continue
        sheet.append(
            [
                text(sheet, value, score_style(value, codes))
                if value in codes
                else text(sheet, value, wrap)
                for value in row
            ]
        )


def table_workbook(
    rows: list[list[Any]], title: str, colours: dict[str, str] | None = None
) -> bytes:
    """The table a command writes as CSV, as a one-sheet workbook (every value as text)."""
    book = workbook()
    table_sheet(book, title, [["" if v is None else str(v) for v in row] for row in rows], colours)
    return to_bytes(book)
