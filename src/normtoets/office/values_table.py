"""A table of kengetallen's values for `import`: a CSV file or a workbook, read and checked on
its own (the study is values_import's).

The header row names the columns, in any order and case, in Dutch or English: eenheid (unit),
kengetal (indicator), periode (period), waarde (value) and optionally bron (source). A CSV file
is read by framework_table (UTF-8, its delimiter sniffed: `;`, `,` or a tab); a workbook's sheet
`Waarden`, else its first sheet, with each cell's type: a number stays a number, a text stays
the text it is ("2,5", "85%"), a number shown as a percentage becomes the text Excel shows
("85,5%"), not the fraction it holds. A workbook with normtoets' hidden sheet, or whose header
names none of these columns, is no table of values: `read` returns None and it is imported as
a scoring workbook.

Every problem is placed at its cell, FILE:LINE:COLUMN in a CSV file, FILE:Sheet!D7 in a
workbook. The file is treated as hostile: its size is checked before it is read, a workbook's
unpacked size before it is parsed.
"""

# Deferred imports: openpyxl — 0.1 s to import, not needed for a CSV table.

import csv
import math
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from normtoets.core.diagnostics import Diagnostic, Severity
from normtoets.core.i18n import _, integer
from normtoets.core.names import name_key
from normtoets.core.numbers import Period, parse_number, parse_period
from normtoets.models.indicators import Written
from normtoets.office.framework_table import read_tables
from normtoets.office.layout import META_SHEET, column_letter
from normtoets.office.workbook_read import MAX_PART, MAX_PARTS, MAX_UNCOMPRESSED, text_of

MAX_TABLE_BYTES = 16 * 1024 * 1024
MAX_ROWS = 100_000  # 342 municipalities × 30 kengetallen × 8 quarters is 82,080
VALUES_SHEET = "Waarden"
_ALIASES = {
    "unit": ("eenheid", "gemeente", "unit", "municipality"),
    "indicator": ("kengetal", "indicator"),
    "period": ("periode", "period"),
    "value": ("waarde", "value"),
    "source": ("bron", "source"),
}
REQUIRED = ("unit", "indicator", "period", "value")
# Excel holds 15 significant digits: 0.1 + 0.2 is the 0,3 it shows.
_DIGITS = 15


@dataclass(frozen=True)
class Spot:
    """A cell of the table, as a diagnostic names it."""

    file: str  # 'waarden.csv', or 'waarden.xlsx:Waarden!D7' (then no line and column)
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}" if self.line else self.file

    def error(self, code: str, message: str, hint: str | None = None) -> Diagnostic:
        return Diagnostic(self.file, self.line, self.column, Severity.error, code, message, hint)


@dataclass(frozen=True)
class Row:
    """One value the table gives: checked as a period and a number, not yet against a study."""

    unit: str
    indicator: str
    period: Period
    value: Written  # a number from a number cell, else the text as written
    source: str | None
    spots: dict[str, Spot]  # column key → its cell


@dataclass
class ValuesTable:
    name: str
    rows: list[Row] = field(default_factory=list)
    problems: list[Diagnostic] = field(default_factory=list)


@dataclass
class _Grid:
    """A sheet's rows: their numbers and cells (texts from a CSV file, typed from a workbook)."""

    rows: list[tuple[int, list[Any]]]
    spot: Callable[[int, int], Spot]  # (row number, 0-based column) → the cell


def read(path: Path) -> ValuesTable | None:
    """The table at `path`, checked; None for a workbook that is no table of values (a scoring
    workbook, or one this module will not open: too large, with macros, unreadable)."""
    csv_file = path.suffix.lower() == ".csv"
    if not csv_file and (path.suffix.lower() != ".xlsx" or not _unpacks_safely(path)):
        return None
    table = ValuesTable(str(path))
    size = path.stat().st_size
    if size > MAX_TABLE_BYTES:
        if not csv_file:
            return None
        table.problems.append(_too_large(table.name, size))
        return table
    grid = _csv_grid(path, table) if csv_file else _workbook_grid(path)
    if grid is None:
        return None if not csv_file else table
    _read_rows(grid, table)
    return table


def _too_large(name: str, size: int) -> Diagnostic:
    return Spot(name).error(
        "table-too-large",
        _("the table is {size} bytes; import reads a table of at most {max}").format(
            size=integer(size), max=integer(MAX_TABLE_BYTES)
        ),
    )


