"""A string written as YAML text that reads back as exactly that string.

Three forms, chosen by the string: a folded block (`>-`) for a long single line of words, a
literal block (`|`, `|-`) for text with line breaks, double quotes for everything else. A
folded block may only break at single spaces and never inside a word or after a hyphen, or it
would change the text; anything a block cannot carry goes between double quotes, escaped.
"""

import re
import textwrap

WIDTH = 88
SHORT = 60

# YAML's printable characters (c-printable) minus the BOM; line breaks are handled apart.
_NOT_PRINTABLE = re.compile(
    "[^\t\n\x20-\x7e\xa0-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)
_BREAKS_OTHER_THAN_LF = re.compile("[\r\x85\u2028\u2029]")
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r"}


def double_quoted(value: str) -> str:
    """`"…"` with every character YAML would not read back as itself escaped."""
    out = []
    for char in value:
        code = ord(char)
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif _NOT_PRINTABLE.match(char) or _BREAKS_OTHER_THAN_LF.match(char):
            out.append(f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def _blockable(value: str) -> bool:
    return not (_NOT_PRINTABLE.search(value) or _BREAKS_OTHER_THAN_LF.search(value))


def _folded(value: str, pad: str) -> str | None:
    """A single line of words separated by single spaces, wrapped at those spaces."""
    if "\n" in value or "\t" in value or "  " in value or value != value.strip(" "):
        return None
    lines = textwrap.wrap(
        value,
        WIDTH - len(pad),
        break_long_words=False,
        break_on_hyphens=False,
        expand_tabs=False,
        replace_whitespace=False,
    )
    if " ".join(lines) != value:
        return None
    return ">-\n" + "\n".join(pad + line for line in lines)


def _literal(value: str, pad: str) -> str | None:
    """Text with line breaks, kept as typed. Not for text that ends in a line break: at the end
    of a file without a final newline it would lose it (the double-quoted form keeps it)."""
    if "\n" not in value or value.endswith("\n"):
        return None
    lines = value.split("\n")
    if any(line and not line.strip(" \t") for line in lines):
        return None  # a line of blanks alone reads back as an empty line
    first = next(line for line in lines if line)
    # A first line that starts with a blank needs the indentation given explicitly.
    indicator = "2" if first.startswith((" ", "\t")) else ""
    return f"|{indicator}-\n" + "\n".join(pad + line if line else "" for line in lines)


def scalar(value: str, indent: int, block_ok: bool) -> str:
    """The text after `key:` for `value`, for a key at column `indent` (a leading space, and
    for a block, the indicator and the lines that follow)."""
    if block_ok and _blockable(value) and (len(value) > SHORT or "\n" in value):
        pad = " " * (indent + 2)
        block = _folded(value, pad) or _literal(value, pad)
        if block:
            return " " + block
    return " " + double_quoted(value)
