"""The quick parse: compose nodes with libyaml in C, then walk them once in Python.

Turning every event into a Python object costs four times the C parse itself; composing in C
does not. Composing is only safe when the input cannot expand or nest without bound, so a cheap
scan first rules out anchors, aliases, tags and deep nesting; anything it cannot rule out takes
the careful path in yamlio/events.py.
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
_DEEP_DASHES = re.compile(rf"^ *(?:- +){{{_MAX_DASHES + 1}}}", re.M)
_DASH_RUN = re.compile(r"-[ ]+-")  # where a run of dashes could start: mostly nowhere
_CLOSING = {"]": "[", "}": "{"}
assert _MAX_INDENT + _MAX_DASHES + _MAX_FLOW + 1 < MAX_DEPTH


def safe_to_compose(text: str) -> bool:
    """True when the text certainly holds no anchor, alias or tag and nests less than the limit.

    Plain substring tests go first: they pass over a file ten times faster than a regex."""
    if ("&" in text or "*" in text or "!" in text) and _SPECIAL.search(text):
        return False
    return not _deep_block(text) and _flow_nests_little(text)


def _deep_block(text: str) -> bool:
    indent = " " * (_MAX_INDENT + 1)
    if text.startswith(indent) or "\n" + indent in text or "\r" + indent in text:
        return True
    return _DASH_RUN.search(text) is not None and _DEEP_DASHES.search(text) is not None


def _flow_nests_little(text: str) -> bool:
    """Every opening bracket closed by its own kind, at most _MAX_FLOW deep. Brackets inside
    quotes count too: an unbalanced one there sends the file down the careful path."""
    brackets = []
    for char in "[]{}":
        at = text.find(char)
        while at != -1:
            brackets.append((at, char))
            at = text.find(char, at + 1)
    brackets.sort()
    open_: list[str] = []
    for _at, char in brackets:
        if char in _CLOSING:
            if open_ and open_.pop() != _CLOSING[char]:  # a stray closer nests nothing
                return False
        else:
            open_.append(char)
            if len(open_) > _MAX_FLOW:
                return False
    return not open_


class _Composer(CParser):  # type: ignore[misc]
    """libyaml's composer without tag resolution: plain scalars are typed by `plain` below.

    CSafeLoader asks a Python resolver for the tag of every scalar; skipping it saves a third
    of the compose time, and the tags would be thrown away anyway.
    """

    # Called for every node, their results unused. Built-in callables that take the same
    # arguments and do nothing run without a Python frame: a fifth of the compose time.
    descend_resolver: Any = {}.get  # (parent, index) -> index
    ascend_resolver = tuple  # () -> ()

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
    # An alias needs a "*": without one in the text no node can be met twice (safe_to_compose
    # has ruled aliases out already; this check stays as the second line, where it can fire).
    may_alias = "*" in text

    def stop(node: Node, code: str, message: str, hint: str | None = None) -> Stop:
        return Stop(Diagnostic(name, *_at(node), Severity.error, code, message, hint))

    def build(node: Node, depth: int, keep: bool) -> Any:
        """The node's plain data; `keep` is False inside a duplicate key's value, whose own
        problems are not reported."""
        if may_alias:
            if id(node) in visited:  # a node met twice was reached through an alias
                raise stop(
                    node, "alias", _("aliases are not allowed"), _("write the value out in full")
                )
            visited.add(id(node))
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
            return [build(item, depth + 1, keep) for item in node.value]
        out: dict[str, Any] = {}
        seen: dict[str, int] = {}
        for key_node, value in node.value:
            if key_node.__class__ is not ScalarNode:
                raise stop(key_node, "yaml-syntax", key_not_text())
            key = str(key_node.value)
            if key in seen:
                if keep:
                    kmark = key_node.start_mark
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
                build(value, depth + 1, False)
                continue
            seen[key] = key_node.start_mark.line + 1
            out[key] = build(value, depth + 1, keep)
        return out

    doc.data = build(root, 1, True)
    doc.pending = NodePositions(root)


def _child(node: Node, step: Any) -> tuple[Node | None, Node | None]:
    """The node at `step` below `node`, and its key node in a mapping; the first of duplicate
    keys, as the data has it."""
    if node.__class__ is MappingNode:
        for key_node, value in node.value:
            if key_node.__class__ is ScalarNode and str(key_node.value) == step:
                return value, key_node
    elif node.__class__ is SequenceNode and type(step) is int and 0 <= step < len(node.value):
        return node.value[step], None
    return None, None


class NodePositions:
    """Positions read from the composed nodes when a diagnostic asks for one."""

    def __init__(self, root: Node) -> None:
        self.root = root

    def position(self, path: PathKey, key: bool) -> Position:
        node: Node | None = self.root
        found = _at(self.root)
        for step in path:
            assert node is not None
            node, key_node = _child(node, step)
            if node is None:
                break
            found = _at(key_node) if key and key_node is not None else _at(node)
        return found

    def tables(self) -> tuple[dict[PathKey, Position], dict[PathKey, Position]]:
        """Every value's and key's position by path (the edit proof compares them all)."""
        values: dict[PathKey, Position] = {}
        keys: dict[PathKey, Position] = {}

        def walk(node: Node, path: PathKey) -> None:
            values[path] = _at(node)
            if node.__class__ is SequenceNode:
                for i, item in enumerate(node.value):
                    walk(item, (*path, i))
            elif node.__class__ is MappingNode:
                for key_node, value in node.value:
                    here = (*path, str(key_node.value))
                    if here not in keys:  # a duplicate key's value is not in the data
                        keys[here] = _at(key_node)
                        walk(value, here)

        walk(self.root, ())
        return values, keys
