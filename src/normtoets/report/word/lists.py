"""The report's lists as Word lists: numbering definitions, not typed bullets and numbers.

A list the stylesheet shows with bullets or numbers gets Word's: one bullet definition for
every bulleted list, and a list instance of its own for each numbered list (so each starts at
its own first number, `start` included). A list the stylesheet shows without markers whose
items open with a label of their own ("a. ", "OV1 ") in sequence is numbered by Word in that
form, the typed label left out; any other list without markers stays paragraphs.
"""

import re
from dataclasses import dataclass
from typing import Any

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Emu, Mm

from normtoets.report.word.css import LIST_STYLE

LEVELS = 9  # Word's levels per list definition
INDENT = Mm(6)  # report.css: a list's indent
BULLETS = ("•", "–", "▪")  # per level; report.css: a list in a list has a dash
# A typed label: letters before a number ("OV1"), or one letter or number, then "." or ")".
_LABEL = re.compile(r"^(?P<prefix>[A-Za-z]{0,4}?)(?P<value>\d{1,3}|[a-zA-Z])(?P<suffix>[.)]?)$")
_SPACE = re.compile(r"[ \t\n\r\f]+")
LABEL_TAGS = frozenset(["span", "b", "strong"])
# HTML's type attribute and CSS's list-style-type, as Word's number formats.
FORMATS = {
    "1": "decimal",
    "a": "lowerLetter",
    "A": "upperLetter",
    "i": "lowerRoman",
    "I": "upperRoman",
    "decimal": "decimal",
    "lower-alpha": "lowerLetter",
    "lower-latin": "lowerLetter",
    "upper-alpha": "upperLetter",
    "upper-latin": "upperLetter",
    "lower-roman": "lowerRoman",
    "upper-roman": "upperRoman",
}


@dataclass(frozen=True)
class Form:
    """How a list's items are marked: Word's number format, and the text around the number."""

    format: str  # "bullet", "decimal", "lowerLetter", …
    prefix: str = ""
    suffix: str = "."
    start: int = 1
    typed: bool = False  # the items carry the label as text, which the Word list replaces

    def text(self, level: int) -> str:
        if self.format == "bullet":
            return BULLETS[level % len(BULLETS)]
        return f"{self.prefix}%{level + 1}{self.suffix}"

    def width(self, count: int) -> int:
        """The indent that holds the widest label (at 10 pt, a character ≈ 2.6 mm at most)."""
        if self.format == "bullet":
            return INDENT
        widest = len(self.prefix) + len(str(self.start + count - 1)) + len(self.suffix)
        return max(INDENT, Mm(2.6 * widest + 1))


def _visible_text(element: Any) -> str:
    return _SPACE.sub(" ", element.text_content()).strip()


def _value(value: str) -> int:
    return int(value) if value.isdigit() else ord(value.lower()) - ord("a") + 1


def _label_element(element: Any) -> bool:
    """A span of text only: a link ("B1" to its norm) is content, never a label."""
    return (
        element is not None
        and element.tag in LABEL_TAGS
        and not element.xpath(".//a | .//*[contains(@class, 'badge')]")
    )


def _labels(items: list[Any]) -> list[re.Match[str]]:
    """The typed label of each item, or none at all if an item has none."""
    labels = []
    for item in items:
        first = item[0] if len(item) else None
        match = _LABEL.match(_visible_text(first)) if _label_element(first) else None
        if match is None or (item.text or "").strip():
            return []
        labels.append(match)
    return labels


def typed_form(items: list[Any]) -> Form | None:
    """The form of the labels a list without markers types at the start of its items, when
    every item has one and they count on (a., b., c.; OV1, OV2); else None."""
    labels = _labels(items)
    if not labels:
        return None
    prefix, suffix = labels[0]["prefix"], labels[0]["suffix"]
    values = [m["value"] for m in labels]
    letters = not values[0].isdigit()
    alike = all(
        (m["prefix"], m["suffix"], m["value"].isdigit()) == (prefix, suffix, not letters)
        for m in labels
    )
    start = _value(values[0])
    counting = [_value(v) for v in values] == list(range(start, start + len(values)))
    if not (alike and counting) or (letters and not suffix):  # "a" alone is a word
        return None
    kind = "decimal" if not letters else ("lowerLetter" if values[0].islower() else "upperLetter")
    return Form(kind, prefix, suffix, start, typed=True)


def marked_form(element: Any, items: list[Any], unlisted: bool) -> Form | None:
    """The form of a list the stylesheet marks (bullets, numbers), or of its items' typed
    labels; None for a list shown without either."""
    if unlisted:
        return typed_form(items)
    if element.tag == "ul":
        return Form("bullet")
    start = element.get("start", "1")
    kind = FORMATS.get(element.get("type") or element.get(LIST_STYLE) or "1", "decimal")
    return Form(kind, start=int(start) if start.isdigit() else 1)


def _level(form: Form, level: int) -> str:
    indent = Emu(INDENT * (level + 1))
    return (
        f'<w:lvl w:ilvl="{level}"><w:start w:val="{form.start if level == 0 else 1}"/>'
        f'<w:numFmt w:val="{form.format}"/><w:lvlText w:val="{form.text(level)}"/>'
        f'<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{indent.twips}"'
        f' w:hanging="{INDENT.twips}"/></w:pPr></w:lvl>'
    )


class Lists:
    """The document's numbering part, with a definition per form of list."""

    def __init__(self, numbering: Any) -> None:
        self.numbering = numbering
        self.abstract: dict[tuple[str, str, str], int] = {}
        self.bullets: int | None = None
        used = [int(n) for n in numbering.xpath("./w:abstractNum/@w:abstractNumId")]
        self.next_abstract = max(used, default=-1) + 1

    def _definition(self, form: Form) -> int:
        key = (form.format, form.prefix, form.suffix)
        if key not in self.abstract:
            number = self.next_abstract
            self.next_abstract += 1
            levels = "".join(_level(Form(*key), level) for level in range(LEVELS))
            definition = parse_xml(
                f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{number}">'
                f'<w:multiLevelType w:val="hybridMultilevel"/>{levels}</w:abstractNum>'
            )
            existing = self.numbering.xpath("./w:num")
            if existing:
                existing[0].addprevious(definition)
            else:
                self.numbering.append(definition)
            self.abstract[key] = number
        return self.abstract[key]

    def start(self, form: Form, level: int) -> int:
        """The numId of a new list: bulleted lists share one; each numbered list has its own
        instance, restarting at its first number."""
        if form.format == "bullet" and self.bullets is not None:
            return self.bullets
        instance = self.numbering.add_num(self._definition(form))
        if form.format == "bullet":
            self.bullets = instance.numId
        else:
            instance.add_lvlOverride(ilvl=level).add_startOverride(form.start)
        return int(instance.numId)
