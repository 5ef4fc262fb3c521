"""Links: one annotation per line a link covers, and what each says of where it goes."""

from typing import Any

import pydyf

from normtoets.report.pdftags.tree import Annotation, Node

DESCRIPTION_LENGTH = 90


def one_area_per_link(pdf: Any, links: list[Node]) -> None:
    """WeasyPrint gives every box inside a link an annotation of its own: a contents entry
    got four (the link, its number, its leader, its page number), each a stop for the Tab
    key. An annotation inside another of the same link leaves the page; a link broken over
    two lines keeps one per line."""
    pages = [pdf.objects[int(ref.split()[0])] for ref in pdf.page_references]
    for link in links:
        kept: list[Annotation] = []
        for kid in list(link.kids):
            if not isinstance(kid, Annotation):
                continue
            inside = any(
                k.page == kid.page and contains(k.annotation, kid.annotation) for k in kept
            )
            if not inside:
                kept.append(kid)
                continue
            link.kids.remove(kid)
            annots = pages[kid.page].get("Annots")
            if annots is not None and kid.annotation.reference in annots:
                annots.remove(kid.annotation.reference)


def describe(
    annotation: Any, owner: Node, ids: dict[str, Any], anchor_pages: dict[str, int]
) -> str:
    """Where a link goes, in words: the target's text and its page."""
    action = annotation.get("A")
    if action is not None and "URI" in action:
        return f"Naar {action['URI'].string}"
    destination = annotation.get("Dest")
    name = destination.string if isinstance(destination, pydyf.String) else ""
    target = ids.get(name)
    what = shorten(" ".join("".join(target.itertext()).split())) if target is not None else ""
    if not what and owner.element is not None:
        what = shorten(" ".join("".join(owner.element.itertext()).split()))
    page = anchor_pages.get(name)
    where = f", pagina {page + 1}" if page is not None else ""
    return f"Naar {what or name}{where}"


def contains(outer: Any, inner: Any, slack: float = 0.5) -> bool:
    """True when `inner`'s rectangle lies within `outer`'s and both go to the same place."""
    if target(outer) != target(inner):
        return False
    ox1, oy1, ox2, oy2 = rectangle(outer)
    ix1, iy1, ix2, iy2 = rectangle(inner)
    return ox1 - slack <= ix1 and oy1 - slack <= iy1 and ix2 <= ox2 + slack and iy2 <= oy2 + slack


def rectangle(annotation: Any) -> tuple[float, float, float, float]:
    x1, y1, x2, y2 = (float(v) for v in annotation["Rect"])
    return min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2)


def target(annotation: Any) -> tuple[str, str]:
    action = annotation.get("A")
    if action is not None and "URI" in action:
        return ("uri", str(action["URI"].string))
    destination = annotation.get("Dest")
    return ("dest", str(getattr(destination, "string", destination)))


def shorten(text: str) -> str:
    if len(text) <= DESCRIPTION_LENGTH:
        return text
    cut = text[:DESCRIPTION_LENGTH].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"
