"""The PDF structure tree (PDF/UA-1), built from WeasyPrint's layout.

WeasyPrint 70 tags each page on its own and from its boxes, not from the document: an element
that runs over a page break becomes two elements, anonymous boxes become elements of their own
(a list item's text outside its LBody, a hidden table caption wrapped in three row-less
tables), every text run becomes a Span, the running headers and page numbers become content
that no element of the tree reaches, every dot of a contents leader is tagged text, table
headers are mapped by a column count that ignores row spans, and a link's description is its
anchor id. None of that can be steered from the HTML or CSS, and a PDF on its own no longer
says which marked content came from which HTML element or which element continues on the next
page. So while normtoets writes a PDF, this module takes the place of WeasyPrint's tagging
step (`weasyprint.pdf.add_tags`, called with the laid-out document and the page content streams
before anything is serialised) and builds the tree from the HTML elements behind the boxes:

- one structure element per HTML element, however many pages and boxes it spans; marked
  content on another page than the element's /Pg is an MCR with its own /Pg;
- page furniture (margin boxes: running header, chapter, page number, CONCEPT), repeated table
  headers and contents leaders are artifacts (their BDC becomes /Artifact in the stream);
- tables: Caption first, rows only TR, cells TH/TD, /Scope on every TH, /Headers on every cell
  from the HTML table model (spans included), an /ID per header cell and an /IDTree;
- lists: L > LI > Lbl, LBody; a dl's dt and dd become one LI's Lbl and LBody;
- a link is one Link element with one annotation per line it covers (WeasyPrint adds one for
  every box inside it), whose /Contents says where it goes ("Naar B1 Integraal beleid,
  pagina 6");
- a line that ends at a space or a hyphenation point carries /ActualText with that space or a
  soft hyphen (U+00AD), and so does a run of white space drawn without a glyph: words never
  run together and no hyphen is written into a word.

The output is as deterministic as WeasyPrint's: nodes, MCIDs and IDs are numbered in document
order.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pydyf
import weasyprint.pdf as weasyprint_pdf
from weasyprint.formatting_structure import boxes
from weasyprint.layout.absolute import AbsolutePlaceholder

# CSS px → PDF points (WeasyPrint draws at zoom 1: 72 / 96).
SCALE = 0.75

BLOCK_ROLES = {
    "section": "Sect",
    "nav": "Sect",
    "aside": "Sect",
    "article": "Art",
    "main": "Part",
    "header": "Div",
    "footer": "Div",
    "div": "Div",
    "address": "Div",
    "figure": "Div",
    "figcaption": "P",
    "p": "P",
    "pre": "P",
    "blockquote": "BlockQuote",
    "h1": "H1",
    "h2": "H2",
    "h3": "H3",
    "h4": "H4",
    "h5": "H5",
    "h6": "H6",
    "ul": "L",
    "ol": "L",
    "dl": "L",
    "li": "LI",
    "table": "Table",
    "caption": "Caption",
    "thead": "THead",
    "tbody": "TBody",
    "tfoot": "TFoot",
    "tr": "TR",
    "th": "TH",
    "td": "TD",
}
INLINE_ROLES = {"q": "Quote", "code": "Code", "kbd": "Code", "samp": "Code"}
FIGURES = {"img", "svg", "{http://www.w3.org/2000/svg}svg", "object", "embed"}
TABLE_ROLES = {"Table", "THead", "TBody", "TFoot", "TR", "TH", "TD"}
LIST_NUMBERING = {
    "decimal": "/Decimal",
    "decimal-leading-zero": "/Decimal",
    "lower-roman": "/LowerRoman",
    "upper-roman": "/UpperRoman",
    "lower-alpha": "/LowerAlpha",
    "lower-latin": "/LowerAlpha",
    "upper-alpha": "/UpperAlpha",
    "upper-latin": "/UpperAlpha",
    "disc": "/Disc",
    "circle": "/Circle",
    "square": "/Square",
}
# When the HTML cannot tell, a line that ends in one of these ended without a space.
_NO_SPACE_AFTER = ("-", "/", "\u2010", "\u2011", "\u200b")
_DESCRIPTION_LENGTH = 90


@contextlib.contextmanager
def installed() -> Iterator[None]:
    """Let WeasyPrint write this module's structure tree instead of its own, for one PDF."""
    original = weasyprint_pdf.add_tags
    weasyprint_pdf.add_tags = add_tags
    try:
        yield
    finally:
        weasyprint_pdf.add_tags = original


