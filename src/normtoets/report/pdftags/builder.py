"""Walking WeasyPrint's boxes page by page: one structure element per HTML element, the
page furniture and repeated headers as artifacts, the marked content renumbered."""

from __future__ import annotations

from typing import Any

import pydyf
from weasyprint.formatting_structure import boxes
from weasyprint.layout.absolute import AbsolutePlaceholder

from normtoets.report.pdftags import links, tables, tree
from normtoets.report.pdftags.lines import LineEnds, original_case
from normtoets.report.pdftags.roles import (
    BLOCK_ROLES,
    FIGURES,
    INLINE_ROLES,
    LIST_NUMBERING,
    PHRASING,
    figure_alt,
    list_style,
)
from normtoets.report.pdftags.tree import Annotation, Marked, Node

# CSS px → PDF points (WeasyPrint draws at zoom 1: 72 / 96).
SCALE = 0.75


class Builder:
    """The structure tree of one PDF, made from its pages' boxes and content streams."""

    def __init__(self, pdf: Any, document: Any, page_streams: list[Any]) -> None:
        self.pdf = pdf
        self.document = document
        self.streams = page_streams
        self.root = Node("Document", None, 0)
        self.nodes: dict[tuple[int, bool], Node] = {}
        self.tables: list[Node] = []
        self.links: list[Node] = []
        self.cells: dict[int, Node] = {}
        self.line_ends = LineEnds()
        self.page = 0
        self.marks: dict[int, Any] = {}  # old MCID → property list, for the current page
        self.tags: dict[Any, dict[str, Any]] = {}
        self.artifacts: set[int] = set()  # ids of property lists that become artifacts
        root = html_root(document)
        self.ids = {el.get("id"): el for el in root.iter() if el.get("id")} if root else {}
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
        tables.finish(self.tables, self.cells)
        links.one_area_per_link(self.pdf, self.links)
        tree.prune(self.root)
        tree.write(self.pdf, self.root, per_page, self._describe)

    def _describe(self, annotation: Any, owner: Node) -> str:
        return links.describe(annotation, owner, self.ids, self.anchor_pages)

    # ---------------------------------------------------------------- walking the boxes

    def _walk(self, box: Any, node: Node, artifact: str | None) -> None:
        if isinstance(box, AbsolutePlaceholder):
            box = box._box
        if isinstance(box, boxes.MarginBox):
            artifact = _margin_artifact(box.at_keyword)
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
        self._annotations(box, node)
        children = getattr(box, "children", None) or []
        if artifact is None and any(isinstance(c, boxes.LineBox) for c in children):
            self.line_ends.mark(box, children, self.tags, self.marks)
        for child in children:
            self._walk(child, node, artifact)

    def _annotations(self, box: Any, node: Node) -> None:
        """The box's link area joins its Link element (made under node when there is none
        around it), a form field a Form element of its own."""
        annotation = getattr(box, "link_annotation", None)
        if annotation is not None:
            self._link_target(node).add(Annotation(self.page, annotation))
        widget = getattr(box, "widget_annotation", None)
        if widget is not None:
            form = Node("Form", node, self.page)
            node.add(form)
            form.add(Annotation(self.page, widget))

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
        if box.element.get("data-label") or box.element.get("lang"):
            return "Span"  # a score's label (ActualText) or a passage's language (Lang)
        block = isinstance(box, boxes.BlockBox) and not isinstance(box, boxes.InlineBlockBox)
        if block:  # an inline element shown as a block (a span with display: block) reads as one
            return "P" if tag in PHRASING else "Div"
        return None

    def _configure(self, node: Node, box: Any) -> None:
        element = box.element
        node.actual_text = element.get("data-label") or None
        node.lang = element.get("lang") if element.tag != "html" else None
        if node.role == "L":
            numbering = LIST_NUMBERING.get(list_style(box)) if element.tag != "dl" else None
            node.attributes = {"O": "/List", "ListNumbering": numbering or "/None"}
        elif node.role == "Table":
            self.tables.append(node)
        elif node.role in ("TH", "TD"):
            self.cells[id(element)] = node
        elif node.role == "Link":
            self.links.append(node)
        elif node.role == "Figure":
            node.alt = figure_alt(element)
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
        elif isinstance(box, boxes.TextBox) and (original := original_case(box)) is not None:
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


def _margin_artifact(side: str) -> str:
    """The artifact type of a page margin box (its at-keyword: @top-center, @bottom-right, …):
    a running header or footer, else plain pagination."""
    if side.startswith("@top"):
        return "/Pagination/Header"
    if side.startswith("@bottom"):
        return "/Pagination/Footer"
    return "/Pagination"


def html_root(document: Any) -> Any:
    for page in document.pages:
        for child in page._page_box.children:
            if child.element is not None and child.element.tag == "html":
                return child.element
    return None
