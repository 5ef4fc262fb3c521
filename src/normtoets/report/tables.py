"""The HTML table model: rows, cells on their grid with spans, and the header cells that apply
to each cell. One model for every writer that turns an HTML table into something else — the
PDF's structure tree (pdftags: /Scope, /Headers, /RowSpan) and the Word document (merged cells,
repeated header rows) — so both read a table alike.

As HTML does: a footer's rows come last wherever the tfoot stands, a colspan counts up to 1000
and a rowspan no further than the table's last row.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

MAX_COLSPAN = 1000  # the HTML standard's clamp


@dataclass(frozen=True)
class Row:
    element: Any
    group: str  # "thead", "tbody" or "tfoot"; a tr straight in the table is "tbody"


@dataclass(eq=False)
class Cell:
    element: Any
    row: int
    column: int
    rowspan: int
    colspan: int
    header: bool
    scope: str  # "row" or "col" for header cells, "" for data cells
    headers: list[Cell] = field(default_factory=list)


@dataclass(frozen=True)
class Grid:
    rows: list[Row]
    cells: list[Cell]  # in document order
    columns: int


def grid(table: Any) -> Grid:
    """The table's rows and cells, each cell with the header cells that apply to it."""
    rows = _rows(table)
    cells = _place(rows)
    _link_headers(cells)
    columns = max((c.column + c.colspan for c in cells), default=0)
    return Grid(rows, cells, columns)


def _rows(table: Any) -> list[Row]:
    rows: list[Row] = []
    footer: list[Row] = []
    for child in table:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in ("thead", "tbody", "tfoot"):
            part = [Row(tr, tag) for tr in child if tr.tag == "tr"]
            (footer if tag == "tfoot" else rows).extend(part)
        elif tag == "tr":
            rows.append(Row(child, "tbody"))
    return rows + footer


def _span(element: Any, name: str, most: int) -> int:
    value = str(element.get(name, "1")).strip()
    return max(1, min(int(value), most)) if value.isdigit() else 1


def _scope(element: Any, group: str, column: int) -> str:
    """A th's scope: as given (row, rowgroup, col, colgroup), else col in a thead, else row in
    the first column and col elsewhere."""
    given = str(element.get("scope", "")).lower()
    if given in ("row", "rowgroup"):
        return "row"
    if given in ("col", "colgroup") or group == "thead":
        return "col"
    return "row" if column == 0 else "col"


def _place(rows: list[Row]) -> list[Cell]:
    """Each th and td on the grid: the first free column of its row, spans taking theirs."""
    taken: set[tuple[int, int]] = set()
    cells: list[Cell] = []
    for r, row in enumerate(rows):
        c = 0
        for element in row.element:
            if element.tag not in ("th", "td"):
                continue
            while (r, c) in taken:
                c += 1
            rowspan = _span(element, "rowspan", len(rows) - r)
            colspan = _span(element, "colspan", MAX_COLSPAN)
            taken.update((r + i, c + j) for i in range(rowspan) for j in range(colspan))
            header = element.tag == "th"
            scope = _scope(element, row.group, c) if header else ""
            cells.append(Cell(element, r, c, rowspan, colspan, header, scope))
            c += colspan
    return cells


def _link_headers(cells: list[Cell]) -> None:
    """The header cells above a cell in its columns (scope col) and to its left in its rows
    (scope row); a cell's own `headers` attribute wins."""
    by_id = {str(cell.element.get("id")): cell for cell in cells if cell.header}
    order = {id(cell): index for index, cell in enumerate(cells)}
    by_column, by_row = _header_lines(cells)
    for cell in cells:
        explicit = str(cell.element.get("headers", "")).split()
        if explicit:
            cell.headers = [by_id[i] for i in explicit if i in by_id]
            continue
        above = [h for c in _columns(cell) for h in by_column.get(c, []) if _above(h, cell)]
        left = [h for r in _rows_of(cell) for h in by_row.get(r, []) if _left_of(h, cell)]
        found = {id(head): head for head in [*above, *left]}
        cell.headers = sorted(found.values(), key=lambda head: order[id(head)])


def _header_lines(cells: list[Cell]) -> tuple[dict[int, list[Cell]], dict[int, list[Cell]]]:
    """The column headers by the columns they span, the row headers by the rows they span."""
    by_column: dict[int, list[Cell]] = {}
    by_row: dict[int, list[Cell]] = {}
    for head in cells:
        if head.scope == "col":
            for column in _columns(head):
                by_column.setdefault(column, []).append(head)
        elif head.scope == "row":
            for row in _rows_of(head):
                by_row.setdefault(row, []).append(head)
    return by_column, by_row


def _columns(cell: Cell) -> range:
    return range(cell.column, cell.column + cell.colspan)


def _rows_of(cell: Cell) -> range:
    return range(cell.row, cell.row + cell.rowspan)


def _above(head: Cell, cell: Cell) -> bool:
    return head is not cell and head.row + head.rowspan <= cell.row


def _left_of(head: Cell, cell: Cell) -> bool:
    return head is not cell and head.column + head.colspan <= cell.column
