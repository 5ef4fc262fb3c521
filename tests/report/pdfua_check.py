"""normtoets' own PDF/UA-1 checks: the structure tree walked from its root, every page's content
stream read, tables compared with the HTML they came from.

Independent of the code that writes the tree (report/pdftags.py): it reads the PDF with
pikepdf, decodes the text itself and implements the HTML table model again from the spec's
rules. `problems()` returns one line per failed condition (empty: all hold), each naming the
Matterhorn Protocol checkpoint it belongs to where there is one.

What it checks (ISO 14289-1 / Matterhorn Protocol 1.1, the machine-checkable conditions that
can occur in a report normtoets writes):

- 01 Real content is tagged, artifacts are not: every marked-content sequence on every page is
  either an /Artifact or has an MCID owned by exactly one element reachable from the root; no
  text, path or image is painted outside both; no tagged content inside an artifact.
- 02 Only standard structure types (no role map needed), every element's /P its real parent.
- 06 Metadata: /MarkInfo /Marked, the PDF/UA identifier in XMP, a title shown as title.
- 11 Natural language: /Lang on the catalog.
- 14 Headings: the first is H1, none skips a level going down.
- 09/15 Tables: Table holds only Caption (first or last, at most one), THead, TBody, TFoot, TR;
  row groups only TR; TR only TH and TD; every TH has /Scope; every /Headers ID names a TH of
  the same table through the /IDTree; rows close (the same width, spans counted).
- 09/16 Lists: L holds LI (and Caption, L); LI holds only Lbl and LBody.
- 13 Figures have /Alt.
- 28 Annotations: each is in the tree (/StructParent → a Link whose OBJR names it); a link's
  /Contents describes it (not empty, not its anchor name); its area is not flat, and not
  inside another area of a link to the same place (one Tab stop per link).
- IDs: every /ID is unique and the /IDTree maps it to its element.
"""

from __future__ import annotations

import io
import itertools
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import pikepdf

