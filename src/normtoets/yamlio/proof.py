"""The proof an edit must pass before it is written: parsed again, the file differs from the
original in exactly the intended values, and every comment is still there, in order.

A text splice is fast and keeps the researcher's layout, but one wrong offset can move a
comment into a finding or a reviewer into the finding's text. This check does not trust the
splice: it compares what a reader of the file would get before and after.
"""

import copy
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ruamel.yaml.cyaml import CSafeLoader
from ruamel.yaml.error import YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from normtoets.core.diagnostics import Diagnostic, PathKey
from normtoets.core.i18n import _
from normtoets.yamlio.document import Document

_NOT_A_BREAK = re.compile(r"[^\r\n]")


@dataclass(frozen=True)
class Change:
    """One intended change: set the value at `path` (an int there is an item of a list), or
    (`append`) add an item to its list."""

    path: tuple[str | int, ...]
    value: Any
    append: bool = False


def expected(data: Any, changes: Sequence[Change]) -> Any:
    """The original data with the changes made, mappings created on the way."""
    result = copy.deepcopy(data)
    for change in changes:
        here = result
        for key, following in zip(change.path[:-1], change.path[1:], strict=True):
            if isinstance(key, int) and isinstance(here, list):
                here = here[key]
                continue
            if isinstance(following, int) and isinstance(here.get(key), list):
                here = here[key]
                continue
            if not isinstance(here.get(key), dict):
                here[key] = {}
            here = here[key]
        last = change.path[-1]
        if change.append:
            if not isinstance(here.get(last), list):
                here[last] = []
            here[last].append(change.value)
        else:
            here[last] = change.value
    return result


def _first_difference(before: Any, after: Any, path: PathKey = ()) -> PathKey | None:
    if type(before) is not type(after):
        return path
    if isinstance(before, dict):
        for key in before.keys() | after.keys():
            if key not in before or key not in after:
                return (*path, key)
            found = _first_difference(before[key], after[key], (*path, key))
            if found is not None:
                return found
        return None
    if isinstance(before, list):
        if len(before) != len(after):
            return path
        for index, (a, b) in enumerate(zip(before, after, strict=True)):
            found = _first_difference(a, b, (*path, index))
            if found is not None:
                return found
        return None
    return None if before == after else path


def _scalars(node: Node) -> list[ScalarNode]:
    if isinstance(node, ScalarNode):
        return [node]
    if isinstance(node, MappingNode):
        return [s for key, value in node.value for s in (*_scalars(key), *_scalars(value))]
    if isinstance(node, SequenceNode):
        return [s for item in node.value for s in _scalars(item)]
    return []


def comments(text: str) -> list[str]:
    """Every comment of the file, in order: `#` after a space or at a line start, outside
    every scalar (a block scalar's header line is outside it)."""
    loader = CSafeLoader(text)
    try:
        root = loader.get_single_node()
    finally:
        loader.dispose()
    masked = list(text)
    for node in _scalars(root) if root is not None else []:
        start, end = node.start_mark.index, node.end_mark.index
        if node.style in ("|", ">"):
            header_end = text.find("\n", start)
            start = len(text) if header_end < 0 else header_end
        masked[start:end] = _NOT_A_BREAK.sub(" ", text[start:end])
    plain = "".join(masked)
    found = []
    for line in plain.splitlines():
        for index, char in enumerate(line):
            if char == "#" and (index == 0 or line[index - 1] in " \t"):
                found.append(line[index:].rstrip())
                break
    return found


def unintended(
    before: Document, before_text: str, after: Document, after_text: str, want: Any
) -> str | None:
    """Why the edited text is not the original with exactly the intended changes, or None."""
    where = _first_difference(want, after.data)
    if where is not None:
        shown = ".".join(str(part) for part in where) or _("the file")
        return _("the edit would also change {path}").format(path=shown)
    try:
        lost = Counter(comments(before_text)) - Counter(comments(after_text))
    except YAMLError:
        return _("the edited file no longer parses")
    if lost:
        return _("the edit would change the comment {comment}").format(
            comment=repr(next(iter(lost)))
        )
    return None


def _positions(doc: Document) -> dict[tuple[bool, int, int], PathKey]:
    """Each position of a key or value to the outermost path that starts there."""
    found: dict[tuple[bool, int, int], PathKey] = {}
    for is_key, table in ((True, doc.keys), (False, doc.values)):
        for path, (line, column) in table.items():
            place = (is_key, line, column)
            if place not in found or len(path) < len(found[place]):
                found[place] = path
    return found


def _identity(d: Diagnostic, places: dict[tuple[bool, int, int], PathKey]) -> Any:
    """An error by code, message and the path it stands at: an edit shifts lines, the path
    stays. An error at no known path is known by code and message alone."""
    path = places.get((True, d.line, d.column), places.get((False, d.line, d.column)))
    return (d.code, d.message, path)


def new_diagnostics(
    before: list[Diagnostic],
    before_doc: Document | None,
    after: list[Diagnostic],
    after_doc: Document | None,
) -> list[Diagnostic]:
    """The diagnostics of `after` that `before` did not have (the same one at another place is
    new, however alike the text)."""
    old_places = _positions(before_doc) if before_doc is not None else {}
    new_places = _positions(after_doc) if after_doc is not None else {}
    extra = Counter(_identity(d, new_places) for d in after) - Counter(
        _identity(d, old_places) for d in before
    )
    out = []
    for d in after:
        key = _identity(d, new_places)
        if extra[key] > 0:
            extra[key] -= 1
            out.append(d)
    return out


def within(
    diagnostics: list[Diagnostic], doc: Document, prefixes: list[PathKey]
) -> list[Diagnostic]:
    """The diagnostics that stand at or below one of the paths `prefixes` in `doc`."""
    places = _positions(doc)
    out = []
    for d in diagnostics:
        path = places.get((True, d.line, d.column), places.get((False, d.line, d.column)))
        if path is not None and any(path[: len(p)] == p for p in prefixes):
            out.append(d)
    return out
