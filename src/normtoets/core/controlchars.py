"""Control characters in text: never sent raw to a terminal, never accepted in a data file.

YAML keeps raw control characters out of a file, but a double-quoted escape (`"\\e[2J"`) puts
one in a value; sent to a terminal it can clear the screen or retitle the window, in a report it
is invisible. Tab and line feed are text; carriage return is not (it rewrites the line shown).
"""

import re
from collections.abc import Iterator
from typing import Any

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")

PathKey = tuple[str | int, ...]


def visible(text: str) -> str:
    """The text with each control character written as an escape: ESC becomes `\\x1b`."""
    if not CONTROL.search(text):
        return text
    return CONTROL.sub(lambda m: f"\\x{ord(m.group(0)):02x}", text)


def controls_in(data: Any, path: PathKey = ()) -> Iterator[tuple[PathKey, str]]:
    """(path, first control character) of every string key or value that holds one."""
    if isinstance(data, str):
        found = CONTROL.search(data)
        if found:
            yield path, found.group(0)
    elif isinstance(data, dict):
        for key, value in data.items():
            if isinstance(key, str) and CONTROL.search(key):
                yield (*path, key), CONTROL.search(key).group(0)  # type: ignore[union-attr]
            yield from controls_in(value, (*path, key))
    elif isinstance(data, list):
        for index, item in enumerate(data):
            yield from controls_in(item, (*path, index))