def add_tags(pdf: Any, document: Any, pdf_version: Any, page_streams: list[Any]) -> None:
    """WeasyPrint's tagging step (same signature): the tree, ParentTree, IDTree, catalog keys."""
    _Builder(pdf, document, page_streams).build()


# ------------------------------------------------------------ the tree before it is written


@dataclass(eq=False)
class Marked:
    """A marked-content sequence: a property list in a page's content stream."""

    page: int
    properties: Any  # the pydyf.Dictionary holding /MCID in the stream


@dataclass(eq=False)
class Annotation:
    page: int
    annotation: Any  # pydyf.Dictionary


@dataclass(eq=False)
class Node:
    role: str
    parent: Node | None
    page: int
    element: Any = None
    kids: list[Node | Marked | Annotation] = field(default_factory=list)
    attributes: dict[str, Any] = field(default_factory=dict)
    body: Node | None = None  # an LI's LBody, made when the first content arrives
    current_item: Node | None = None  # a dl's LI under construction
    alt: str | None = None
    bbox: list[float] | None = None
    id: str | None = None
    obj: Any = None  # the pydyf.Dictionary once written

    def add(self, kid: Node | Marked | Annotation) -> None:
        """Add a kid; an LI puts its label first and everything else in its LBody."""
        if self.role == "LI" and isinstance(kid, Node) and kid.role == "Lbl":
            self.kids.insert(0, kid)
            return
        if self.role == "LI" and not (isinstance(kid, Node) and kid.role == "LBody"):
            if self.body is None:
                self.body = Node("LBody", self, self.page)
                self.kids.append(self.body)
            self.body.kids.append(kid)
            if isinstance(kid, Node):
                kid.parent = self.body
            return
        self.kids.append(kid)


# ------------------------------------------------------------ building


