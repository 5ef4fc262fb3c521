"""What a scoring workbook holds, read and checked against what `export` recorded in it.

No assessment file is read here. The workbook is treated as hostile: its size is checked by the
uncompressed size of its parts before anything is parsed; the files its hidden sheet names are
used only when they lie, symlinks resolved, inside the folder import works in; and every cell a
researcher may not edit is compared with what export wrote, so an edit there is named at its
cell instead of being dropped.
"""

import json
import os
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from normtoets.core.diagnostics import Diagnostic, Severity
from normtoets.core.i18n import _, integer
from normtoets.office.layout import (
    COLUMNS,
    EDITABLE,
    LAYOUT_VERSION,
    MARK,
    META_SHEET,
    OVERVIEW_SHEET,
    THEME_ROW,
    cell_digest,
    column_letter,
)
from normtoets.yamlio.document import MAX_BYTES

# A national study's workbook (342 municipalities) holds 10 MB of XML, its largest part 2 MB.
MAX_UNCOMPRESSED = 128 * 1024 * 1024
MAX_PART = 64 * 1024 * 1024
MAX_PARTS = 20_000
YAML_SUFFIXES = (".yaml", ".yml")


class Refusals:
    """The problems found, each at a cell ('Duiven!C7'), a sheet, or the workbook."""

    def __init__(self, workbook: Path) -> None:
        self.name = str(workbook)
        self.found: list[Diagnostic] = []

    def at(self, where: str | None, code: str, message: str, hint: str | None = None) -> None:
        file = f"{self.name}:{where}" if where else self.name
        self.found.append(Diagnostic(file, 0, 0, Severity.error, code, message, hint))


@dataclass(frozen=True)
class Record:
    """What the hidden sheet says of one municipality's sheet."""

    sheet: str
    path: Path  # as found from the workbook's folder or the current one
    real: Path  # symlinks resolved: inside the folder import works in
    sha256: str
    rows: list[str]
    values: dict[str, list[str | None]]  # the editable values exported, by row id
    criteria: set[str]
    locked: dict[str, str]  # cell ('B7') → digest of what export wrote there


# id → field → (cell, value)
SheetValues = dict[str, dict[str, tuple[str, str | None]]]


def text_of(value: Any) -> str | None:
    """A cell's value as the text the YAML would hold; None for an empty cell."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if hasattr(value, "isoformat"):
        value = value.isoformat()
    return str(value).replace("\r\n", "\n")


def _too_big(path: Path, refusals: Refusals) -> bool:
    """Refuse a workbook whose parts would inflate beyond any real export, before parsing."""
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        refusals.at(
            None, "not-an-export", _("not a readable .xlsx workbook: {error}").format(error=exc)
        )
        return True
    total = sum(part.file_size for part in parts)
    largest = max((part.file_size for part in parts), default=0)
    if len(parts) > MAX_PARTS or total > MAX_UNCOMPRESSED or largest > MAX_PART:
        refusals.at(
            None,
            "workbook-too-large",
            _(
                "the workbook unpacks to {size} bytes in {parts} parts (at most {limit} bytes, "
                "{part_limit} in one part); no export is that large"
            ).format(
                size=integer(total),
                parts=integer(len(parts)),
                limit=integer(MAX_UNCOMPRESSED),
                part_limit=integer(MAX_PART),
            ),
            _("import only a workbook that 'normtoets export' wrote"),
        )
        return True
    if any(part.filename.endswith("vbaProject.bin") for part in parts):
        _macros(refusals)
        return True
    return False


def _macros(refusals: Refusals) -> None:
    refusals.at(
        None,
        "not-an-export",
        _("a workbook with macros is never imported"),
        _("save it as .xlsx (without macros) and import that"),
    )


def open_book(path: Path, refusals: Refusals) -> Any:
    """The workbook in openpyxl's streaming mode, or None (refused)."""
    if path.suffix.lower() in (".xlsm", ".xltm"):
        _macros(refusals)
        return None
    if _too_big(path, refusals):
        return None
    from openpyxl import load_workbook  # 0.1 s: only import needs it

    try:
        return load_workbook(path, read_only=True, data_only=False)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        refusals.at(
            None, "not-an-export", _("not a readable .xlsx workbook: {error}").format(error=exc)
        )
        return None