def _unpacks_safely(path: Path) -> bool:
    """A workbook within the scoring import's limits, without macros (checked before parsing)."""
    try:
        if path.stat().st_size > MAX_TABLE_BYTES:
            return False
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError):
        return False
    total = sum(part.file_size for part in parts)
    largest = max((part.file_size for part in parts), default=0)
    if len(parts) > MAX_PARTS or total > MAX_UNCOMPRESSED or largest > MAX_PART:
        return False
    return not any(part.filename.endswith("vbaProject.bin") for part in parts)


def _csv_grid(path: Path, table: ValuesTable) -> _Grid | None:
    """The CSV file's rows as framework_table reads them; None when it cannot be read (said in
    `table`)."""
    try:
        read = read_tables(path)["norms"]
    except UnicodeDecodeError as exc:
        raw = path.read_bytes()[: exc.start]
        line = raw.count(b"\n") + 1
        column = len(raw.rsplit(b"\n", 1)[-1].decode("utf-8", "replace")) + 1
        table.problems.append(
            Spot(table.name, line, column).error(
                "values-table",
                _("the file is not UTF-8 text"),
                _("save it as 'CSV UTF-8 (comma delimited)'"),
            )
        )
        return None
    except csv.Error as exc:
        message = _("not a readable CSV file: {error}").format(error=exc)
        table.problems.append(Spot(table.name, 1, 1).error("values-table", message))
        return None
    assert read is not None  # a CSV file is always one table
    places = read.places or {}

    def spot(row: int, column: int) -> Spot:
        cells = places.get(row) or [(row, 1)]
        line, col = cells[min(column, len(cells) - 1)]
        return Spot(table.name, line, col)

    return _Grid([(n, list(cells)) for n, cells in read.rows], spot)


