"""Control characters and hidden formatting characters in text: never sent raw to a terminal,
never accepted in a data file.

YAML keeps raw control characters out of a file, but a double-quoted escape (`"\\e[2J"`) puts
one in a value; sent to a terminal it can clear the screen or retitle the window, in a report it
is invisible. Tab and line feed are text; carriage return is not (it rewrites the line shown).

Hidden characters are valid YAML and print nothing themselves, yet change what the text around
them shows: after a right-to-left override (U+202E) the characters display in reverse order,
so a finding can show words its bytes do not hold; a zero-width space splits a word unseen.
Bidirectional controls and zero-width characters have no place in a Dutch audit file. The soft
hyphen (U+00AD) is left alone: it is a hyphenation hint and shows as a hyphen.
"""

import re
from collections.abc import Iterator
from typing import Any

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
HIDDEN = re.compile(
    "[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb"
    "\U000e0000-\U000e007f]"
)
_UNSEEN = re.compile(f"{CONTROL.pattern}|{HIDDEN.pattern}")

PathKey = tuple[str | int, ...]


def _escaped(char: str) -> str:
    code = ord(char)
    return (
        f"\\x{code:02x}"
        if code < 0x100
        else f"\\u{code:04x}"
        if code < 0x10000
        else (f"\\U{code:08x}")
    )


def visible(text: str) -> str:
    """The text with each control and hidden character written as an escape: ESC becomes
    `\\x1b`, a right-to-left override `\\u202e`."""
    if text.isascii() and not CONTROL.search(text):
        return text
    return _UNSEEN.sub(lambda m: _escaped(m.group(0)), text)


def may_hold_unseen(text: str) -> bool:
    """Whether any value parsed from this YAML text can hold a control or hidden character:
    only through an escape (a backslash) or the raw character."""
    return "\\" in text or _UNSEEN.search(text.replace("\r\n", "\n")) is not None


def unseen_in(data: Any, path: PathKey = ()) -> Iterator[tuple[PathKey, str]]:
    """(path, first control or hidden character) of every string key or value holding one."""
    if isinstance(data, str):
        found = _UNSEEN.search(data)
        if found:
            yield path, found.group(0)
    elif isinstance(data, dict):
        for key, value in data.items():
            if isinstance(key, str) and (in_key := _UNSEEN.search(key)):
                yield (*path, key), in_key.group(0)
            yield from unseen_in(value, (*path, key))
    elif isinstance(data, list):
        for index, item in enumerate(data):
            yield from unseen_in(item, (*path, index))
