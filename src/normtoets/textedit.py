"""Edit YAML text in place, touching only the bytes of what changes.

A full round-trip dump re-flows long lines and re-indents; a researcher's file must keep every
comment, blank line and quote outside the edited value. So this module finds the node to change
with the C composer (which gives start and end offsets) and splices new text into the old.
"""

import json
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ruamel.yaml.cyaml import CSafeLoader
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

WIDTH = 88


class EditError(Exception):
    """The file's layout is one this editor does not handle; the user edits by hand."""


def _compose(text: str) -> Node:
    loader = CSafeLoader(text)
    try:
        node = loader.get_single_node()
    finally:
        loader.dispose()
    if not isinstance(node, MappingNode):
        raise EditError("the file is not a mapping")
    return node


@dataclass(frozen=True)
class _Found:
    """The deepest node along a key path, with how far the path got."""

    key: ScalarNode | None  # the key node of `node` in its parent mapping (None for the root)
    node: Node
    depth: int


def _walk(root: Node, path: Sequence[str]) -> _Found:
    found = _Found(None, root, 0)
    for depth, name in enumerate(path, 1):
        if not isinstance(found.node, MappingNode):
            raise EditError(f"'{'.'.join(path[: depth - 1])}' is not a mapping")
        pair = next((p for p in found.node.value if p[0].value == name), None)
        if pair is None:
            return found
        found = _Found(pair[0], pair[1], depth)
    return found


def _content_end(text: str, node: Node) -> int:
    """Offset just after the node's last non-space character.

    Block nodes end where the next token starts, past blank lines and comments.
    """
    end: int = node.end_mark.index
    while end > node.start_mark.index and text[end - 1] in " \t\r\n":
        end -= 1
    if isinstance(node, MappingNode | SequenceNode) and not node.flow_style and node.value:
        last = node.value[-1]
        return _content_end(text, last[1] if isinstance(last, tuple) else last)
    return end


def _line_after(text: str, offset: int) -> int:
    """The start of the line after the one holding `offset` (past any trailing comment)."""
    newline = text.find("\n", offset)
    return len(text) if newline < 0 else newline + 1


def scalar(value: str, indent: int, block_ok: bool) -> str:
    """Text after `key:` for a string: quoted when short, a folded block when long."""
    if not block_ok or (len(value) <= 60 and "\n" not in value) or value != value.strip():
        return " " + json.dumps(value, ensure_ascii=False)
    pad = " " * (indent + 2)
    lines: list[str] = []
    for paragraph in value.split("\n\n"):
        if lines:
            lines.append("")
        lines += textwrap.wrap(" ".join(paragraph.split()), WIDTH - len(pad)) or [""]
    return " >-\n" + "\n".join(pad + line if line else "" for line in lines)


def flow(mapping: dict[str, str | None]) -> str:
    """A one-line flow mapping of strings, every value quoted."""
    items = [
        f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in mapping.items() if v is not None
    ]
    return "{" + ", ".join(items) + "}"


def _nested(path: Sequence[str], leaf: Any, indent: int) -> str:
    """Block lines for a missing key path, ending in `leaf(indent)`; no final newline."""
    pad = " " * indent
    if len(path) == 1:
        return f"{pad}{path[0]}:{leaf(indent)}"
    return f"{pad}{path[0]}:\n" + _nested(path[1:], leaf, indent + 2)


def _child_indent(mapping: MappingNode, fallback: int) -> int:
    return mapping.value[0][0].start_mark.column if mapping.value else fallback


def _insert_into(text: str, found: _Found, path: Sequence[str], leaf: Any, nl: str) -> str:
    """Add the missing rest of `path` (from found.depth on) to the mapping `found.node`."""
    mapping = found.node
    if not isinstance(mapping, MappingNode):
        raise EditError("cannot add a key to a value that is not a mapping")
    rest = path[found.depth :]
    parent_col = found.key.start_mark.column if found.key else -2
    if not mapping.flow_style and mapping.value:
        indent = _child_indent(mapping, parent_col + 2)
        at = _line_after(text, _content_end(text, mapping))
        return text[:at] + _nested(rest, leaf, indent).replace("\n", nl) + nl + text[at:]
    if found.key is None:
        raise EditError("the file's top level is written in flow style")
    # A flow mapping ({score: nb}) or {}: rewrite it as a block mapping below its key.
    indent = parent_col + 2
    lines = [f"{' ' * indent}{k.value}: {text[v.start_mark.index : v.end_mark.index]}"
             for k, v in mapping.value]  # fmt: skip
    lines.append(_nested(rest, leaf, indent))
    start, end = found.key.end_mark.index + 1, mapping.end_mark.index
    return text[:start] + nl + nl.join(lines).replace("\n", nl) + text[end:]


def _newline(text: str) -> str:
    return "\r\n" if "\r\n" in text else "\n"


def set_scalar(text: str, path: Sequence[str], value: str) -> str:
    """Set the string at `path`, creating missing mappings on the way."""
    root = _compose(text)
    found = _walk(root, path)
    nl = _newline(text)
    if found.depth < len(path):
        return _insert_into(text, found, path, lambda indent: scalar(value, indent, True), nl)
    node = found.node
    if not isinstance(node, ScalarNode):
        raise EditError(f"'{'.'.join(path)}' holds a list or mapping, not text")
    parent = _walk(root, path[:-1]).node
    block_ok = isinstance(parent, MappingNode) and not parent.flow_style
    assert found.key is not None
    new = scalar(value, found.key.start_mark.column, block_ok).lstrip(" ").replace("\n", nl)
    return text[: node.start_mark.index] + new + text[_content_end(text, node) :]


def append_item(text: str, path: Sequence[str], item: str) -> str:
    """Append a one-line flow item to the list at `path`, creating it when missing."""
    root = _compose(text)
    found = _walk(root, path)
    nl = _newline(text)
    if found.depth < len(path):

        def leaf(indent: int) -> str:
            return f"\n{' ' * (indent + 2)}- {item}"

        return _insert_into(text, found, path, leaf, nl)
    seq = found.node
    if not isinstance(seq, SequenceNode):
        raise EditError(f"'{'.'.join(path)}' is not a list")
    if not seq.flow_style and seq.value:
        dash = " " * seq.start_mark.column
        at = _line_after(text, _content_end(text, seq))
        return text[:at] + f"{dash}- {item}" + nl + text[at:]
    assert found.key is not None
    pad = " " * (found.key.start_mark.column + 2)
    items = [text[n.start_mark.index : n.end_mark.index] for n in seq.value] + [item]
    start, end = found.key.end_mark.index + 1, seq.end_mark.index
    return text[:start] + "".join(f"{nl}{pad}- {i}" for i in items) + text[end:]
