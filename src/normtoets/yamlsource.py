"""Read a YAML file safely into plain data plus a map of where every key and value stands.

Parsing dominates validation, so this walks the event stream of ruamel's C parser (libyaml)
instead of composing with the pure-Python round-trip loader. Walking events ourselves also
makes the limits cheap: an alias, a tag or a too-deep nesting stops the walk at once, before
anything is expanded. Commands that edit a file use the round-trip loader elsewhere.
"""

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml import events as ev
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.reader import ReaderError

from normtoets.diagnostics import Diagnostic, Severity

MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 32

PathKey = tuple[str | int, ...]
Position = tuple[int, int]


@dataclass
class Document:
    """Plain data of one file, with 1-based positions keyed by the path to each node."""

    name: str
    data: Any
    values: dict[PathKey, Position] = field(default_factory=dict)
    keys: dict[PathKey, Position] = field(default_factory=dict)

    def position(self, path: PathKey, *, key: bool = False) -> Position:
        """Where `path` stands; the nearest known ancestor when it is absent."""
        while True:
            found = (self.keys.get(path) if key else None) or self.values.get(path)
            if found:
                return found
            if not path:
                return (1, 1)
            path = path[:-1]


class _Stop(Exception):
    """Raised inside the walk when the file breaks a safety limit; carries the diagnostic."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        self.diagnostic = diagnostic


def _pure_events(text: str) -> Iterable[ev.Event]:
    return YAML(typ="safe", pure=True).parse(text)  # type: ignore[no-any-return]


def _parser_factory() -> Callable[[str], Iterable[ev.Event]]:
    try:
        from ruamel.yaml.cyaml import CSafeLoader

        CSafeLoader("a: 1").get_event()

        def c_events(text: str) -> Iterable[ev.Event]:
            loader = CSafeLoader(text)
            try:
                while True:
                    event = loader.get_event()
                    yield event
                    if isinstance(event, ev.StreamEndEvent):
                        return
            finally:
                loader.dispose()

        return c_events
    except Exception:  # no C extension on this machine: same events, pure Python
        return _pure_events


_events = _parser_factory()

# YAML 1.2 core schema for plain scalars; anything else stays text (dates too: pydantic parses).
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_SYNTAX_HINTS = {
    "mapping values are not allowed in this context": "put text that contains ': ' between quotes",
    "found character '\\t' that cannot start any token": "indent with spaces, not tabs",
}
_ALLOWED_TAGS = {None, "!", "tag:yaml.org,2002:str"}


def _plain(value: str) -> Any:
    if _NULL.match(value):
        return None
    if value in _BOOL:
        return _BOOL[value]
    if _INT.match(value):
        return int(value)
    if _FLOAT.match(value):
        return float(value)
    return value


def _at(event: ev.Event) -> Position:
    return (event.start_mark.line + 1, event.start_mark.column + 1)


def decode(raw: bytes, name: str) -> tuple[str | None, list[Diagnostic]]:
    """UTF-8 (with or without BOM) to text; anything else is a diagnostic at the bad byte."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [
            Diagnostic(
                name,
                1,
                1,
                Severity.error,
                "encoding",
                "file is UTF-16, not UTF-8",
                "save the file as UTF-8",
            )
        ]
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        line = raw.count(b"\n", 0, exc.start) + 1
        column = len(raw[line_start : exc.start].decode("utf-8", "replace")) + 1
        byte = raw[exc.start : exc.start + 1]
        guess = byte.decode("cp1252", "replace")
        return None, [
            Diagnostic(
                name,
                line,
                column,
                Severity.error,
                "encoding",
                f"file is not valid UTF-8: byte 0x{byte.hex().upper()} cannot be decoded",
                f"it looks like Windows-1252 ('{guess}'); save the file as UTF-8",
            )
        ]


def read(path: Path, name: str | None = None) -> tuple[Document | None, list[Diagnostic]]:
    """Read and parse one file; an unreadable path raises OSError for the caller to report."""
    name = name or str(path)
    size = path.stat().st_size
    if size > MAX_BYTES:
        return None, [
            Diagnostic(
                name,
                1,
                1,
                Severity.error,
                "file-too-large",
                f"file is {size:,} bytes; normtoets reads files up to {MAX_BYTES:,} bytes",
            )
        ]
    text, problems = decode(path.read_bytes(), name)
    if text is None:
        return None, problems
    return parse(text, name)