def merged_sheets(path: Path) -> set[str]:
    """The sheets with merged cells (openpyxl's read-only mode does not report them)."""

    main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    rel = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
    with zipfile.ZipFile(path) as archive:
        sheets = ElementTree.fromstring(archive.read("xl/workbook.xml")).iter(f"{main}sheet")
        rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
        targets = {r.get("Id"): r.get("Target", "") for r in rels}
        merged = set()
        for sheet in sheets:
            part = targets.get(sheet.get(rel), "").lstrip("/")
            part = part if part.startswith("xl/") else f"xl/{part}"
            if part in archive.namelist() and b"<mergeCell " in archive.read(part):
                merged.add(sheet.get("name", ""))
        return merged


def _meta_lines(book: Any, refusals: Refusals) -> list[list[str | None]] | None:
    if META_SHEET not in book.sheetnames:
        refusals.at(
            None,
            "not-an-export",
            _("this workbook was not made by normtoets export"),
            _("import only a workbook that 'normtoets export' wrote"),
        )
        return None
    lines = [[text_of(v) for v in row] for row in book[META_SHEET].iter_rows(values_only=True)]
    if lines and lines[0][:1] == [MARK] and lines[0][1:2] != [LAYOUT_VERSION]:
        refusals.at(
            META_SHEET,
            "not-an-export",
            _(
                "this workbook was exported by an earlier normtoets (layout {layout}), whose "
                "record import can no longer check"
            ).format(layout=lines[0][1]),
            _("export again, and copy your edits into the new workbook"),
        )
        return None
    if not lines or lines[0][:2] != [MARK, LAYOUT_VERSION]:
        refusals.at(
            META_SHEET,
            "not-an-export",
            _("the hidden sheet that records the export is not as export wrote it"),
        )
        return None
    return lines[1:]


def _changed_meta(refusals: Refusals) -> None:
    refusals.at(
        META_SHEET, "not-an-export", _("the hidden sheet that records the export was changed")
    )


def records(
    book: Any, workbook: Path, root: Path, refusals: Refusals
) -> tuple[dict[str, str], list[Record]]:
    """The overview's locked cells, and a record per municipality's sheet whose file may be
    used; every other one is refused."""
    lines = _meta_lines(book, refusals)
    if lines is None:
        return {}, []
    overview: dict[str, str] | None = None
    found: list[Record] = []
    try:
        for line in lines:
            kind, *rest = line or [None]
            if kind == "overview":
                overview = _joined(rest)
            elif kind == "sheet" and len(rest) >= 5:
                record = _record(workbook, root, rest, refusals)
                if record is not None:
                    found.append(record)
    except (json.JSONDecodeError, KeyError, TypeError, ValueError):
        _changed_meta(refusals)
        return {}, []
    if overview is None:
        _changed_meta(refusals)
        return {}, []
    return overview, _distinct(found, refusals)


def _joined(chunks: list[str | None]) -> Any:
    """The JSON that export wrote across a line's cells, one chunk a cell."""
    return json.loads("".join(chunk or "" for chunk in chunks))


def _record(
    workbook: Path, root: Path, line: list[str | None], refusals: Refusals
) -> Record | None:
    """The record of one municipality's line (sheet, paths, digest, JSON chunks); None when its
    file may not be used (refused). A line not as export wrote it raises what records() catches."""
    sheet, relative, given, digest, *chunks = line
    data = _joined(chunks)
    place = _place(workbook, relative, given, root, sheet or "", refusals)
    if place is None:
        return None
    return Record(sheet or "", *place, digest or "", data["rows"], data["values"],
                  set(data["criteria"]), data["locked"])  # fmt: skip


def _distinct(found: list[Record], refusals: Refusals) -> list[Record]:
    """Two sheets that name one file would edit it twice from the same bytes."""
    seen: dict[Path, str] = {}
    kept = []
    for record in found:
        if record.real in seen:
            refusals.at(
                record.sheet,
                "workbook-changed",
                _("sheets '{first}' and '{second}' name one file, {path}").format(
                    first=seen[record.real], second=record.sheet, path=record.path
                ),
            )
            continue
        seen[record.real] = record.sheet
        kept.append(record)
    return kept


