"""Where the chapters of the researchers' own text stand among the chapters normtoets makes.

A volume lists its built-in chapters (municipality.VOLUMES). Own chapters go into the volumes
with findings (the whole report, the nota van bevindingen); the research approach
(`kind: method`) goes where the built-in "Het onderzoek" would stand, and takes its place. A
chapter stands after the chapter its `after` names, else before the findings; chapters after
the same one keep the order of the file. A theme whose findings a chapter carries is left out
of the chapter Bevindingen.
"""

from dataclasses import dataclass, field

from normtoets.models import Narrative


@dataclass(frozen=True)
class Layout:
    order: list[str | Narrative]  # built-in chapter ids and own chapters, in reading order
    carried: dict[str, str] = field(default_factory=dict)  # theme id → own chapter's id


def _id(item: str | Narrative) -> str:
    return item if isinstance(item, str) else item.id


def _placed_after(item: str | Narrative, anchor: str) -> bool:
    return isinstance(item, Narrative) and item.after == anchor


def layout(parts: list[str], narratives: list[Narrative]) -> Layout:
    order: list[str | Narrative] = list(parts)
    method = next((n for n in narratives if n.kind == "method"), None)
    chosen = _chosen(parts, narratives, method)
    if method in chosen:
        order = [n for n in order if n != "onderzoek"]
    for narrative in chosen:
        order.insert(_position(order, narrative), narrative)
    carried = {theme: n.id for n in chosen for theme in n.findings}
    return Layout(order, carried)


def _chosen(
    parts: list[str], narratives: list[Narrative], method: Narrative | None
) -> list[Narrative]:
    """The own chapters this volume takes: `method`, the research approach, where the built-in
    "Het onderzoek" stands; chapters of any other kind where the findings do."""
    return [
        n
        for n in narratives
        if (n is method and "onderzoek" in parts) or (n.kind != "method" and "bevindingen" in parts)
    ]


def _position(order: list[str | Narrative], narrative: Narrative) -> int:
    """Where in `order` the own chapter goes: after the chapter its `after` names (behind those
    placed there before it), else before the findings, else at the end."""
    ids = [_id(item) for item in order]
    anchor = narrative.after if narrative.after in ids else None
    if anchor is not None:
        at = ids.index(anchor) + 1
        while at < len(order) and _placed_after(order[at], anchor):  # the file's order
            at += 1
    elif "bevindingen" in ids:
        at = ids.index("bevindingen")
    else:
        at = len(order)
    return at