def parse(text: str, name: str) -> tuple[Document | None, list[Diagnostic]]:
    """Parse YAML text. Returns no document when the file cannot be used at all."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        return None, [
            Diagnostic(
                name,
                1,
                1,
                Severity.error,
                "file-too-large",
                f"file is larger than {MAX_BYTES:,} bytes",
            )
        ]
    doc = Document(name, None)
    problems: list[Diagnostic] = []
    try:
        _walk(_events(text), doc, problems)
    except _Stop as stop:
        return None, [*problems, stop.diagnostic]
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = within(text, mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = " ".join(str(p) for p in (exc.problem, exc.context) if p) or "invalid YAML"
        hint = _SYNTAX_HINTS.get(str(exc.problem))
        return None, [Diagnostic(name, line, column, Severity.error, "yaml-syntax", message, hint)]
    except ReaderError as exc:
        return None, [_reader_problem(text, name, exc)]
    except YAMLError as exc:
        return None, [Diagnostic(name, 1, 1, Severity.error, "yaml-syntax", str(exc))]
    if doc.data is None and not doc.values:
        return None, [Diagnostic(name, 1, 1, Severity.error, "empty-file", "file is empty")]
    return doc, problems


class _Frame:
    """An open mapping or sequence during the walk."""

    __slots__ = ("container", "discard", "expecting_value", "path", "pending", "seen")

    def __init__(self, container: Any, path: PathKey, discard: bool) -> None:
        self.container = container
        self.path = path
        self.discard = discard  # inside a duplicate key's value: parsed, never kept
        self.expecting_value = False  # in a mapping: a key was read, its value comes next
        self.pending: str | None = None  # that key; None when it repeated an earlier key
        self.seen: dict[str, Position] = {}


# Line breaks as YAML (libyaml) counts them, so our line numbers agree with the parser's.
_BREAKS = re.compile("\r\n|\r|\n|\x85|\u2028|\u2029")


def lines_of(text: str) -> list[str]:
    return _BREAKS.split(text)


def within(text: str, line: int, column: int) -> Position:
    """A parser position moved inside the file (end-of-stream errors point one line past it)."""
    lines = lines_of(text)
    if line > len(lines):
        return len(lines), len(lines[-1]) + 1
    return line, min(column, len(lines[line - 1]) + 1)


def _reader_problem(text: str, name: str, exc: ReaderError) -> Diagnostic:
    """libyaml reports the offset in UTF-8 bytes; the pure parser in characters."""
    offset = exc.position
    if _events is not _pure_events:
        offset = len(text.encode("utf-8", "surrogatepass")[:offset].decode("utf-8", "ignore"))
    before = lines_of(text[:offset])
    line, column = within(text, len(before), len(before[-1]) + 1)
    char = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or " ")
    return Diagnostic(
        name,
        line,
        column,
        Severity.error,
        "yaml-syntax",
        f"control character U+{char:04X} is not allowed in a YAML file",
        "remove it; it is often pasted in from a PDF or word processor",
    )


def _walk(events: Iterable[Any], doc: Document, problems: list[Diagnostic]) -> None:
    name = doc.name
    root = _Frame([], (), False)
    stack = [root]
    documents = 0

    def stop(event: Any, code: str, message: str, hint: str | None = None) -> _Stop:
        return _Stop(Diagnostic(name, *_at(event), Severity.error, code, message, hint))

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
            here = (*frame.path, len(frame.container)) if frame is not root else ()
            frame.container.append(value)
        if not discard:
            doc.values[here] = _at(event)
        if isinstance(value, dict | list):
            if len(stack) > MAX_DEPTH:
                raise stop(event, "too-deep", f"nesting is deeper than {MAX_DEPTH} levels")
            stack.append(_Frame(value, here, discard))

    for event in events:
        kind = type(event)
        if kind is ev.DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise stop(
                    event,
                    "multiple-documents",
                    "a file holds one YAML document; found a second '---'",
                )
            continue
        if kind in (ev.StreamStartEvent, ev.StreamEndEvent, ev.DocumentEndEvent):
            continue
        if kind in (ev.MappingEndEvent, ev.SequenceEndEvent):
            stack.pop()
            continue
        if kind is ev.AliasEvent:
            raise stop(
                event,
                "alias",
                f"aliases (*{event.anchor}) are not allowed",
                "write the value out in full",
            )
        if event.anchor:
            raise stop(
                event,
                "alias",
                f"anchors (&{event.anchor}) are not allowed",
                "write the value out in full",
            )
        tag = event.tag
        if tag not in _ALLOWED_TAGS:
            problems.append(
                Diagnostic(
                    name,
                    *_at(event),
                    Severity.error,
                    "yaml-tag",
                    f"tag '{tag}' is not allowed in normtoets files",
                    "remove the tag; values are plain text, numbers or lists",
                )
            )
        frame = stack[-1]
        if isinstance(frame.container, dict) and not frame.expecting_value:
            if kind is not ev.ScalarEvent:
                raise stop(event, "yaml-syntax", "a key must be plain text, not a list or mapping")
            key = str(event.value)
            frame.expecting_value = True
            if key in frame.seen:
                if not frame.discard:
                    problems.append(
                        Diagnostic(
                            name,
                            *_at(event),
                            Severity.error,
                            "duplicate-key",
                            f"key '{key}' appears twice in the same mapping",
                            f"first on line {frame.seen[key][0]}; normtoets keeps the first",
                        )
                    )
                frame.pending = None
            else:
                frame.seen[key] = _at(event)
                frame.pending = key
                if not frame.discard:
                    doc.keys[(*frame.path, key)] = _at(event)
            continue
        if kind is ev.ScalarEvent:
            plain = event.implicit[0] and tag is None
            place(_plain(event.value) if plain else event.value, event)
        elif kind is ev.MappingStartEvent:
            place({}, event)
        else:
            place([], event)
    doc.data = root.container[0] if root.container else None