class _Builder:
    def __init__(self, pdf: Any, document: Any, page_streams: list[Any]) -> None:
        self.pdf = pdf
        self.document = document
        self.streams = page_streams
        self.root = Node("Document", None, 0)
        self.nodes: dict[tuple[int, bool], Node] = {}
        self.tables: list[Node] = []
        self.links: list[Node] = []
        self.cells: dict[int, Node] = {}
        self.pending_line_end: dict[int, tuple[Any, Any]] = {}
        self.texts: dict[int, str] = {}
        self.page = 0
        self.marks: dict[int, Any] = {}  # old MCID → property list, for the current page
        self.tags: dict[Any, dict[str, Any]] = {}
        self.artifacts: set[int] = set()  # ids of property lists that become artifacts
        html_root = _html_root(document)
        self.ids = (
            {el.get("id"): el for el in html_root.iter() if el.get("id")} if html_root else {}
        )
        self.anchor_pages: dict[str, int] = {}
        for number, page in enumerate(document.pages):
            for name in page.anchors:
                self.anchor_pages.setdefault(name, number)

    # ---------------------------------------------------------------- entry point

    def build(self) -> None:
        per_page: list[list[Node | None]] = []
        for number, (page, stream) in enumerate(
            zip(self.document.pages, self.streams, strict=True)
        ):
            self.page = number
            self.tags = stream._tags
            self.marks = {
                item["MCID"]: item
                for item in stream.stream
                if isinstance(item, pydyf.Dictionary) and "MCID" in item
            }
            self._walk(page._page_box, self.root, None)
            for box in list(self.tags):  # drawn but outside the box tree: keep it readable
                self._content(box, self.root)
            self.tags.clear()
            per_page.append(self._renumber(stream))
        self._finish_tables()
        self._one_area_per_link()
        self._prune(self.root)
        self._write(per_page)

    # ---------------------------------------------------------------- walking the boxes

    def _walk(self, box: Any, node: Node, artifact: str | None) -> None:
        if isinstance(box, AbsolutePlaceholder):
            box = box._box
        if isinstance(box, boxes.MarginBox):
            side = box.at_keyword
            artifact = "/Pagination" + (
                "/Header"
                if side.startswith("@top")
                else "/Footer"
                if side.startswith("@bottom")
                else ""
            )
        elif getattr(box, "is_leader", False):
            artifact = "/Layout"
        elif artifact is None:
            found = self._node_for(box, node)
            if found is None:
                artifact = "/Pagination"  # a table's header rows, repeated on the next page
            else:
                node = found
        if isinstance(box, boxes.TextBox | boxes.ReplacedBox):
            if artifact is None:
                self._content(box, node)
            else:
                self._artifact(box, artifact)
        annotation = getattr(box, "link_annotation", None)
        if annotation is not None:
            self._link_target(node).add(Annotation(self.page, annotation))
        widget = getattr(box, "widget_annotation", None)
        if widget is not None:
            form = Node("Form", node, self.page)
            node.add(form)
            form.add(Annotation(self.page, widget))
        children = getattr(box, "children", None) or []
        if artifact is None and any(isinstance(c, boxes.LineBox) for c in children):
            self._line_ends(box, children)
        for child in children:
            self._walk(child, node, artifact)

    def _node_for(self, box: Any, parent: Node) -> Node | None:
        """The structure element a box belongs to: its element's, made on first sight (None
        for a repeated table header, which is an artifact)."""
        element = box.element
        if element is None or not isinstance(element.tag, str) or element.tag in ("html", "body"):
            return parent
        pseudo = (box.element_tag or "").partition("::")[2]
        if pseudo in ("before", "after"):  # generated text reads as part of its element
            return parent
        key = (id(element), pseudo == "marker")
        node = self.nodes.get(key)
        if node is not None:
            repeated = isinstance(box, boxes.TableRowGroupBox) and (box.is_header or box.is_footer)
            return None if repeated and node.page < self.page else node
        tag = element.tag
        if pseudo == "marker":
            node = Node("Lbl", parent, self.page, element)
            parent.add(node)
        elif tag in ("dt", "dd") and parent.role == "L":
            node = self._definition(parent, tag, element)
        else:
            role = self._role(box, tag)
            if role is None:
                node = parent
            else:
                node = Node(role, parent, self.page, element)
                self._configure(node, box)
                parent.add(node)
        self.nodes[key] = node
        return node

    def _role(self, box: Any, tag: str) -> str | None:
        if tag in BLOCK_ROLES:
            return BLOCK_ROLES[tag]
        if tag in FIGURES:
            return "Figure"
        if tag == "a":
            return "Link" if box.element.get("href") else None
        if tag in INLINE_ROLES:
            return INLINE_ROLES[tag]
        block = isinstance(box, boxes.BlockBox) and not isinstance(box, boxes.InlineBlockBox)
        if block:  # an inline element shown as a block (a span with display: block) reads as one
            return "P" if tag in _PHRASING else "Div"
        return None

    def _configure(self, node: Node, box: Any) -> None:
        element = box.element
        if node.role == "L":
            numbering = LIST_NUMBERING.get(_list_style(box)) if element.tag != "dl" else None
            node.attributes = {"O": "/List", "ListNumbering": numbering or "/None"}
        elif node.role == "Table":
            self.tables.append(node)
        elif node.role in ("TH", "TD"):
            self.cells[id(element)] = node
        elif node.role == "Link":
            self.links.append(node)
        elif node.role == "Figure":
            node.alt = _figure_alt(element)
            x, y = box.border_box_x(), box.border_box_y()
            height = self.document.pages[self.page].height
            node.bbox = [
                x * SCALE,
                (height - y - box.border_height()) * SCALE,
                (x + box.border_width()) * SCALE,
                (height - y) * SCALE,
            ]

    def _definition(self, parent: Node, tag: str, element: Any) -> Node:
        """In a dl, a dt starts an LI and is its Lbl; the dd after it is that LI's LBody."""
        item = parent.current_item
        if tag == "dt" or item is None:
            item = Node("LI", parent, self.page)
            parent.add(item)
            parent.current_item = item
        if tag == "dt":
            label = Node("Lbl", item, self.page, element)
            item.add(label)
            return label
        if item.body is None:
            item.body = Node("LBody", item, self.page, element)
            item.kids.append(item.body)
        return item.body

    def _link_target(self, node: Node) -> Node:
        here: Node | None = node
        while here is not None:
            if here.role == "Link":
                return here
            here = here.parent
        link = Node("Link", node, self.page)
        node.add(link)
        self.links.append(link)
        return link

    # ---------------------------------------------------------------- marked content

    def _content(self, box: Any, node: Node) -> None:
        tag = self.tags.pop(box, None)
        if tag is None:
            return
        properties = self.marks.get(tag["mcid"])
        if properties is None:
            return
        if isinstance(box, boxes.TextBox) and box.text and not box.text.strip():
            # A run of white space alone (between a score badge and its label) is drawn
            # without a glyph: say it is a space, or the words around it run together.
            properties["ActualText"] = pydyf.String(" ")
        elif isinstance(box, boxes.TextBox) and (original := _original_case(box)) is not None:
            properties["ActualText"] = pydyf.String(original)
        node.add(Marked(self.page, properties))

    def _artifact(self, box: Any, kind: str) -> None:
        tag = self.tags.pop(box, None)
        if tag is None:
            return
        properties = self.marks.get(tag["mcid"])
        if properties is not None:
            self.artifacts.add(id(properties))
            properties.clear()
            artifact_type, _, subtype = kind[1:].partition("/")
            properties["Type"] = f"/{artifact_type}"
            if subtype:
                properties["Subtype"] = f"/{subtype}"

    def _renumber(self, stream: Any) -> list[Node | None]:
        """Artifacts lose their MCID and become /Artifact; the rest are numbered 0, 1, … in
        stream order. Returns the page's ParentTree array (MCID → owner), filled in later."""
        items = stream.stream
        owners: list[Node | None] = []
        for index, item in enumerate(items):
            if not isinstance(item, pydyf.Dictionary):
                continue
            if id(item) in self.artifacts:
                items[index - 1] = "/Artifact"
            elif "MCID" in item:
                item["MCID"] = len(owners)
                owners.append(None)
        return owners

    # ---------------------------------------------------------------- line ends

    def _line_ends(self, block: Any, children: list[Any]) -> None:
        """Give the last text of each line a space or a soft hyphen where the next line starts a
        new word, also when the next line is on the next page."""
        key = id(block.element) if block.element is not None else None
        pending = self.pending_line_end.pop(key, None) if key is not None else None
        for line in children:
            if not isinstance(line, boxes.LineBox):
                continue
            texts = [t for t in _leaves(line) if t in self.tags]
            if not texts:
                continue
            if pending is not None:
                self._end_line(*pending, texts[0], block)
            last = texts[-1]
            pending = (last, self.marks.get(self.tags[last]["mcid"]))
        if key is not None and pending is not None:
            self.pending_line_end[key] = pending

    def _end_line(self, last: Any, properties: Any, first: Any, block: Any) -> None:
        if properties is None or "MCID" not in properties:
            return
        text = _original_case(last) or last.text
        hyphen = last.style["hyphenate_character"]
        if hyphen and text.endswith(hyphen):
            stem = text[: -len(hyphen)]
            properties["ActualText"] = pydyf.String(
                stem if stem.endswith("\xad") else stem + "\xad"
            )
        elif text.endswith((" ", "\xad")):
            return
        elif self._space_between(text, first.text, block):
            properties["ActualText"] = pydyf.String(text + " ")

    def _space_between(self, left: str, right: str, block: Any) -> bool:
        """Whether the HTML has a space where the line broke: the end of one line and the start
        of the next are looked up in the block's text, with and without one."""
        right = right.lstrip()
        if not left or not right:
            return bool(right)
        text = self._text(block.element) if block.element is not None else ""
        tail, head = left[-24:].casefold(), right[:24].casefold()
        if tail + " " + head in text:
            return True
        if tail + head in text:
            return False
        return not left.endswith(_NO_SPACE_AFTER)  # generated text: the HTML cannot tell

    def _text(self, element: Any) -> str:
        key = id(element)
        if key not in self.texts:
            self.texts[key] = " ".join("".join(element.itertext()).split()).casefold()
        return self.texts[key]

    # ---------------------------------------------------------------- tables

    def _finish_tables(self) -> None:
        for number, table in enumerate(self.tables, start=1):
            captions = [k for k in table.kids if isinstance(k, Node) and k.role == "Caption"]
            table.kids = captions + [k for k in table.kids if k not in captions]
            cells = table_cells(table.element)
            for cell in cells:
                node = self.cells.get(id(cell.element))
                if node is None:
                    continue
                attributes: dict[str, Any] = {"O": "/Table"}
                if cell.header:
                    node.id = f"th-{number}-{cell.row}-{cell.column}"
                    attributes["Scope"] = "/Row" if cell.scope == "row" else "/Column"
                if cell.rowspan != 1:
                    attributes["RowSpan"] = cell.rowspan
                if cell.colspan != 1:
                    attributes["ColSpan"] = cell.colspan
                node.attributes = attributes
            for cell in cells:
                node = self.cells.get(id(cell.element))
                if node is None:
                    continue
                heads = [self.cells.get(id(h.element)) for h in cell.headers]
                ids = [h.id for h in heads if h is not None and h.id]
                if ids:
                    node.attributes["Headers"] = pydyf.Array(pydyf.String(i) for i in ids)

    def _one_area_per_link(self) -> None:
        """WeasyPrint gives every box inside a link an annotation of its own: a contents entry
        got four (the link, its number, its leader, its page number), each a stop for the Tab
        key. An annotation inside another of the same link leaves the page; a link broken over
        two lines keeps one per line."""
        pages = [self.pdf.objects[int(ref.split()[0])] for ref in self.pdf.page_references]
        for link in self.links:
            kept: list[Annotation] = []
            for kid in list(link.kids):
                if not isinstance(kid, Annotation):
                    continue
                inside = any(
                    k.page == kid.page and _contains(k.annotation, kid.annotation) for k in kept
                )
                if not inside:
                    kept.append(kid)
                    continue
                link.kids.remove(kid)
                annots = pages[kid.page].get("Annots")
                if annots is not None and kid.annotation.reference in annots:
                    annots.remove(kid.annotation.reference)

    # ---------------------------------------------------------------- pruning and writing

    def _prune(self, node: Node) -> bool:
        """Drop elements without content (table parts stay: a table must stay regular); True
        when something is left under `node`."""
        kept: list[Node | Marked | Annotation] = []
        for kid in node.kids:
            if isinstance(kid, Node) and not self._prune(kid) and kid.role not in TABLE_ROLES:
                if kid is node.body:
                    node.body = None
                continue
            kept.append(kid)
        node.kids = kept
        return any(not isinstance(k, Node) or k.role not in TABLE_ROLES or k.kids for k in kept)

    def _write(self, per_page: list[list[Node | None]]) -> None:
        pdf = self.pdf
        pages = pdf.page_references
        parent_tree = pydyf.Dictionary({"Nums": pydyf.Array()})
        pdf.add_object(parent_tree)
        tree_root = pydyf.Dictionary(
            {"Type": "/StructTreeRoot", "ParentTree": parent_tree.reference}
        )
        pdf.add_object(tree_root)
        annotations: list[tuple[Any, Node]] = []
        id_tree: list[tuple[str, Any]] = []

        def write(node: Node, parent_ref: bytes) -> Any:
            obj = pydyf.Dictionary({"Type": "/StructElem", "S": f"/{node.role}", "P": parent_ref})
            pdf.add_object(obj)
            node.obj = obj
            first = _first_page(node)
            page = node.page if first is None else first
            obj["Pg"] = pages[page]
            if node.attributes:
                obj["A"] = pydyf.Dictionary(node.attributes)
            if node.id:
                obj["ID"] = pydyf.String(node.id)
                id_tree.append((node.id, obj.reference))
            if node.alt is not None:
                obj["Alt"] = pydyf.String(node.alt)
            if node.bbox is not None:
                obj["A"] = pydyf.Dictionary({"O": "/Layout", "BBox": pydyf.Array(node.bbox)})
            kids = pydyf.Array()
            for kid in node.kids:
                if isinstance(kid, Node):
                    kids.append(write(kid, obj.reference).reference)
                elif isinstance(kid, Marked):
                    mcid = kid.properties["MCID"]
                    per_page[kid.page][mcid] = node
                    if kid.page == page:
                        kids.append(mcid)
                    else:
                        kids.append(
                            pydyf.Dictionary({"Type": "/MCR", "Pg": pages[kid.page], "MCID": mcid})
                        )
                else:
                    reference = pydyf.Dictionary(
                        {"Type": "/OBJR", "Obj": kid.annotation.reference, "Pg": pages[kid.page]}
                    )
                    kids.append(reference)
                    annotations.append((kid.annotation, node))
            obj["K"] = kids
            return obj

        document = write(self.root, tree_root.reference)
        tree_root["K"] = pydyf.Array([document.reference])
        nums = parent_tree["Nums"]
        for number, owners in enumerate(per_page):
            nums.append(number)
            nums.append(pydyf.Array(o.obj.reference if o else "null" for o in owners))
        key = len(per_page)
        for annotation, owner in annotations:
            nums.append(key)
            nums.append(owner.obj.reference)
            annotation["StructParent"] = key
            annotation["F"] = 4  # printed like the page it is on
            if annotation.get("Subtype") == "/Link":
                annotation["Contents"] = pydyf.String(self._describe(annotation, owner))
            key += 1
        tree_root["ParentTreeNextKey"] = key
        if id_tree:
            names = pydyf.Array()
            for name, reference in sorted(id_tree, key=lambda item: item[0].encode()):
                names.extend([pydyf.String(name), reference])
            tree_root["IDTree"] = pydyf.Dictionary({"Names": names})
        pdf.catalog["StructTreeRoot"] = tree_root.reference
        pdf.catalog["ViewerPreferences"] = pydyf.Dictionary({"DisplayDocTitle": "true"})
        pdf.catalog["MarkInfo"] = pydyf.Dictionary({"Marked": "true"})
        if "Lang" not in pdf.catalog:
            pdf.catalog["Lang"] = pydyf.String()

    def _describe(self, annotation: Any, owner: Node) -> str:
        """Where a link goes, in words: the target's text and its page."""
        action = annotation.get("A")
        if action is not None and "URI" in action:
            return f"Naar {action['URI'].string}"
        destination = annotation.get("Dest")
        name = destination.string if isinstance(destination, pydyf.String) else ""
        target = self.ids.get(name)
        what = _shorten(" ".join("".join(target.itertext()).split())) if target is not None else ""
        if not what and owner.element is not None:
            what = _shorten(" ".join("".join(owner.element.itertext()).split()))
        page = self.anchor_pages.get(name)
        where = f", pagina {page + 1}" if page is not None else ""
        return f"Naar {what or name}{where}"


