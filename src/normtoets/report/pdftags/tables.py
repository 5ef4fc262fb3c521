"""Table cells' attributes in the structure tree, from the HTML table model: /Scope and an
/ID on every header cell, /RowSpan and /ColSpan, /Headers on every cell; the Caption first."""

from typing import Any

import pydyf

from normtoets.report import tables
from normtoets.report.pdftags.tree import Node


def finish(table_nodes: list[Node], nodes: dict[int, Node]) -> None:
    """`nodes`: the TH and TD elements of the tree by the id of their HTML element."""
    for number, table in enumerate(table_nodes, start=1):
        captions = [k for k in table.kids if isinstance(k, Node) and k.role == "Caption"]
        table.kids = captions + [k for k in table.kids if k not in captions]
        cells = [
            (cell, nodes[id(cell.element)])
            for cell in tables.grid(table.element).cells
            if id(cell.element) in nodes
        ]
        for cell, node in cells:
            node.attributes = _attributes(cell)
            if cell.header:
                node.id = f"th-{number}-{cell.row}-{cell.column}"
        for cell, node in cells:  # every header cell has its id now
            ids = _header_ids(cell, nodes)
            if ids:
                node.attributes["Headers"] = pydyf.Array(pydyf.String(i) for i in ids)


def _header_ids(cell: tables.Cell, nodes: dict[int, Node]) -> list[str]:
    heads = [nodes.get(id(h.element)) for h in cell.headers]
    return [h.id for h in heads if h is not None and h.id]


def _attributes(cell: tables.Cell) -> dict[str, Any]:
    attributes: dict[str, Any] = {"O": "/Table"}
    if cell.header:
        attributes["Scope"] = "/Row" if cell.scope == "row" else "/Column"
    if cell.rowspan != 1:
        attributes["RowSpan"] = cell.rowspan
    if cell.colspan != 1:
        attributes["ColSpan"] = cell.colspan
    return attributes
