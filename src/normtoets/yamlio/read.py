"""Read a YAML file safely into a Document: plain data plus the position of every key and value.

Parsing dominates validation. The quick path composes nodes with ruamel's C parser (libyaml)
and walks them (yamlnodes); input that might hold an alias, a tag or deep nesting takes the
careful path that stops at the first one (yamlevents). Commands that edit a file splice text
(textedit) instead of dumping a round-tripped document.
"""

from pathlib import Path

from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.reader import ReaderError

from normtoets.core.diagnostics import Diagnostic, PathKey, Severity
from normtoets.yamlio import events as yamlevents
from normtoets.yamlio import nodes as yamlnodes
from normtoets.yamlio.document import (
    MAX_BYTES,
    MAX_DEPTH,
    Document,
    Position,
    Stop,
    lines_of,
    within,
)

__all__ = ["MAX_BYTES", "MAX_DEPTH", "Document", "PathKey", "Position", "decode", "lines_of",
           "parse", "read"]  # fmt: skip

_SYNTAX_HINTS = {
    "mapping values are not allowed in this context": "put text that contains ': ' between quotes",
    "block sequence entries are not allowed in this context": (
        "a value that starts with '-' goes between quotes, like a score: score: \"-\""
    ),
}
_TAB_HINT = "indent with spaces, not tabs"


def _problem(name: str, code: str, message: str, hint: str | None = None,
             at: Position = (1, 1)) -> Diagnostic:  # fmt: skip
    return Diagnostic(name, at[0], at[1], Severity.error, code, message, hint)


def decode(raw: bytes, name: str) -> tuple[str | None, list[Diagnostic]]:
    """UTF-8 (with or without BOM) to text; anything else is a diagnostic at the bad byte."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [
            _problem(name, "encoding", "file is UTF-16, not UTF-8", "save the file as UTF-8")
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
            _problem(
                name,
                "encoding",
                f"file is not valid UTF-8: byte 0x{byte.hex().upper()} cannot be decoded",
                f"it looks like Windows-1252 ('{guess}'); save the file as UTF-8",
                (line, column),
            )
        ]


def _too_large(name: str, size: int) -> list[Diagnostic]:
    return [
        _problem(
            name,
            "file-too-large",
            f"file is {size:,} bytes; normtoets reads files up to {MAX_BYTES:,} bytes",
        )
    ]


def read(path: Path, name: str | None = None) -> tuple[Document | None, list[Diagnostic]]:
    """Read and parse one file; an unreadable path raises OSError for the caller to report."""
    name = name or str(path)
    size = path.stat().st_size
    if size > MAX_BYTES:
        return None, _too_large(name, size)
    text, problems = decode(path.read_bytes(), name)
    if text is None:
        return None, problems
    return parse(text, name)


def parse(text: str, name: str) -> tuple[Document | None, list[Diagnostic]]:
    """Parse YAML text. Returns no document when the file cannot be used at all."""
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_BYTES:
        return None, _too_large(name, size)
    doc = Document(name, None)
    problems: list[Diagnostic] = []
    try:
        if yamlevents.USES_C and yamlnodes.safe_to_compose(text):
            yamlnodes.compose(text, doc, problems)
        else:
            yamlevents.walk(yamlevents.events(text), doc, problems)
    except Stop as stop:
        return None, [*problems, stop.diagnostic]
    except MarkedYAMLError as exc:
        return None, [_syntax_problem(text, name, exc)]
    except ReaderError as exc:
        return None, [_reader_problem(text, name, exc)]
    except YAMLError as exc:
        return None, [_problem(name, "yaml-syntax", str(exc))]
    if doc.data is None and not doc.values:
        return None, [_problem(name, "empty-file", "file is empty")]
    return doc, problems


def _syntax_problem(text: str, name: str, exc: MarkedYAMLError) -> Diagnostic:
    mark = exc.problem_mark or exc.context_mark
    at = within(text, mark.line + 1, mark.column + 1) if mark else (1, 1)
    if "expected a single document" in f"{exc.problem} {exc.context}":
        return _problem(
            name,
            "multiple-documents",
            "a file holds one YAML document; found a second '---'",
            None,
            at,
        )
    message = " ".join(str(p) for p in (exc.problem, exc.context) if p) or "invalid YAML"
    hint = _SYNTAX_HINTS.get(str(exc.problem))
    if mark is not None and text[mark.index : mark.index + 1] == "\t":
        message, hint = "a tab cannot start a value or key in YAML", _TAB_HINT
    return _problem(name, "yaml-syntax", message, hint, at)


def _reader_problem(text: str, name: str, exc: ReaderError) -> Diagnostic:
    """libyaml reports the offset in UTF-8 bytes; the pure parser in characters."""
    offset = exc.position
    if yamlevents.USES_C:
        offset = len(text.encode("utf-8", "surrogatepass")[:offset].decode("utf-8", "ignore"))
    before = lines_of(text[:offset])
    at = within(text, len(before), len(before[-1]) + 1)
    char = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or " ")
    return _problem(
        name,
        "yaml-syntax",
        f"control character U+{char:04X} is not allowed in a YAML file",
        "remove it; it is often pasted in from a PDF or word processor",
        at,
    )