_PHRASING = {
    "span",
    "strong",
    "em",
    "b",
    "i",
    "small",
    "sub",
    "sup",
    "abbr",
    "cite",
    "dfn",
    "time",
    "mark",
    "label",
    "s",
    "u",
    "bdi",
    "bdo",
    "data",
    "var",
}


def _html_root(document: Any) -> Any:
    for page in document.pages:
        for child in page._page_box.children:
            if child.element is not None and child.element.tag == "html":
                return child.element
    return None


def _leaves(box: Any) -> Iterator[Any]:
    """The text and replaced boxes of a line, in order, inline blocks included; no leaders."""
    if getattr(box, "is_leader", False):
        return
    if isinstance(box, boxes.TextBox):
        yield box
        return
    for child in getattr(box, "children", None) or []:
        yield from _leaves(child)


def _list_style(box: Any) -> str:
    style = box.style["list_style_type"]
    return style if isinstance(style, str) else ""


def _original_case(box: Any) -> str | None:
    """The words as written where the stylesheet shows them in capitals (text-transform): a
    reader should hear "Rekenkamer", not R-E-K-E-N-K-A-M-E-R. None where nothing was changed,
    or the written text cannot be found letter for letter."""
    if box.style["text_transform"] == "none" or box.element is None:
        return None
    written = "".join(box.element.itertext())
    at = written.upper().find(box.text) if len(written.upper()) == len(written) else -1
    if at < 0:
        return None
    original = written[at : at + len(box.text)]
    return None if original == box.text else original


