"""The parsed form of a YAML file, and the rules both parsers share (limits, scalar types)."""

import re
from dataclasses import dataclass, field
from typing import Any, Protocol

from normtoets.core.diagnostics import Diagnostic, PathKey, Problem, Severity
from normtoets.core.i18n import _, integer

MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 32
# Entries in one list or mapping: 30× the Netherlands' 342 municipalities, and far more sources,
# norms or evidence than any assessment has; enough to keep every later step's cost in bounds.
MAX_ITEMS = 10_000

Position = tuple[int, int]


# A lookup in the node tree scans each mapping on the way: a few are cheaper than the tables,
# many (a file with hundreds of diagnostics) would cost a scan each; then the tables are built.
NAVIGATED_LOOKUPS = 8


class Positions(Protocol):
    """Positions kept as the parser's own tree and found when asked (yamlio/nodes)."""

    def position(self, path: PathKey, key: bool) -> Position: ...

    def tables(self) -> tuple[dict[PathKey, Position], dict[PathKey, Position]]: ...


@dataclass
class Document:
    """Plain data of one file, with 1-based positions keyed by the path to each node."""

    name: str
    data: Any
    # False when the text holds no control or hidden character and no backslash: then no value
    # can (only the raw character or an escape in double quotes makes one), and the walk that
    # looks for them in every value is skipped.
    may_hold_unseen: bool = True
    # The quick parse keeps its node tree instead of tables: most files need a position for
    # a handful of diagnostics or none, and the tables cost a third of the parse.
    pending: Positions | None = None
    _tables: tuple[dict[PathKey, Position], dict[PathKey, Position]] = field(
        default_factory=lambda: ({}, {})
    )
    _asked: int = 0

    @property
    def values(self) -> dict[PathKey, Position]:
        """Where each value starts, by its path."""
        return self._filled()[0]

    @property
    def keys(self) -> dict[PathKey, Position]:
        """Where each mapping key starts, by the path of its value."""
        return self._filled()[1]

    def _filled(self) -> tuple[dict[PathKey, Position], dict[PathKey, Position]]:
        if self.pending is not None:
            self._tables, self.pending = self.pending.tables(), None
        return self._tables

    def place(
        self, problem: Problem, code: str | None = None, severity: Severity | None = None
    ) -> Diagnostic:
        """The one step from a Problem to a Diagnostic: its line and column in this file.
        `code` and `severity` are defaults for a problem that does not carry its own."""
        line, column = self.position(problem.path, key=problem.at_key)
        if problem.line_offset:
            line, column = line + problem.line_offset, 1
        found_code, found_severity = problem.code or code, problem.severity or severity
        assert found_code is not None and found_severity is not None
        return Diagnostic(
            self.name, line, column, found_severity, found_code, problem.message, problem.hint
        )

    def position(self, path: PathKey, *, key: bool = False) -> Position:
        """Where `path` stands; the nearest known ancestor when it is absent (with `key`, the
        key of a mapping entry rather than its value)."""
        if self.pending is not None and self._asked < NAVIGATED_LOOKUPS:
            self._asked += 1
            return self.pending.position(path, key)
        values, keys = self._filled()
        while True:
            found = (keys.get(path) if key else None) or values.get(path)
            if found:
                return found
            if not path:
                return (1, 1)
            path = path[:-1]


class Stop(Exception):
    """Raised inside a walk when the file breaks a safety limit; carries the diagnostic."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        self.diagnostic = diagnostic


def too_many_items(mapping: bool) -> tuple[str, str]:
    """The code and message for a list or mapping past MAX_ITEMS (both parsers stop there)."""
    if mapping:
        message = _("mapping has more than {max} keys; normtoets reads mappings of up to {max}")
    else:
        message = _("list has more than {max} items; normtoets reads lists of up to {max}")
    return "too-many-items", message.format(max=integer(MAX_ITEMS))


def too_deep() -> str:
    return _("nesting is deeper than {max} levels").format(max=MAX_DEPTH)


def second_document() -> str:
    return _("a file holds one YAML document; found a second '---'")


def key_not_text() -> str:
    return _("a key must be plain text, not a list or mapping")


def duplicate_key(key: str, first_line: int) -> tuple[str, str]:
    """The message and hint for a key repeated in one mapping."""
    return (
        _("key '{key}' appears twice in the same mapping").format(key=key),
        _("first on line {line}; normtoets keeps the first").format(line=first_line),
    )


# YAML 1.2 core schema for plain scalars; anything else stays text (dates too: pydantic parses).
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")


_TEXT_START = frozenset("abcdeghijklmopqrsuvwxyzABCDEGHIJKLMOPQRSUVWXYZ")


def plain(value: str) -> Any:
    """The value of an unquoted scalar."""
    if value and value[0] in _TEXT_START:  # most values are words: no pattern can match them
        return value
    if _NULL.match(value):
        return None
    if value in _BOOL:
        return _BOOL[value]
    if _INT.match(value):
        return int(value)
    if _FLOAT.match(value):
        return float(value)
    return value


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
