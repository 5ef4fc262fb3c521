"""The ends of lines: the last text of a line gets a space or a soft hyphen where the next
line starts a new word (/ActualText), so a reader never hears two words run together or a
hyphen inside a word, also when the next line is on the next page."""

from collections.abc import Iterator
from typing import Any

import pydyf
from weasyprint.formatting_structure import boxes

# When the HTML cannot tell, a line that ends in one of these ended without a space.
_NO_SPACE_AFTER = ("-", "/", "\u2010", "\u2011", "\u200b")


class LineEnds:
    """The line ends of every block, page after page."""

    def __init__(self) -> None:
        self.pending: dict[int, tuple[Any, Any]] = {}  # a block's last line, for its next page
        self.texts: dict[int, str] = {}

    def mark(
        self, block: Any, children: list[Any], tags: dict[Any, Any], marks: dict[int, Any]
    ) -> None:
        """Give the last text of each line a space or a soft hyphen where the next line starts a
        new word, also when the next line is on the next page."""
        key = id(block.element) if block.element is not None else None
        pending = self.pending.pop(key, None) if key is not None else None
        for line in children:
            if not isinstance(line, boxes.LineBox):
                continue
            texts = [t for t in leaves(line) if t in tags]
            if not texts:
                continue
            if pending is not None:
                self._end_line(*pending, texts[0], block)
            last = texts[-1]
            pending = (last, marks.get(tags[last]["mcid"]))
        if key is not None and pending is not None:
            self.pending[key] = pending

    def _end_line(self, last: Any, properties: Any, first: Any, block: Any) -> None:
        if properties is None or "MCID" not in properties:
            return
        text = original_case(last) or last.text
        hyphen = last.style["hyphenate_character"]
        if hyphen and text.endswith(hyphen):
            stem = text[: -len(hyphen)]
            properties["ActualText"] = pydyf.String(
                stem if stem.endswith("\xad") else stem + "\xad"
            )
        elif text.endswith((" ", "\xad")):
            return
        elif self._space_between(text, first.text, block):
            properties["ActualText"] = pydyf.String(text + " ")

    def _space_between(self, left: str, right: str, block: Any) -> bool:
        """Whether the HTML has a space where the line broke: the end of one line and the start
        of the next are looked up in the block's text, with and without one."""
        right = right.lstrip()
        if not left or not right:
            return bool(right)
        text = self._text(block.element) if block.element is not None else ""
        tail, head = left[-24:].casefold(), right[:24].casefold()
        if tail + " " + head in text:
            return True
        if tail + head in text:
            return False
        return not left.endswith(_NO_SPACE_AFTER)  # generated text: the HTML cannot tell

    def _text(self, element: Any) -> str:
        key = id(element)
        if key not in self.texts:
            self.texts[key] = " ".join("".join(element.itertext()).split()).casefold()
        return self.texts[key]


def leaves(box: Any) -> Iterator[Any]:
    """The text and replaced boxes of a line, in order, inline blocks included; no leaders."""
    if getattr(box, "is_leader", False):
        return
    if isinstance(box, boxes.TextBox):
        yield box
        return
    for child in getattr(box, "children", None) or []:
        yield from leaves(child)


def original_case(box: Any) -> str | None:
    """The words as written where the stylesheet shows them in capitals (text-transform): a
    reader should hear "Rekenkamer", not R-E-K-E-N-K-A-M-E-R. None where nothing was changed,
    or the written text cannot be found letter for letter."""
    if box.style["text_transform"] == "none" or box.element is None:
        return None
    written = "".join(box.element.itertext())
    at = written.upper().find(box.text) if len(written.upper()) == len(written) else -1
    if at < 0:
        return None
    original = written[at : at + len(box.text)]
    return None if original == box.text else original
