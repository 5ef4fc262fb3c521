"""The quick parse: compose nodes with libyaml in C, then walk them once in Python.

Turning every event into a Python object costs four times the C parse itself; composing in C
does not. Composing is only safe when the input cannot expand or nest without bound, so a cheap
scan first rules out anchors, aliases, tags and deep nesting; anything it cannot rule out takes
the careful path in yamlevents.
"""

import re
from typing import Any

from ruamel.yaml.cyaml import CSafeLoader
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode

from normtoets.diagnostics import Diagnostic, Severity
from normtoets.yamldoc import MAX_DEPTH, Document, PathKey, Position, Stop, plain

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
    for _ in range(_MAX_FLOW):
        if "[" not in rest and "{" not in rest:
            return True
        rest, removed = _INNERMOST.subn("", rest)
        if not removed:
            return False  # unbalanced, perhaps inside quotes: the careful path decides
    return "[" not in rest and "{" not in rest


def _at(node: Node) -> Position:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def compose(text: str, doc: Document, problems: list[Diagnostic]) -> None:
    loader = CSafeLoader(text)
    try:
        root = loader.get_single_node()
    finally:
        loader.dispose()
    if root is None:
        return
    name = doc.name
    visited: set[int] = set()

    def build(node: Node, path: PathKey, depth: int, keep: bool) -> Any:
        if id(node) in visited:  # a node met twice was reached through an alias
            raise Stop(
                Diagnostic(
                    name,
                    *_at(node),
                    Severity.error,
                    "alias",
                    "aliases are not allowed",
                    "write the value out in full",
                )
            )
        visited.add(id(node))
        if keep:
            doc.values[path] = _at(node)
        if isinstance(node, ScalarNode):
            return plain(node.value) if not node.style else node.value
        if depth >= MAX_DEPTH:
            raise Stop(
                Diagnostic(
                    name,
                    *_at(node),
                    Severity.error,
                    "too-deep",
                    f"nesting is deeper than {MAX_DEPTH} levels",
                )
            )
        if not isinstance(node, MappingNode):
            return [build(item, (*path, i), depth + 1, keep) for i, item in enumerate(node.value)]
        out: dict[str, Any] = {}
        seen: dict[str, Position] = {}
        for key_node, value in node.value:
            if not isinstance(key_node, ScalarNode):
                raise Stop(
                    Diagnostic(
                        name,
                        *_at(key_node),
                        Severity.error,
                        "yaml-syntax",
                        "a key must be plain text, not a list or mapping",
                    )
                )
            key = str(key_node.value)
            if key in seen:
                if keep:
                    problems.append(
                        Diagnostic(
                            name,
                            *_at(key_node),
                            Severity.error,
                            "duplicate-key",
                            f"key '{key}' appears twice in the same mapping",
                            f"first on line {seen[key][0]}; normtoets keeps the first",
                        )
                    )
                build(value, (*path, key), depth + 1, False)
                continue
            seen[key] = _at(key_node)
            if keep:
                doc.keys[(*path, key)] = seen[key]
            out[key] = build(value, (*path, key), depth + 1, keep)
        return out

    doc.data = build(root, (), 1, True)
