"""Edit YAML text in place, touching only the bytes of what changes.

A full round-trip dump re-flows long lines and re-indents; a researcher's file must keep every
comment, blank line and quote outside the edited value. So this module finds the node to change
with the C composer (which gives start and end offsets) and splices new text into the old.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ruamel.yaml.cyaml import CSafeLoader
from ruamel.yaml.error import YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from normtoets.core.i18n import _
from normtoets.yamlio.scalar import double_quoted, scalar


class EditError(Exception):
    """The file's layout is one this editor does not handle; the user edits by hand."""


def _compose(text: str) -> Node:
    loader = CSafeLoader(text)
    try:
        node = loader.get_single_node()
    except YAMLError as exc:  # an earlier splice of the same edit left text that cannot be read
        raise EditError(_("the file no longer parses: {error}").format(error=exc)) from None
    finally:
        loader.dispose()
    if not isinstance(node, MappingNode):
        raise EditError(_("the file is not a mapping"))
    return node


@dataclass(frozen=True)
class _Found:
    """The deepest node along a key path, with how far the path got."""

    key: ScalarNode | None  # the key node of `node` in its parent mapping (None for the root)
    node: Node
    depth: int


def _dotted(path: Sequence[str | int]) -> str:
    return ".".join(str(part) for part in path)


def _walk(root: Node, path: Sequence[str | int]) -> _Found:
    """Along the keys of mappings; an int steps to that item of a list (its `key` is None)."""
    found = _Found(None, root, 0)
    for depth, name in enumerate(path, 1):
        if isinstance(name, int):
            found = _Found(None, _item(found.node, name, path[: depth - 1]), depth)
            continue
        if not isinstance(found.node, MappingNode):
            raise EditError(_("'{path}' is not a mapping").format(path=_dotted(path[: depth - 1])))
        pair = next((p for p in found.node.value if p[0].value == name), None)
        if pair is None:
            return found
        found = _Found(pair[0], pair[1], depth)
    return found


def _item(node: Node, index: int, path: Sequence[str | int]) -> Node:
    if not isinstance(node, SequenceNode):
        raise EditError(_("'{path}' is not a list").format(path=_dotted(path)))
    if not 0 <= index < len(node.value):
        raise EditError(_("'{path}' has no item {index}").format(path=_dotted(path), index=index))
    item: Node = node.value[index]
    return item


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


def _insert_lines(text: str, at: int, lines: str, nl: str) -> str:
    """Put whole lines at `at`, a line start; at the end of a file without a final line
    break, after a new one (and the file still ends without one)."""
    if at == len(text) and text and not text.endswith("\n"):
        return text + nl + lines
    return text[:at] + lines + nl + text[at:]


def flow(mapping: dict[str, str | None]) -> str:
    """A one-line flow mapping of strings, every value quoted."""
    items = [f"{k}: {double_quoted(v)}" for k, v in mapping.items() if v is not None]
    return "{" + ", ".join(items) + "}"


def _nested(path: Sequence[str | int], leaf: Any, indent: int) -> str:
    """Block lines for a missing key path, ending in `leaf(indent)`; no final newline."""
    pad = " " * indent
    if len(path) == 1:
        return f"{pad}{path[0]}:{leaf(indent)}"
    return f"{pad}{path[0]}:\n" + _nested(path[1:], leaf, indent + 2)


def _child_indent(mapping: MappingNode, fallback: int) -> int:
    return mapping.value[0][0].start_mark.column if mapping.value else fallback


def _insert_into(text: str, found: _Found, path: Sequence[str | int], leaf: Any, nl: str) -> str:
    """Add the missing rest of `path` (from found.depth on) to the mapping `found.node`."""
    mapping = found.node
    if not isinstance(mapping, MappingNode):
        raise EditError(_("cannot add a key to a value that is not a mapping"))
    rest = path[found.depth :]
    parent_col = found.key.start_mark.column if found.key else -2
    if not mapping.flow_style and mapping.value:
        indent = _child_indent(mapping, parent_col + 2)
        at = _line_after(text, _content_end(text, mapping))
        return _insert_lines(text, at, _nested(rest, leaf, indent).replace("\n", nl), nl)
    if found.key is None:
        raise EditError(_("the file's top level is written in flow style"))
    # A flow mapping ({score: nb}) or {}: rewrite it as a block mapping below its key.
    indent = parent_col + 2
    lines = [f"{' ' * indent}{k.value}: {text[v.start_mark.index : v.end_mark.index]}"
             for k, v in mapping.value]  # fmt: skip
    lines.append(_nested(rest, leaf, indent))
    start, end = found.key.end_mark.index + 1, mapping.end_mark.index
    # A comment after the flow mapping moves up to its key: below, it would follow the new
    # last line, inside the text of a block scalar.
    comment, end = _comment_after(text, end)
    return text[:start] + comment + nl + nl.join(lines).replace("\n", nl) + text[end:]