STANDARD = {
    "Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI", "Index",
    "NonStruct", "Private", "P", "H", "H1", "H2", "H3", "H4", "H5", "H6", "L", "LI", "Lbl",
    "LBody", "Table", "TR", "TH", "TD", "THead", "TBody", "TFoot", "Span", "Quote", "Note",
    "Reference", "BibEntry", "Code", "Link", "Annot", "Ruby", "RB", "RT", "RP", "Warichu", "WT",
    "WP", "Figure", "Formula", "Form",
}  # fmt: skip
INLINE = {"Span", "Quote", "Link", "Code", "Reference", "Note", "Annot", "Lbl"}
PAINTING = {"Tj", "TJ", "'", '"', "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "sh", "Do", "EI"}
SOFT_HYPHEN = "\u00ad"


# ------------------------------------------------------------ reading the PDF


@dataclass(eq=False)
class Element:
    role: str
    obj: Any
    parent: Element | None
    kids: list[Element | Content] = field(default_factory=list)

    @property
    def attributes(self) -> dict[str, Any]:
        a = self.obj.get("/A")
        if a is None:
            return {}
        items = list(a) if isinstance(a, pikepdf.Array) else [a]
        merged: dict[str, Any] = {}
        for item in items:
            if isinstance(item, pikepdf.Dictionary):
                merged.update({str(k): v for k, v in item.items()})
        return merged

    def walk(self) -> Any:
        yield self
        for kid in self.kids:
            if isinstance(kid, Element):
                yield from kid.walk()

    def text(self) -> str:
        """The text as a reader gets it: ActualText where given, a figure's Alt in place of
        what it draws (a chart's labels), inline elements run on, blocks separated by a space."""
        actual = self.obj.get("/ActualText")
        if actual is not None:
            return str(actual)
        alt = self.obj.get("/Alt")
        if self.role == "Figure" and alt is not None:
            return str(alt)
        parts = []
        for kid in self.kids:
            if isinstance(kid, Content):
                parts.append(kid.text)
            elif kid.role in INLINE:
                parts.append(kid.text())
            else:
                parts.append(" " + kid.text() + " ")
        return "".join(parts)


@dataclass(eq=False)
class Content:
    page: int
    mcid: int
    text: str = ""


@dataclass
class Sequence:
    """A marked-content sequence as painted: its tag, MCID (or None) and text."""

    tag: str
    mcid: int | None
    text: str
    actual: str | None


@dataclass
class Document:
    pdf: pikepdf.Pdf
    root: Element | None
    pages: list[list[Sequence]]
    unmarked: dict[int, list[str]]  # page → painting operators outside any marked content
    nested: list[str]
    owners: dict[tuple[int, int], list[Element]]
    elements: list[Element]
    loose: list[str]

    def tagged_text(self) -> str:
        return " ".join(self.root.text().split()) if self.root else ""


def read(data: bytes) -> Document:
    pdf = pikepdf.open(io.BytesIO(data))
    page_index = {page.objgen: i for i, page in enumerate(pdf.pages)}
    sequences = []
    unmarked: dict[int, list[str]] = {}
    nested: list[str] = []
    for i, page in enumerate(pdf.pages):
        seqs, loose_ops, nests = _read_page(page)
        sequences.append(seqs)
        if loose_ops:
            unmarked[i] = loose_ops
        nested += [f"page {i + 1}: {n}" for n in nests]
    texts = {
        (i, s.mcid): (s.actual if s.actual is not None else s.text)
        for i, seqs in enumerate(sequences)
        for s in seqs
        if s.mcid is not None
    }
    owners: dict[tuple[int, int], list[Element]] = defaultdict(list)
    elements: list[Element] = []
    loose: list[str] = []
    tree = pdf.Root.get("/StructTreeRoot")
    root = None
    if tree is not None:
        kids = tree.get("/K")
        top = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
        if len(top) != 1:
            loose.append(f"the structure tree root has {len(top)} kids, not one Document")
        root = _element(top[0], None, None, page_index, texts, owners, elements, loose)
    return Document(pdf, root, sequences, unmarked, nested, owners, elements, loose)


def _element(
    obj: Any,
    parent: Element | None,
    page: int | None,
    page_index: dict[Any, int],
    texts: dict[tuple[int, int], str],
    owners: dict[tuple[int, int], list[Element]],
    elements: list[Element],
    loose: list[str],
) -> Element:
    element = Element(str(obj.get("/S", "/?"))[1:], obj, parent)
    elements.append(element)
    if "/Pg" in obj:
        page = page_index.get(obj.Pg.objgen, page)
    kids = obj.get("/K")
    items = list(kids) if isinstance(kids, pikepdf.Array) else ([] if kids is None else [kids])
    for kid in items:
        if isinstance(kid, int):
            if page is None:
                loose.append(f"{element.role}: MCID {kid} without a page")
                continue
            element.kids.append(Content(page, int(kid), texts.get((page, int(kid)), "")))
            owners[(page, int(kid))].append(element)
        elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
            kid_page = page_index.get(kid.Pg.objgen, page) if "/Pg" in kid else page
            if kid_page is None:
                loose.append(f"{element.role}: MCR without a page")
                continue
            mcid = int(kid.MCID)
            element.kids.append(Content(kid_page, mcid, texts.get((kid_page, mcid), "")))
            owners[(kid_page, mcid)].append(element)
        elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/OBJR":
            continue
        elif isinstance(kid, pikepdf.Dictionary):
            if kid.get("/P") is None or kid.P.objgen != obj.objgen:
                loose.append(f"{kid.get('/S')} under {element.role}: /P is not its parent")
            child = _element(kid, element, page, page_index, texts, owners, elements, loose)
            element.kids.append(child)
    return element


def _cmap(font: Any) -> tuple[dict[int, str], int]:
    """A font's ToUnicode map and its code length in bytes."""
    mapping: dict[int, str] = {}
    two_bytes = str(font.get("/Subtype")) == "/Type0"
    if "/ToUnicode" not in font:
        return mapping, 2 if two_bytes else 1
    data = font.ToUnicode.read_bytes().decode("latin-1")

    def uni(hexa: str) -> str:
        raw = bytes.fromhex(hexa)
        return raw.decode("utf-16-be", errors="replace")

    for block in re.findall(r"beginbfchar(.*?)endbfchar", data, re.S):
        for src, dst in re.findall(r"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]*)>", block):
            mapping[int(src, 16)] = uni(dst)
    for block in re.findall(r"beginbfrange(.*?)endbfrange", data, re.S):
        for lo, hi, rest in re.findall(
            r"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)", block
        ):
            start, end = int(lo, 16), int(hi, 16)
            if rest.startswith("["):
                for offset, dst in enumerate(re.findall(r"<([0-9a-fA-F]*)>", rest)):
                    mapping[start + offset] = uni(dst)
            else:
                base = bytes.fromhex(rest[1:-1])
                for offset in range(end - start + 1):
                    value = int.from_bytes(base, "big") + offset
                    mapping[start + offset] = uni(value.to_bytes(len(base), "big").hex())
    return mapping, 2 if two_bytes else 1


def _read_page(page: Any) -> tuple[list[Sequence], list[str], list[str]]:
    fonts: dict[str, tuple[dict[int, str], int]] = {}
    resources = page.get("/Resources", {})
    for name, font in (resources.get("/Font") or {}).items():
        fonts[str(name)] = _cmap(font)
    sequences: list[Sequence] = []
    stack: list[tuple[str, int | None, list[str], str | None]] = []
    loose: list[str] = []
    nests: list[str] = []
    font: tuple[dict[int, str], int] = ({}, 1)

    def decode(raw: bytes) -> str:
        mapping, size = font
        return "".join(
            mapping.get(int.from_bytes(raw[i : i + size], "big"), "\ufffd")
            for i in range(0, len(raw) - size + 1, size)
        )

    for operands, operator in pikepdf.parse_content_stream(page):
        op = str(operator)
        if op in ("BDC", "BMC"):
            tag = str(operands[0])[1:]
            props = operands[1] if op == "BDC" else None
            mcid = None
            actual = None
            if isinstance(props, pikepdf.Dictionary):
                if "/MCID" in props:
                    mcid = int(props.MCID)
                if "/ActualText" in props:
                    actual = str(props.ActualText)
            inside_artifact = any(t == "Artifact" for t, *_ in stack)
            if inside_artifact and mcid is not None:
                nests.append(f"MCID {mcid} inside an artifact")
            if tag != "Artifact" and mcid is None and not stack:
                nests.append(f"/{tag} without MCID and not an artifact")
            stack.append((tag, mcid, [], actual))
        elif op == "EMC":
            if not stack:
                nests.append("EMC without BDC")
                continue
            tag, mcid, parts, actual = stack.pop()
            sequences.append(Sequence(tag, mcid, "".join(parts), actual))
            if stack:  # text counts for the enclosing sequences too
                stack[-1][2].extend(parts)
        elif op == "Tf":
            font = fonts.get(str(operands[0]), ({}, 1))
        elif op in PAINTING:
            marked = any(t == "Artifact" or m is not None for t, m, *_ in stack)
            if not marked:
                loose.append(op)
            if op in ("Tj", "'", '"'):
                raw = bytes(operands[-1])
                if stack:
                    stack[-1][2].append(decode(raw))
            elif op == "TJ" and stack:
                for item in operands[0]:
                    if isinstance(item, pikepdf.String):
                        stack[-1][2].append(decode(bytes(item)))
    return sequences, loose, nests


# ------------------------------------------------------------ the checks


def problems(data: bytes) -> list[str]:
    doc = read(data)
    out: list[str] = list(doc.loose)
    out += _document_checks(doc)
    out += _content_checks(doc)
    if doc.root is None:
        return [*out, "06: no structure tree"]
    out += _element_checks(doc)
    out += _table_checks(doc)
    out += _annotation_checks(doc)
    out += _heading_checks(doc)
    return out


def _document_checks(doc: Document) -> list[str]:
    out = []
    root = doc.pdf.Root
    if not (root.get("/MarkInfo") and bool(root.MarkInfo.get("/Marked"))):
        out.append("06-001: /MarkInfo /Marked is not true")
    if not str(root.get("/Lang", "")):
        out.append("11-006: the catalog has no /Lang")
    prefs = root.get("/ViewerPreferences")
    if not (prefs and bool(prefs.get("/DisplayDocTitle"))):
        out.append("07-002: /DisplayDocTitle is not true")
    with doc.pdf.open_metadata() as xmp:
        if xmp.get("pdfuaid:part") != "1":
            out.append("06-002: no PDF/UA-1 identifier in the XMP metadata")
        if not xmp.get("dc:title"):
            out.append("06-003: no dc:title in the XMP metadata")
    return out


def _content_checks(doc: Document) -> list[str]:
    out = []
    for page, ops in doc.unmarked.items():
        out.append(
            f"01-005: page {page + 1}: {len(ops)} painting operator(s) outside marked content"
        )
    out += [f"01-007: {n}" for n in doc.nested]
    for page, sequences in enumerate(doc.pages):
        for sequence in sequences:
            if sequence.mcid is None:
                continue
            owners = doc.owners.get((page, sequence.mcid), [])
            if len(owners) != 1:
                out.append(
                    f"01-004: page {page + 1} MCID {sequence.mcid} ({sequence.text[:30]!r}) "
                    f"is owned by {len(owners)} reachable elements"
                )
    # the ParentTree agrees with the tree
    parent_tree = _number_tree(doc.pdf.Root.StructTreeRoot.get("/ParentTree"))
    for page_number, page in enumerate(doc.pdf.pages):
        key = page.get("/StructParents")
        array = parent_tree.get(int(key)) if key is not None else None
        for sequence in doc.pages[page_number]:
            if sequence.mcid is None:
                continue
            owners = doc.owners.get((page_number, sequence.mcid), [])
            entry = (
                array[sequence.mcid]
                if isinstance(array, pikepdf.Array) and sequence.mcid < len(array)
                else None
            )
            if not owners or entry is None or entry.objgen != owners[0].obj.objgen:
                out.append(
                    f"01-004: page {page_number + 1} MCID {sequence.mcid}: ParentTree differs"
                )
    return out


def _number_tree(node: Any) -> dict[int, Any]:
    out: dict[int, Any] = {}
    if node is None:
        return out
    nums = node.get("/Nums")
    if nums is not None:
        for i in range(0, len(nums), 2):
            out[int(nums[i])] = nums[i + 1]
    for kid in node.get("/Kids") or []:
        out.update(_number_tree(kid))
    return out


def _name_tree(node: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if node is None:
        return out
    names = node.get("/Names")
    if names is not None:
        for i in range(0, len(names), 2):
            out[str(names[i])] = names[i + 1]
    for kid in node.get("/Kids") or []:
        out.update(_name_tree(kid))
    return out


def _element_checks(doc: Document) -> list[str]:
    out = []
    ids: dict[str, Element] = {}
    id_tree = _name_tree(doc.pdf.Root.StructTreeRoot.get("/IDTree"))
    for element in doc.elements:
        role = element.role
        if role not in STANDARD:
            out.append(f"02-001: non-standard structure type /{role}")
        kinds = [k.role for k in element.kids if isinstance(k, Element)]
        if role == "L":
            bad = [k for k in kinds if k not in ("LI", "Caption", "L")]
            if bad:
                out.append(f"16-001: L holds {sorted(set(bad))}")
        if role == "LI":
            bad = [k for k in kinds if k not in ("Lbl", "LBody")]
            if bad or any(isinstance(k, Content) for k in element.kids):
                out.append(f"16-002: LI holds {sorted(set(bad)) or 'content'} besides Lbl/LBody")
        if role == "Figure" and not str(element.obj.get("/Alt", "")):
            out.append("13-004: a Figure without /Alt")
        if "/ID" in element.obj:
            key = str(element.obj.ID)
            if key in ids:
                out.append(f"IDs: {key!r} is used twice")
            ids[key] = element
            entry = id_tree.get(key)
            if entry is None or entry.objgen != element.obj.objgen:
                out.append(f"IDs: {key!r} is not in the IDTree (or points elsewhere)")
    return out


# ------------------------------------------------------------ tables


@dataclass
class GridCell:
    role: str
    row: int
    column: int
    rowspan: int
    colspan: int
    text: str
    headers: list[str]


def pdf_tables(data: bytes) -> list[list[GridCell]]:
    """Every Table of the PDF, in order, as cells with their text and the text of the header
    cells their /Headers name."""
    doc = read(data)
    return [_grid(doc, table)[0] for table in _tables(doc)]


def _tables(doc: Document) -> list[Element]:
    return [e for e in doc.root.walk() if e.role == "Table"] if doc.root else []


def _rows(table: Element) -> list[Element]:
    rows: list[Element] = []
    for kid in table.kids:
        if isinstance(kid, Element) and kid.role == "TR":
            rows.append(kid)
        elif isinstance(kid, Element) and kid.role in ("THead", "TBody", "TFoot"):
            rows += [r for r in kid.kids if isinstance(r, Element) and r.role == "TR"]
    return rows


def _grid(doc: Document, table: Element) -> tuple[list[GridCell], list[int]]:
    ids = {str(e.obj.ID): e for e in table.walk() if e.role in ("TH", "TD") and "/ID" in e.obj}
    taken: set[tuple[int, int]] = set()
    cells: list[GridCell] = []
    widths: list[int] = []
    for r, row in enumerate(_rows(table)):
        c = 0
        for cell in row.kids:
            if not isinstance(cell, Element):
                continue
            while (r, c) in taken:
                c += 1
            attributes = cell.attributes
            rowspan = int(attributes.get("/RowSpan", 1))
            colspan = int(attributes.get("/ColSpan", 1))
            taken.update((r + i, c + j) for i in range(rowspan) for j in range(colspan))
            names = [str(h) for h in attributes.get("/Headers", [])]
            headers = [_norm(ids[n].text()) if n in ids else f"?{n}" for n in names]
            cells.append(GridCell(cell.role, r, c, rowspan, colspan, _norm(cell.text()), headers))
            c += colspan
        widths.append(max([col + 1 for (row_, col) in taken if row_ == r], default=0))
    return cells, widths


def _table_checks(doc: Document) -> list[str]:
    out = []
    id_tree = _name_tree(doc.pdf.Root.StructTreeRoot.get("/IDTree"))
    for number, table in enumerate(_tables(doc), start=1):
        where = f"table {number}"
        kinds = [k.role for k in table.kids if isinstance(k, Element)]
        bad = [k for k in kinds if k not in ("Caption", "THead", "TBody", "TFoot", "TR")]
        if bad:
            out.append(f"15: {where} holds {sorted(set(bad))}")
        captions = [i for i, k in enumerate(kinds) if k == "Caption"]
        if len(captions) > 1 or (captions and captions[0] not in (0, len(kinds) - 1)):
            out.append(f"15: {where}: Caption not first or last")
        if any(isinstance(k, Content) for k in table.kids):
            out.append(f"15: {where} holds content outside its cells")
        for group in table.kids:
            if isinstance(group, Element) and group.role in ("THead", "TBody", "TFoot"):
                inside = {k.role if isinstance(k, Element) else "content" for k in group.kids}
                if inside - {"TR"}:
                    out.append(f"15: {where}: {group.role} holds {sorted(inside - {'TR'})}")
        rows = _rows(table)
        if not rows:
            out.append(f"15: {where} has no rows")
        for row in rows:
            inside = {k.role if isinstance(k, Element) else "content" for k in row.kids}
            if inside - {"TH", "TD"}:
                out.append(f"15: {where}: TR holds {sorted(inside - {'TH', 'TD'})}")
        heads = {e.obj.objgen for e in table.walk() if e.role == "TH"}
        for cell in table.walk():
            if cell.role == "TH" and "/Scope" not in cell.attributes:
                out.append(f"15-003: {where}: TH {_norm(cell.text())!r} without /Scope")
            for name in cell.attributes.get("/Headers", []) if cell.role in ("TD", "TH") else []:
                target = id_tree.get(str(name))
                if target is None or target.objgen not in heads:
                    out.append(f"15-004: {where}: /Headers {str(name)!r} names no TH of the table")
        _cells, widths = _grid(doc, table)
        if len(set(widths)) > 1:
            out.append(f"15-001/002: {where}: rows of different widths {sorted(set(widths))}")
    return out


def html_tables(html: str) -> list[list[GridCell]]:
    """Every table of the HTML, in order, with the header cells the HTML table model gives each
    cell (scope col/colgroup: the cells below in its columns; scope row/rowgroup: the cells to
    its right in its rows; a th without scope: col in a thead, else row in the first column;
    a `headers` attribute wins)."""
    import tinyhtml5

    root = tinyhtml5.parse(html, namespace_html_elements=False)
    return [_html_grid(t) for t in root.iter("table")]


def table_differences(data: bytes, html: str) -> list[str]:
    """Where the PDF's tables differ from the HTML's: cell roles, places, spans and the header
    cells each cell names. Texts are compared without white space, since a space between two
    blocks in one cell is the stylesheet's business, not the HTML's."""

    def key(cell: GridCell) -> tuple[Any, ...]:
        squeeze = "".join
        return (
            cell.role,
            cell.row,
            cell.column,
            cell.rowspan,
            cell.colspan,
            squeeze(cell.text.split()),
            [squeeze(h.split()) for h in cell.headers],
        )

    pdf, source = pdf_tables(data), html_tables(html)
    out = []
    if len(pdf) != len(source):
        out.append(f"{len(pdf)} tables in the PDF, {len(source)} in the HTML")
    for number, (ours, theirs) in enumerate(zip(pdf, source, strict=False), start=1):
        if len(ours) != len(theirs):
            out.append(f"table {number}: {len(ours)} cells in the PDF, {len(theirs)} in the HTML")
        for a, b in zip(ours, theirs, strict=False):
            if key(a) != key(b):
                out.append(f"table {number}: PDF {a} ≠ HTML {b}")
                break
    return out


def _html_text(element: Any) -> str:
    return _norm(_spoken(element))


def _spoken(element: Any) -> str:
    """An element's text as the PDF tags it: a score's `data-label` in place of its content
    (the PDF's /ActualText), its `at-label` (not drawn in the PDF) left out."""
    if element.get("data-label"):
        return str(element.get("data-label"))
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and "at-label" not in (child.get("class") or "").split():
            parts.append(_spoken(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _html_grid(table: Any) -> list[GridCell]:
    groups: list[tuple[str, list[Any]]] = []
    for child in table:
        if child.tag in ("thead", "tbody", "tfoot"):
            groups.append((child.tag, [tr for tr in child if tr.tag == "tr"]))
        elif child.tag == "tr":
            groups.append(("tbody", [child]))
    groups.sort(key=lambda g: g[0] == "tfoot")
    rows = [(tag, tr) for tag, trs in groups for tr in trs]
    taken: set[tuple[int, int]] = set()
    placed: list[tuple[Any, int, int, int, int, str]] = []
    for r, (group, tr) in enumerate(rows):
        c = 0
        for cell in tr:
            if cell.tag not in ("th", "td"):
                continue
            while (r, c) in taken:
                c += 1
            rowspan = int(cell.get("rowspan", "1") or 1)
            colspan = int(cell.get("colspan", "1") or 1)
            taken.update((r + i, c + j) for i in range(rowspan) for j in range(colspan))
            placed.append((cell, r, c, rowspan, colspan, group))
            c += colspan

    def scope(cell: Any, c: int, group: str) -> str:
        given = (cell.get("scope") or "").lower()
        if given in ("col", "colgroup"):
            return "col"
        if given in ("row", "rowgroup"):
            return "row"
        return "col" if group == "thead" else ("row" if c == 0 else "col")

    by_id = {cell.get("id"): (cell, r, c) for cell, r, c, *_ in placed if cell.get("id")}
    out = []
    for cell, r, c, rowspan, colspan, _ in placed:
        role = "TH" if cell.tag == "th" else "TD"
        explicit = (cell.get("headers") or "").split()
        if explicit:
            heads = [_html_text(by_id[i][0]) for i in explicit if i in by_id]
        else:
            heads = []
            for head, hr, hc, hrs, hcs, hgroup in placed:
                if head is cell or head.tag != "th":
                    continue
                if scope(head, hc, hgroup) == "col":
                    if hr + hrs <= r and set(range(hc, hc + hcs)) & set(range(c, c + colspan)):
                        heads.append(_html_text(head))
                elif hc + hcs <= c and set(range(hr, hr + hrs)) & set(range(r, r + rowspan)):
                    heads.append(_html_text(head))
        out.append(GridCell(role, r, c, rowspan, colspan, _html_text(cell), heads))
    return out


# ------------------------------------------------------------ links, headings


def _annotation_checks(doc: Document) -> list[str]:
    out = []
    parent_tree = _number_tree(doc.pdf.Root.StructTreeRoot.get("/ParentTree"))
    reachable = {e.obj.objgen for e in doc.elements}
    objr: dict[Any, Any] = {}
    for element in doc.elements:
        kids = element.obj.get("/K")
        items = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
        for kid in items:
            if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/OBJR":
                objr[kid.Obj.objgen] = element
    for number, page in enumerate(doc.pdf.pages, start=1):
        links = [a for a in page.get("/Annots") or [] if a.get("/Subtype") == "/Link"]
        for outer in links:
            for inner in links:
                if inner.objgen != outer.objgen and _within(inner, outer):
                    out.append(f"links: page {number}: a link area inside another to one place")
        for annotation in page.get("/Annots") or []:
            subtype = str(annotation.get("/Subtype"))
            if subtype in ("/Popup", "/PrinterMark"):
                continue
            key = annotation.get("/StructParent")
            owner = parent_tree.get(int(key)) if key is not None else None
            element = objr.get(annotation.objgen)
            if owner is None or element is None or owner.objgen != element.obj.objgen:
                out.append(f"28-002: page {number}: a {subtype} annotation is not in the tree")
            elif owner.objgen not in reachable:
                out.append(f"28-002: page {number}: annotation owned by an unreachable element")
            if subtype == "/Link":
                if element is not None and element.role != "Link":
                    out.append(f"28-011: page {number}: a link annotation in a {element.role}")
                contents = str(annotation.get("/Contents", ""))
                dest = str(annotation.get("/Dest", ""))
                if not contents.strip() or contents == dest or contents.startswith("#"):
                    out.append(f"28-004: page {number}: link /Contents {contents!r} says nothing")
                x1, y1, x2, y2 = (float(v) for v in annotation.Rect)
                if abs(x2 - x1) < 1 or abs(y2 - y1) < 4:
                    out.append(
                        f"links: page {number}: a link area of {x2 - x1:.1f}×{y2 - y1:.1f} pt"
                    )
    return out


def _within(inner: Any, outer: Any) -> bool:
    """Two link areas to one place, one inside the other: two Tab stops for one link."""
    if str(inner.get("/Dest", "")) != str(outer.get("/Dest", "")) or inner.get("/A") != outer.get(
        "/A"
    ):
        return False
    a = sorted(float(v) for v in inner.Rect[::2]) + sorted(float(v) for v in inner.Rect[1::2])
    b = sorted(float(v) for v in outer.Rect[::2]) + sorted(float(v) for v in outer.Rect[1::2])
    return b[0] - 0.5 <= a[0] and a[1] <= b[1] + 0.5 and b[2] - 0.5 <= a[2] and a[3] <= b[3] + 0.5


def _heading_checks(doc: Document) -> list[str]:
    out = []
    levels = [int(e.role[1]) for e in doc.root.walk() if re.fullmatch(r"H[1-6]", e.role)]
    if levels and levels[0] != 1:
        out.append(f"14-002: the first heading is H{levels[0]}")
    for before, after in itertools.pairwise(levels):
        if after > before + 1:
            out.append(f"14-003: H{after} follows H{before}")
    return out


# ------------------------------------------------------------ text


def _norm(text: str) -> str:
    return " ".join(text.replace(SOFT_HYPHEN, "").split())


def words(text: str) -> list[str]:
    return [w.strip(".,;:!?()[]“”‘’\"'«»…") for w in _norm(text).split()]


def artifact_text(data: bytes) -> list[str]:
    """The text of every artifact, per page."""
    doc = read(data)
    return [" ".join(s.text for s in seqs if s.tag == "Artifact") for seqs in doc.pages]
