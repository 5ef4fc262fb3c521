"""Read a YAML file safely into a Document: plain data plus the position of every key and value.

Parsing dominates validation. The quick path composes nodes with ruamel's C parser (libyaml)
and walks them (yamlio/nodes.py); input that might hold an alias, a tag or deep nesting takes
the careful path that stops at the first one (yamlio/events.py). Commands that edit a file
splice text (yamlio/splice.py) instead of dumping a round-tripped document.
"""

from pathlib import Path

from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.reader import ReaderError

from normtoets.core.controlchars import may_hold_unseen
from normtoets.core.diagnostics import Diagnostic, PathKey, Severity
from normtoets.core.i18n import _, integer
from normtoets.yamlio import events as yamlevents
from normtoets.yamlio import nodes as yamlnodes
from normtoets.yamlio.document import (
    MAX_BYTES,
    MAX_DEPTH,
    Document,
    Position,
    Stop,
    lines_of,
    second_document,
    within,
)

__all__ = ["MAX_BYTES", "MAX_DEPTH", "Document", "PathKey", "Position", "decode", "lines_of",
           "parse", "read"]  # fmt: skip


def _known(problem: str) -> tuple[str, str] | None:
    """The message and hint for the parser's most common problems; the rest keep the parser's
    own message, in English."""
    if problem == "mapping values are not allowed in this context":
        return (
            _("mapping values are not allowed in this context"),
            _("put text that contains ': ' between quotes"),
        )
    if problem == "block sequence entries are not allowed in this context":
        return (
            _("block sequence entries are not allowed in this context"),
            _("a value that starts with '-' goes between quotes, like a score: score: \"-\""),
        )
    return None


def _parser_words() -> dict[str, str]:
    """The YAML parser's own problems and contexts (libyaml's, which ruamel's pure parser
    mostly shares), in the user's language; looked up whole."""
    return {
        "found character that cannot start any token": _(
            "found a character that cannot start any token"),
        "could not find expected ':'": _("could not find the expected ':'"),
        "found unexpected end of stream": _("the file ends where more was expected"),
        "did not find expected key": _("did not find the expected key"),
        "did not find expected '-' indicator": _("did not find the expected '-'"),
        "did not find expected node content": _("did not find the expected value"),
        "did not find expected ',' or ']'": _("did not find the expected ',' or ']'"),
        "did not find expected ',' or '}'": _("did not find the expected ',' or '}'"),
        "found a tab character that violates indentation": _(
            "a tab breaks the indentation"),
        "found unknown escape character": _("unknown escape character after '\\'"),
        "found unexpected document indicator": _("unexpected '---' or '...'"),
        "while scanning a simple key": _("while reading a key"),
        "while parsing a block mapping": _("while reading the keys of a block"),
        "while parsing a block collection": _("while reading a list"),
        "while parsing a flow sequence": _("while reading a list in [ ]"),
        "while parsing a flow mapping": _("while reading a mapping in { }"),
        "while scanning a quoted scalar": _("while reading a text between quotes"),
        "while scanning a block scalar": _("while reading a block of text"),
        "while parsing a block node": _("while reading a value"),
        "while parsing a flow node": _("while reading a value"),
        "while scanning a plain scalar": _("while reading a text"),
    }  # fmt: skip


def _said(part: object) -> str:
    """One part of the parser's message in the user's language, where it is a known one."""
    text = str(part)
    return _parser_words().get(text.strip(), text)


def _problem(name: str, code: str, message: str, hint: str | None = None,
             at: Position = (1, 1)) -> Diagnostic:  # fmt: skip
    return Diagnostic(name, at[0], at[1], Severity.error, code, message, hint)


def decode(raw: bytes, name: str) -> tuple[str | None, list[Diagnostic]]:
    """UTF-8 (with or without BOM) to text; anything else is a diagnostic at the bad byte."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [
            _problem(name, "encoding", _("file is UTF-16, not UTF-8"), _("save the file as UTF-8"))
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
                _("file is not valid UTF-8: byte 0x{byte} cannot be decoded").format(
                    byte=byte.hex().upper()
                ),
                _("it looks like Windows-1252 ('{guess}'); save the file as UTF-8").format(
                    guess=guess
                ),
                (line, column),
            )
        ]


def _too_large(name: str, size: int) -> list[Diagnostic]:
    return [
        _problem(
            name,
            "file-too-large",
            _("file is {size} bytes; normtoets reads files up to {max} bytes").format(
                size=integer(size), max=integer(MAX_BYTES)
            ),
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
    doc.may_hold_unseen = may_hold_unseen(text)
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
        return None, [_problem(name, "empty-file", _("file is empty"))]
    return doc, problems


def _syntax_problem(text: str, name: str, exc: MarkedYAMLError) -> Diagnostic:
    mark = exc.problem_mark or exc.context_mark
    at = within(text, mark.line + 1, mark.column + 1) if mark else (1, 1)
    if "expected a single document" in f"{exc.problem} {exc.context}":
        return _problem(name, "multiple-documents", second_document(), None, at)
    message = " ".join(_said(p) for p in (exc.problem, exc.context) if p) or _("invalid YAML")
    hint = None
    known = _known(str(exc.problem))
    if known is not None and not exc.context:
        message, hint = known
    elif known is not None:
        hint = known[1]
    if mark is not None and text[mark.index : mark.index + 1] == "\t":
        message = _("a tab cannot start a value or key in YAML")
        hint = _("indent with spaces, not tabs")
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
        _("control character U+{code} is not allowed in a YAML file").format(code=f"{char:04X}"),
        _("remove it; it is often pasted in from a PDF or word processor"),
        at,
    )