def _comment_after(text: str, end: int) -> tuple[str, int]:
    """(" # comment", the end of its line) when the line goes on with a comment after `end`;
    else ("", end)."""
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    rest = text[end:line_end].rstrip("\r")
    if rest.strip().startswith("#"):
        return " " + rest.strip(), end + len(rest)
    return "", end


def _newline(text: str) -> str:
    return "\r\n" if "\r\n" in text else "\n"


def set_scalar(text: str, path: Sequence[str | int], value: str) -> str:
    """Set the string at `path`, creating missing mappings on the way."""
    root = _compose(text)
    found = _walk(root, path)
    nl = _newline(text)
    if found.depth < len(path):
        return _insert_into(text, found, path, lambda indent: scalar(value, indent, True), nl)
    node = found.node
    if not isinstance(node, ScalarNode):
        raise EditError(_("'{path}' holds a list or mapping, not text").format(path=_dotted(path)))
    parent = _walk(root, path[:-1]).node
    block_ok = isinstance(parent, MappingNode) and not parent.flow_style
    assert found.key is not None
    new = scalar(value, found.key.start_mark.column, block_ok).lstrip(" ")
    start, end = node.start_mark.index, _content_end(text, node)
    # A comment on the value's line (or on an old block's header line) stays on that line:
    # after a new block's header, where it cannot become part of the text.
    comment, end = _line_comment(text, node, end, moves="\n" in new)
    if comment:
        head, newline, body = new.partition("\n")
        new = f"{head} {comment}{newline}{body}"
    return text[:start] + new.replace("\n", nl) + text[end:]


def _line_comment(text: str, node: ScalarNode, end: int, moves: bool) -> tuple[str, int]:
    """The comment that the splice takes along, and where the splice ends: an old block's
    header comment (inside the replaced text), or, when the new value `moves` onto lines of
    its own, the comment after a one-line value."""
    if node.style in ("|", ">"):  # the header line: indicator, then maybe a comment
        line_end = text.find("\n", node.start_mark.index)
        header = text[node.start_mark.index : line_end].rstrip("\r")
        _before, hash_, comment = header.partition("#")
        return (f"#{comment}".rstrip(), end) if hash_ else ("", end)
    if not moves:
        return "", end
    comment, end = _comment_after(text, end)
    return comment.strip(), end


def append_item(text: str, path: Sequence[str | int], item: str) -> str:
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
        raise EditError(_("'{path}' is not a list").format(path=_dotted(path)))
    if not seq.flow_style and seq.value:
        dash = " " * seq.start_mark.column
        at = _line_after(text, _content_end(text, seq))
        return _insert_lines(text, at, f"{dash}- {item}", nl)
    parent = _walk(root, path[:-1]).node
    if seq.flow_style and isinstance(parent, MappingNode) and parent.flow_style:
        # In a flow mapping ({values: [...]}) no block can stand: the item joins the brackets.
        return _add_to_flow(text, seq, item)
    assert found.key is not None
    pad = " " * (found.key.start_mark.column + 2)
    items = [text[n.start_mark.index : n.end_mark.index] for n in seq.value] + [item]
    start, end = found.key.end_mark.index + 1, seq.end_mark.index
    return text[:start] + "".join(f"{nl}{pad}- {i}" for i in items) + text[end:]


def set_written(text: str, path: Sequence[str | int], written: str) -> str:
    """Set the value at `path` to `written`: YAML text of one line that reads as a scalar where
    it stands (a number, or a string in double quotes). Missing mappings are made on the way;
    a key missing from a flow mapping that is a list item (`- {period: "2021", value: 40}`) is
    added inside its braces."""
    root = _compose(text)
    found = _walk(root, path)
    nl = _newline(text)
    if found.depth < len(path):
        rest = path[found.depth :]
        if any(isinstance(part, int) for part in rest):
            raise EditError(_("'{path}' is not a list").format(path=_dotted(path[: found.depth])))
        listed = found.key is None and found.depth > 0 and len(rest) == 1
        if listed and isinstance(found.node, MappingNode) and found.node.flow_style:
            return _add_to_flow(text, found.node, f"{rest[0]}: {written}")
        return _insert_into(text, found, path, lambda indent: " " + written, nl)
    node = found.node
    if not isinstance(node, ScalarNode):
        raise EditError(_("'{path}' holds a list or mapping, not text").format(path=_dotted(path)))
    start, end = node.start_mark.index, _content_end(text, node)
    # An old block's header comment stays, after the new one-line value.
    comment, end = _line_comment(text, node, end, moves=False)
    return text[:start] + (f"{written} {comment}" if comment else written) + text[end:]


def _add_to_flow(text: str, collection: MappingNode | SequenceNode, entry: str) -> str:
    """`entry` (`key: value`, or an item) as the last one of a flow mapping or list, inside its
    braces or brackets."""
    if collection.value:
        last = collection.value[-1]
        at = (last[1] if isinstance(last, tuple) else last).end_mark.index
        return text[:at] + f", {entry}" + text[at:]
    at = collection.end_mark.index - 1  # the closing brace or bracket of {} or []
    return text[:at] + entry + text[at:]
