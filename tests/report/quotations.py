"""Passages in quotation marks, in a report's PDF text and in the text of a source.

The same reading on both sides: a passage opens with “ or ‘ not preceded by a letter and
closes at the first ” or ’ not followed by one (an apostrophe, as in "scenario’s", is neither).
The Duiven report itself closes a “ with ’ once; read this way that passage is still found.
"""

import re

from normtoets.sourcetexts.quotes import normalise

_PASSAGE = re.compile(r"(?<!\w)[“‘](.+?)[”’](?!\w)", re.S)
_NOTE_AFTER = re.compile(r"\s*\[(\d+)\]")
# A word broken by the layout: WeasyPrint's hyphen (U+2010) at a line end.
_LAYOUT_BREAK = re.compile("\u2010\n")


def passages(text: str) -> list[tuple[str, int | None]]:
    """Each quoted passage with the number of the note right after it, if any."""
    found = []
    for match in _PASSAGE.finditer(text):
        note = _NOTE_AFTER.match(text, match.end())
        found.append((match.group(1), int(note.group(1)) if note else None))
    return found


def fragments(passage: str) -> list[str]:
    """The parts of a passage between the ellipses that mark what it leaves out."""
    parts = (p.strip(" .,;:") for p in re.split(r"…|\.\.\.", passage))
    return [normalise(p) for p in parts if p]


def pdf_text(pages: list[str], running_lines: tuple[str, ...]) -> str:
    """The pages' text without running headers, page numbers and bullets left alone."""
    kept = []
    for page in pages:
        for line in page.splitlines():
            bare = line.strip()
            if bare in ("", "•") or bare.startswith(running_lines):
                continue
            if re.fullmatch(r"pagina \d+ van \d+", bare):
                continue
            kept.append(line)
    return _LAYOUT_BREAK.sub("", "\n".join(kept))