def _figure_alt(element: Any) -> str:
    if element.tag.endswith("svg"):
        for child in element:
            if isinstance(child.tag, str) and child.tag.endswith("title") and child.text:
                return str(child.text)
        return str(element.get("aria-label", ""))
    return str(element.get("alt", ""))


def _contains(outer: Any, inner: Any, slack: float = 0.5) -> bool:
    """True when `inner`'s rectangle lies within `outer`'s and both go to the same place."""
    if _target(outer) != _target(inner):
        return False
    ox1, oy1, ox2, oy2 = _rectangle(outer)
    ix1, iy1, ix2, iy2 = _rectangle(inner)
    return ox1 - slack <= ix1 and oy1 - slack <= iy1 and ix2 <= ox2 + slack and iy2 <= oy2 + slack


def _rectangle(annotation: Any) -> tuple[float, float, float, float]:
    x1, y1, x2, y2 = (float(v) for v in annotation["Rect"])
    return min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2)


def _target(annotation: Any) -> tuple[str, str]:
    action = annotation.get("A")
    if action is not None and "URI" in action:
        return ("uri", str(action["URI"].string))
    destination = annotation.get("Dest")
    return ("dest", str(getattr(destination, "string", destination)))


def _first_page(node: Node) -> int | None:
    for kid in node.kids:
        if isinstance(kid, Marked | Annotation):
            return kid.page
    return None


