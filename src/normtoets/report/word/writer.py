"""The rendered report HTML, element by element, into a python-docx document.

The DOCX is the HTML report in Word's terms, not a second report: the same templates (a
house style's included) decide the text, so the PDF, the HTML and the DOCX cannot disagree.
Headings become Word's built-in heading styles (navigation, contents), tables keep their
header rows on every page, the score badges keep their scale colour with the code as text.
Lists are Word lists (lists.py), source notes Word footnotes (notes.py).
"""

import re
from dataclasses import dataclass, replace
from typing import Any

from docx.enum.text import WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.shared import Mm, Pt, RGBColor
from docx.table import _Cell
from docx.text.paragraph import Paragraph
from lxml import html as lxml_html

from normtoets.report import tables
from normtoets.report.word import ooxml
from normtoets.report.word.css import HIDDEN, UNLISTED, VISUALLY_HIDDEN
from normtoets.report.word.lists import Lists, marked_form
from normtoets.report.word.notes import Footnotes, add_reference

BLOCKS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "caption",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "svg",
        "table",
        "ul",
    ]
)
HEADING_LEVEL = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 4, "h6": 4}
RECOMMENDATION_STYLE = "Aanbeveling"
# The title page's lines in Word's own styles, "Aanbeveling 3" in a style of its own (each the
# same, in its chapter and in Doorwerking); any other class is an ordinary paragraph.
PARAGRAPH_STYLES = {
    "cover-title": "Title",
    "cover-subtitle": "Subtitle",
    "cover-municipality": "Subtitle",
    "cover-volume": "Subtitle",
    "recommendation-number": RECOMMENDATION_STYLE,
}
CONTENT_WIDTH = Mm(164)  # A4 less the margins of report.css's @page (24 + 22 mm)
LIST_INDENT = Mm(6)
NOTE_STYLE = "Bronvermelding"  # a note no text cites: a paragraph, as the PDF lists it
LANGUAGE = "nl-NL"  # the report's; a passage marked lang="en" is English (en-GB)
# A language tag without a region, as Word's language (its spelling and hyphenation).
REGIONS = {"en": "en-GB", "nl": "nl-NL", "de": "de-DE", "fr": "fr-FR", "fy": "fy-NL",
           "es": "es-ES", "it": "it-IT", "pt": "pt-PT", "tr": "tr-TR", "ar": "ar-MA",
           "pl": "pl-PL"}  # fmt: skip
CHARACTER_MM = 2.6  # an average character at 10 pt in a wide font (DejaVu), bold included
CELL_PADDING_MM = 5.5  # Table Grid's cell margins, left and right, and a little air
_SPACE = re.compile(r"[ \t\n\r\f]+")  # HTML's white space: a no-break space is text
_COLOUR = re.compile(r"(?<![-\w])(background-color|color)\s*:\s*#([0-9a-fA-F]{6})")
_BOOKMARK_CHARACTERS = re.compile(r"[^A-Za-z0-9_]")
# Links a Word document may carry; any other (javascript:, file:) stays plain text.
_WEB_LINKS = ("https://", "http://", "mailto:")
_NOTE_NUMBER = re.compile(r"^\[?\d+\]?$")  # a note reference's text: [12]
_NOTE_LABEL = re.compile(r"^\[\d+\]$")  # the number a note's text opens with
_LABELLED = re.compile(r"\s*\([^()]*\)$")  # data-label's code after the label: "voldoet niet (--)"
NOTES_XPATH = "//ol[contains(concat(' ', normalize-space(@class), ' '), ' notes ')]/li[@id]"


def classes(element: Any) -> set[str]:
    return set((element.get("class") or "").split())


def text_of(element: Any) -> str:
    return _SPACE.sub(" ", element.text_content()).strip()


def hidden(element: Any) -> bool:
    """Never shown: display: none (data-hidden), screen readers' only text, scripts."""
    if element.get(HIDDEN) is not None or element.tag in ("script", "style", "template"):
        return True
    return VISUALLY_HIDDEN in classes(element) and element.tag != "caption"


def shown_text(element: Any) -> str:
    """The text the page shows: without a score's label for screen readers (.at-label)."""
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and not hidden(child):
            parts.append(shown_text(child))
        parts.append(child.tail or "")
    return _SPACE.sub(" ", "".join(parts)).strip()