def _place(
    workbook: Path,
    relative: str | None,
    given: str | None,
    root: Path,
    sheet: str,
    refusals: Refusals,
) -> tuple[Path, Path] | None:
    """The file a sheet belongs to, as (path shown, path resolved): found from the workbook's
    folder, then from the current one; only inside `root`, only a YAML file of a size an
    assessment may have."""
    candidates = [workbook.parent / relative if relative else None, Path(given) if given else None]
    outside = None
    for candidate in (c for c in candidates if c is not None):
        try:
            real = Path(os.path.realpath(candidate))
        except (OSError, ValueError):
            continue
        if not real.is_relative_to(root):
            outside = outside or candidate
            continue
        if real.is_file():
            return _usable(candidate, real, sheet, refusals)
    if outside is not None:
        refusals.at(
            sheet,
            "outside-study",
            _(
                "{path} lies outside {root}; import reads and writes only files inside the folder "
                "it runs in"
            ).format(path=outside, root=root),
            _("run import in the folder you ran export in"),
        )
        return None
    shown = next((c for c in candidates if c is not None), Path(sheet))
    refusals.at(
        sheet,
        "file-not-found",
        _(
            "{path} not found (paths are taken from the workbook's folder, then from the current "
            "folder)"
        ).format(path=shown),
    )
    return None


def _usable(path: Path, real: Path, sheet: str, refusals: Refusals) -> tuple[Path, Path] | None:
    if real.suffix.lower() not in YAML_SUFFIXES:
        refusals.at(
            sheet,
            "not-an-assessment",
            _("{path} is not a YAML file; import edits assessment files only").format(path=path),
        )
        return None
    size = real.stat().st_size
    if size > MAX_BYTES:
        refusals.at(
            sheet,
            "file-too-large",
            _("{path} is {size} bytes; an assessment file has at most {max}").format(
                path=path, size=integer(size), max=integer(MAX_BYTES)
            ),
        )
        return None
    return path, real


def _rows(sheet: Any) -> Iterator[tuple[int, tuple[Any, ...]]]:
    """Each row's cells (1-based row numbers), trailing empty rows left out. The sheet's own
    statement of its size is not trusted: a cell outside it is read too."""
    sheet.reset_dimensions()
    pending: list[tuple[int, tuple[Any, ...]]] = []
    for number, row in enumerate(sheet.iter_rows(), start=1):
        cells = tuple(row)
        if all(text_of(getattr(c, "value", None)) is None for c in cells):
            pending.append((number, cells))
            continue
        yield from pending
        pending = []
        yield number, cells


