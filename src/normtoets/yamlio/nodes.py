"""The quick parse: compose nodes with libyaml in C, then walk them once in Python.

Turning every event into a Python object costs four times the C parse itself; composing in C
does not. Composing is only safe when the input cannot expand or nest without bound, so a cheap
scan first rules out anchors, aliases, tags and deep nesting; anything it cannot rule out takes
the careful path in yamlevents.
"""

import re
from typing import Any

from ruamel.yaml.cyaml import CParser  # type: ignore[attr-defined]
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from ruamel.yaml.tag import Tag

from normtoets.core.diagnostics import Diagnostic, PathKey, Severity
from normtoets.core.i18n import _
from normtoets.yamlio.document import (
    MAX_DEPTH,
    MAX_ITEMS,
    Document,
    Position,
    Stop,
    duplicate_key,
    key_not_text,
    plain,
    too_deep,
    too_many_items,
)

# An anchor (&a), alias (*a) or tag (!t) starts a token; prose like "P&C" or "Let op!" does not.
_SPECIAL = re.compile(r"[&*!](?<![^\s\[{,][&*!])\S")
# Bounds that keep the nesting below MAX_DEPTH: block indentation, "- - x" runs, flow depth.
_MAX_INDENT, _MAX_DASHES, _MAX_FLOW = 16, 4, 8
_DEEP_BLOCK = re.compile(rf"^ {{{_MAX_INDENT + 1}}}|^ *(?:- +){{{_MAX_DASHES + 1}}}", re.M)
_INNERMOST = re.compile(r"\[[^\[\]{}]*\]|\{[^\[\]{}]*\}")
assert _MAX_INDENT + _MAX_DASHES + _MAX_FLOW + 1 < MAX_DEPTH


def safe_to_compose(text: str) -> bool:
    """True when the text certainly holds no anchor, alias or tag and nests less than the limit."""
    if _SPECIAL.search(text) or _DEEP_BLOCK.search(text):
        return False
    rest = text
    for _step in range(_MAX_FLOW):
        if "[" not in rest and "{" not in rest:
            return True
        rest, removed = _INNERMOST.subn("", rest)
        if not removed:
            return False  # unbalanced, perhaps inside quotes: the careful path decides
    return "[" not in rest and "{" not in rest


class _Composer(CParser):  # type: ignore[misc]
    """libyaml's composer without tag resolution: plain scalars are typed by `plain` below.

    CSafeLoader asks a Python resolver for the tag of every scalar; skipping it saves a third
    of the compose time, and the tags would be thrown away anyway.
    """

    def descend_resolver(self, *args: Any) -> None:
        pass

    def ascend_resolver(self, *args: Any) -> None:
        pass

    def resolve(self, kind: type[Node], value: Any, implicit: Any) -> Tag:
        return _TAGS[kind]


# Shared Tag objects: a str tag would make every node build its own Tag.
_TAGS: dict[type[Node], Tag] = {
    kind: Tag(suffix=f"tag:yaml.org,2002:{name}")
    for kind, name in ((ScalarNode, "str"), (SequenceNode, "seq"), (MappingNode, "map"))
}


def _at(node: Node) -> Position:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def compose(text: str, doc: Document, problems: list[Diagnostic]) -> None:
    loader = _Composer(text)
    try:
        root = loader.get_single_node()
    finally:
        loader.dispose()
    if root is None:
        return
    name = doc.name
    visited: set[int] = set()
    values, keys = doc.values, doc.keys

    def stop(node: Node, code: str, message: str, hint: str | None = None) -> Stop:
        return Stop(Diagnostic(name, *_at(node), Severity.error, code, message, hint))

    def build(node: Node, path: PathKey, depth: int, keep: bool) -> Any:
        if id(node) in visited:  # a node met twice was reached through an alias
            raise stop(
                node, "alias", _("aliases are not allowed"), _("write the value out in full")
            )
        visited.add(id(node))
        mark = node.start_mark
        if keep:
            values[path] = (mark.line + 1, mark.column + 1)
        cls = node.__class__
        if cls is ScalarNode:
            return node.value if node.style else plain(node.value)  # type: ignore[attr-defined]
        if depth >= MAX_DEPTH:
            raise stop(node, "too-deep", too_deep())
        if len(node.value) > MAX_ITEMS:
            extra = node.value[MAX_ITEMS]
            is_mapping = cls is MappingNode
            raise stop(extra[0] if is_mapping else extra, *too_many_items(is_mapping))
        if cls is SequenceNode:
            return [build(item, (*path, i), depth + 1, keep) for i, item in enumerate(node.value)]
        out: dict[str, Any] = {}
        seen: dict[str, int] = {}
        for key_node, value in node.value:
            if key_node.__class__ is not ScalarNode:
                raise stop(key_node, "yaml-syntax", key_not_text())
            key = str(key_node.value)
            here = (*path, key)
            kmark = key_node.start_mark
            if key in seen:
                if keep:
                    problems.append(
                        Diagnostic(
                            name,
                            kmark.line + 1,
                            kmark.column + 1,
                            Severity.error,
                            "duplicate-key",
                            *duplicate_key(key, seen[key]),
                        )
                    )
                build(value, here, depth + 1, False)
                continue
            seen[key] = kmark.line + 1
            if keep:
                keys[here] = (kmark.line + 1, kmark.column + 1)
            out[key] = build(value, here, depth + 1, keep)
        return out

    doc.data = build(root, (), 1, True)