def _shorten(text: str) -> str:
    if len(text) <= _DESCRIPTION_LENGTH:
        return text
    cut = text[:_DESCRIPTION_LENGTH].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


# ------------------------------------------------------------ the HTML table model


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


def _span(element: Any, name: str) -> int:
    value = str(element.get(name, "1")).strip()
    return max(1, min(int(value), 1000)) if value.isdigit() else 1


def table_cells(table: Any) -> list[Cell]:
    """The cells of an HTML table on their grid, each with the header cells that apply to it:
    the header cells above it in its columns (scope col or colgroup, or any th in a thead) and
    to its left in its rows (scope row or rowgroup, or a th outside a thead); a cell's own
    `headers` attribute wins."""
    rows: list[tuple[Any, str]] = []
    footer: list[tuple[Any, str]] = []
    for child in table:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in ("thead", "tbody", "tfoot"):
            trs = [(tr, tag) for tr in child if tr.tag == "tr"]
            (footer if tag == "tfoot" else rows).extend(trs)
        elif tag == "tr":
            rows.append((child, "tbody"))
    rows += footer
    taken: set[tuple[int, int]] = set()
    cells: list[Cell] = []
    for r, (tr, group) in enumerate(rows):
        c = 0
        for element in tr:
            if element.tag not in ("th", "td"):
                continue
            while (r, c) in taken:
                c += 1
            rowspan = min(_span(element, "rowspan"), len(rows) - r)
            colspan = _span(element, "colspan")
            taken.update((r + i, c + j) for i in range(rowspan) for j in range(colspan))
            header = element.tag == "th"
            scope = ""
            if header:
                given = str(element.get("scope", "")).lower()
                if given in ("row", "rowgroup"):
                    scope = "row"
                elif given in ("col", "colgroup") or group == "thead":
                    scope = "col"
                else:
                    scope = "row" if c == 0 else "col"
            cells.append(Cell(element, r, c, rowspan, colspan, header, scope))
            c += colspan
    by_id = {str(cell.element.get("id")): cell for cell in cells if cell.header}
    order = {id(cell): index for index, cell in enumerate(cells)}
    by_column: dict[int, list[Cell]] = {}
    by_row: dict[int, list[Cell]] = {}
    for head in cells:
        if head.scope == "col":
            for column in range(head.column, head.column + head.colspan):
                by_column.setdefault(column, []).append(head)
        elif head.scope == "row":
            for row in range(head.row, head.row + head.rowspan):
                by_row.setdefault(row, []).append(head)
    for cell in cells:
        explicit = str(cell.element.get("headers", "")).split()
        if explicit:
            cell.headers = [by_id[i] for i in explicit if i in by_id]
            continue
        found: dict[int, Cell] = {}
        for column in range(cell.column, cell.column + cell.colspan):
            for head in by_column.get(column, []):
                if head is not cell and head.row + head.rowspan <= cell.row:
                    found[id(head)] = head
        for row in range(cell.row, cell.row + cell.rowspan):
            for head in by_row.get(row, []):
                if head is not cell and head.column + head.colspan <= cell.column:
                    found[id(head)] = head
        cell.headers = sorted(found.values(), key=lambda head: order[id(head)])
    return cells


__all__ = ["Cell", "add_tags", "installed", "table_cells"]
