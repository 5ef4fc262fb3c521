"""The structure tree before it is written: elements, their marked content and annotations;
then pruning and writing it into the PDF (StructTreeRoot, ParentTree, IDTree)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pydyf

from normtoets.report.pdftags.roles import TABLE_ROLES


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
    actual_text: str | None = None  # what its content says, where the glyphs do not ("--")
    lang: str | None = None  # a passage in another language than the document's
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


def prune(node: Node) -> bool:
    """Drop elements without content (table parts stay: a table must stay regular); True
    when something is left under `node`."""
    kept: list[Node | Marked | Annotation] = []
    for kid in node.kids:
        if isinstance(kid, Node) and not prune(kid) and kid.role not in TABLE_ROLES:
            if kid is node.body:
                node.body = None
            continue
        kept.append(kid)
    node.kids = kept
    return any(not isinstance(k, Node) or k.role not in TABLE_ROLES or k.kids for k in kept)


def first_page(node: Node) -> int | None:
    for kid in node.kids:
        if isinstance(kid, Marked | Annotation):
            return kid.page
    return None


def write(
    pdf: Any, root: Node, per_page: list[list[Node | None]], describe: Callable[[Any, Node], str]
) -> None:
    """Write the tree: its elements, each page's ParentTree array (MCID → owner), the
    annotations' parents (a link's /Contents from `describe`), the IDTree, the catalog keys."""
    pages = pdf.page_references
    parent_tree = pydyf.Dictionary({"Nums": pydyf.Array()})
    pdf.add_object(parent_tree)
    tree_root = pydyf.Dictionary({"Type": "/StructTreeRoot", "ParentTree": parent_tree.reference})
    pdf.add_object(tree_root)
    annotations: list[tuple[Any, Node]] = []
    id_tree: list[tuple[str, Any]] = []

    def write_node(node: Node, parent_ref: bytes) -> Any:
        obj = pydyf.Dictionary({"Type": "/StructElem", "S": f"/{node.role}", "P": parent_ref})
        pdf.add_object(obj)
        node.obj = obj
        first = first_page(node)
        page = node.page if first is None else first
        obj["Pg"] = pages[page]
        if node.attributes:
            obj["A"] = pydyf.Dictionary(node.attributes)
        if node.id:
            obj["ID"] = pydyf.String(node.id)
            id_tree.append((node.id, obj.reference))
        if node.alt is not None:
            obj["Alt"] = pydyf.String(node.alt)
        if node.actual_text is not None:
            obj["ActualText"] = pydyf.String(node.actual_text)
        if node.lang is not None:
            obj["Lang"] = pydyf.String(node.lang)
        if node.bbox is not None:
            obj["A"] = pydyf.Dictionary({"O": "/Layout", "BBox": pydyf.Array(node.bbox)})
        kids = pydyf.Array()
        for kid in node.kids:
            if isinstance(kid, Node):
                kids.append(write_node(kid, obj.reference).reference)
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

    document = write_node(root, tree_root.reference)
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
            annotation["Contents"] = pydyf.String(describe(annotation, owner))
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
