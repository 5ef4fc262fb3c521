"""The careful parse: walk the event stream, stopping at the first alias, tag or level too deep.

Slower than composing nodes in C (every event becomes a Python object), but nothing is ever
expanded or nested past the limit, whatever the input. Used whenever the quick scan in
yamlio/nodes.py cannot rule such input out, and where the C parser is missing.
"""

from collections.abc import Callable, Iterable
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml import events as ev

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
    second_document,
    too_deep,
    too_many_items,
)

ALLOWED_TAGS = {None, "!", "tag:yaml.org,2002:str"}
_ENDS = frozenset({ev.MappingEndEvent, ev.SequenceEndEvent})  # the open frame closes
# The events that hold no value: around the values (stream, document), or refused (alias).
_AROUND = frozenset(
    {
        ev.StreamStartEvent,
        ev.StreamEndEvent,
        ev.DocumentStartEvent,
        ev.DocumentEndEvent,
        ev.AliasEvent,
    }
)


def pure_events(text: str) -> Iterable[ev.Event]:
    return YAML(typ="safe", pure=True).parse(text)  # type: ignore[no-any-return]


def _c_events(text: str) -> Iterable[ev.Event]:
    from ruamel.yaml.cyaml import CSafeLoader  # missing without libyaml: _choose falls back

    loader = CSafeLoader(text)
    try:
        while True:
            event = loader.get_event()
            yield event
            if isinstance(event, ev.StreamEndEvent):
                return
    finally:
        loader.dispose()


def _choose() -> Callable[[str], Iterable[ev.Event]]:
    try:
        next(iter(_c_events("a: 1")))
        return _c_events
    except Exception:  # no C extension on this machine: the same events, in pure Python
        return pure_events


events = _choose()
USES_C = events is _c_events


def _at(event: Any) -> Position:
    return (event.start_mark.line + 1, event.start_mark.column + 1)


class _Frame:
    """An open mapping or sequence during the walk."""

    __slots__ = ("container", "discard", "entries", "expecting_value", "path", "pending", "seen")

    def __init__(self, container: Any, path: PathKey, discard: bool) -> None:
        self.container = container
        self.path = path
        self.discard = discard  # inside a duplicate key's value: parsed, never kept
        self.expecting_value = False  # in a mapping: a key was read, its value comes next
        self.pending: str | None = None  # that key; None when it repeated an earlier key
        self.seen: dict[str, Position] = {}
        self.entries = 0  # items or keys so far, repeated keys included, as the quick path counts


# Line breaks as YAML (libyaml) counts them, so our line numbers agree with the parser's.


def walk(events: Iterable[Any], doc: Document, problems: list[Diagnostic]) -> None:
    name = doc.name
    root = _Frame([], (), False)
    stack = [root]
    documents = 0

    def stop(event: Any, code: str, message: str, hint: str | None = None) -> Stop:
        return Stop(Diagnostic(name, *_at(event), Severity.error, code, message, hint))

    def count(frame: _Frame, event: Any) -> None:
        frame.entries += 1
        if frame.entries > MAX_ITEMS:
            raise stop(event, *too_many_items(isinstance(frame.container, dict)))

    def place(value: Any, event: Any) -> None:
        frame = stack[-1]
        discard = frame.discard
        if isinstance(frame.container, dict):
            key = frame.pending
            frame.expecting_value = False
            if key is None:  # the key repeated an earlier one: drop its value
                discard = True
            else:
                frame.container[key] = value
            here: PathKey = (*frame.path, key if key is not None else "")
        else:
            if frame is not root:
                count(frame, event)
            here = (*frame.path, len(frame.container)) if frame is not root else ()
            frame.container.append(value)
        if not discard:
            doc.values[here] = _at(event)
        if isinstance(value, dict | list):
            if len(stack) > MAX_DEPTH:
                raise stop(event, "too-deep", too_deep())
            stack.append(_Frame(value, here, discard))

    def around(event: Any, kind: type) -> None:
        """An event that holds no value: a stream or document starts or ends (a second document
        is refused), or an alias (refused). A handful a file, so no cost to the walk."""
        nonlocal documents
        if kind is ev.DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise stop(event, "multiple-documents", second_document())
        elif kind is ev.AliasEvent:
            raise stop(
                event,
                "alias",
                _("aliases (*{anchor}) are not allowed").format(anchor=event.anchor),
                _("write the value out in full"),
            )

    def repeated(frame: _Frame, key: str, event: Any) -> None:
        """A key the mapping has already: an error, unless the mapping lies in a repeated key's
        value (dropped, and reported once, at that key)."""
        if not frame.discard:
            problems.append(
                Diagnostic(
                    name,
                    *_at(event),
                    Severity.error,
                    "duplicate-key",
                    *duplicate_key(key, frame.seen[key][0]),
                )
            )

    for event in events:
        kind = type(event)
        if kind in _ENDS:
            stack.pop()
            continue
        if kind in _AROUND:
            around(event, kind)
            continue
        if event.anchor:
            raise stop(
                event,
                "alias",
                _("anchors (&{anchor}) are not allowed").format(anchor=event.anchor),
                _("write the value out in full"),
            )
        tag = event.tag
        if tag not in ALLOWED_TAGS:
            problems.append(
                Diagnostic(
                    name,
                    *_at(event),
                    Severity.error,
                    "yaml-tag",
                    _("tag '{tag}' is not allowed in normtoets files").format(tag=tag),
                    _("remove the tag; values are plain text, numbers or lists"),
                )
            )
        frame = stack[-1]
        if isinstance(frame.container, dict) and not frame.expecting_value:
            if kind is not ev.ScalarEvent:
                raise stop(event, "yaml-syntax", key_not_text())
            count(frame, event)
            key = str(event.value)
            frame.expecting_value = True
            if key in frame.seen:
                repeated(frame, key, event)
                frame.pending = None
            else:
                frame.seen[key] = _at(event)
                frame.pending = key
                if not frame.discard:
                    doc.keys[(*frame.path, key)] = _at(event)
            continue
        if kind is ev.ScalarEvent:
            is_plain = event.implicit[0] and tag is None
            place(plain(event.value) if is_plain else event.value, event)
        elif kind is ev.MappingStartEvent:
            place({}, event)
        else:
            place([], event)
    doc.data = next(iter(root.container), None)  # the document's one value; None if empty