class _SheetReader:
    """One municipality's sheet: its editable values, and every other cell as exported."""

    def __init__(self, record: Record, refusals: Refusals) -> None:
        self.record = record
        self.refusals = refusals
        self.clean = True
        self.locked = by_row(record.locked)

    def _where(self, index: int, number: int) -> str:
        return f"{self.record.sheet}!{column_letter(index)}{number}"

    def read(self, sheet: Any) -> SheetValues | None:
        values: SheetValues = {}
        expected = iter(self.record.rows)
        for number, cells in _rows(sheet):
            if number == 1:
                self._locked_cells(cells, number, "")
                continue
            row_id = text_of(getattr(cells[0], "value", None)) if cells else None
            row_id = row_id or THEME_ROW
            want = next(expected, None)
            if want is None or row_id != want:
                self._moved(number, want, row_id)
                return None
            values[row_id] = self._row(cells, number, row_id)
        missing = next(expected, None)
        if missing is not None:
            self.refusals.at(
                self.record.sheet,
                "workbook-changed",
                _("rows were removed from sheet '{sheet}' ({id} is missing)").format(
                    sheet=self.record.sheet, id=missing or _("a theme row")
                ),
                _("export again, and change only the editable cells"),
            )
            return None
        return values if self.clean else None

    def _moved(self, number: int, want: str | None, found: str) -> None:
        self.refusals.at(
            f"{self.record.sheet}!A{number}",
            "workbook-changed",
            _(
                "rows were added, removed or moved in sheet '{sheet}' (row {row}: expected "
                "{expected}, found {found})"
            ).format(
                sheet=self.record.sheet,
                row=number,
                expected=want or _("no row"),
                found=found or _("a theme row"),
            ),
            _(
                "export again, and change only the score, finding, who scored and reviewed, "
                "and the motivation"
            ),
        )

    def _row(
        self, cells: tuple[Any, ...], number: int, row_id: str
    ) -> dict[str, tuple[str, str | None]]:
        fields: dict[str, tuple[str, str | None]] = {}
        if row_id != THEME_ROW:
            for index, column in enumerate(COLUMNS):
                if column.key in EDITABLE:
                    cell = cells[index] if index < len(cells) else None
                    self._no_formula(cell, index, number)
                    fields[column.key] = (
                        self._where(index, number),
                        text_of(getattr(cell, "value", None)),
                    )
        self._locked_cells(cells, number, row_id)
        return fields

    def _no_formula(self, cell: Any, index: int, number: int) -> None:
        if getattr(cell, "data_type", None) == "f":
            self.refusals.at(
                self._where(index, number),
                "formula-in-workbook",
                _("a formula cannot be imported; type the value itself"),
            )
            self.clean = False

    def _locked_cells(self, cells: tuple[Any, ...], number: int, row_id: str) -> None:
        """Every cell of the row that import does not read must be as export wrote it."""
        expected = self.locked.get(number, {})
        filled = [i for i, cell in enumerate(cells) if getattr(cell, "value", None) is not None]
        for index in sorted({*filled, *expected}):
            editable = row_id != THEME_ROW and number > 1 and index < len(COLUMNS)
            if editable and COLUMNS[index].key in EDITABLE:
                continue
            cell = cells[index] if index < len(cells) else None
            if cell_digest(text_of(getattr(cell, "value", None))) == expected.get(index):
                continue
            self._no_formula(cell, index, number)
            self.refusals.at(
                self._where(index, number),
                "locked-cell-changed",
                _locked_message(index, row_id if number > 1 else None),
                _locked_hint(index),
            )
            self.clean = False


def _locked_message(index: int, row_id: str | None) -> str:
    key = COLUMNS[index].key if index < len(COLUMNS) else None
    if row_id and key == "text":
        return _("{id}: the norm text was changed; it is shown, not imported").format(id=row_id)
    if row_id and key == "evidence":
        return _("{id}: the evidence was changed; it is shown, not imported").format(id=row_id)
    if key is None:
        return _("a cell outside the table was filled; it is not imported")
    return _("this cell was changed; it is not imported")


def _locked_hint(index: int) -> str:
    if index < len(COLUMNS) and COLUMNS[index].key == "evidence":
        return _("add evidence with normtoets score --evidence, or in the YAML file")
    return _(
        "only Score, Bevinding, Gescoord door, Gereviewd door and Motivering are imported; "
        "undo this edit"
    )


def read_sheet(book: Any, record: Record, refusals: Refusals) -> SheetValues | None:
    """id → field → (cell, value) of one municipality's sheet; None when it cannot be used."""
    return _SheetReader(record, refusals).read(book[record.sheet])


def by_row(locked: dict[str, str]) -> dict[int, dict[int, str]]:
    """{'B7': d} as {7: {1: d}}: a row's locked cells found without naming every cell."""
    rows: dict[int, dict[int, str]] = {}
    for place, digest in locked.items():
        letters = place.rstrip("0123456789")
        index = 0
        for letter in letters:
            index = index * 26 + ord(letter) - ord("A") + 1
        rows.setdefault(int(place[len(letters) :]), {})[index - 1] = digest
    return rows


def check_overview(book: Any, locked: dict[str, str], refusals: Refusals) -> None:
    """The overview is never read back: each cell changed there is named."""
    if OVERVIEW_SHEET not in book.sheetnames:
        return  # a removed sheet is not an edit that would be lost
    rows = by_row(locked)
    for number, cells in _rows(book[OVERVIEW_SHEET]):
        expected = rows.get(number, {})
        filled = [i for i, cell in enumerate(cells) if getattr(cell, "value", None) is not None]
        for index in sorted({*filled, *expected}):
            cell = cells[index] if index < len(cells) else None
            if cell_digest(text_of(getattr(cell, "value", None))) != expected.get(index):
                refusals.at(
                    f"{OVERVIEW_SHEET}!{column_letter(index)}{number}",
                    "locked-cell-changed",
                    _("the overview is not read back: this edit would be lost"),
                    _("change scores on the municipalities' sheets"),
                )