def _workbook_grid(path: Path) -> _Grid | None:
    """The values sheet's rows, each cell typed; None when the workbook is no table of values."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        return None
    try:
        if META_SHEET in book.sheetnames:
            return None  # made by export: the scoring workbook
        names = {name.casefold(): name for name in book.sheetnames}
        sheet_name = names.get(VALUES_SHEET.casefold(), book.sheetnames[0])
        rows = _sheet_rows(book[sheet_name])
    finally:
        book.close()
    if rows is None:
        return None

    def spot(row: int, column: int) -> Spot:
        return Spot(f"{path}:{sheet_name}!{column_letter(column)}{row}")

    return _Grid(rows, spot)


def _sheet_rows(sheet: Any) -> list[tuple[int, list[Any]]] | None:
    """The rows from the header on; None when the first row that holds anything is no header
    of a table of values. Reading stops past MAX_ROWS (the check of the rows says so)."""
    if not hasattr(sheet, "iter_rows"):
        return None  # a chart sheet
    sheet.reset_dimensions()  # the sheet's own statement of its size is not trusted
    rows: list[tuple[int, list[Any]]] = []
    for number, cells in enumerate(sheet.iter_rows(), start=1):
        values = [_typed(cell) for cell in cells]
        if not rows and all(_empty(v) for v in values):
            continue
        if not rows and not any(_title(v) in _KNOWN for v in values):
            return None
        rows.append((number, values))
        if len(rows) > MAX_ROWS + 1:
            break
    return rows or None


def _typed(cell: Any) -> Any:
    """A workbook cell's value: a number, a text (trimmed), or what else it holds; a number
    shown as a percentage as the text it shows."""
    value = getattr(cell, "value", None)
    if isinstance(value, str):
        return value.replace("\r\n", "\n").strip()
    percentage = "%" in str(getattr(cell, "number_format", "") or "")
    if percentage and isinstance(value, int | float) and not isinstance(value, bool):
        return _percent(value)
    return value


def _percent(fraction: float) -> str:
    """0.855 as Excel shows it in a percentage format: '85,5%'."""
    number = float(f"{fraction * 100:.{_DIGITS}g}")
    text = str(int(number)) if number.is_integer() else repr(number).replace(".", ",")
    return f"{text}%"


def _empty(value: Any) -> bool:
    return value is None or value == ""


def _text(value: Any) -> str:
    """A cell as text: a number without '.0', a date as ISO."""
    return (text_of(value) or "").strip()


def _title(value: Any) -> str:
    return _text(value).casefold()


_KNOWN = {name: key for key, names in _ALIASES.items() for name in names}


def _header(grid: _Grid, table: ValuesTable) -> tuple[int, dict[str, int]] | None:
    """The first row that holds anything: column key → index; None when a column is unknown,
    named twice or missing (said in `table`)."""
    number, row = next(((n, r) for n, r in grid.rows if not all(map(_empty, r))), (1, []))
    columns: dict[str, int] = {}
    start = len(table.problems)
    for index, cell in enumerate(row):
        key = _KNOWN.get(_title(cell))
        if key is None and not _empty(cell):
            message = _("unknown column '{title}' (known: {known})").format(
                title=_text(cell), known=", ".join(n[0] for n in _ALIASES.values())
            )
            table.problems.append(grid.spot(number, index).error("values-table", message))
        elif key is not None and key in columns:
            message = _("column '{title}' is named twice").format(title=_text(cell))
            table.problems.append(grid.spot(number, index).error("values-table", message))
        elif key is not None:
            columns[key] = index
    for key in REQUIRED:
        if key not in columns:
            message = _("the header row has no column '{column}'").format(column=_ALIASES[key][0])
            table.problems.append(grid.spot(number, 0).error("values-table", message))
    return None if len(table.problems) > start else (number, columns)


def _read_rows(grid: _Grid, table: ValuesTable) -> None:
    header = _header(grid, table)
    if header is None:
        return
    start, columns = header
    body = [(n, r) for n, r in grid.rows if n > start and not all(map(_empty, r))]
    if len(body) > MAX_ROWS:
        message = _("the table has more than {max} rows of values").format(max=integer(MAX_ROWS))
        table.problems.append(grid.spot(start, 0).error("values-table", message))
        return
    if not body:
        message = _("the table holds no values below its header row")
        table.problems.append(grid.spot(start, 0).error("values-table", message))
        return
    first: dict[tuple[str, str, str], Spot] = {}
    for number, cells in body:
        row = _row(cells, {key: grid.spot(number, i) for key, i in columns.items()}, columns, table)
        if row is not None and not _repeated(row, first, table):
            table.rows.append(row)


def _row(
    cells: list[Any], spots: dict[str, Spot], columns: dict[str, int], table: ValuesTable
) -> Row | None:
    """One row checked on its own: every required cell filled, a period, a number."""
    found = {key: cells[i] if i < len(cells) else None for key, i in columns.items()}
    problems = []
    for key in REQUIRED:
        if _empty(found[key]):
            message = _("the cell '{column}' is empty").format(column=_ALIASES[key][0])
            problems.append(spots[key].error("empty-cell", message))
    period = None if _empty(found["period"]) else parse_period(_text(found["period"]))
    if period is None and not _empty(found["period"]):
        message = _("period '{period}' is not a year (2021) or a quarter (2021-Q3)").format(
            period=_text(found["period"])
        )
        problems.append(spots["period"].error("invalid-period", message))
    value = None if _empty(found["value"]) else _number(found["value"])
    if value is None and not _empty(found["value"]):
        message = _("'{value}' is not a number").format(value=_text(found["value"]))
        problems.append(spots["value"].error("invalid-number", message))
    table.problems += problems
    if problems or period is None or value is None:
        return None
    source = _text(found.get("source")) or None
    return Row(_text(found["unit"]), _text(found["indicator"]), period, value, source, spots)


def _number(cell: Any) -> Written | None:
    """The value a cell gives, or None when it is no number: a number cell as a number (to the
    15 digits Excel holds; whole as an int), a text as written when it reads as a number."""
    if isinstance(cell, bool) or cell is None:
        return None
    if isinstance(cell, int):
        return cell
    if isinstance(cell, float):
        if not math.isfinite(cell):
            return None
        shown = float(f"{cell:.{_DIGITS}g}")
        return int(shown) if shown.is_integer() and abs(shown) < 2**53 else shown
    if isinstance(cell, str):
        return cell if parse_number(cell) is not None else None
    return None  # a date, a time: no number


def _repeated(row: Row, first: dict[tuple[str, str, str], Spot], table: ValuesTable) -> bool:
    """A second row for one unit, kengetal and period: refused, with where the first is."""
    key = (name_key(row.unit), row.indicator, str(row.period))
    if key not in first:
        first[key] = row.spots["unit"]
        return False
    table.problems.append(
        row.spots["unit"].error(
            "duplicate-row",
            _("a second row for {unit}, {indicator}, {period}").format(
                unit=row.unit, indicator=row.indicator, period=row.period
            ),
            _("the first is at {place}").format(place=first[key]),
        )
    )
    return True