def word_language(tag: str) -> str:
    """An HTML lang tag as Word's: en → en-GB, en-us → en-US."""
    language, _, region = tag.partition("-")
    if not region:
        return REGIONS.get(language.lower(), language.lower())
    return f"{language.lower()}-{region.upper() if len(region) == 2 else region}"


@dataclass(frozen=True)
class Look:
    """How a piece of inline text looks."""

    bold: bool = False
    italic: bool = False
    superscript: bool = False
    colour: str | None = None
    fill: str | None = None
    link: str | None = None  # "#id" inside the report, or an external URL
    tip: str | None = None  # the link's screen tip: its description (aria-label)
    note: str | None = None  # a reference to the note with this id: a footnote reference
    language: str | None = None  # a passage in another language (lang="en")
    small: bool = False  # a score's label beside its code


@dataclass
class Piece:
    text: str
    look: Look


class Writer:
    """Writes one report's HTML body into a document (Writer(…).children(body, document))."""

    def __init__(self, root: Any, numbers: dict[str, str], document: Any) -> None:
        self.numbers = numbers  # heading id → its chapter or paragraph number
        self.targets = {
            href[1:] for href in root.xpath("//a/@href") if href.startswith("#") and len(href) > 1
        }
        self.root = root
        self.bookmarks: dict[str, str] = {}
        self.bookmark_count = 0
        self.pending_bookmarks: list[str] = []
        self.break_before = False
        self.styles: list[str] = []  # paragraph style of the enclosing block (a quotation)
        self.lists: list[dict[str, Any]] = []  # the enclosing list items
        self.numbering = Lists(document.part.numbering_part.element)
        self.footnotes = Footnotes(document.part)
        self.notes = {item.get("id"): item for item in root.xpath(NOTES_XPATH)}
        self.cited = {
            link.get("href")[1:] for link in root.xpath("//a[@href]") if self.note_of(link)
        }
        self.noted: dict[str, tuple[int, str]] = {}  # note id → its footnote and bookmark
        self.compact = False  # in a cell that holds a score only

    # ---------------------------------------------------------------- block level

    def children(self, element: Any, box: Any, look: Look = Look()) -> None:
        """The element's content into box (the document or a table cell)."""
        pieces = self.text(element.text, look)
        for child in element:
            if isinstance(child.tag, str) and not self.hidden(child):
                if child.tag in BLOCKS:
                    self.flush(pieces, box)
                    pieces = []
                    self.block(child, box, look)
                else:
                    pieces += self.inline(child, look)
            pieces += self.text(child.tail, look)
        self.flush(pieces, box)

    def block(self, element: Any, box: Any, look: Look) -> None:
        identifier = element.get("id")
        if identifier in self.targets:
            self.pending_bookmarks.append(identifier)
        tag, kind = element.tag, classes(element)
        look = self.in_language(element, look)
        if "chapter-section" in kind:
            self.break_before = True
        if tag == "nav" and "toc" in kind:
            self.contents(element, box)
        elif tag in HEADING_LEVEL:
            self.heading(element, box)
        elif tag == "p":
            self.flush(self.inline_content(element, look), box, _paragraph_style(kind))
        elif tag in ("ul", "ol"):
            self.items(element, box, look)
        elif tag == "table":
            self.table(element, box)
        elif tag == "blockquote":
            self.styles.append("Quote")
            self.children(element, box, look)
            self.styles.pop()
        elif tag == "dt":
            self.flush(self.inline_content(element, replace(look, bold=True)), box)
        elif tag == "dd":
            self.lists.append({"indent": LIST_INDENT})
            self.children(element, box, look)
            self.lists.pop()
        elif tag == "svg":
            self._chart(element, box, look)
        elif tag != "hr":
            self.children(element, box, look)

    def _chart(self, svg: Any, box: Any, look: Look) -> None:
        """A chart as its text alternative, its title; the table after it has the numbers."""
        title = next((c.text for c in svg if c.tag == "title" and c.text), "")
        self.flush(self.text(f"Grafiek: {title}", replace(look, italic=True)), box)

    def heading(self, element: Any, box: Any) -> None:
        kind = classes(element)
        if "cover-title" in kind:
            style = "Title"
        elif "toc-title" in kind:
            style = "TOC Heading"
        else:
            style = f"Heading {HEADING_LEVEL[element.tag]}"
        pieces = self.text(element.get("data-number", ""), Look())
        self.flush(pieces + self.inline_content(element, Look()), box, style)

    def contents(self, nav: Any, box: Any) -> None:
        """The table of contents as Word's contents field, showing the report's own list
        (with chapter numbers) until Word or LibreOffice updates it with page numbers."""
        self.break_before = True
        for title in nav.xpath("./h1|./h2"):
            self.heading(title, box)
        entries = []
        for item in nav.xpath(".//li"):
            links = item.xpath(".//a[@href]")
            target = links[0].get("href", "")[1:] if links else ""
            level = 2 if "toc-level-2" in classes(item) else 1
            entries.append((level, self.numbers.get(target, "") + text_of(item)))
        paragraphs = []
        for level, text in entries or [(1, "")]:
            paragraph = self.paragraph(box, None)
            paragraph.paragraph_format.left_indent = LIST_INDENT * (level - 1)
            paragraphs.append((paragraph, level, text))
        ooxml.field_start(paragraphs[0][0], 'TOC \\o "1-3" \\h \\z \\u')
        for paragraph, level, text in paragraphs:
            paragraph.add_run(text).bold = level == 1
        ooxml.field_end(paragraphs[-1][0])
        self.break_before = True

    def items(self, element: Any, box: Any, look: Look) -> None:
        """A list: a Word list where the page shows bullets, numbers or labels of the items'
        own (typed: the Word list's label stands in for them); else indented paragraphs."""
        entries = [
            item
            for item in element
            if isinstance(item.tag, str) and item.tag == "li" and not self.hidden(item)
        ]
        if "notes" in classes(element):
            self.note_list(entries, box, look)
            return
        form = marked_form(element, entries, element.get(UNLISTED) is not None)
        level = min(sum(1 for entry in self.lists if "list" in entry), 8)
        number = (self.numbering.start(form, level), level) if form else None
        indent = form.width(len(entries)) if form else LIST_INDENT
        for item in entries:
            if item.get("id") in self.targets:
                self.pending_bookmarks.append(item.get("id"))
            if form and form.typed:
                item[0].set(HIDDEN, "")  # its typed label: Word numbers it
            self.lists.append({"indent": indent, "number": number, "hanging": True, "list": 1})
            self.children(item, box, look)
            self.lists.pop()

    def note_list(self, entries: list[Any], box: Any, look: Look) -> None:
        """A list of source notes: each note the text cites is a footnote at its (first)
        citation; a note nothing cites stays here, small, with its number as the PDF has it."""
        self.styles.append(NOTE_STYLE)
        for item in entries:
            if item.get("id") in self.cited:
                continue
            if item.get("id") in self.targets:
                self.pending_bookmarks.append(item.get("id"))
            self.lists.append({"indent": LIST_INDENT, "hanging": True})
            self.children(item, box, look)
            self.lists.pop()
        self.styles.pop()

    def table(self, element: Any, box: Any) -> None:
        model = tables.grid(element)
        if not model.rows:
            return
        captions = element.xpath("./caption")
        for caption in captions:
            if VISUALLY_HIDDEN not in classes(caption):
                self.flush(self.inline_content(caption, Look(bold=True)), box, "Caption")
        if self.break_before:  # a table that opens a chapter: the break goes before it
            self.paragraph(box, None)
        table = box.add_table(rows=len(model.rows), cols=max(model.columns, 1))
        table.style = "Table Grid"
        if captions:  # what Word offers a screen reader as the table's title
            ooxml.table_title(table._tbl.tblPr, text_of(captions[0]))
        labels = score_labels(element)
        if labels:  # a score cell shows its code only: the table's description says them
            ooxml.table_description(table._tbl.tblPr, "Scores in deze tabel: " + labels)
        for row, source in zip(table.rows, model.rows, strict=True):
            properties = row._tr.get_or_add_trPr()
            ooxml.keep_row_together(properties)
            if source.group == "thead":
                ooxml.repeat_as_header(properties)
        for placed in model.cells:
            cell = table.cell(placed.row, placed.column)
            if placed.rowspan > 1 or placed.colspan > 1:
                last = table.cell(
                    placed.row + placed.rowspan - 1, placed.column + placed.colspan - 1
                )
                cell = cell.merge(last)
            self.cell(cell, placed.element)
        widths = column_widths(model)
        table.autofit = False
        for index, width in enumerate(widths):
            table.columns[index].width = width
            for cell in table.columns[index].cells:
                cell.width = width

    def cell(self, cell: _Cell, source: Any) -> None:
        """A table cell; shaded in the scale's colour where the cell is a score: coloured
        itself (a score matrix) or holding nothing but a score badge."""
        own = colours(source)
        badge = only_badge(source)
        fill = own.get("background-color") or (colours(badge) if badge is not None else {}).get(
            "background-color"
        )
        if fill:
            ooxml.shade_cell(cell._tc.get_or_add_tcPr(), fill)
        saved, self.lists, self.styles = self.lists, [], []
        self.compact = badge is not None or source.get("data-label") is not None
        self.children(source, cell, Look(bold=source.tag == "th", colour=own.get("color")))
        self.lists, self.styles, self.compact = saved, [], False
        paragraphs = cell.paragraphs
        if len(paragraphs) > 1 and not paragraphs[0].text:
            paragraphs[0]._p.getparent().remove(paragraphs[0]._p)
        for paragraph in cell.paragraphs:
            paragraph.paragraph_format.space_after = Pt(2)

    # ---------------------------------------------------------------- paragraphs

    def paragraph(self, box: Any, style: str | None) -> Paragraph:
        style = style or (self.styles[-1] if self.styles else None)
        paragraph: Paragraph = box.add_paragraph(style=style)
        if self.break_before:
            paragraph.paragraph_format.page_break_before = True
            self.break_before = False
        for identifier in self.pending_bookmarks:
            self.bookmark(paragraph, identifier)
        self.pending_bookmarks = []
        if self.lists:
            layout = paragraph.paragraph_format
            layout.left_indent = sum((item["indent"] for item in self.lists), Mm(0))
            top = self.lists[-1]
            if top.get("hanging"):
                layout.first_line_indent = -top["indent"]
                if top.get("number"):  # Word's bullet or number, then a tab to the text
                    ooxml.number(paragraph, *top["number"])
                    layout.tab_stops.add_tab_stop(layout.left_indent)
                top["hanging"] = False  # the item's later paragraphs align with its text
        return paragraph

    def flush(self, pieces: list[Piece], box: Any, style: str | None = None) -> None:
        """A paragraph of the pieces, their white space collapsed as HTML does."""
        pieces = snug_notes(collapse(pieces))
        if not pieces:
            return
        paragraph = self.paragraph(box, style)
        for piece in pieces:
            if piece.look.note:
                self.note_reference(paragraph, piece.look.note)
            else:
                self.run(paragraph, piece)

    def run(self, paragraph: Paragraph, piece: Piece) -> None:
        look = piece.look
        link = self.link(paragraph, look)
        lines = piece.text.split("\n")
        run = paragraph.add_run(lines[0])
        for line in lines[1:]:
            run.add_break(WD_BREAK.LINE)
            run.add_text(line)
        run.bold = look.bold or None
        run.italic = look.italic or None
        if look.superscript:
            run.font.superscript = True
        if look.colour:
            run.font.color.rgb = RGBColor.from_string(look.colour)
        elif link is not None and look.link and not look.link.startswith("#"):
            run.font.color.rgb = RGBColor.from_string("12355B")
            run.font.underline = True
        if look.small:
            run.font.size = Pt(7.5)
        if look.fill:
            ooxml.shade_run(run._r.get_or_add_rPr(), look.fill)
        if look.language:
            ooxml.language(run._r.get_or_add_rPr(), look.language, ("val",))
        if link is not None:
            link.append(run._r)

    def link(self, paragraph: Paragraph, look: Look) -> Any:
        """The w:hyperlink a run of this look goes into (its screen tip the link's
        description), or None: no link, or one a Word document may not carry."""
        if look.link and look.link.startswith("#"):
            anchor = self.bookmark_name(look.link[1:])
            return ooxml.hyperlink(paragraph, anchor=anchor, tip=look.tip)
        if look.link and look.link.lower().startswith(_WEB_LINKS):
            part = paragraph.part
            r_id = part.relate_to(look.link, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
            return ooxml.hyperlink(paragraph, r_id=r_id, tip=look.tip)
        return None

    # ---------------------------------------------------------------- notes

    def note_of(self, link: Any) -> str | None:
        """The id of the note a link cites ("[3]" to a note of a notes list), else None."""
        target = (link.get("href") or "")[1:]
        if target in self.notes and _NOTE_NUMBER.match(text_of(link)):
            return str(target)
        return None

    def note_reference(self, paragraph: Paragraph, identifier: str) -> None:
        """The first citation of a note is its footnote; a later one refers to that footnote
        as Word's cross-reference does (NOTEREF): one note, one number, as in the PDF."""
        if identifier in self.noted:
            number, name = self.noted[identifier]
            ooxml.note_cross_reference(paragraph, name, str(number))
            return
        number, note = self.footnotes.add()
        name = f"_Ref_noot_{number}"
        self.bookmark_count += 1
        ooxml.bookmark_around(add_reference(paragraph, number), name, self.bookmark_count)
        self.noted[identifier] = (number, name)
        saved = (self.lists, self.styles, self.pending_bookmarks, self.break_before)
        self.lists, self.styles, self.pending_bookmarks, self.break_before = [], [], [], False
        item = self.notes[identifier]
        first = item[0] if len(item) and not (item.text or "").strip() else None
        if first is not None and first.tag == "span" and _NOTE_LABEL.match(text_of(first)):
            first.set(HIDDEN, "")  # "[3] ": Word numbers the note itself
        self.children(item, note, Look())
        if not len(note.element):  # a note has a paragraph, if an empty one
            note.add_paragraph()
        self.lists, self.styles, self.pending_bookmarks, self.break_before = saved

    # ---------------------------------------------------------------- inline level

    def inline_content(self, element: Any, look: Look) -> list[Piece]:
        pieces = self.text(element.text, look)
        for child in element:
            if isinstance(child.tag, str) and not self.hidden(child):
                pieces += self.inline(child, look)
            pieces += self.text(child.tail, look)
        return pieces

    def inline(self, element: Any, look: Look) -> list[Piece]:
        tag, kind = element.tag, classes(element)
        if element.get("id") in self.targets:
            self.pending_bookmarks.append(element.get("id"))
        look = self.in_language(element, look)
        if tag == "br":
            return [Piece("\n", look)]
        if tag == "a" and self.note_of(element):
            return [Piece(text_of(element), replace(look, note=self.note_of(element)))]
        if tag in ("strong", "b", "th"):
            look = replace(look, bold=True)
        elif tag in ("em", "i", "cite"):
            look = replace(look, italic=True)
        elif tag == "sup":
            look = replace(look, superscript=True)
        elif tag == "a" and element.get("href"):
            look = replace(look, link=element.get("href"), tip=self.description(element))
        elif tag == "q":  # report.css: quotes "“" "”", italic
            inner = self.inline_content(element, replace(look, italic=True))
            return [Piece("“", look), *inner, Piece("”", look)]
        if "badge" in kind:
            return self.badge(element, look)
        if tag in BLOCKS:  # a block inside a paragraph: its text, inline
            return [Piece(" ", look), *self.inline_content(element, look), Piece(" ", look)]
        return self.inline_content(element, look)

    def badge(self, element: Any, look: Look) -> list[Piece]:
        """A score: its code in the scale's colours. Its label (data-label, what a screen
        reader says in HTML) follows it, small, where the score stands in text; a cell that
        holds only the score stays compact, the table's description has the labels."""
        shown = colours(element)
        code = replace(
            look, bold=True, colour=shown.get("color"), fill=shown.get("background-color")
        )
        pieces = [Piece(f"\u00a0{shown_text(element)}\u00a0", code)]
        label = _LABELLED.sub("", element.get("data-label") or "")
        if label and not self.compact:
            pieces.append(Piece(f" {label}", replace(look, small=True)))
        return pieces

    def in_language(self, element: Any, look: Look) -> Look:
        """The look of an element with a lang of its own (another than the report's)."""
        tag = element.get("lang")
        if not tag:
            return look
        language = word_language(tag)
        return replace(look, language=None if language == LANGUAGE else language)

    def text(self, text: str | None, look: Look) -> list[Piece]:
        return [Piece(text, look)] if text else []

    def hidden(self, element: Any) -> bool:
        return hidden(element)

    # ---------------------------------------------------------------- links

    def bookmark_name(self, identifier: str) -> str:
        """Word's bookmark names: a letter first, then letters, digits and _, at most 40."""
        if identifier not in self.bookmarks:
            base = "_".join(["n", _BOOKMARK_CHARACTERS.sub("_", identifier)])[:34]
            self.bookmarks[identifier] = f"{base}_{len(self.bookmarks)}"
        return self.bookmarks[identifier]

    def description(self, link: Any) -> str | None:
        """What a link says of itself beyond its text: its aria-label; for a bare "[3]" to
        a place in the report, "Naar [3]: " and the start of what it points to."""
        if link.get("aria-label"):
            return str(link.get("aria-label"))
        text, target = text_of(link), (link.get("href") or "")[1:]
        found = self.root.xpath("//*[@id=$id]", id=target) if target else []
        if not _NOTE_NUMBER.match(text) or not found:
            return None
        said = text_of(found[0])
        return f"Naar {text}: {said[:80]}{'…' if len(said) > 80 else ''}"

    def bookmark(self, paragraph: Paragraph, identifier: str) -> None:
        self.bookmark_count += 1
        ooxml.bookmark(paragraph, self.bookmark_name(identifier), self.bookmark_count)


def collapse(pieces: list[Piece]) -> list[Piece]:
    """HTML's white space: runs of it one space, none at the start or end of a line."""
    out: list[Piece] = []
    space_before = True  # at the start of the paragraph or after a space or line break
    for piece in pieces:
        text = piece.text if piece.text == "\n" else _SPACE.sub(" ", piece.text)
        if text == "\n":
            if out and out[-1].text.endswith(" "):
                out[-1].text = out[-1].text[:-1]
            out.append(Piece("\n", piece.look))
            space_before = True
            continue
        if space_before:
            text = text.lstrip(" ")
        if text:
            out.append(Piece(text, piece.look))
            space_before = text.endswith(" ")
    while out and out[-1].text.endswith(" "):
        out[-1].text = out[-1].text.rstrip(" ")
        if not out[-1].text:
            out.pop()
    return out if any(piece.text.strip() for piece in out) else []


def snug_notes(pieces: list[Piece]) -> list[Piece]:
    """No space before a note's reference: Word sets the number against the word."""
    for index, piece in enumerate(pieces[1:], start=1):
        if piece.look.note and pieces[index - 1].text.endswith(" "):
            pieces[index - 1].text = pieces[index - 1].text.rstrip(" ")
    return [piece for piece in pieces if piece.text]


def _paragraph_style(kind: set[str]) -> str | None:
    """The Word style of a title page line or a recommendation's number (by its class); None
    for an ordinary paragraph."""
    return next((PARAGRAPH_STYLES[c] for c in sorted(kind) if c in PARAGRAPH_STYLES), None)


def score_labels(table: Any) -> str:
    """The labels of the scores a table shows by code (data-label), each once, in order."""
    found = dict.fromkeys(e.get("data-label") for e in table.xpath(".//*[@data-label]"))
    return "; ".join(label for label in found if label)


def colours(element: Any) -> dict[str, str]:
    """The background-color and color an element's style attribute gives, as RRGGBB."""
    return {name: value.upper() for name, value in _COLOUR.findall(element.get("style", ""))}


def only_badge(cell: Any) -> Any:
    """The cell's score badge when the badge is all the cell shows (a matrix of scores)."""
    badges = cell.xpath(".//span[contains(concat(' ', @class, ' '), ' badge ')]")
    if len(badges) == 1 and shown_text(badges[0]) == shown_text(cell):
        return badges[0]
    return None


def column_widths(model: tables.Grid) -> list[int]:
    """Widths shared out as a browser's automatic table layout does: no column narrower
    than its longest word, the room left to the columns with the longest text."""
    columns = max(model.columns, 1)
    longest = [1] * columns
    word = [1] * columns
    for cell in model.cells:
        if cell.colspan == 1:
            text = shown_text(cell.element)
            longest[cell.column] = max(longest[cell.column], min(len(text), 60))
            word[cell.column] = max(
                word[cell.column], min(max(map(len, text.split()), default=1), 20)
            )
    least = [Mm(CHARACTER_MM * n + CELL_PADDING_MM) for n in word]
    wanted = [Mm(CHARACTER_MM * n + CELL_PADDING_MM) for n in longest]
    if sum(least) >= CONTENT_WIDTH:
        return [int(CONTENT_WIDTH * w / sum(least)) for w in least]
    if sum(wanted) <= CONTENT_WIDTH:  # tables span the page (report.css: width 100%)
        return [int(CONTENT_WIDTH * w / sum(wanted)) for w in wanted]
    room = CONTENT_WIDTH - sum(least)
    extra = [w - m for w, m in zip(wanted, least, strict=True)]
    return [int(m + room * e / sum(extra)) for m, e in zip(least, extra, strict=True)]


def parse(html: str) -> Any:
    return lxml_html.document_fromstring(html)
